package main

import (
	"errors"
	"flag"
	"fmt"

	"github.com/parleychat/parley/internal/config"
)

// errUsage reports a command line that could not be parsed, and errHelp a
// request for help; the flag package has already printed what to say.
var (
	errUsage = errors.New("usage")
	errHelp  = errors.New("help")
)

// exitCode is 0 after help, 2 for usage errors and 1 for everything else.
func exitCode(err error) int {
	switch {
	case errors.Is(err, errHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	}
	return 1
}

// parseFlags parses args into a FlagSet holding every configuration setting
// plus the command's own flags (added by extra), applying defaults, then the
// environment, then the flags, and validates the result.
func parseFlags(e env, name, summary string, args []string, extra func(fs *flag.FlagSet)) (config.Config, *flag.FlagSet, error) {
	cfg := config.Default()
	if err := cfg.ApplyEnv(e.getenv); err != nil {
		return cfg, nil, err
	}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: %s [flags]\n\n%s\n\nFlags (each also read from its PARLEY_* environment variable):\n", name, summary)
		fs.PrintDefaults()
	}
	cfg.RegisterFlags(fs)
	if extra != nil {
		extra(fs)
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return cfg, fs, errHelp
		}
		return cfg, fs, errUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "%s: unexpected argument %q\n", name, fs.Arg(0))
		return cfg, fs, errUsage
	}
	return cfg, fs, cfg.Validate()
}
