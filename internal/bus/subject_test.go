package bus_test

import (
	"testing"

	"github.com/parleychat/parley/internal/bus"
)

func TestSubject(t *testing.T) {
	for _, tc := range []struct {
		name    string
		ws      string
		parts   []string
		want    string
		wantErr bool
	}{
		{name: "WorkspaceOnly", ws: "0197c0de-1234", want: "parley.ws.0197c0de-1234"},
		{name: "Parts", ws: "w1", parts: []string{"conversation", "c9", "message"}, want: "parley.ws.w1.conversation.c9.message"},
		{name: "Unicode", ws: "w1", parts: []string{"café"}, want: "parley.ws.w1.café"},
		{name: "EmptyWorkspace", ws: "", wantErr: true},
		{name: "EmptyPart", ws: "w1", parts: []string{"a", ""}, wantErr: true},
		{name: "DotInWorkspace", ws: "w1.w2", wantErr: true},
		{name: "DotInPart", ws: "w1", parts: []string{"a.b"}, wantErr: true},
		{name: "StarWorkspace", ws: "*", wantErr: true},
		{name: "StarInPart", ws: "w1", parts: []string{"a*"}, wantErr: true},
		{name: "GreaterThan", ws: "w1", parts: []string{">"}, wantErr: true},
		{name: "Space", ws: "w 1", wantErr: true},
		{name: "Tab", ws: "w1", parts: []string{"a\tb"}, wantErr: true},
		{name: "Newline", ws: "w1", parts: []string{"a\r\nPUB x 1"}, wantErr: true},
		{name: "NonBreakingSpace", ws: "w1", parts: []string{"a\u00a0b"}, wantErr: true},
		{name: "NUL", ws: "w1", parts: []string{"a\x00"}, wantErr: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := bus.Subject(tc.ws, tc.parts...)
			if tc.wantErr {
				if err == nil {
					t.Fatalf("Subject(%q, %q) = %q, want an error", tc.ws, tc.parts, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("Subject(%q, %q): %v", tc.ws, tc.parts, err)
			}
			if got != tc.want {
				t.Errorf("Subject(%q, %q) = %q, want %q", tc.ws, tc.parts, got, tc.want)
			}
		})
	}
}
