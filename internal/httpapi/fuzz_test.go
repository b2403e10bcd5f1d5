package httpapi_test

import (
	"bytes"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/testenv"
)

// fuzzTarget is a server the fuzzer drives, with what its requests need.
type fuzzTarget struct {
	ts  *testServer
	ids map[string]string
	tok bearer
}

// FuzzAPI sends arbitrary JSON bodies and query strings to the API's
// operations — sending messages among them — with real ids and full
// rights, on SQLite and, when PARLEY_TEST_POSTGRES_URL is set, on
// PostgreSQL. No answer may be a 5xx, and nothing may be logged at ERROR.
// Operations that end the fuzzer's own access (DELETE, logout) are left
// out. .ci/run fuzzes it for a bounded time; go test runs the seeds.
func FuzzAPI(f *testing.F) {
	targets := []fuzzTarget{newFuzzTarget(f, newServer(f))}
	if os.Getenv(testenv.PostgresEnv) != "" {
		targets = append(targets, newFuzzTarget(f, newServerOn(f, testenv.PostgresURL(f))))
	}
	var ops []apiOperation
	for _, op := range openAPIDocument(f, targets[0].ts).operations() {
		if op.Method != "DELETE" && op.Path != "/api/v1/auth/logout" {
			ops = append(ops, op)
		}
	}
	find := func(method, path string) uint16 {
		for i, op := range ops {
			if op.Method == method && op.Path == path {
				return uint16(i)
			}
		}
		f.Fatalf("no operation %s %s", method, path)
		return 0
	}
	send := find("POST", "/api/v1/conversations/{id}/messages")
	f.Add(send, "", []byte(`{"body":"hello","client_id":"c1"}`))
	f.Add(send, "", []byte(`{"body":"a\u0000b","client_id":"c2"}`))
	f.Add(send, "", []byte("{\"body\":\"\xff\xfe\",\"client_id\":\"c3\"}"))
	f.Add(send, "", []byte(`{"body":"\ud800","kind":"note","client_id":"c4"}`))
	f.Add(find("POST", "/api/v1/auth/login"), "", []byte(`{"email":"a\u0000@example.com","password":"x"}`))
	f.Add(find("GET", "/api/v1/visitor/inbox"), "inbox_id=%00", []byte(nil))
	f.Add(find("GET", "/api/v1/contacts"), "q=%ff%fe&limit=2", []byte(nil))
	f.Add(find("PATCH", "/api/v1/contacts/{id}"), "", []byte(`{"attributes":{"plan\u0000":1}}`))
	f.Add(find("POST", "/api/v1/inboxes"), "", []byte(`{"name":"x","widget":{"color":"\udfff"}}`))
	f.Add(find("GET", "/api/v1/conversations"), "status=open&status=%00", []byte(nil))
	install := find("POST", "/api/v1/apps")
	f.Add(install, "", []byte(`{"name":"a\u0000","scopes":["agents:read"]}`))
	f.Add(install, "", []byte("{\"name\":\"x\",\"publisher\":\"\xff\",\"scopes\":[\"agents:read\"]}"))
	f.Add(install, "", []byte(`{"name":"x","scopes":["agents:read"],"webhook":{"url":"https://93.184.215.14/\u0000","event_types":["*"]}}`))
	f.Add(install, "", []byte(`{"name":"x","scopes":["agents:read"],"quotas":{"agents_total":1e30}}`))
	f.Fuzz(func(t *testing.T, opIndex uint16, query string, body []byte) {
		op := ops[int(opIndex)%len(ops)]
		for _, target := range targets {
			path := op.pathWith(target.ids, "", "")
			if query != "" {
				path += "?" + query
			}
			req, err := http.NewRequest(op.Method, target.ts.URL+path, bytes.NewReader(body))
			if err != nil {
				return // not a request a client could send
			}
			req.Header.Set("Content-Type", "application/json")
			if len(op.Security) > 0 {
				target.tok.apply(req)
			}
			logged := len(target.ts.logs.String())
			res := target.ts.send(t, req)
			if res.status >= 500 {
				t.Fatalf("%s %s with %q: %d %s", op.Method, path, body, res.status, truncate(res.body))
			}
			if logs := target.ts.logs.String()[logged:]; strings.Contains(logs, "level=ERROR") {
				t.Fatalf("%s %s with %q logged at ERROR:\n%s", op.Method, path, body, logs)
			}
		}
	})
}

func newFuzzTarget(t testing.TB, ts *testServer) fuzzTarget {
	return fuzzTarget{ts: ts, ids: fixtureIDs(t, ts),
		tok: ts.token(t, ts.ws.ID, parley.ScopeAll, parley.ScopeWorkspacesRead, parley.ScopeWorkspacesWrite)}
}
