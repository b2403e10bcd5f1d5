package outbound

import (
	"io"
	"net/http"
)

// cappedTransport makes every response body fail with ErrTooLarge once
// more than max bytes would be read from it.
type cappedTransport struct {
	base http.RoundTripper
	max  int64
}

func (t cappedTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.base.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	resp.Body = &cappedBody{body: resp.Body, left: t.max}
	return resp, nil
}

// cappedBody reads at most left more bytes of body; a read past them fails
// with ErrTooLarge rather than ending early, so that a truncated document
// is never taken for a whole one.
type cappedBody struct {
	body io.ReadCloser
	left int64
	err  error // ErrTooLarge once seen
}

func (b *cappedBody) Read(p []byte) (int, error) {
	if b.err != nil {
		return 0, b.err
	}
	if b.left <= 0 {
		var one [1]byte
		n, err := b.body.Read(one[:])
		if n > 0 {
			b.err = ErrTooLarge
			return 0, b.err
		}
		return 0, err
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.body.Read(p)
	b.left -= int64(n)
	return n, err
}

func (b *cappedBody) Close() error { return b.body.Close() }
