package config

import (
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/parleychat/parley/internal/outbound"
	"github.com/parleychat/parley/internal/webhook"
)

// Setting describes one configuration setting for flags, help and the
// documentation.
type Setting struct {
	Flag        string // flag name without dashes, e.g. "addr" for --addr
	Env         string // environment variable, e.g. "PARLEY_ADDR"
	Default     string // built-in default as text; "" when empty
	Description string // one line
}

// entry binds a Setting to its Config field and its validation rule.
type entry struct {
	Setting
	field func(c *Config) any  // the field: *string, *time.Duration, *bool, *int or *float64
	check func(c Config) error // nil when every parsable value is valid
}

// table is the single list of settings. Adding a setting means adding a
// Config field, one entry here and one row in docs/configuration.md (the
// docs test fails until the row exists).
var table = []entry{
	{
		Setting: Setting{Flag: "addr", Env: "PARLEY_ADDR", Description: "Address (host:port) the HTTP server listens on."},
		field:   func(c *Config) any { return &c.Addr },
		check:   func(c Config) error { return checkAddr(c.Addr) },
	},
	{
		Setting: Setting{Flag: "data-dir", Env: "PARLEY_DATA_DIR", Description: "Directory for the SQLite database and the in-process NATS store."},
		field:   func(c *Config) any { return &c.DataDir },
		check:   func(c Config) error { return checkNotEmpty(c.DataDir) },
	},
	{
		Setting: Setting{Flag: "database-url", Env: "PARLEY_DATABASE_URL", Description: "Database: empty for SQLite (parley.db in the data directory), sqlite:<file>, or a postgres:// URL."},
		field:   func(c *Config) any { return &c.DatabaseURL },
		check:   func(c Config) error { return checkDatabaseURL(c.DatabaseURL) },
	},
	{
		Setting: Setting{Flag: "nats-url", Env: "PARLEY_NATS_URL", Description: "NATS server or cluster (comma-separated URLs); empty runs NATS in-process with no port."},
		field:   func(c *Config) any { return &c.NATSURL },
		check:   func(c Config) error { return checkNATSURL(c.NATSURL) },
	},
	{
		Setting: Setting{Flag: "public-url", Env: "PARLEY_PUBLIC_URL", Description: "URL browsers use to reach Parley (scheme and host only); https turns on secure cookies. Empty means http://<addr>."},
		field:   func(c *Config) any { return &c.PublicURL },
		check:   func(c Config) error { return checkPublicURL(c.PublicURL) },
	},
	{
		Setting: Setting{Flag: "log-format", Env: "PARLEY_LOG_FORMAT", Description: "Log format: text or json."},
		field:   func(c *Config) any { return &c.LogFormat },
		check:   func(c Config) error { return checkOneOf(c.LogFormat, logFormats) },
	},
	{
		Setting: Setting{Flag: "log-level", Env: "PARLEY_LOG_LEVEL", Description: "Lowest level logged: debug, info, warn or error."},
		field:   func(c *Config) any { return &c.LogLevel },
		check:   func(c Config) error { return checkOneOf(c.LogLevel, logLevels) },
	},
	{
		Setting: Setting{Flag: "admin-email", Env: "PARLEY_ADMIN_EMAIL", Description: "Email of the first admin, created on first start only."},
		field:   func(c *Config) any { return &c.AdminEmail },
		check:   func(c Config) error { return checkEmail(c.AdminEmail) },
	},
	{
		Setting: Setting{Flag: "admin-password", Env: "PARLEY_ADMIN_PASSWORD", Description: "Password of the first admin (at least 10 characters); empty generates one and prints it once. First start only."},
		field:   func(c *Config) any { return &c.AdminPassword },
		check:   func(c Config) error { return checkPassword(c.AdminPassword) },
	},
	{
		Setting: Setting{Flag: "shutdown-timeout", Env: "PARLEY_SHUTDOWN_TIMEOUT", Description: "How long a graceful shutdown may take before connections are cut."},
		field:   func(c *Config) any { return &c.ShutdownTimeout },
		check:   func(c Config) error { return checkMinDuration(c.ShutdownTimeout, 0, false) },
	},
	{
		Setting: Setting{Flag: "session-ttl", Env: "PARLEY_SESSION_TTL", Description: "Lifetime of an agent's login session (at least 1m)."},
		field:   func(c *Config) any { return &c.SessionTTL },
		check:   func(c Config) error { return checkMinDuration(c.SessionTTL, time.Minute, true) },
	},
	{
		Setting: Setting{Flag: "token-expiry-warning", Env: "PARLEY_TOKEN_EXPIRY_WARNING", Description: "How long before its credential expires a real-time connection receives token_expiring."},
		field:   func(c *Config) any { return &c.TokenExpiryWarning },
		check:   func(c Config) error { return checkMinDuration(c.TokenExpiryWarning, 0, false) },
	},
	{
		Setting: Setting{Flag: "presence-grace", Env: "PARLEY_PRESENCE_GRACE", Description: "How long an agent stays online (or away) after its last console tab or connection closes."},
		field:   func(c *Config) any { return &c.PresenceGrace },
		check:   func(c Config) error { return checkMinDuration(c.PresenceGrace, time.Second, true) },
	},
	{
		Setting: Setting{Flag: "away-after", Env: "PARLEY_AWAY_AFTER", Description: "How long an agent's console may see no activity (keys, pointer) before it sets the agent away; 0 never does (at most 24h)."},
		field:   func(c *Config) any { return &c.AwayAfter },
		check:   func(c Config) error { return checkAwayAfter(c.AwayAfter) },
	},
	{
		Setting: Setting{Flag: "credential-recheck", Env: "PARLEY_CREDENTIAL_RECHECK", Description: "How often each node checks again the credentials of its real-time connections, to close those whose end it was not told of."},
		field:   func(c *Config) any { return &c.CredentialRecheck },
		check:   func(c Config) error { return checkMinDuration(c.CredentialRecheck, 0, false) },
	},
	{
		Setting: Setting{Flag: "trust-proxy", Env: "PARLEY_TRUST_PROXY", Description: "Take the client IP from X-Forwarded-For; enable only behind a proxy you control."},
		field:   func(c *Config) any { return &c.TrustProxy },
	},
	{
		Setting: Setting{Flag: "demo", Env: "PARLEY_DEMO", Description: "Demo mode (demo page at /, demo visitor logins): auto, true or false; auto is on unless the public URL is https."},
		field:   func(c *Config) any { return &c.Demo },
		check:   func(c Config) error { return checkDemo(c.Demo) },
	},
	{
		Setting: Setting{Flag: "outbound-allow", Env: "PARLEY_OUTBOUND_ALLOW", Description: "Comma-separated CIDRs, IP addresses and host names that requests made for customers (JWKS, webhooks) may reach although private; for on-premises services and tests."},
		field:   func(c *Config) any { return &c.OutboundAllow },
		check:   func(c Config) error { return outbound.ValidateAllow(c.OutboundAllowList()) },
	},
	{
		Setting: Setting{Flag: "context-timeout", Env: "PARLEY_CONTEXT_TIMEOUT", Description: "How long Parley waits for each context endpoint's answer when an agent opens a conversation."},
		field:   func(c *Config) any { return &c.ContextTimeout },
		check:   func(c Config) error { return checkDurationRange(c.ContextTimeout, time.Second, time.Minute) },
	},
	{
		Setting: Setting{Flag: "ws-visitor-rate", Env: "PARLEY_WS_VISITOR_RATE", Description: "Frames a second a visitor's real-time connections on a node may send together, sustained; more are refused with rate_limited."},
		field:   func(c *Config) any { return &c.WSVisitorRate },
		check:   func(c Config) error { return checkRate(c.WSVisitorRate) },
	},
	{
		Setting: Setting{Flag: "ws-visitor-burst", Env: "PARLEY_WS_VISITOR_BURST", Description: "Frames a visitor's real-time connections on a node may send at once, above their rate."},
		field:   func(c *Config) any { return &c.WSVisitorBurst },
		check:   func(c Config) error { return checkBurst(c.WSVisitorBurst) },
	},
	{
		Setting: Setting{Flag: "ws-staff-rate", Env: "PARLEY_WS_STAFF_RATE", Description: "Frames a second the real-time connections of one agent, bot or API token on a node may send together, sustained."},
		field:   func(c *Config) any { return &c.WSStaffRate },
		check:   func(c Config) error { return checkRate(c.WSStaffRate) },
	},
	{
		Setting: Setting{Flag: "ws-staff-burst", Env: "PARLEY_WS_STAFF_BURST", Description: "Frames the real-time connections of one agent, bot or API token on a node may send at once, above their rate."},
		field:   func(c *Config) any { return &c.WSStaffBurst },
		check:   func(c Config) error { return checkBurst(c.WSStaffBurst) },
	},
	{
		Setting: Setting{Flag: "unsent-attachment-ttl", Env: "PARLEY_UNSENT_ATTACHMENT_TTL", Description: "How long an uploaded file that no sent message carries is kept before it is deleted (at least 1m)."},
		field:   func(c *Config) any { return &c.UnsentAttachmentTTL },
		check:   func(c Config) error { return checkMinDuration(c.UnsentAttachmentTTL, time.Minute, true) },
	},
	{
		Setting: Setting{Flag: "webhook-schedule", Env: "PARLEY_WEBHOOK_SCHEDULE", Description: "When the attempts of a webhook delivery are made: comma-separated delays, each after the previous attempt failed (the first usually 0s)."},
		field:   func(c *Config) any { return &c.WebhookSchedule },
		check: func(c Config) error {
			_, err := webhook.ParseSchedule(c.WebhookSchedule)
			return err
		},
	},
	{
		Setting: Setting{Flag: "webhook-timeout", Env: "PARLEY_WEBHOOK_TIMEOUT", Description: "How long one webhook request may take, response included (1s to 5m)."},
		field:   func(c *Config) any { return &c.WebhookTimeout },
		check: func(c Config) error {
			if c.WebhookTimeout > 5*time.Minute {
				return errors.New("must be at most 5m")
			}
			return checkMinDuration(c.WebhookTimeout, time.Second, true)
		},
	},
	{
		Setting: Setting{Flag: "webhook-retention", Env: "PARLEY_WEBHOOK_RETENTION", Description: "How long the webhook delivery log keeps finished deliveries and attempts (at least 1h)."},
		field:   func(c *Config) any { return &c.WebhookRetention },
		check:   func(c Config) error { return checkMinDuration(c.WebhookRetention, time.Hour, true) },
	},
}

