package config_test

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/parleychat/parley/internal/config"
)

func TestValidate(t *testing.T) {
	for _, tc := range []struct {
		name    string
		set     func(c *config.Config)
		setting string   // "" = valid; else the "ENV (--flag)" the error must name
		want    string   // a further substring of the error
		hide    []string // substrings the error must not contain (secrets)
	}{
		{name: "Defaults", set: func(*config.Config) {}},
		{name: "AddrAnyHost", set: func(c *config.Config) { c.Addr = ":0" }},
		{name: "AddrIPv6", set: func(c *config.Config) { c.Addr = "[::1]:8080" }},
		{name: "AddrNoPort", set: func(c *config.Config) { c.Addr = "localhost" }, setting: "PARLEY_ADDR (--addr)", want: `"localhost"`},
		{name: "AddrEmpty", set: func(c *config.Config) { c.Addr = "" }, setting: "PARLEY_ADDR (--addr)"},
		{name: "AddrBadPort", set: func(c *config.Config) { c.Addr = "127.0.0.1:http" }, setting: "PARLEY_ADDR (--addr)"},
		{name: "AddrPortTooBig", set: func(c *config.Config) { c.Addr = ":65536" }, setting: "PARLEY_ADDR (--addr)"},
		{name: "DataDirEmpty", set: func(c *config.Config) { c.DataDir = " " }, setting: "PARLEY_DATA_DIR (--data-dir)"},
		{name: "DatabasePostgres", set: func(c *config.Config) { c.DatabaseURL = "postgres://u:p@db:5432/parley?sslmode=disable" }},
		{name: "DatabasePostgresql", set: func(c *config.Config) { c.DatabaseURL = "postgresql://db/parley" }},
		{name: "DatabaseSQLiteFile", set: func(c *config.Config) { c.DatabaseURL = "sqlite:/srv/parley.db" }},
		{name: "DatabaseSQLiteNoPath", set: func(c *config.Config) { c.DatabaseURL = "sqlite:" }, setting: "PARLEY_DATABASE_URL (--database-url)"},
		{
			name:    "DatabaseOtherScheme",
			set:     func(c *config.Config) { c.DatabaseURL = "mysql://root:hunter22@db/parley" },
			setting: "PARLEY_DATABASE_URL (--database-url)", want: `"mysql"`, hide: []string{"hunter22"},
		},
		{
			name:    "DatabaseBadPostgresURL",
			set:     func(c *config.Config) { c.DatabaseURL = "postgres://u:hunter22@db:port/parley" },
			setting: "PARLEY_DATABASE_URL (--database-url)", hide: []string{"hunter22"},
		},
		{name: "DatabaseNoScheme", set: func(c *config.Config) { c.DatabaseURL = "parley.db" }, setting: "PARLEY_DATABASE_URL (--database-url)"},
		{name: "NATSCluster", set: func(c *config.Config) { c.NATSURL = "nats://a:4222, tls://b:4222,c:4222" }},
		{name: "NATSWebSocket", set: func(c *config.Config) { c.NATSURL = "wss://nats.example.com" }},
		{name: "NATSBadScheme", set: func(c *config.Config) { c.NATSURL = "http://nats:4222" }, setting: "PARLEY_NATS_URL (--nats-url)", want: `"http"`},
		{name: "NATSNoHost", set: func(c *config.Config) { c.NATSURL = "nats://a:4222,nats://" }, setting: "PARLEY_NATS_URL (--nats-url)", want: "URL 2"},
		{
			name:    "NATSBadURLHidesPassword",
			set:     func(c *config.Config) { c.NATSURL = "nats://u:hunter22@a:port" },
			setting: "PARLEY_NATS_URL (--nats-url)", hide: []string{"hunter22"},
		},
		{name: "PublicHTTPS", set: func(c *config.Config) { c.PublicURL = "https://chat.example.com" }},
		{name: "PublicWithPortAndSlash", set: func(c *config.Config) { c.PublicURL = "http://10.0.0.5:8080/" }},
		{name: "PublicRelative", set: func(c *config.Config) { c.PublicURL = "chat.example.com" }, setting: "PARLEY_PUBLIC_URL (--public-url)"},
		{name: "PublicFTP", set: func(c *config.Config) { c.PublicURL = "ftp://chat.example.com" }, setting: "PARLEY_PUBLIC_URL (--public-url)"},
		{name: "PublicPath", set: func(c *config.Config) { c.PublicURL = "https://example.com/chat" }, setting: "PARLEY_PUBLIC_URL (--public-url)", want: "path"},
		{name: "PublicQuery", set: func(c *config.Config) { c.PublicURL = "https://example.com?x=1" }, setting: "PARLEY_PUBLIC_URL (--public-url)"},
		{name: "PublicFragment", set: func(c *config.Config) { c.PublicURL = "https://example.com#top" }, setting: "PARLEY_PUBLIC_URL (--public-url)"},
		{
			name:    "PublicUserInfo",
			set:     func(c *config.Config) { c.PublicURL = "https://me:hunter22@example.com" },
			setting: "PARLEY_PUBLIC_URL (--public-url)", hide: []string{"hunter22"},
		},
		{name: "LogFormatJSON", set: func(c *config.Config) { c.LogFormat = "json" }},
		{name: "LogFormatBad", set: func(c *config.Config) { c.LogFormat = "xml" }, setting: "PARLEY_LOG_FORMAT (--log-format)", want: `must be one of text, json; got "xml"`},
		{
			name: "LogLevelBad", set: func(c *config.Config) { c.LogLevel = "loud" },
			setting: "PARLEY_LOG_LEVEL (--log-level)", want: `must be one of debug, info, warn, error; got "loud"`,
		},
		{name: "AdminEmailBad", set: func(c *config.Config) { c.AdminEmail = "admin" }, setting: "PARLEY_ADMIN_EMAIL (--admin-email)", want: `"admin"`},
		{name: "AdminEmailDisplayName", set: func(c *config.Config) { c.AdminEmail = "Admin <a@example.com>" }, setting: "PARLEY_ADMIN_EMAIL (--admin-email)"},
		{name: "AdminEmailEmpty", set: func(c *config.Config) { c.AdminEmail = "" }, setting: "PARLEY_ADMIN_EMAIL (--admin-email)"},
		{name: "AdminPasswordTenRunes", set: func(c *config.Config) { c.AdminPassword = "ééééééééé1" }},
		{
			name: "AdminPasswordShort", set: func(c *config.Config) { c.AdminPassword = "hunter2" },
			setting: "PARLEY_ADMIN_PASSWORD (--admin-password)", want: "got 7", hide: []string{"hunter2"},
		},
		{
			name: "AdminPasswordLong", set: func(c *config.Config) { c.AdminPassword = strings.Repeat("x", 257) },
			setting: "PARLEY_ADMIN_PASSWORD (--admin-password)", hide: []string{"xxxxxxxxxx"},
		},
		{name: "ShutdownZero", set: func(c *config.Config) { c.ShutdownTimeout = 0 }, setting: "PARLEY_SHUTDOWN_TIMEOUT (--shutdown-timeout)"},
		{name: "ShutdownNegative", set: func(c *config.Config) { c.ShutdownTimeout = -time.Second }, setting: "PARLEY_SHUTDOWN_TIMEOUT (--shutdown-timeout)", want: "-1s"},
		{name: "ShutdownTiny", set: func(c *config.Config) { c.ShutdownTimeout = time.Millisecond }},
		{name: "SessionTTLMinute", set: func(c *config.Config) { c.SessionTTL = time.Minute }},
		{name: "SessionTTLShort", set: func(c *config.Config) { c.SessionTTL = 59 * time.Second }, setting: "PARLEY_SESSION_TTL (--session-ttl)", want: "at least 1m; got 59s"},
		{name: "AwayAfterZero", set: func(c *config.Config) { c.AwayAfter = 0 }},
		{name: "AwayAfterSecond", set: func(c *config.Config) { c.AwayAfter = time.Second }},
		{name: "AwayAfterDay", set: func(c *config.Config) { c.AwayAfter = 24 * time.Hour }},
		{name: "AwayAfterNegative", set: func(c *config.Config) { c.AwayAfter = -time.Minute }, setting: "PARLEY_AWAY_AFTER (--away-after)", want: "got -1m"},
		{name: "AwayAfterTiny", set: func(c *config.Config) { c.AwayAfter = 500 * time.Millisecond }, setting: "PARLEY_AWAY_AFTER (--away-after)", want: "got 500ms"},
		{name: "AwayAfterLong", set: func(c *config.Config) { c.AwayAfter = 25 * time.Hour }, setting: "PARLEY_AWAY_AFTER (--away-after)", want: "got 25h"},
		{name: "TrustProxy", set: func(c *config.Config) { c.TrustProxy = true }},
		{name: "OutboundAllow", set: func(c *config.Config) { c.OutboundAllow = "10.1.0.0/16, fd00::/8,127.0.0.1, idp.corp.example," }},
		{
			name: "OutboundAllowBadCIDR", set: func(c *config.Config) { c.OutboundAllow = "10.1.0.0/16,10.0.0.0/33" },
			setting: "PARLEY_OUTBOUND_ALLOW (--outbound-allow)", want: `"10.0.0.0/33"`,
		},
		{
			name: "OutboundAllowURL", set: func(c *config.Config) { c.OutboundAllow = "https://idp.corp.example" },
			setting: "PARLEY_OUTBOUND_ALLOW (--outbound-allow)", want: `"https://idp.corp.example"`,
		},
		{name: "WSRateFraction", set: func(c *config.Config) { c.WSVisitorRate = 0.5 }},
		{name: "WSRateZero", set: func(c *config.Config) { c.WSVisitorRate = 0 }, setting: "PARLEY_WS_VISITOR_RATE (--ws-visitor-rate)", want: "got 0"},
		{name: "WSRateNaN", set: func(c *config.Config) { c.WSStaffRate = math.NaN() }, setting: "PARLEY_WS_STAFF_RATE (--ws-staff-rate)"},
		{name: "WSRateHuge", set: func(c *config.Config) { c.WSStaffRate = 1e9 }, setting: "PARLEY_WS_STAFF_RATE (--ws-staff-rate)"},
		{name: "WSBurstZero", set: func(c *config.Config) { c.WSVisitorBurst = 0 }, setting: "PARLEY_WS_VISITOR_BURST (--ws-visitor-burst)", want: "got 0"},
		{name: "WSBurstHuge", set: func(c *config.Config) { c.WSStaffBurst = 1 << 30 }, setting: "PARLEY_WS_STAFF_BURST (--ws-staff-burst)"},
		{name: "UnsentTTLShort", set: func(c *config.Config) { c.UnsentAttachmentTTL = time.Second }, setting: "PARLEY_UNSENT_ATTACHMENT_TTL (--unsent-attachment-ttl)", want: "at least 1m"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := config.Default()
			tc.set(&c)
			err := c.Validate()
			if tc.setting == "" {
				if err != nil {
					t.Fatalf("Validate: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("Validate succeeded, want an error naming %s", tc.setting)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, tc.setting+": ") || strings.Contains(msg, "\n") {
				t.Errorf("error %q should be one line starting with %q", msg, tc.setting+": ")
			}
			if !strings.Contains(msg, tc.want) {
				t.Errorf("error %q does not contain %q", msg, tc.want)
			}
			for _, h := range tc.hide {
				if strings.Contains(msg, h) {
					t.Errorf("error %q reveals %q", msg, h)
				}
			}
		})
	}
}

func TestValidateReportsEveryProblem(t *testing.T) {
	c := config.Default()
	c.LogLevel, c.SessionTTL, c.Addr = "loud", time.Second, "nowhere"
	err := c.Validate()
	if err == nil {
		t.Fatal("Validate succeeded")
	}
	for _, name := range []string{"PARLEY_LOG_LEVEL", "PARLEY_SESSION_TTL", "PARLEY_ADDR"} {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("error %q does not name %s", err, name)
		}
	}
}
