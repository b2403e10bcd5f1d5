package config_test

import (
	"bytes"
	"errors"
	"flag"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parleychat/parley/internal/config"
)

// env returns a getenv over a fixed map.
func env(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestLoad(t *testing.T) {
	allEnv := map[string]string{
		"PARLEY_ADDR":                 ":9000",
		"PARLEY_DATA_DIR":             "/var/lib/parley",
		"PARLEY_DATABASE_URL":         "postgres://parley@db/parley",
		"PARLEY_NATS_URL":             "nats://nats:4222",
		"PARLEY_PUBLIC_URL":           "https://chat.example.com",
		"PARLEY_LOG_FORMAT":           "json",
		"PARLEY_LOG_LEVEL":            "debug",
		"PARLEY_ADMIN_EMAIL":          "ops@example.com",
		"PARLEY_ADMIN_PASSWORD":       "correct horse",
		"PARLEY_SHUTDOWN_TIMEOUT":     "1m",
		"PARLEY_SESSION_TTL":          "2h30m",
		"PARLEY_TOKEN_EXPIRY_WARNING": "90s",
		"PARLEY_PRESENCE_GRACE":       "45s",
		"PARLEY_AWAY_AFTER":           "5m",
		"PARLEY_CREDENTIAL_RECHECK":   "5s",
		"PARLEY_TRUST_PROXY":          "true",
		"PARLEY_DEMO":                 "false",
		"PARLEY_OUTBOUND_ALLOW":       "10.1.0.0/16, idp.corp.example",
		"PARLEY_CONTEXT_TIMEOUT":      "8s",

		"PARLEY_WS_VISITOR_RATE":       "2.5",
		"PARLEY_WS_VISITOR_BURST":      "10",
		"PARLEY_WS_STAFF_RATE":         "20",
		"PARLEY_WS_STAFF_BURST":        "300",
		"PARLEY_UNSENT_ATTACHMENT_TTL": "2h",
		"PARLEY_WEBHOOK_SCHEDULE":      "0s,1s",
		"PARLEY_WEBHOOK_TIMEOUT":       "5s",
		"PARLEY_WEBHOOK_RETENTION":     "48h",
	}
	fromAllEnv := config.Config{
		Addr:               ":9000",
		DataDir:            "/var/lib/parley",
		DatabaseURL:        "postgres://parley@db/parley",
		NATSURL:            "nats://nats:4222",
		PublicURL:          "https://chat.example.com",
		LogFormat:          "json",
		LogLevel:           "debug",
		AdminEmail:         "ops@example.com",
		AdminPassword:      "correct horse",
		ShutdownTimeout:    time.Minute,
		SessionTTL:         150 * time.Minute,
		TokenExpiryWarning: 90 * time.Second,
		PresenceGrace:      45 * time.Second,
		AwayAfter:          5 * time.Minute,
		CredentialRecheck:  5 * time.Second,
		TrustProxy:         true,
		Demo:               "false",
		OutboundAllow:      "10.1.0.0/16, idp.corp.example",
		ContextTimeout:     8 * time.Second,

		WSVisitorRate:       2.5,
		WSVisitorBurst:      10,
		WSStaffRate:         20,
		WSStaffBurst:        300,
		UnsentAttachmentTTL: 2 * time.Hour,
		WebhookSchedule:     "0s,1s",
		WebhookTimeout:      5 * time.Second,
		WebhookRetention:    48 * time.Hour,
	}
	with := func(f func(*config.Config)) config.Config {
		c := config.Default()
		f(&c)
		return c
	}

	for _, tc := range []struct {
		name     string
		env      map[string]string
		args     []string
		want     config.Config
		wantArgs []string
	}{
		{
			name: "Defaults",
			want: config.Config{
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

				WSVisitorRate:       5,
				WSVisitorBurst:      40,
				WSStaffRate:         50,
				WSStaffBurst:        1000,
				UnsentAttachmentTTL: 24 * time.Hour,
				WebhookSchedule:     config.DefaultWebhookSchedule,
				WebhookTimeout:      15 * time.Second,
				WebhookRetention:    720 * time.Hour,
			},
		},
		{name: "EveryEnvVariable", env: allEnv, want: fromAllEnv},
		{
			name: "EveryFlag",
			args: []string{
				"--addr=:9000", "--data-dir", "/var/lib/parley", "--database-url=postgres://parley@db/parley",
				"--nats-url=nats://nats:4222", "--public-url=https://chat.example.com", "--log-format=json",
				"-log-level=debug", "--admin-email=ops@example.com", "--admin-password=correct horse",
				"--shutdown-timeout=1m", "--session-ttl=2h30m", "--token-expiry-warning=90s", "--presence-grace=45s", "--away-after=5m", "--credential-recheck=5s", "--trust-proxy", "--demo=false",
				"--outbound-allow=10.1.0.0/16, idp.corp.example", "--context-timeout=8s",
				"--ws-visitor-rate=2.5", "--ws-visitor-burst=10", "--ws-staff-rate", "20", "--ws-staff-burst=300",
				"--unsent-attachment-ttl=2h",
				"--webhook-schedule=0s,1s", "--webhook-timeout=5s", "--webhook-retention=48h",
			},
			want: fromAllEnv,
		},
		{
			name: "FlagsOverrideEnv",
			env:  allEnv,
			args: []string{"--addr=127.0.0.1:1", "--log-level=warn", "--trust-proxy=false", "--session-ttl=5m"},
			want: with(func(c *config.Config) {
				*c = fromAllEnv
				c.Addr, c.LogLevel, c.TrustProxy, c.SessionTTL = "127.0.0.1:1", "warn", false, 5*time.Minute
			}),
		},
		{
			name: "EmptyEnvIsUnset",
			env:  map[string]string{"PARLEY_ADDR": "", "PARLEY_LOG_LEVEL": ""},
			want: config.Default(),
		},
		{
			name: "EnvBooleanForms",
			env:  map[string]string{"PARLEY_TRUST_PROXY": "1"},
			want: with(func(c *config.Config) { c.TrustProxy = true }),
		},
		{
			name:     "RemainingArgs",
			args:     []string{"--log-level", "error", "serve", "--not-a-config-flag"},
			want:     with(func(c *config.Config) { c.LogLevel = "error" }),
			wantArgs: []string{"serve", "--not-a-config-flag"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, args, err := config.Load("parley", tc.args, env(tc.env))
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("config (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.wantArgs, args, cmp.Comparer(func(a, b []string) bool { return strings.Join(a, "\x00") == strings.Join(b, "\x00") })); diff != "" {
				t.Errorf("remaining args (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLoadErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		env  map[string]string
		args []string
		want []string // substrings of the error
	}{
		{name: "BadEnvDuration", env: map[string]string{"PARLEY_SHUTDOWN_TIMEOUT": "fifteen"}, want: []string{"PARLEY_SHUTDOWN_TIMEOUT", `"fifteen"`}},
		{name: "BadEnvDurationUnitless", env: map[string]string{"PARLEY_SESSION_TTL": "3600"}, want: []string{"PARLEY_SESSION_TTL", `"3600"`}},
		{name: "BadEnvBool", env: map[string]string{"PARLEY_TRUST_PROXY": "maybe"}, want: []string{"PARLEY_TRUST_PROXY", `"maybe"`}},
		{name: "BadEnvInt", env: map[string]string{"PARLEY_WS_VISITOR_BURST": "1.5"}, want: []string{"PARLEY_WS_VISITOR_BURST", `"1.5"`}},
		{name: "BadEnvFloat", env: map[string]string{"PARLEY_WS_STAFF_RATE": "fast"}, want: []string{"PARLEY_WS_STAFF_RATE", `"fast"`}},
		{
			name: "EveryBadEnvIsReported",
			env:  map[string]string{"PARLEY_TRUST_PROXY": "maybe", "PARLEY_SESSION_TTL": "x"},
			want: []string{"PARLEY_TRUST_PROXY", "PARLEY_SESSION_TTL"},
		},
		{name: "UnknownFlag", args: []string{"--colour=red"}, want: []string{"colour"}},
		{name: "BadFlagDuration", args: []string{"--shutdown-timeout=soon"}, want: []string{"shutdown-timeout"}},
		{name: "FlagMissingValue", args: []string{"--addr"}, want: []string{"addr"}},
		{name: "InvalidFromEnv", env: map[string]string{"PARLEY_LOG_LEVEL": "loud"}, want: []string{"PARLEY_LOG_LEVEL (--log-level)", `"loud"`}},
		{name: "InvalidFromFlag", args: []string{"--session-ttl=30s"}, want: []string{"PARLEY_SESSION_TTL (--session-ttl)"}},
		{name: "ContextTimeoutTooLong", args: []string{"--context-timeout=2m"}, want: []string{"PARLEY_CONTEXT_TIMEOUT (--context-timeout)", "from 1s to 1m"}},
		{name: "ContextTimeoutTooShort", env: map[string]string{"PARLEY_CONTEXT_TIMEOUT": "500ms"}, want: []string{"PARLEY_CONTEXT_TIMEOUT"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := config.Load("parley", tc.args, env(tc.env))
			if err == nil {
				t.Fatal("Load succeeded, want an error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

func TestLoadHelp(t *testing.T) {
	_, _, err := config.Load("parley", []string{"-h"}, env(nil))
	if !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("Load -h: err = %v, want flag.ErrHelp", err)
	}
}

func TestRegisterFlags(t *testing.T) {
	c := config.Default()
	if err := c.ApplyEnv(env(map[string]string{"PARLEY_ADMIN_PASSWORD": "env-secret-password", "PARLEY_LOG_LEVEL": "warn"})); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	fs := flag.NewFlagSet("parley serve", flag.ContinueOnError)
	fs.SetOutput(&out)
	own := fs.Bool("dry-run", false, "a subcommand's own flag")
	c.RegisterFlags(fs)
	if err := fs.Parse([]string{"--dry-run", "--addr=:1"}); err != nil {
		t.Fatal(err)
	}
	if !*own || c.Addr != ":1" || c.LogLevel != "warn" || c.AdminPassword != "env-secret-password" {
		t.Fatalf("dry-run=%v addr=%q log-level=%q: want true, \":1\", \"warn\" (from env) and the env password", *own, c.Addr, c.LogLevel)
	}

	fs.PrintDefaults()
	help := out.String()
	if strings.Contains(help, "env-secret-password") {
		t.Errorf("help shows the password taken from the environment:\n%s", help)
	}
	for _, s := range config.Settings() {
		if !strings.Contains(help, "-"+s.Flag) || !strings.Contains(help, s.Env) {
			t.Errorf("help lacks --%s or %s", s.Flag, s.Env)
		}
	}
	if !strings.Contains(help, `(default "info")`) {
		t.Errorf("help should show the built-in log level default, not the environment's:\n%s", help)
	}
}

func TestSettings(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range config.Settings() {
		if s.Flag == "" || s.Description == "" || strings.HasPrefix(s.Flag, "-") {
			t.Errorf("incomplete setting %+v", s)
		}
		if want := "PARLEY_" + strings.ToUpper(strings.ReplaceAll(s.Flag, "-", "_")); s.Env != want {
			t.Errorf("--%s: env %s, want %s", s.Flag, s.Env, want)
		}
		if seen[s.Flag] {
			t.Errorf("--%s listed twice", s.Flag)
		}
		seen[s.Flag] = true
	}
	if n := reflect.TypeFor[config.Config]().NumField(); len(seen) != n {
		t.Errorf("%d settings for %d Config fields, want one per field", len(seen), n)
	}
}

func TestDerived(t *testing.T) {
	for _, tc := range []struct {
		name         string
		c            config.Config
		public       string
		secure       bool
		database     string
		postgres     bool
		natsStoreDir string
	}{
		{
			name:         "Defaults",
			c:            config.Default(),
			public:       "http://127.0.0.1:8080",
			database:     "sqlite:" + filepath.Join("parley-data", "parley.db"),
			natsStoreDir: filepath.Join("parley-data", "nats"),
		},
		{
			name:         "UnspecifiedHost",
			c:            config.Config{Addr: ":8080", DataDir: "/d"},
			public:       "http://localhost:8080",
			database:     "sqlite:/d/parley.db",
			natsStoreDir: "/d/nats",
		},
		{
			name:         "AllInterfacesIPv6",
			c:            config.Config{Addr: "[::]:80", DataDir: "/d"},
			public:       "http://localhost:80",
			database:     "sqlite:/d/parley.db",
			natsStoreDir: "/d/nats",
		},
		{
			name:         "IPv6Host",
			c:            config.Config{Addr: "[::1]:8080", DataDir: "/d"},
			public:       "http://[::1]:8080",
			database:     "sqlite:/d/parley.db",
			natsStoreDir: "/d/nats",
		},
		{
			name:         "HTTPSPublicAndPostgres",
			c:            config.Config{Addr: ":8080", DataDir: "/d", PublicURL: "https://chat.example.com/", DatabaseURL: "postgres://u:p@db/parley"},
			public:       "https://chat.example.com",
			secure:       true,
			database:     "postgres://u:p@db/parley",
			postgres:     true,
			natsStoreDir: "/d/nats",
		},
		{
			name:         "HTTPPublicAndPostgresql",
			c:            config.Config{DataDir: "/d", PublicURL: "http://chat.internal:8080", DatabaseURL: "postgresql://db/parley"},
			public:       "http://chat.internal:8080",
			database:     "postgresql://db/parley",
			postgres:     true,
			natsStoreDir: "/d/nats",
		},
		{
			name:         "SQLiteFile",
			c:            config.Config{DataDir: "/d", PublicURL: "http://x", DatabaseURL: "sqlite:/srv/p.db"},
			public:       "http://x",
			database:     "sqlite:/srv/p.db",
			natsStoreDir: "/d/nats",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.c.Public(); got != tc.public {
				t.Errorf("Public() = %q, want %q", got, tc.public)
			}
			if got := tc.c.SecureCookies(); got != tc.secure {
				t.Errorf("SecureCookies() = %v, want %v", got, tc.secure)
			}
			if got := tc.c.ResolvedDatabaseURL(); got != tc.database {
				t.Errorf("ResolvedDatabaseURL() = %q, want %q", got, tc.database)
			}
			if got := tc.c.Postgres(); got != tc.postgres {
				t.Errorf("Postgres() = %v, want %v", got, tc.postgres)
			}
			if got := tc.c.NATSStoreDir(); got != tc.natsStoreDir {
				t.Errorf("NATSStoreDir() = %q, want %q", got, tc.natsStoreDir)
			}
		})
	}
}

func TestOutboundAllowList(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{" , ", nil},
		{"10.1.0.0/16", []string{"10.1.0.0/16"}},
		{" 10.1.0.0/16 ,idp.corp.example,, ::1 ", []string{"10.1.0.0/16", "idp.corp.example", "::1"}},
	} {
		c := config.Default()
		c.OutboundAllow = tc.in
		if diff := cmp.Diff(tc.want, c.OutboundAllowList()); diff != "" {
			t.Errorf("OutboundAllowList() of %q (-want +got):\n%s", tc.in, diff)
		}
	}
}

func TestDemoEnabled(t *testing.T) {
	tests := []struct {
		demo, publicURL string
		want            bool
	}{
		{"auto", "", true},
		{"auto", "http://chat.example.com", true},
		{"auto", "https://chat.example.com", false},
		{"true", "https://chat.example.com", true},
		{"false", "", false},
		{"", "", true},
	}
	for _, tt := range tests {
		c := config.Default()
		c.Demo, c.PublicURL = tt.demo, tt.publicURL
		if got := c.DemoEnabled(); got != tt.want {
			t.Errorf("Demo %q, PublicURL %q: DemoEnabled() = %v, want %v", tt.demo, tt.publicURL, got, tt.want)
		}
	}
	c := config.Default()
	c.Demo = "sometimes"
	if err := c.Validate(); err == nil || !strings.Contains(err.Error(), "PARLEY_DEMO") {
		t.Errorf("Validate() with Demo %q = %v, want an error naming PARLEY_DEMO", c.Demo, err)
	}
}