// Settings describes every setting, in the order of the documentation,
// with its built-in default.
func Settings() []Setting {
	defaults := Default()
	out := make([]Setting, len(table))
	for i, e := range table {
		out[i] = e.Setting
		out[i].Default = format(e.field(&defaults))
	}
	return out
}

// RegisterFlags adds every setting's flag to fs, writing into c, so that
// callers can combine the configuration flags with their own on one
// FlagSet. Apply the environment to c first: the values in c when
// RegisterFlags is called are what an absent flag leaves in place. Help
// output shows the built-in defaults, never values taken from the
// environment (which may be secrets).
func (c *Config) RegisterFlags(fs *flag.FlagSet) {
	defaults := Default()
	for _, e := range table {
		usage := e.Description + " (env " + e.Env + ")"
		switch p := e.field(c).(type) {
		case *string:
			fs.StringVar(p, e.Flag, *p, usage)
		case *time.Duration:
			fs.DurationVar(p, e.Flag, *p, usage)
		case *bool:
			fs.BoolVar(p, e.Flag, *p, usage)
		case *int:
			fs.IntVar(p, e.Flag, *p, usage)
		case *float64:
			fs.Float64Var(p, e.Flag, *p, usage)
		}
		fs.Lookup(e.Flag).DefValue = format(e.field(&defaults))
	}
}

