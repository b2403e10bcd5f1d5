package httpapi_test

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/parleychat/parley"
)

// onEngines runs f against a server over SQLite and one over PostgreSQL
// (see engines).
func onEngines(t *testing.T, f func(t *testing.T, ts *testServer)) {
	engines(t, func(t *testing.T, open func(t *testing.T, opts ...serverOption) *testServer) { f(t, open(t)) })
}

// badString is a value breaking the text rule or a size limit, as a JSON
// string literal (raw: bytes Go's encoder would repair) and as it goes in
// a URL (already escaped).
type badString struct {
	name, json, url string
}

var badStrings = []badString{
	{"NUL", `"a\u0000b"`, "a%00b"},
	{"RawNUL", "\"a\x00b\"", "%00"},
	{"LoneSurrogate", `"a\ud800b"`, "a%ED%A0%80b"},
	{"InvalidUTF8", "\"a\xff\xfeb\"", "a%FF%FEb"},
	{"OneMegabyte", `"` + strings.Repeat("x", 1<<20) + `"`, strings.Repeat("x", 1<<20)},
}

// TestTextRuleAtTheEdge: the requests an outside test found answered 500
// are refused with a 422 naming the field, and nothing is logged at ERROR.
func TestTextRuleAtTheEdge(t *testing.T) {
	onEngines(t, func(t *testing.T, ts *testServer) {
		tok := ts.token(t, ts.ws.ID, parley.ScopeAll)
		in := ts.inbox(t)
		v := ts.guest(t, in)
		tests := []struct {
			name, method, path string
			c                  creds
			body               string
			location           string
		}{
			{"LoginEmail", "POST", "/api/v1/auth/login", nil, `{"email":"a\u0000@example.com","password":"whatever-long"}`, "body.email"},
			{"InboxQuery", "GET", "/api/v1/visitor/inbox?inbox_id=%00", nil, "", "query.inbox_id"},
			{"PathNUL", "GET", "/api/v1/agents/%00", tok, "", "path"},
			{"PathInvalidUTF8", "GET", "/api/v1/contacts/%ff%fe", tok, "", "path"},
			{"ContactName", "PATCH", "/api/v1/visitor/contact", v, `{"name":"Ann\u0000"}`, "body.name"},
			{"AttributeValue", "PATCH", "/api/v1/visitor/contact", v, `{"attributes":{"plan":"pro\ud800"}}`, "body.attributes.plan"},
			{"AttributeKey", "PATCH", "/api/v1/visitor/contact", v, "{\"attributes\":{\"p\xfflan\":\"pro\"}}", "body.attributes"},
			{"ListFilter", "GET", "/api/v1/contacts?q=%00", tok, "", "query.q"},
			{"QueryKey", "GET", "/api/v1/contacts?q%00=1", tok, "", "query"},
			{"NestedArray", "POST", "/api/v1/inboxes", tok, `{"name":"S","allowed_origins":["https://ok.example","\u0000"]}`, "body.allowed_origins[1]"},
			{"MergePatch", "PATCH", "/api/v1/agents/" + ts.admin.ID, tok, `{"name":"\u0000"}`, "body.name"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				p := ts.do(t, tt.method, tt.path, tt.c, nilIfEmpty(tt.body)).problem(t, 422, "invalid")
				if got := p.locations(); !slices.Equal(got, []string{tt.location}) {
					t.Errorf("error locations = %q, want [%s] (%s)", got, tt.location, p.Detail)
				}
			})
		}
		// The same requests with good text go through.
		ts.do(t, "PATCH", "/api/v1/visitor/contact", v, `{"name":"Ann 🚀"}`).want(t, 200)
		ts.do(t, "GET", "/api/v1/visitor/inbox?inbox_id="+in.ID, nil, nil).want(t, 200)
		noErrorLogged(t, ts)
	})
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// noErrorLogged fails the test if the server logged at ERROR.
func noErrorLogged(t *testing.T, ts *testServer) {
	t.Helper()
	for line := range strings.Lines(ts.logs.String()) {
		if strings.Contains(line, "level=ERROR") {
			t.Errorf("logged at ERROR: %s", line)
		}
	}
}

