package main

import (
	"context"
	"fmt"

	"github.com/parleychat/parley/internal/app"
)

// serve runs the server until ctx ends (SIGINT or SIGTERM).
func serve(ctx context.Context, e env, args []string) error {
	cfg, _, err := parseFlags(e, "parley serve", "Run the Parley server.", args, nil)
	if err != nil {
		return err
	}
	logger := cfg.Logger(e.stderr)
	a, err := app.Open(ctx, cfg, logger, buildVersion())
	if err != nil {
		return err
	}
	defer a.Close()

	boot, err := a.Accounts.Bootstrap(ctx, cfg.AdminEmail, cfg.AdminPassword)
	if err != nil {
		return fmt.Errorf("first-start setup: %w", err)
	}
	return a.Serve(ctx, func(url string) {
		logger.Info("parley is ready", "url", url, "version", buildVersion(),
			"database", a.Store.Dialect(), "bus_embedded", a.Bus.Embedded())
		fmt.Fprintf(e.stdout, "Parley %s is running at %s\n", buildVersion(), url)
		if boot.Created {
			fmt.Fprintf(e.stdout, "Created the first administrator:\n  email:    %s\n", boot.Admin.Email)
			if boot.GeneratedPassword != "" {
				fmt.Fprintf(e.stdout, "  password: %s\n  (shown only this once; change it with: parley admin reset-password --email %s)\n",
					boot.GeneratedPassword, boot.Admin.Email)
			} else {
				fmt.Fprintln(e.stdout, "  password: the one given in PARLEY_ADMIN_PASSWORD")
			}
		}
	})
}
