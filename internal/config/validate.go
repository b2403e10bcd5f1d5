package config

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parleychat/parley"
)

var (
	logFormats = []string{"text", "json"}
	logLevels  = []string{"debug", "info", "warn", "error"}
	natsScheme = []string{"nats", "tls", "ws", "wss"}
)

// Validate checks every setting and returns all problems joined, each
// naming its setting, e.g.
//
//	PARLEY_LOG_LEVEL (--log-level): must be one of debug, info, warn, error; got "loud"
//
// Messages never repeat a password or a URL that may hold credentials.
func (c Config) Validate() error {
	var errs []error
	for _, e := range table {
		if e.check == nil {
			continue
		}
		if err := e.check(c); err != nil {
			errs = append(errs, errSetting(e.Setting, err))
		}
	}
	return errors.Join(errs...)
}

func checkNotEmpty(s string) error {
	if strings.TrimSpace(s) == "" {
		return errors.New("must not be empty")
	}
	return nil
}

func checkAddr(addr string) error {
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("must be host:port, such as 127.0.0.1:8080 or :8080; got %q", addr)
	}
	if _, err := strconv.ParseUint(port, 10, 16); err != nil {
		return fmt.Errorf("port must be a number from 0 to 65535; got %q", addr)
	}
	return nil
}

func checkDatabaseURL(s string) error {
	if s == "" {
		return nil
	}
	scheme, rest, _ := strings.Cut(s, ":")
	switch strings.ToLower(scheme) {
	case "sqlite":
		if strings.TrimPrefix(rest, "//") == "" {
			return errors.New("sqlite: needs a file path, e.g. sqlite:/var/lib/parley/parley.db")
		}
		return nil
	case "postgres", "postgresql":
		if _, err := url.Parse(s); err != nil || !strings.HasPrefix(rest, "//") {
			return errors.New("is not a valid postgres:// URL") // the URL may hold a password: not echoed
		}
		return nil
	}
	if !strings.Contains(s, ":") {
		return errors.New("must be empty (SQLite in the data directory), sqlite:<file> or a postgres:// URL")
	}
	return fmt.Errorf("must be empty (SQLite in the data directory), sqlite:<file> or a postgres:// URL; got scheme %q", scheme)
}

func checkNATSURL(list string) error {
	if list == "" {
		return nil
	}
	for i, s := range strings.Split(list, ",") {
		s = strings.TrimSpace(s)
		if !strings.Contains(s, "://") {
			s = "nats://" + s // the client accepts a bare host:port
		}
		u, err := url.Parse(s)
		switch {
		case err != nil:
			return fmt.Errorf("URL %d is not a valid URL", i+1) // may hold a password: not echoed
		case !slices.Contains(natsScheme, u.Scheme):
			return fmt.Errorf("URL %d: scheme must be one of %s; got %q", i+1, strings.Join(natsScheme, ", "), u.Scheme)
		case u.Hostname() == "":
			return fmt.Errorf("URL %d has no host", i+1)
		}
	}
	return nil
}

func checkPublicURL(s string) error {
	if s == "" {
		return nil
	}
	u, err := url.Parse(s)
	switch {
	case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
		return fmt.Errorf("must be an absolute http or https URL such as https://chat.example.com; got %q", s)
	case u.User != nil:
		return errors.New("must not contain a user name or password")
	case (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" || u.ForceQuery:
		return fmt.Errorf("must have no path, query or fragment (Parley is served at the root); got %q", s)
	}
	return nil
}

func checkOneOf(s string, allowed []string) error {
	if !slices.Contains(allowed, s) {
		return fmt.Errorf("must be one of %s; got %q", strings.Join(allowed, ", "), s)
	}
	return nil
}

func checkEmail(s string) error {
	if !parley.ValidEmail(s) {
		return fmt.Errorf("must be a bare email address such as admin@example.com; got %q", s)
	}
	return nil
}

func checkPassword(s string) error {
	if s == "" {
		return nil
	}
	if n := utf8.RuneCountInString(s); n < parley.MinPasswordLength || n > parley.MaxPasswordLength {
		return fmt.Errorf("must be %d to %d characters; got %d", parley.MinPasswordLength, parley.MaxPasswordLength, n)
	}
	return nil
}

// checkAwayAfter allows 0 (the console never sets an agent away by
// itself) or 1s to 24h.
func checkAwayAfter(d time.Duration) error {
	if d == 0 {
		return nil
	}
	if d < time.Second || d > 24*time.Hour {
		return fmt.Errorf("must be 0 (never) or from 1s to 24h; got %s", formatDuration(d))
	}
	return nil
}

// checkMinDuration requires d > least, or d >= least when inclusive.
// checkDurationRange requires least <= d <= most.
func checkDurationRange(d, least, most time.Duration) error {
	if d < least || d > most {
		return fmt.Errorf("must be from %s to %s; got %s", formatDuration(least), formatDuration(most), formatDuration(d))
	}
	return nil
}

func checkMinDuration(d, least time.Duration, inclusive bool) error {
	if d > least || (inclusive && d == least) {
		return nil
	}
	if inclusive {
		return fmt.Errorf("must be at least %s; got %s", formatDuration(least), formatDuration(d))
	}
	return fmt.Errorf("must be more than %s; got %s", formatDuration(least), formatDuration(d))
}

// errSetting prefixes err with the setting's environment variable and flag,
// the form every validation error takes.
func errSetting(s Setting, err error) error {
	return fmt.Errorf("%s (--%s): %w", s.Env, s.Flag, err)
}

func checkDemo(s string) error {
	if strings.EqualFold(s, "auto") {
		return nil
	}
	if _, err := strconv.ParseBool(s); err != nil {
		return errors.New("must be auto, true or false")
	}
	return nil
}

// Bounds of the real-time rate limits: a rate above maxRate frames a
// second or a burst above maxBurst frames is no limit at all.
const (
	maxRate  = 100_000
	maxBurst = 100_000
)

func checkRate(r float64) error {
	if !(r > 0 && r <= maxRate) { // also NaN
		return fmt.Errorf("must be more than 0 and at most %d frames a second; got %s", maxRate, strconv.FormatFloat(r, 'g', -1, 64))
	}
	return nil
}

func checkBurst(n int) error {
	if n < 1 || n > maxBurst {
		return fmt.Errorf("must be from 1 to %d frames; got %d", maxBurst, n)
	}
	return nil
}
