package config_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/parleychat/parley/internal/config"
)

func TestLogger(t *testing.T) {
	for _, tc := range []struct {
		format, level string
		wantLogged    []string // messages that must appear, in order
	}{
		{format: "text", level: "debug", wantLogged: []string{"d", "i", "w", "e"}},
		{format: "text", level: "info", wantLogged: []string{"i", "w", "e"}},
		{format: "json", level: "warn", wantLogged: []string{"w", "e"}},
		{format: "json", level: "error", wantLogged: []string{"e"}},
	} {
		t.Run(tc.format+"/"+tc.level, func(t *testing.T) {
			c := config.Default()
			c.LogFormat, c.LogLevel = tc.format, tc.level
			var buf bytes.Buffer
			l := c.Logger(&buf)
			l.Debug("d")
			l.Info("i")
			l.Warn("w")
			l.Error("e")

			var got []string
			for _, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
				if tc.format == "json" {
					var rec struct{ Msg string }
					if err := json.Unmarshal([]byte(line), &rec); err != nil {
						t.Fatalf("line %q is not JSON: %v", line, err)
					}
					got = append(got, rec.Msg)
					continue
				}
				if !strings.HasPrefix(line, "time=") {
					t.Fatalf("line %q is not slog text", line)
				}
				_, msg, _ := strings.Cut(line, " msg=")
				got = append(got, msg)
			}
			if strings.Join(got, ",") != strings.Join(tc.wantLogged, ",") {
				t.Errorf("logged %q, want %q", got, tc.wantLogged)
			}
		})
	}
}
