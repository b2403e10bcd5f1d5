package main

import (
	"context"
	"fmt"

	"github.com/parleychat/parley/internal/store"
)

// migrate applies pending database migrations and reports them. `parley
// serve` does the same at start; this command lets an operator do it first.
func migrate(ctx context.Context, e env, args []string) error {
	cfg, _, err := parseFlags(e, "parley migrate", "Apply pending database migrations and exit.", args, nil)
	if err != nil {
		return err
	}
	applied, err := store.Migrate(ctx, cfg.ResolvedDatabaseURL(), cfg.Logger(e.stderr))
	if err != nil {
		return err
	}
	if len(applied) == 0 {
		fmt.Fprintln(e.stdout, "The database is up to date.")
		return nil
	}
	fmt.Fprintf(e.stdout, "Applied migrations %v.\n", applied)
	return nil
}
