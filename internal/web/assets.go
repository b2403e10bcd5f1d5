package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

// dist is the output of web/build.sh.
//
//go:embed all:dist
var dist embed.FS

// Cache lifetimes.
const (
	immutableCache = "public, max-age=31536000, immutable" // hashed names
	loaderCache    = "public, max-age=300"                 // /widget.js: stable name, revalidated with its ETag
)

// file is one embedded file, ready to serve.
type file struct {
	name  string
	data  []byte
	gz    []byte // gzip-compressed copy, nil when it would not be smaller
	etag  string
	ctype string
}

// assets are the files of dist by path ("widget.js", "assets/…") and the
// manifest mapping source names to hashed paths.
type assets struct {
	files    map[string]*file
	manifest map[string]string
}

func loadAssets(fsys fs.FS) (*assets, error) {
	a := &assets{files: map[string]*file{}}
	raw, err := fs.ReadFile(fsys, "dist/manifest.json")
	if err != nil {
		return nil, fmt.Errorf("read manifest (run web/build.sh): %w", err)
	}
	if err := json.Unmarshal(raw, &a.manifest); err != nil {
		return nil, fmt.Errorf("parse manifest: %w", err)
	}
	err = fs.WalkDir(fsys, "dist", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, "dist/")
		a.files[name] = newFile(name, data)
		return nil
	})
	if err != nil {
		return nil, err
	}
	for key, p := range a.manifest {
		if a.files[p] == nil {
			return nil, fmt.Errorf("manifest names %s → %s, which is not built", key, p)
		}
	}
	return a, nil
}

func newFile(name string, data []byte) *file {
	sum := sha256.Sum256(data)
	f := &file{
		name:  name,
		data:  data,
		etag:  `"` + base64.RawURLEncoding.EncodeToString(sum[:12]) + `"`,
		ctype: mime.TypeByExtension(path.Ext(name)),
	}
	if f.ctype == "" {
		f.ctype = "application/octet-stream"
	}
	if strings.HasSuffix(name, ".d.ts") { // TypeScript types, not an MPEG stream
		f.ctype = "text/plain; charset=utf-8"
	}
	if strings.HasPrefix(f.ctype, "text/") || strings.Contains(f.ctype, "javascript") || strings.Contains(f.ctype, "json") || strings.Contains(f.ctype, "svg") {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		zw.Write(data)
		zw.Close()
		if buf.Len() < len(data) {
			f.gz = buf.Bytes()
		}
	}
	return f
}

// serve writes f with its ETag (answering If-None-Match with 304), the
// given Cache-Control, and gzip when the client accepts it.
func (f *file) serve(w http.ResponseWriter, r *http.Request, cacheControl string) {
	h := w.Header()
	h.Set("Content-Type", f.ctype)
	h.Set("Cache-Control", cacheControl)
	h.Set("ETag", f.etag)
	h.Set("X-Content-Type-Options", "nosniff")
	// Customer pages load the widget from another origin, also pages that
	// isolate themselves with Cross-Origin-Embedder-Policy.
	h.Set("Cross-Origin-Resource-Policy", "cross-origin")
	h.Add("Vary", "Accept-Encoding")
	body := f.data
	if f.gz != nil && acceptsGzip(r) {
		h.Set("Content-Encoding", "gzip")
		body = f.gz
	}
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}

func acceptsGzip(r *http.Request) bool {
	for part := range strings.SplitSeq(r.Header.Get("Accept-Encoding"), ",") {
		enc, q, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(enc), "gzip") && strings.ReplaceAll(q, " ", "") != "q=0" {
			return true
		}
	}
	return false
}

func (s *Site) serveWidget(w http.ResponseWriter, r *http.Request) {
	f := s.assets.files["widget.js"]
	if f == nil {
		http.NotFound(w, r)
		return
	}
	f.serve(w, r, loaderCache)
}

// serveSDK serves the browser SDK (/sdk/parley-client.js and its .d.ts) at
// a stable URL, revalidated like /widget.js. Pages of other origins import
// it as an ES module, which browsers fetch with CORS.
func (s *Site) serveSDK(w http.ResponseWriter, r *http.Request) {
	f := s.assets.files["sdk/"+r.PathValue("name")]
	if f == nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Access-Control-Allow-Origin", "*")
	f.serve(w, r, loaderCache)
}

// serveExample serves examples/custom-chat (a chat page built only on the
// SDK) in demo mode, the page with the CSP of Parley's pages.
func (s *Site) serveExample(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	if name == "" {
		name = "index.html"
	}
	f := s.assets.files["examples/custom-chat/"+name]
	if s.cfg.Demo == nil || f == nil {
		http.NotFound(w, r)
		return
	}
	if name == "index.html" {
		writeHTML(w, f.data, pageCSP)
		return
	}
	f.serve(w, r, "no-cache")
}

func (s *Site) serveAsset(w http.ResponseWriter, r *http.Request) {
	f := s.assets.files["assets/"+r.PathValue("path")]
	if f == nil {
		http.NotFound(w, r)
		return
	}
	f.serve(w, r, immutableCache)
}