// TestEveryStringFieldRefusesBadText walks the OpenAPI document and sends
// every operation's string fields — path and query parameters, and every
// string in its JSON body, nested ones included — each of badStrings, in
// an otherwise well-formed request with real ids and full rights. Every
// answer must be a 4xx problem document, on both engines, with nothing
// logged at ERROR.
func TestEveryStringFieldRefusesBadText(t *testing.T) {
	onEngines(t, func(t *testing.T, ts *testServer) {
		doc := openAPIDocument(t, ts)
		ids := fixtureIDs(t, ts)
		tok := ts.token(t, ts.ws.ID, parley.ScopeAll, parley.ScopeWorkspacesRead, parley.ScopeWorkspacesWrite)
		cases := 0
		for _, op := range doc.operations() {
			var c creds
			if len(op.Security) > 0 {
				c = tok
			}
			for _, fc := range op.fieldCases(doc, ids) {
				t.Run(op.Method+" "+op.Path+" "+fc.field, func(t *testing.T) {
					for _, bad := range badStrings {
						res := ts.send(t, fc.request(t, ts.URL, c, bad))
						cases++
						if res.status < 400 || res.status >= 500 {
							t.Errorf("%s: %d %s", bad.name, res.status, truncate(res.body))
							continue
						}
						var p problemBody
						if err := json.Unmarshal(res.body, &p); err != nil || p.Code == "" ||
							!strings.HasPrefix(res.header.Get("Content-Type"), "application/problem+json") {
							t.Errorf("%s: %d is not a problem document: %s", bad.name, res.status, truncate(res.body))
						}
					}
				})
			}
		}
		if cases < 500 {
			t.Errorf("only %d requests sent: the walk over the OpenAPI document found too few fields", cases)
		}
		noErrorLogged(t, ts)
	})
}

func truncate(b []byte) string {
	if len(b) > 200 {
		return string(b[:200]) + "…"
	}
	return string(b)
}

// fixtureIDs creates one of each resource and returns the ids that fill
// path parameters, by the parameter's name and the path's first segment.
func fixtureIDs(t testing.TB, ts *testServer) map[string]string {
	t.Helper()
	tok := ts.token(t, ts.ws.ID, parley.ScopeAll)
	in := ts.inbox(t)
	v := ts.guest(t, in)
	conv := ts.start(t, v)
	msg := ts.say(t, v, conv.ID, "hello")
	var label, canned struct{ ID string }
	ts.do(t, "POST", "/api/v1/labels", tok, map[string]any{"name": "vip", "color": "#aa0000"}).want(t, 201).decode(t, &label)
	ts.do(t, "POST", "/api/v1/canned-responses", tok, map[string]any{"shortcut": "hi", "title": "Hi", "body": "Hello!", "shared": true}).want(t, 201).decode(t, &canned)
	return map[string]string{
		"agents": ts.admin.ID, "conversations": conv.ID, "contacts": v.contactID, "inboxes": in.ID,
		"messages": msg.ID, "labels": label.ID, "label_id": label.ID, "canned-responses": canned.ID,
		"workspaces": ts.ws.ID, "workspace_id": ts.ws.ID, "kind": "logo", "inbox_id": in.ID,
	}
}

// apiDoc is the part of the OpenAPI document the walk reads.
type apiDoc struct {
	Paths      map[string]map[string]apiOperation `json:"paths"`
	Components struct {
		Schemas map[string]map[string]any `json:"schemas"`
	} `json:"components"`
}

type apiOperation struct {
	Method, Path string
	Security     []map[string][]string `json:"security"`
	Parameters   []struct {
		Name     string         `json:"name"`
		In       string         `json:"in"`
		Required bool           `json:"required"`
		Schema   map[string]any `json:"schema"`
	} `json:"parameters"`
	RequestBody struct {
		Content map[string]struct {
			Schema map[string]any `json:"schema"`
		} `json:"content"`
	} `json:"requestBody"`
}

