package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// docs are the guides whose shell blocks TestDocs runs, with the fewest
// blocks each must hold (so that a broken fence cannot empty a guide).
var docs = []struct {
	path      string
	minBlocks int
	env       map[string]string // the server's further settings
}{
	{"../../docs/admin-api.md", 10, nil},
	{"../../docs/conversations-api.md", 15, nil},
	{"../../docs/identity.md", 8, nil},
	{"../../docs/contacts.md", 12, nil},
	// The company endpoint of its examples listens on 127.0.0.1.
	{"../../docs/sign-in.md", 12, map[string]string{"PARLEY_OUTBOUND_ALLOW": "127.0.0.1/32"}},
}

// TestDocs runs every shell block of each guide in docs, in order, in one
// bash against a fresh server, and checks each "# expect:" line against
// what the block printed. The first block of a guide sets PARLEY and
// ADMIN_PASSWORD for the reader; the test sets them again after it, to
// this server's.
func TestDocs(t *testing.T) {
	for _, tool := range []string{"bash", "curl", "jq", "python3", "base64"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("the docs examples need %s: %v", tool, err)
		}
	}
	for _, doc := range docs {
		t.Run(filepath.Base(doc.path), func(t *testing.T) {
			t.Parallel()
			runDoc(t, doc.path, doc.minBlocks, doc.env)
		})
	}
}

func runDoc(t *testing.T, path string, minBlocks int, env map[string]string) {
	const password = "docs-admin-password"
	vars := map[string]string{"PARLEY_DATA_DIR": t.TempDir(), "PARLEY_ADMIN_PASSWORD": password}
	for k, v := range env {
		vars[k] = v
	}
	url, _, _ := serveInProcess(t, vars)

	blocks := shellBlocks(t, path)
	if len(blocks) < minBlocks {
		t.Fatalf("found only %d shell blocks in %s, want at least %d", len(blocks), path, minBlocks)
	}
	if !strings.Contains(blocks[0].code, "PARLEY=") || !strings.Contains(blocks[0].code, "ADMIN_PASSWORD=") {
		t.Fatalf("the first block of %s must set PARLEY and ADMIN_PASSWORD:\n%s", path, blocks[0].code)
	}
	var script strings.Builder
	script.WriteString("set -euo pipefail\n")
	for i, b := range blocks {
		script.WriteString("echo '@@block'\n" + b.code + "\n")
		if i == 0 { // the reader's placeholders → this test's server
			script.WriteString("PARLEY='" + url + "'\nADMIN_PASSWORD='" + password + "'\n")
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", "-c", script.String())
	cmd.Dir = t.TempDir()
	cmd.Env = append(os.Environ(), "LC_ALL=C")
	out, err := cmd.Output()
	outputs := strings.Split(string(out), "@@block\n")[1:]
	if err != nil {
		stderr := ""
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("the examples stopped after block %d of %d (%v):\n%s\nstderr:\n%s",
			len(outputs), len(blocks), err, blocks[max(len(outputs)-1, 0)].code, stderr)
	}
	for i, b := range blocks {
		if len(b.expect) == 0 {
			continue
		}
		got := strings.Split(strings.TrimRight(outputs[i], "\n"), "\n")
		for j := range got {
			got[j] = strings.TrimSpace(got[j])
		}
		if strings.Join(got, "\n") != strings.Join(b.expect, "\n") {
			t.Errorf("block %d:\n%s\nprinted:\n%s\nthe docs say:\n%s", i, b.code, strings.Join(got, "\n"), strings.Join(b.expect, "\n"))
		}
	}
}

type shellBlock struct {
	code   string
	expect []string
}

var fencedSh = regexp.MustCompile("(?s)```sh\n(.*?)```")

// shellBlocks returns the ```sh blocks of a Markdown file with their
// "# expect: …" lines.
func shellBlocks(t *testing.T, path string) []shellBlock {
	t.Helper()
	md, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var blocks []shellBlock
	for _, m := range fencedSh.FindAllStringSubmatch(string(md), -1) {
		b := shellBlock{code: m[1]}
		for line := range strings.SplitSeq(m[1], "\n") {
			if rest, ok := strings.CutPrefix(line, "# expect: "); ok {
				b.expect = append(b.expect, strings.TrimSpace(rest))
			}
		}
		blocks = append(blocks, b)
	}
	return blocks
}
