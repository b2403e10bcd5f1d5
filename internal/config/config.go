// Package config holds Parley's typed configuration and loads it from
// built-in defaults, then PARLEY_* environment variables, then command-line
// flags, each overriding the one before.
//
// Every setting is described once, in the table in settings.go: its flag,
// environment variable, description, the Config field it fills and the rule
// Validate applies. Flag registration, environment parsing, validation and
// the documentation test (docs/configuration.md) all read that table.
package config

import (
	"flag"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Config is the configuration of one Parley node. The zero value is not
// useful; start from Default or Load.
type Config struct {
	Addr               string        // --addr, PARLEY_ADDR: listen address (host:port)
	DataDir            string        // --data-dir, PARLEY_DATA_DIR: SQLite database, NATS store
	DatabaseURL        string        // --database-url, PARLEY_DATABASE_URL: "" = SQLite in DataDir; postgres:// = PostgreSQL
	NATSURL            string        // --nats-url, PARLEY_NATS_URL: "" = in-process NATS with no port
	PublicURL          string        // --public-url, PARLEY_PUBLIC_URL: "" = http://<addr>; https → secure cookies
	LogFormat          string        // --log-format, PARLEY_LOG_FORMAT: "text" | "json"
	LogLevel           string        // --log-level, PARLEY_LOG_LEVEL: "debug" | "info" | "warn" | "error"
	AdminEmail         string        // --admin-email, PARLEY_ADMIN_EMAIL: first admin (first start only)
	AdminPassword      string        // --admin-password, PARLEY_ADMIN_PASSWORD: "" = generate and print once
	ShutdownTimeout    time.Duration // --shutdown-timeout, PARLEY_SHUTDOWN_TIMEOUT: > 0
	SessionTTL         time.Duration // --session-ttl, PARLEY_SESSION_TTL: >= 1m
	TokenExpiryWarning time.Duration // --token-expiry-warning, PARLEY_TOKEN_EXPIRY_WARNING: > 0
	PresenceGrace      time.Duration // --presence-grace, PARLEY_PRESENCE_GRACE: >= 1s
	AwayAfter          time.Duration // --away-after, PARLEY_AWAY_AFTER: 0 (never) or >= 1s; the console's idle time before away
	CredentialRecheck  time.Duration // --credential-recheck, PARLEY_CREDENTIAL_RECHECK: > 0
	TrustProxy         bool          // --trust-proxy, PARLEY_TRUST_PROXY: client IP from X-Forwarded-For
	Demo               string        // --demo, PARLEY_DEMO: "auto" | "true" | "false" (see DemoEnabled)
	OutboundAllow      string        // --outbound-allow, PARLEY_OUTBOUND_ALLOW: comma-separated CIDRs and host names (see OutboundAllowList)
	ContextTimeout     time.Duration // --context-timeout, PARLEY_CONTEXT_TIMEOUT: 1s to 1m

	// Inbound rate limits of real-time connections, per holder (a
	// visitor's contact, an agent, an API token) and node: frames a second
	// and the burst, for visitors and for staff.
	WSVisitorRate  float64 // --ws-visitor-rate, PARLEY_WS_VISITOR_RATE: > 0
	WSVisitorBurst int     // --ws-visitor-burst, PARLEY_WS_VISITOR_BURST: >= 1
	WSStaffRate    float64 // --ws-staff-rate, PARLEY_WS_STAFF_RATE: > 0
	WSStaffBurst   int     // --ws-staff-burst, PARLEY_WS_STAFF_BURST: >= 1
	// UnsentAttachmentTTL is how long an uploaded file that no sent
	// message carries is kept before the sweeper deletes it.
	UnsentAttachmentTTL time.Duration // --unsent-attachment-ttl, PARLEY_UNSENT_ATTACHMENT_TTL: >= 1m

	// Webhooks (docs/webhooks.md).
	WebhookSchedule  string        // --webhook-schedule, PARLEY_WEBHOOK_SCHEDULE: comma-separated delays of the attempts
	WebhookTimeout   time.Duration // --webhook-timeout, PARLEY_WEBHOOK_TIMEOUT: 1s to 5m
	WebhookRetention time.Duration // --webhook-retention, PARLEY_WEBHOOK_RETENTION: >= 1h
}

// Default returns the built-in defaults: a single node on 127.0.0.1:8080
// with SQLite and in-process NATS under ./parley-data.
func Default() Config {
	return Config{
		Addr:               "127.0.0.1:8080",
		DataDir:            "./parley-data",
		LogFormat:          "text",
		LogLevel:           "info",
		AdminEmail:         "admin@example.com",
		ShutdownTimeout:    15 * time.Second,
		SessionTTL:         12 * time.Hour,
		TokenExpiryWarning: 3 * time.Minute,
		PresenceGrace:      30 * time.Second,
		AwayAfter:          10 * time.Minute,
		CredentialRecheck:  30 * time.Second,
		Demo:               "auto",
		ContextTimeout:     5 * time.Second,

		// Limits (docs/configuration.md#limits).
		WSVisitorRate:       5,
		WSVisitorBurst:      40,
		WSStaffRate:         50,
		WSStaffBurst:        1000,
		UnsentAttachmentTTL: 24 * time.Hour,

		WebhookSchedule:  DefaultWebhookSchedule,
		WebhookTimeout:   15 * time.Second,
		WebhookRetention: 30 * 24 * time.Hour,
	}
}

// DefaultWebhookSchedule is the default of WebhookSchedule.
const DefaultWebhookSchedule = "0s,5s,5m,30m,2h,5h,10h,10h"

// Load applies the defaults, then the environment read through getenv
// (os.Getenv if nil), then the flags in args, registered on a new FlagSet
// called name, and validates the result. It returns the arguments left
// after the flags. For -h or -help it returns an error wrapping
// flag.ErrHelp; callers that want to print usage should register the flags
// on their own FlagSet with RegisterFlags.
func Load(name string, args []string, getenv func(string) string) (Config, []string, error) {
	if getenv == nil {
		getenv = os.Getenv
	}
	c := Default()
	if err := c.ApplyEnv(getenv); err != nil {
		return c, nil, err
	}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c.RegisterFlags(fs)
	if err := fs.Parse(args); err != nil {
		return c, nil, fmt.Errorf("%s: %w", name, err)
	}
	return c, fs.Args(), c.Validate()
}

// Public returns the URL at which browsers reach this node, without a
// trailing slash: PublicURL if set, else http://<addr>, where an
// unspecified listen host (":8080", "0.0.0.0:8080", "[::]:8080") becomes
// localhost.
func (c Config) Public() string {
	if c.PublicURL != "" {
		return strings.TrimSuffix(c.PublicURL, "/")
	}
	host, port, err := net.SplitHostPort(c.Addr)
	if err != nil {
		return "http://" + c.Addr
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port)
}

// SecureCookies reports whether cookies must be marked Secure, which is
// when PublicURL is an https URL.
func (c Config) SecureCookies() bool {
	u, err := url.Parse(c.PublicURL)
	return err == nil && u.Scheme == "https"
}

// DemoEnabled reports whether demo mode is on: the demo page at / and the
// demo-only POST /demo/visitor-token. Demo "auto" turns it on unless
// PublicURL is an https URL (a production deployment).
func (c Config) DemoEnabled() bool {
	if c.Demo == "" || strings.EqualFold(c.Demo, "auto") {
		return !c.SecureCookies()
	}
	on, _ := strconv.ParseBool(c.Demo)
	return on
}

// ResolvedDatabaseURL returns DatabaseURL, or "sqlite:<data-dir>/parley.db"
// when it is empty.
func (c Config) ResolvedDatabaseURL() string {
	if c.DatabaseURL != "" {
		return c.DatabaseURL
	}
	return "sqlite:" + filepath.Join(c.DataDir, "parley.db")
}

// Postgres reports whether DatabaseURL selects PostgreSQL (postgres:// or
// postgresql://).
func (c Config) Postgres() bool {
	scheme, _, ok := strings.Cut(c.DatabaseURL, "://")
	scheme = strings.ToLower(scheme)
	return ok && (scheme == "postgres" || scheme == "postgresql")
}

// OutboundAllowList returns the entries of OutboundAllow: the CIDRs, IP
// addresses and host names that requests made on a customer's behalf
// (internal/outbound) may reach although they are private.
func (c Config) OutboundAllowList() []string {
	var out []string
	for e := range strings.SplitSeq(c.OutboundAllow, ",") {
		if e = strings.TrimSpace(e); e != "" {
			out = append(out, e)
		}
	}
	return out
}

// NATSStoreDir is where the in-process NATS server keeps its JetStream
// state: <data-dir>/nats.
func (c Config) NATSStoreDir() string { return filepath.Join(c.DataDir, "nats") }
