package realtime

import (
	"crypto/sha1"
	"encoding/base64"
	"net"
	"net/http"
	"strings"
)

// acceptGUID is the WebSocket protocol's fixed key suffix (RFC 6455 §1.3).
const acceptGUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

// upgrade checks r as a WebSocket opening handshake (RFC 6455 §4.2.1),
// answers 101 and hijacks the connection. On failure it has answered with
// an HTTP error and returns a nil net.Conn.
//
// The 101 goes through w, so that middleware records the status; the
// hijacked connection's buffered reader and writer are not kept (buffered
// holds any bytes the client sent after its request, in practice none).
// No extension is negotiated: frames are never compressed.
func upgrade(w http.ResponseWriter, r *http.Request) (nc net.Conn, buffered []byte) {
	if msg, code := checkHandshake(w, r); code != 0 {
		http.Error(w, msg, code)
		return nil, nil
	}
	h := w.Header()
	h.Set("Upgrade", "websocket")
	h.Set("Connection", "Upgrade")
	h.Set("Sec-WebSocket-Accept", acceptKey(strings.TrimSpace(r.Header.Get("Sec-WebSocket-Key"))))
	w.WriteHeader(http.StatusSwitchingProtocols)
	nc, brw, err := http.NewResponseController(w).Hijack()
	if err != nil {
		// Not hijackable (HTTP/2, a test recorder): nothing was sent yet
		// beyond what the server decides to do with the 101.
		return nil, nil
	}
	if brw != nil && brw.Reader.Buffered() > 0 {
		b, _ := brw.Reader.Peek(brw.Reader.Buffered())
		buffered = append([]byte(nil), b...)
	}
	return nc, buffered // brw, and the HTTP server's buffers with it, is garbage now
}

// checkHandshake returns an error message and HTTP status if r is not a
// valid WebSocket opening handshake, or a zero status.
func checkHandshake(w http.ResponseWriter, r *http.Request) (string, int) {
	if !r.ProtoAtLeast(1, 1) {
		return "WebSocket needs HTTP/1.1.", http.StatusUpgradeRequired
	}
	if !headerHasToken(r.Header, "Connection", "upgrade") || !headerHasToken(r.Header, "Upgrade", "websocket") {
		w.Header().Set("Connection", "Upgrade")
		w.Header().Set("Upgrade", "websocket")
		return "This endpoint needs a WebSocket upgrade.", http.StatusUpgradeRequired
	}
	if r.Header.Get("Sec-WebSocket-Version") != "13" {
		w.Header().Set("Sec-WebSocket-Version", "13")
		return "Only WebSocket version 13 is supported.", http.StatusBadRequest
	}
	keys := r.Header.Values("Sec-WebSocket-Key")
	if len(keys) != 1 {
		return "One Sec-WebSocket-Key is required.", http.StatusBadRequest
	}
	if k, err := base64.StdEncoding.DecodeString(strings.TrimSpace(keys[0])); err != nil || len(k) != 16 {
		return "The Sec-WebSocket-Key must be 16 bytes in base64.", http.StatusBadRequest
	}
	return "", 0
}

// headerHasToken reports whether a comma-separated header of h contains
// token, ignoring case.
func headerHasToken(h http.Header, name, token string) bool {
	for _, v := range h.Values(name) {
		for t := range strings.SplitSeq(v, ",") {
			if strings.EqualFold(strings.TrimSpace(t), token) {
				return true
			}
		}
	}
	return false
}

func acceptKey(key string) string {
	sum := sha1.Sum([]byte(key + acceptGUID))
	return base64.StdEncoding.EncodeToString(sum[:])
}