// ApplyEnv sets every field whose environment variable is non-empty. An
// empty variable counts as unset. Every value that does not parse (a bad
// duration or boolean) is reported, naming its variable; range rules are
// left to Validate.
func (c *Config) ApplyEnv(getenv func(string) string) error {
	var errs []error
	for _, e := range table {
		v := getenv(e.Env)
		if v == "" {
			continue
		}
		if err := parse(e.field(c), v); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w; got %q", e.Env, err, v))
		}
	}
	return errors.Join(errs...)
}

// parse stores the text s in the field p.
func parse(p any, s string) error {
	switch p := p.(type) {
	case *string:
		*p = s
	case *time.Duration:
		d, err := time.ParseDuration(s)
		if err != nil {
			return errors.New("must be a duration such as 30s, 5m or 12h")
		}
		*p = d
	case *bool:
		b, err := strconv.ParseBool(s)
		if err != nil {
			return errors.New("must be true or false")
		}
		*p = b
	case *int:
		n, err := strconv.Atoi(s)
		if err != nil {
			return errors.New("must be a whole number")
		}
		*p = n
	case *float64:
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return errors.New("must be a number such as 5 or 0.5")
		}
		*p = f
	}
	return nil
}

// format renders the field p as text, durations without trailing zero
// units (12h, not 12h0m0s).
func format(p any) string {
	switch p := p.(type) {
	case *string:
		return *p
	case *time.Duration:
		return formatDuration(*p)
	case *bool:
		return strconv.FormatBool(*p)
	case *int:
		return strconv.Itoa(*p)
	case *float64:
		return strconv.FormatFloat(*p, 'g', -1, 64)
	}
	panic(fmt.Sprintf("config: unsupported setting type %T", p))
}

func formatDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}
