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

// guide is a Markdown file whose shell blocks TestDocs runs, with the fewest
// blocks it must hold (so that a broken fence cannot empty it).
type guide struct {
	path      string
	minBlocks int
}

// docGroup is guides run one after the other against one server, with its
// further settings (env).
type docGroup struct {
	guides []guide
	env    map[string]string
}

// docs are the guides TestDocs runs. The guides of one group run one after
// the other against the same server, as a reader following both would:
// their examples must not depend on, or collide with, each other's.
var docs = []docGroup{
	{guides: []guide{{"../../docs/getting-started.md", 3}, {"../../docs/admin-api.md", 10}}},
	{guides: []guide{{"../../docs/conversations-api.md", 15}}},
	{guides: []guide{{"../../docs/identity.md", 8}}},
	{guides: []guide{{"../../docs/contacts.md", 12}}},
	{guides: []guide{{"../../docs/agent-tools.md", 14}}},
	{guides: []guide{{"../../docs/reports.md", 4}}},
	// The routing service of its examples listens on 127.0.0.1.
	{guides: []guide{{"../../docs/routing.md", 22}}, env: map[string]string{"PARLEY_OUTBOUND_ALLOW": "127.0.0.1/32"}},
	{guides: []guide{{"../../docs/sdk.md", 2}}},
	{guides: []guide{{"../../docs/visitors.md", 7}}},
	// The company endpoint of its examples listens on 127.0.0.1.
	{guides: []guide{{"../../docs/sign-in.md", 12}}, env: map[string]string{"PARLEY_OUTBOUND_ALLOW": "127.0.0.1/32"}},
	// So does the context endpoints'.
	{guides: []guide{{"../../docs/context.md", 7}}, env: map[string]string{"PARLEY_OUTBOUND_ALLOW": "127.0.0.1/32"}},
	// The webhook receiver of its examples listens on 127.0.0.1.
	{guides: []guide{{"../../docs/webhooks.md", 9}, {"../../docs/events.md", 4}}, env: map[string]string{"PARLEY_OUTBOUND_ALLOW": "127.0.0.1/32"}},
	// The webhook of the app's manifest names 127.0.0.1 too.
	{guides: []guide{{"../../docs/apps.md", 20}}, env: map[string]string{"PARLEY_OUTBOUND_ALLOW": "127.0.0.1/32"}},
	{guides: []guide{{"../../docs/bots.md", 9}}},
}

// readerURL is the address the guides give for the reader's own server.
const readerURL = "http://127.0.0.1:8080"

// TestDocs runs every shell block of the guides of each group in docs, in
// order, in one bash against a fresh server, and checks each "# expect:"
// line against what the block printed. A block placed right after the
// comment "<!-- docs-test: skip (why) -->" is not run (it starts a server,
// say). The reader's address (readerURL) in a block becomes this server's,
// and after a block that sets PARLEY or ADMIN_PASSWORD for the reader, the
// test sets them again, to this server's. Blocks run ./parley, built by the
// test, on the server's data directory.
func TestDocs(t *testing.T) {
	for _, tool := range []string{"bash", "curl", "jq", "python3", "base64"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("the docs examples need %s: %v", tool, err)
		}
	}
	for _, group := range docs {
		var names []string
		for _, g := range group.guides {
			names = append(names, filepath.Base(g.path))
		}
		t.Run(strings.Join(names, "+"), func(t *testing.T) {
			t.Parallel()
			runDocs(t, group)
		})
	}
}

func runDocs(t *testing.T, group docGroup) {
	const password = "docs-admin-password"
	dataDir := t.TempDir()
	vars := map[string]string{"PARLEY_DATA_DIR": dataDir, "PARLEY_ADMIN_PASSWORD": password}
	for k, v := range group.env {
		vars[k] = v
	}
	srv := startServe(t, vars)
	url := srv.url
	// A failed example may come from the server: show what it logged above
	// INFO (an "internal" answer's cause is only there).
	t.Cleanup(func() {
		if !t.Failed() {
			return
		}
		for line := range strings.SplitSeq(srv.stderr.String(), "\n") {
			if strings.Contains(line, "level=ERROR") || strings.Contains(line, "level=WARN") {
				t.Logf("server: %s", line)
			}
		}
	})

	var blocks []shellBlock
	for _, g := range group.guides {
		bs := shellBlocks(t, g.path)
		if len(bs) < g.minBlocks {
			t.Fatalf("found only %d shell blocks in %s, want at least %d", len(bs), g.path, g.minBlocks)
		}
		blocks = append(blocks, bs...)
	}
	workDir := t.TempDir()
	var script strings.Builder
	script.WriteString("set -euo pipefail\n")
	for _, b := range blocks {
		if strings.Contains(b.code, "./parley ") && !fileExists(filepath.Join(workDir, "parley")) {
			if err := os.Rename(buildBinary(t), filepath.Join(workDir, "parley")); err != nil {
				t.Fatal(err)
			}
		}
		script.WriteString("echo '@@block'\n" + strings.ReplaceAll(b.code, readerURL, url) + "\n")
		if strings.Contains(b.code, "PARLEY=") || strings.Contains(b.code, "ADMIN_PASSWORD=") {
			script.WriteString("PARLEY='" + url + "'\nADMIN_PASSWORD='" + password + "'\n")
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", "-c", script.String())
	cmd.Dir = workDir
	cmd.Env = append(os.Environ(), "LC_ALL=C", "PARLEY_DATA_DIR="+dataDir)
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

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

type shellBlock struct {
	code   string
	expect []string
}

var fencedSh = regexp.MustCompile("(?s)(<!-- docs-test: skip[^>]*-->\n)?```sh\n(.*?)```")

// shellBlocks returns the ```sh blocks of a Markdown file with their
// "# expect: …" lines, but those marked "<!-- docs-test: skip … -->".
func shellBlocks(t *testing.T, path string) []shellBlock {
	t.Helper()
	md, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var blocks []shellBlock
	for _, m := range fencedSh.FindAllStringSubmatch(string(md), -1) {
		if m[1] != "" {
			continue
		}
		b := shellBlock{code: m[2]}
		for line := range strings.SplitSeq(m[2], "\n") {
			if rest, ok := strings.CutPrefix(line, "# expect: "); ok {
				b.expect = append(b.expect, strings.TrimSpace(rest))
			}
		}
		blocks = append(blocks, b)
	}
	return blocks
}
