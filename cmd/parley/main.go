// Command parley runs the Parley live-chat server and its administration
// tasks. Run "parley help" for the subcommands.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3".
var version = ""

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}))
}

// env carries the process's surroundings so tests can run commands in-process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
}

const usage = `Parley — self-hosted customer-service live chat.

Usage:
  parley [serve] [flags]     run the server (the default)
  parley migrate [flags]     apply database migrations and exit
  parley admin COMMAND ...   administration: create-workspace, create-agent,
                             create-token, reset-password ("parley admin help")
  parley bench [flags]       load-test a running server ("parley bench -h")
  parley bench-flood [flags] measure one flooding visitor's effect on others
  parley version             print the version
  parley help                show this text (also -h, --help)

Every setting can be given as a flag or a PARLEY_* environment variable;
see docs/configuration.md or "parley serve -h".
`

// run executes one command line and returns the process exit code.
func run(ctx context.Context, args []string, e env) int {
	stdout, stderr := e.stdout, e.stderr
	cmd := "serve"
	if len(args) > 0 && (len(args[0]) == 0 || args[0][0] != '-' || isHelpFlag(args[0])) {
		cmd, args = args[0], args[1:]
	}
	var err error
	switch cmd {
	case "serve":
		err = serve(ctx, e, args)
	case "migrate":
		err = migrate(ctx, e, args)
	case "admin":
		err = admin(ctx, e, args)
	case "bench":
		err = bench(ctx, e, args)
	case "bench-flood":
		err = benchFlood(ctx, e, args)
	case "version":
		fmt.Fprintln(stdout, "parley", buildVersion())
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
	default:
		fmt.Fprintf(stderr, "parley: unknown command %q\n\n%s", cmd, usage)
		return 2
	}
	if err != nil {
		if err != errUsage && err != errHelp {
			fmt.Fprintln(stderr, "parley:", err)
		}
		return exitCode(err)
	}
	return 0
}

// isHelpFlag reports whether arg asks for help: "parley -h" lists the
// subcommands, while "parley serve -h" (and "parley --addr … -h") lists
// the server's flags.
func isHelpFlag(arg string) bool {
	return arg == "-h" || arg == "-help" || arg == "--help"
}

// selfCommand is how to run this program again from the same directory, for
// hints that must work as printed: "go run ./cmd/parley" when started by go
// run (or go test), which builds into a temporary go-build directory, the
// path typed when it has one (./parley), else "parley" (found on PATH).
func selfCommand() string {
	exe := os.Args[0]
	switch {
	case strings.Contains(filepath.ToSlash(exe), "/go-build"):
		return "go run ./cmd/parley"
	case strings.ContainsRune(exe, filepath.Separator) || strings.ContainsRune(exe, '/'):
		return exe
	}
	return "parley"
}

// buildVersion is the -ldflags version, else the module version recorded by
// the Go toolchain, else "dev".
func buildVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}
