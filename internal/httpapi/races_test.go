package httpapi_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sync"
	"testing"
)

// call is a request made from a goroutine of a race, where the test may
// not fail: its outcome is checked afterwards.
type call struct {
	method, path string
	creds        creds
	body         any

	status int
	resp   []byte
	err    error
}

// raceCalls sends every call at once, each from its own goroutine, and
// returns when all have answered.
func (ts *testServer) raceCalls(calls []*call) {
	start := make(chan struct{})
	var wg sync.WaitGroup
	for _, c := range calls {
		wg.Go(func() {
			var rd io.Reader
			if c.body != nil {
				b, err := json.Marshal(c.body)
				if err != nil {
					c.err = err
					return
				}
				rd = bytes.NewReader(b)
			}
			req, err := http.NewRequest(c.method, ts.URL+c.path, rd)
			if err != nil {
				c.err = err
				return
			}
			if rd != nil {
				req.Header.Set("Content-Type", "application/json")
			}
			c.creds.apply(req)
			<-start
			resp, err := ts.Client().Do(req)
			if err != nil {
				c.err = err
				return
			}
			defer resp.Body.Close()
			c.status = resp.StatusCode
			c.resp, c.err = io.ReadAll(resp.Body)
		})
	}
	close(start)
	wg.Wait()
}

// want fails the test unless the call answered status.
func (c *call) want(t *testing.T, status int) {
	t.Helper()
	if c.err != nil {
		t.Fatalf("%s %s: %v", c.method, c.path, c.err)
	}
	if c.status != status {
		t.Fatalf("%s %s: status = %d, want %d; body: %s", c.method, c.path, c.status, status, c.resp)
	}
}

func (c *call) String() string { return fmt.Sprintf("%s %s", c.method, c.path) }
