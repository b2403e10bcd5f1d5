package main

import (
	"context"
	"io"
	"os"
	"regexp"
	"strings"
	"testing"
)

// parley -h and --help list the subcommands, as parley help does; parley
// serve -h lists the server's flags.
func TestHelpListsSubcommands(t *testing.T) {
	subcommands := []string{"serve", "migrate", "admin", "bench", "version", "help"}
	for _, args := range [][]string{{"help"}, {"-h"}, {"--help"}, {"-help"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			var stdout, stderr syncBuffer
			code := run(context.Background(), args, env{stdout: &stdout, stderr: &stderr, getenv: mapEnv(nil)})
			if code != 0 {
				t.Fatalf("exit %d; stderr:\n%s", code, stderr.String())
			}
			for _, sub := range subcommands {
				if !strings.Contains(stdout.String(), "parley "+sub) {
					t.Errorf("the help does not list %q:\n%s", sub, stdout.String())
				}
			}
			if strings.Contains(stderr.String(), "--addr") {
				t.Errorf("the help printed the serve flags:\n%s", stderr.String())
			}
		})
	}
	t.Run("serve -h", func(t *testing.T) {
		var stdout, stderr syncBuffer
		if code := run(context.Background(), []string{"serve", "-h"}, env{stdout: &stdout, stderr: &stderr, getenv: mapEnv(nil)}); code != 0 {
			t.Fatalf("exit %d", code)
		}
		if !strings.Contains(stderr.String(), "-addr") {
			t.Errorf("parley serve -h does not list the serve flags:\n%s", stderr.String())
		}
	})
	t.Run("flags go to serve", func(t *testing.T) {
		var stdout, stderr syncBuffer
		code := run(context.Background(), []string{"--addr", "not an address"}, env{stdout: &stdout, stderr: &stderr, getenv: mapEnv(nil)})
		if code == 0 || !strings.Contains(stderr.String(), "addr") {
			t.Errorf("parley --addr … did not reach serve: exit %d, stderr:\n%s", code, stderr.String())
		}
	})
}

// The README's quick start shows how to choose another port; the flag it
// shows is the server's.
func TestReadmePort(t *testing.T) {
	md, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("```sh\ngo run ./cmd/parley (--addr [^\n]+)\n```").FindStringSubmatch(string(md))
	if m == nil {
		t.Fatal("the README shows no go run ./cmd/parley --addr … example")
	}
	cfg, _, err := parseFlags(env{stderr: io.Discard, getenv: mapEnv(nil)}, "parley serve", "", strings.Fields(m[1]), nil)
	if err != nil {
		t.Fatalf("the README's %q: %v", m[1], err)
	}
	if cfg.Addr != "127.0.0.1:9090" {
		t.Errorf("the README's %q listens on %q", m[1], cfg.Addr)
	}
}