func openAPIDocument(t testing.TB, ts *testServer) *apiDoc {
	t.Helper()
	var doc apiDoc
	ts.do(t, "GET", "/openapi.json", nil, nil).want(t, 200).decode(t, &doc)
	return &doc
}

// operations returns the document's operations in a stable order.
func (d *apiDoc) operations() []apiOperation {
	var ops []apiOperation
	for path, item := range d.Paths {
		for method, op := range item {
			op.Method, op.Path = strings.ToUpper(method), path
			ops = append(ops, op)
		}
	}
	sort.Slice(ops, func(i, j int) bool { return ops[i].Path+ops[i].Method < ops[j].Path+ops[j].Method })
	return ops
}

// resolve follows a schema's $ref.
func (d *apiDoc) resolve(s map[string]any) map[string]any {
	if ref, ok := s["$ref"].(string); ok {
		return d.Components.Schemas[strings.TrimPrefix(ref, "#/components/schemas/")]
	}
	return s
}

// types returns a schema's type or types.
func types(s map[string]any) []string {
	switch v := s["type"].(type) {
	case string:
		return []string{v}
	case []any:
		var ts []string
		for _, x := range v {
			ts = append(ts, fmt.Sprint(x))
		}
		return ts
	}
	return nil
}

// sample returns a valid value of schema s: its required properties
// filled in, the first of an enum, a well-formed string of a format.
func (d *apiDoc) sample(s map[string]any, depth int) any {
	s = d.resolve(s)
	if enum, ok := s["enum"].([]any); ok && len(enum) > 0 {
		return enum[0]
	}
	ty := types(s)
	switch {
	case slices.Contains(ty, "object") && depth < 5:
		obj := map[string]any{}
		props, _ := s["properties"].(map[string]any)
		req, _ := s["required"].([]any)
		for _, name := range req {
			if ps, ok := props[fmt.Sprint(name)].(map[string]any); ok {
				obj[fmt.Sprint(name)] = d.sample(ps, depth+1)
			}
		}
		return obj
	case slices.Contains(ty, "string"):
		switch s["format"] {
		case "email":
			return "someone@example.com"
		case "uri":
			return "https://example.com/"
		case "date-time":
			return "2026-01-02T03:04:05Z"
		}
		n := 8
		if m, ok := s["minLength"].(float64); ok && int(m) > n {
			n = int(m)
		}
		return strings.Repeat("x", n)
	case slices.Contains(ty, "integer"), slices.Contains(ty, "number"):
		if m, ok := s["minimum"].(float64); ok {
			return m
		}
		return 1
	case slices.Contains(ty, "boolean"):
		return false
	case slices.Contains(ty, "array"):
		return []any{}
	}
	return nil
}

// stringFields returns the paths (keys and array indexes) of every place a
// string may go in a value of schema s.
func (d *apiDoc) stringFields(s map[string]any, prefix []any, depth int) [][]any {
	s = d.resolve(s)
	if depth > 5 {
		return nil
	}
	ty := types(s)
	var out [][]any
	if slices.Contains(ty, "string") {
		out = append(out, prefix)
	}
	if slices.Contains(ty, "array") {
		if items, ok := s["items"].(map[string]any); ok {
			out = append(out, d.stringFields(items, append(slices.Clip(prefix), 0), depth+1)...)
		}
	}
	if slices.Contains(ty, "object") {
		props, _ := s["properties"].(map[string]any)
		names := make([]string, 0, len(props))
		for name := range props {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			out = append(out, d.stringFields(props[name].(map[string]any), append(slices.Clip(prefix), name), depth+1)...)
		}
		if ap, ok := s["additionalProperties"].(map[string]any); ok {
			out = append(out, d.stringFields(ap, append(slices.Clip(prefix), "key"), depth+1)...)
		}
	}
	return out
}

// fieldCase is one request of an operation with one field bad.
type fieldCase struct {
	field   string
	request func(t *testing.T, base string, c creds, bad badString) *http.Request
}

// placeholder marks, in a JSON body, where the bad value goes.
const placeholder = "\x01bad\x01"

