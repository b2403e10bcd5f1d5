package httpapi

import (
	"bytes"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"

	"github.com/parleychat/parley"
)

// maxCheckedBody bounds the JSON body the text rule reads ahead. Every
// JSON operation's own limit is lower, so a larger body is passed on
// unchecked for huma to refuse as too large.
const maxCheckedBody = 2 << 20

// maxQueryValue bounds every query parameter's value: ids, cursors and
// search words are all far shorter.
const maxQueryValue = 4096

// textRule refuses, with a 422 problem naming the field, a request whose
// path, query or JSON body breaks the text rule (parley.CheckJSONText: no
// NUL, valid UTF-8, no lone surrogate) or that has a query value longer
// than maxQueryValue, before any handler, store or log line sees it. It
// applies to every route the mux serves, public or not.
func (s *server) textRule(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var v parley.Validation
		v.Text("path", r.URL.Path)
		// A query that does not parse is left to huma, which refuses it.
		if q, err := url.ParseQuery(r.URL.RawQuery); err == nil {
			for key, vals := range q {
				field := "query." + key
				if !parley.ValidText(key) {
					field = "query"
				}
				v.Text(field, key)
				for _, val := range vals {
					v.BoundedText(field, val, maxQueryValue)
				}
			}
		}
		if err := v.Err(); err != nil {
			writeProblem(w, s.problem(r.Context(), err))
			return
		}
		if r.Body != nil && jsonContent(r.Header.Get("Content-Type")) {
			head, err := io.ReadAll(io.LimitReader(r.Body, maxCheckedBody+1))
			if err != nil {
				writeProblem(w, s.problem(r.Context(), parley.Errorf(parley.EINVALID, "The request body could not be read.")))
				return
			}
			if len(head) <= maxCheckedBody {
				if err := parley.CheckJSONText(head); err != nil {
					writeProblem(w, s.problem(r.Context(), err))
					return
				}
			}
			r.Body = readCloser{io.MultiReader(bytes.NewReader(head), r.Body), r.Body}
		}
		next.ServeHTTP(w, r)
	})
}

// jsonContent reports whether a Content-Type is JSON (application/json or
// a +json type such as application/merge-patch+json).
func jsonContent(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	return err == nil && (mt == "application/json" || strings.HasSuffix(mt, "+json"))
}

// readCloser reads from Reader and closes Closer.
type readCloser struct {
	io.Reader
	io.Closer
}
