package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// AxePath is axe-core's browser build, installed by `npm ci` in web/.
func AxePath() string {
	return filepath.Join(RepoRoot(), "web", "node_modules", "axe-core", "axe.min.js")
}

// AxeViolation is one rule that failed, with the elements that fail it.
type AxeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target         []any  `json:"target"`
		FailureSummary string `json:"failureSummary"`
	} `json:"nodes"`
}

func (v AxeViolation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s", v.ID, v.Impact, v.Help)
	for _, n := range v.Nodes {
		fmt.Fprintf(&b, "\n    %v: %s", n.Target, strings.ReplaceAll(n.FailureSummary, "\n", " "))
	}
	return b.String()
}

// Axe runs axe-core on the tab's page (including open shadow roots) and
// returns its violations. It fails the test if axe-core is not installed.
func Axe(t testing.TB, tab context.Context) []AxeViolation {
	t.Helper()
	src, err := os.ReadFile(AxePath())
	if err != nil {
		t.Fatalf("axe-core is missing (run npm ci in web/): %v", err)
	}
	Eval[bool](t, tab, string(src)+";true")
	// Colours are judged as shown: a toast fading in is, for a moment, a
	// blend too pale to read. Wait for running animations that end.
	Eval[bool](t, tab, `Promise.all(document.getAnimations()
		.filter(a => a.playState === 'running' && isFinite(a.effect?.getComputedTiming().endTime))
		.map(a => a.finished.catch(() => null))).then(() => true)`)
	raw := Eval[string](t, tab, `axe.run(document, {resultTypes: ["violations"]}).then(r => JSON.stringify(r.violations))`)
	var vs []AxeViolation
	if err := json.Unmarshal([]byte(raw), &vs); err != nil {
		t.Fatalf("axe-core results: %v", err)
	}
	return vs
}

// RequireAccessible fails the test if axe-core finds a serious or critical
// violation on the tab's page; lesser ones are logged.
func RequireAccessible(t testing.TB, tab context.Context, what string) {
	t.Helper()
	for _, v := range Axe(t, tab) {
		if v.Impact == "serious" || v.Impact == "critical" {
			t.Errorf("axe-core on %s: %s", what, v)
		} else {
			t.Logf("axe-core on %s (minor): %s", what, v)
		}
	}
}