// pathWith returns op's path with its parameters filled from ids (by the
// parameter's name, or "id" by the path's first segment), escaped, but for
// the parameter badParam, given already escaped as bad.
func (op apiOperation) pathWith(ids map[string]string, badParam, bad string) string {
	segment := strings.Split(strings.TrimPrefix(op.Path, "/api/v1/"), "/")[0]
	path := op.Path
	for _, p := range op.Parameters {
		if p.In != "path" {
			continue
		}
		v := ids[p.Name]
		if p.Name == "id" {
			v = ids[segment]
		}
		v = url.PathEscape(cmp.Or(v, "nothing"))
		if p.Name == badParam {
			v = bad
		}
		path = strings.ReplaceAll(path, "{"+p.Name+"}", v)
	}
	return path
}

func (op apiOperation) fieldCases(d *apiDoc, ids map[string]string) []fieldCase {
	query := url.Values{}
	for _, p := range op.Parameters {
		if p.In == "query" && p.Required {
			query.Set(p.Name, cmp.Or(ids[p.Name], fmt.Sprint(d.sample(p.Schema, 0))))
		}
	}
	jsonBody, hasJSON := op.RequestBody.Content["application/json"]
	// request is op with real ids and a valid body, but for the parameter
	// badParam in badIn (path or query), which is bad, and with body when
	// not nil.
	request := func(t *testing.T, base string, c creds, badParam, badIn string, bad badString, body []byte) *http.Request {
		t.Helper()
		var path string
		if badIn == "path" {
			path = op.pathWith(ids, badParam, bad.url)
		} else {
			path = op.pathWith(ids, "", "")
		}
		q := query.Encode()
		if badIn == "query" {
			good := maps.Clone(query)
			good.Del(badParam)
			q = good.Encode()
			q = strings.TrimPrefix(q+"&"+url.QueryEscape(badParam)+"="+bad.url, "&")
		}
		if q != "" {
			path += "?" + q
		}
		if body == nil && hasJSON {
			var err error
			if body, err = json.Marshal(d.sample(jsonBody.Schema, 0)); err != nil {
				t.Fatal(err)
			}
		}
		req, err := http.NewRequest(op.Method, base+path, bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		if hasJSON {
			req.Header.Set("Content-Type", "application/json")
		}
		if c != nil {
			c.apply(req)
		}
		return req
	}

	var cases []fieldCase
	for _, p := range op.Parameters {
		if (p.In != "path" && p.In != "query") ||
			!slices.Contains(types(p.Schema), "string") && !slices.Contains(types(p.Schema), "array") {
			continue
		}
		cases = append(cases, fieldCase{field: p.In + "." + p.Name, request: func(t *testing.T, base string, c creds, bad badString) *http.Request {
			return request(t, base, c, p.Name, p.In, bad, nil)
		}})
	}
	if !hasJSON {
		return cases
	}
	mark, _ := json.Marshal(placeholder)
	for _, field := range d.stringFields(jsonBody.Schema, nil, 0) {
		name := "body"
		for _, k := range field {
			name += "." + fmt.Sprint(k)
		}
		cases = append(cases, fieldCase{field: name, request: func(t *testing.T, base string, c creds, bad badString) *http.Request {
			b, err := json.Marshal(setAt(d.sample(jsonBody.Schema, 0), field, placeholder))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(b, mark) {
				t.Fatalf("the bad value did not go into %s: %s", name, b)
			}
			return request(t, base, c, "", "", bad, bytes.ReplaceAll(b, mark, []byte(bad.json)))
		}})
	}
	return cases
}

// setAt puts v at path in doc (maps and slices made as needed; a "key"
// step of a map is a key named so) and returns doc.
func setAt(doc any, path []any, v any) any {
	if len(path) == 0 {
		return v
	}
	switch step := path[0].(type) {
	case int:
		arr, _ := doc.([]any)
		if len(arr) == 0 {
			arr = []any{nil}
		}
		arr[0] = setAt(arr[0], path[1:], v)
		return arr
	default:
		obj, _ := doc.(map[string]any)
		if obj == nil {
			obj = map[string]any{}
		}
		key := fmt.Sprint(step)
		obj[key] = setAt(obj[key], path[1:], v)
		return obj
	}
}
