package main

import (
	"context"
	"fmt"
	"runtime"
	"strings"

	"github.com/parleychat/parley/internal/app"
	"github.com/parleychat/parley/internal/config"
)

// serve runs the server until ctx ends (SIGINT or SIGTERM).
func serve(ctx context.Context, e env, args []string) error {
	cfg, _, err := parseFlags(e, "parley serve", "Run the Parley server.", args, nil)
	if err != nil {
		return err
	}
	logger := cfg.Logger(e.stderr)
	ensureProcs(e.getenv)
	a, err := app.Open(ctx, cfg, logger, buildVersion())
	if err != nil {
		return err
	}
	boot, err := a.Accounts.Bootstrap(ctx, cfg.AdminEmail, cfg.AdminPassword)
	if err != nil {
		a.Close()
		return fmt.Errorf("first-start setup: %w", err)
	}
	err = a.Serve(ctx, func(url string) {
		logger.Info("parley is ready", "url", url, "version", buildVersion(),
			"database", a.Store.Dialect(), "bus_embedded", a.Bus.Embedded())
		fmt.Fprintf(e.stdout, "Parley %s is running at %s\n", buildVersion(), url)
		if boot.Created {
			fmt.Fprintf(e.stdout, "Created the first administrator:\n  email:    %s\n", boot.Admin.Email)
			if boot.GeneratedPassword != "" {
				fmt.Fprintf(e.stdout, "  password: %s\n  (shown only this once; change it with: %s)\n",
					boot.GeneratedPassword, resetPasswordHint(cfg, boot.Admin.Email))
			} else {
				fmt.Fprintln(e.stdout, "  password: the one given in PARLEY_ADMIN_PASSWORD")
			}
		}
	})
	if cerr := a.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	logger.Info("parley stopped")
	return nil
}

// resetPasswordHint is the command that sets the admin's password, as it
// works when typed in the directory the server was started from: the
// same program (see selfCommand) and the same data directory.
func resetPasswordHint(cfg config.Config, email string) string {
	hint := selfCommand() + " admin reset-password --email " + email
	if cfg.DatabaseURL == "" && cfg.DataDir != config.Default().DataDir {
		hint += " --data-dir " + shellQuote(cfg.DataDir)
	}
	return hint
}

// shellQuote quotes s for a POSIX shell when it holds anything but plain
// path characters.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:@+=,") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// minProcs is the fewest Ps (threads running Go code at once) the server
// runs with.
const minProcs = 2

// ensureProcs gives the server at least minProcs Ps, unless GOMAXPROCS is
// set. On one core (a small VM, or taskset) Go would run Go code on one
// thread: while the SQLite writer is in a blocking system call (pwrite to
// its log), nothing else — reading sockets, acknowledging, delivering —
// runs until the runtime's monitor hands the P over, which takes up to
// 10 ms when the process looked idle. A second P lets the kernel run
// another thread on the same core meanwhile (docs/performance.md, "Where
// the time goes").
func ensureProcs(getenv func(string) string) {
	if getenv != nil && getenv("GOMAXPROCS") != "" {
		return
	}
	if runtime.GOMAXPROCS(0) < minProcs {
		runtime.GOMAXPROCS(minProcs)
	}
}
