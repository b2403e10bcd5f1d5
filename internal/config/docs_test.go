package config_test

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/parleychat/parley/internal/config"
)

// docsPath is the operators' configuration reference.
const docsPath = "../../docs/configuration.md"

// tableHeader starts the settings table in docsPath.
const tableHeader = "| Flag | Environment variable | Default | Description |"

// TestDocsMatchSettings keeps docs/configuration.md and the code in step:
// the table lists exactly the settings of Settings(), in the same order,
// with the same flag, variable and default.
func TestDocsMatchSettings(t *testing.T) {
	documented := readDocsTable(t)

	var want []config.Setting
	for _, s := range config.Settings() {
		want = append(want, config.Setting{Flag: s.Flag, Env: s.Env, Default: s.Default})
	}
	if diff := cmp.Diff(want, documented); diff != "" {
		t.Errorf("%s disagrees with config.Settings() (-code +docs):\n%s", docsPath, diff)
	}
}

// readDocsTable parses the rows of the settings table. A flag is written
// `--name`, a variable `NAME`, and a default `value` or (empty).
func readDocsTable(t *testing.T) []config.Setting {
	t.Helper()
	f, err := os.Open(docsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	var (
		rows    []config.Setting
		inTable bool
		line    int
	)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		switch {
		case text == tableHeader:
			if inTable || rows != nil {
				t.Fatalf("%s:%d: a second settings table", docsPath, line)
			}
			inTable = true
			continue
		case !inTable:
			continue
		case !strings.HasPrefix(text, "|"):
			inTable = false
			continue
		case strings.HasPrefix(text, "|---") || strings.HasPrefix(text, "| ---"):
			continue
		}
		cells := strings.Split(strings.Trim(text, "|"), "|")
		if len(cells) != 4 {
			t.Fatalf("%s:%d: %d cells, want 4 (a '|' inside a description?)", docsPath, line, len(cells))
		}
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		flagName, ok := code(cells[0])
		if !ok || !strings.HasPrefix(flagName, "--") {
			t.Fatalf("%s:%d: flag %q, want `--name`", docsPath, line, cells[0])
		}
		env, ok := code(cells[1])
		if !ok {
			t.Fatalf("%s:%d: variable %q, want `NAME`", docsPath, line, cells[1])
		}
		def, ok := code(cells[2])
		if cells[2] == "(empty)" {
			def, ok = "", true
		}
		if !ok {
			t.Fatalf("%s:%d: default %q, want `value` or (empty)", docsPath, line, cells[2])
		}
		if cells[3] == "" {
			t.Errorf("%s:%d: --%s has no description", docsPath, line, flagName)
		}
		rows = append(rows, config.Setting{Flag: strings.TrimPrefix(flagName, "--"), Env: env, Default: def})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if rows == nil {
		t.Fatalf("%s: no table headed %q", docsPath, tableHeader)
	}
	return rows
}

// code returns the text of a cell that is one `code span`.
func code(cell string) (string, bool) {
	if len(cell) < 3 || cell[0] != '`' || cell[len(cell)-1] != '`' || strings.Count(cell, "`") != 2 {
		return "", false
	}
	return cell[1 : len(cell)-1], true
}
