package httpapi

import (
	"encoding/base64"
	"regexp"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
)

// cursorIDPattern is what a decoded cursor (an object ID) may contain.
var cursorIDPattern = regexp.MustCompile(`^[A-Za-z0-9_-]{1,128}$`)

// PageParams are the query parameters of every list operation. Embed it
// in the input (it is exported only because huma reads the parameters of
// exported embedded structs); its Resolve decodes the cursor, and an input
// that has its own Resolve must call this one.
type PageParams struct {
	Cursor string `query:"cursor" doc:"The next_cursor of the previous page; omit for the first page."`
	Limit  int    `query:"limit" minimum:"1" maximum:"200" default:"50" doc:"Items per page."`

	after string
}

// Resolve decodes the cursor; a cursor this API did not issue is a 422.
func (p *PageParams) Resolve(huma.Context) []error {
	if p.Cursor == "" {
		return nil
	}
	b, err := base64.RawURLEncoding.DecodeString(p.Cursor)
	if err != nil || !cursorIDPattern.Match(b) {
		return []error{&huma.ErrorDetail{Location: "query.cursor", Message: "is not a cursor returned by this API", Value: p.Cursor}}
	}
	p.after = string(b)
	return nil
}

// options returns the store's view of the page.
func (p *PageParams) options() parley.ListOptions {
	return parley.ListOptions{After: p.after, Limit: p.Limit}
}

// listView is one page of a list. next_cursor is absent on the last page.
type listView[T any] struct {
	Items      []T    `json:"items"`
	NextCursor string `json:"next_cursor,omitempty" doc:"Pass as cursor to get the next page; absent on the last page."`
}

type listOutput[T any] struct {
	Body listView[T]
}

// newList converts one page of the store's results with view.
func newList[S, T any](l parley.List[S], view func(S) T) *listOutput[T] {
	out := &listOutput[T]{Body: listView[T]{Items: make([]T, 0, len(l.Items))}}
	for _, item := range l.Items {
		out.Body.Items = append(out.Body.Items, view(item))
	}
	if l.Next != "" {
		out.Body.NextCursor = base64.RawURLEncoding.EncodeToString([]byte(l.Next))
	}
	return out
}
