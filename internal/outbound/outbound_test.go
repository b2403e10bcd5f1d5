package outbound_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/outbound"
	"github.com/parleychat/parley/internal/testenv"
)

// newClient returns a client logging nowhere, with cfg's other settings.
func newClient(t *testing.T, cfg outbound.Config) *outbound.Client {
	t.Helper()
	cfg.Logger = slog.New(slog.DiscardHandler)
	c, err := outbound.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func get(t *testing.T, c *outbound.Client, url string) (*http.Response, error) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := c.Do(req)
	if err == nil {
		t.Cleanup(func() { resp.Body.Close() })
	}
	return resp, err
}

func wantRefused(t *testing.T, err error) {
	t.Helper()
	if !errors.Is(err, outbound.ErrRefused) {
		t.Fatalf("err = %v, want one wrapping ErrRefused", err)
	}
}

func wantReason(t *testing.T, err error, reason string) {
	t.Helper()
	if parley.ErrorCode(err) != parley.EINVALID || parley.ErrorReason(err) != reason {
		t.Fatalf("err = %v (reason %q), want EINVALID with reason %q", err, parley.ErrorReason(err), reason)
	}
	if parley.ErrorMessage(err) == "" {
		t.Error("the error has no message")
	}
}

// TestRefusedAddressClasses dials and saves a URL of every refused class:
// each dial fails with ErrRefused before connecting (the check runs on the
// socket before connect), and CheckURL refuses it with
// url_private_address naming the class.
func TestRefusedAddressClasses(t *testing.T) {
	c := newClient(t, outbound.Config{})
	for _, tc := range []struct{ name, ip, class string }{
		{"IPv4Loopback", "127.0.0.1", "loopback"},
		{"IPv4LoopbackRange", "127.255.255.254", "loopback"},
		{"RFC1918_10", "10.0.0.1", "private"},
		{"RFC1918_172", "172.31.255.255", "private"},
		{"RFC1918_192", "192.168.1.1", "private"},
		{"LinkLocalMetadata", "169.254.169.254", "link-local"},
		{"CGNAT", "100.64.0.1", "carrier-grade NAT"},
		{"CGNATAlibabaMetadata", "100.100.100.200", "carrier-grade NAT"},
		{"IPv4Unspecified", "0.0.0.0", "unspecified"},
		{"ThisNetwork", "0.1.2.3", "unspecified"},
		{"IPv4Multicast", "224.0.0.1", "multicast"},
		{"Broadcast", "255.255.255.255", "broadcast"},
		{"IPv4Reserved", "240.0.0.1", "reserved"},
		{"Benchmarking", "198.18.0.1", "benchmarking"},
		{"IPv6Loopback", "::1", "loopback"},
		{"IPv6Unspecified", "::", "unspecified"},
		{"IPv6LinkLocal", "fe80::1", "link-local"},
		{"IPv6UniqueLocal", "fd00::1", "unique-local"},
		{"IPv6UniqueLocalFC", "fc00::1", "unique-local"},
		{"IPv6Multicast", "ff02::1", "multicast"},
		{"IPv6SiteLocal", "fec0::1", "site-local"},
		{"MappedLoopback", "::ffff:127.0.0.1", "loopback"},
		{"MappedRFC1918", "::ffff:10.0.0.1", "private"},
		{"MappedMetadata", "::ffff:169.254.169.254", "link-local"},
		{"IPv4Compatible", "::127.0.0.1", "IPv4-compatible"},
		{"NAT64Metadata", "64:ff9b::a9fe:a9fe", "link-local (NAT64)"},
		{"SixToFourLoopback", "2002:7f00:1::", "loopback (6to4)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			host := tc.ip
			if strings.Contains(host, ":") {
				host = "[" + host + "]"
			}
			_, err := get(t, c, "http://"+host+":9/")
			wantRefused(t, err)
			if !strings.Contains(err.Error(), tc.class) {
				t.Errorf("err = %v, want it to name the class %q", err, tc.class)
			}
			err = c.CheckURL(t.Context(), "https://"+host+"/jwks")
			wantReason(t, err, outbound.ReasonURLPrivateAddress)
			if !strings.Contains(parley.ErrorMessage(err), tc.class) {
				t.Errorf("message %q does not name the class %q", parley.ErrorMessage(err), tc.class)
			}
		})
	}
}

// TestPublicAddressesAccepted checks the edges of the refused ranges from
// the outside: CheckURL accepts public addresses (none is dialled).
func TestPublicAddressesAccepted(t *testing.T) {
	c := newClient(t, outbound.Config{})
	for _, ip := range []string{
		"8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.0", "172.15.255.255", "172.32.0.0",
		"192.167.255.255", "169.253.255.255", "223.255.255.255", "[2606:4700:4700::1111]",
		"[64:ff9b::808:808]", "[2002:808:808::]", "[::ffff:8.8.8.8]",
	} {
		t.Run(ip, func(t *testing.T) {
			if err := c.CheckURL(t.Context(), "https://"+ip+"/jwks"); err != nil {
				t.Errorf("CheckURL: %v", err)
			}
		})
	}
}

// TestNameResolvingToInternalAddress dials names that resolve to refused
// addresses: localhost (from /etc/hosts, through the system resolver) and
// names a test resolver maps. Nothing connects, and CheckURL refuses them.
func TestNameResolvingToInternalAddress(t *testing.T) {
	ln := testenv.RecordConnections(t)
	t.Run("Localhost", func(t *testing.T) {
		c := newClient(t, outbound.Config{})
		_, err := get(t, c, "http://localhost:"+ln.Port()+"/")
		wantRefused(t, err)
		wantReason(t, c.CheckURL(t.Context(), "https://localhost/jwks"), outbound.ReasonURLPrivateAddress)
	})
	for name, ip := range map[string]string{
		"metadata.google.internal": "169.254.169.254",
		"loopback.example.com":     "127.0.0.1",
		"corp.example.com":         "10.20.30.40",
		"v6.example.com":           "::1",
	} {
		t.Run(name, func(t *testing.T) {
			c := newClient(t, outbound.Config{Resolve: testenv.StaticResolver(map[string]string{name: ip})})
			_, err := get(t, c, "http://"+name+":"+ln.Port()+"/")
			wantRefused(t, err)
			err = c.CheckURL(t.Context(), "https://"+name+"/jwks")
			wantReason(t, err, outbound.ReasonURLPrivateAddress)
			if !strings.Contains(parley.ErrorMessage(err), ip) {
				t.Errorf("message %q does not name the address %s", parley.ErrorMessage(err), ip)
			}
		})
	}
	ln.AssertNoConnection(t)
}

// TestDNSRebinding: a name that resolved to a public address when the URL
// was saved and to loopback when it is fetched is refused at dial time.
func TestDNSRebinding(t *testing.T) {
	ln := testenv.RecordConnections(t)
	var lookups atomic.Int32
	c := newClient(t, outbound.Config{Resolve: func(context.Context, string) ([]netip.Addr, error) {
		if lookups.Add(1) == 1 {
			return []netip.Addr{netip.MustParseAddr("93.184.215.14")}, nil
		}
		return []netip.Addr{netip.MustParseAddr("127.0.0.1")}, nil
	}})
	if err := c.CheckURL(t.Context(), "https://rebind.example.com/jwks"); err != nil {
		t.Fatalf("CheckURL (public answer): %v", err)
	}
	_, err := get(t, c, "http://rebind.example.com:"+ln.Port()+"/jwks")
	wantRefused(t, err)
	ln.AssertNoConnection(t)
}

// TestRedirects: an allowed server redirecting to loopback, to a name
// resolving to loopback, or to plain http of a public host is refused when
// following redirects, before anything connects; Do returns the 3xx as
// is; redirects stop after MaxRedirects.
func TestRedirects(t *testing.T) {
	target := testenv.RecordConnections(t)
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		switch r.URL.Path {
		case "/loopback":
			http.Redirect(w, r, "http://127.0.0.1:"+target.Port()+"/", http.StatusFound)
		case "/localhost":
			http.Redirect(w, r, "http://localhost:"+target.Port()+"/", http.StatusFound)
		case "/v6":
			http.Redirect(w, r, "http://[::ffff:127.0.0.1]:"+target.Port()+"/", http.StatusFound)
		case "/plain-http":
			http.Redirect(w, r, "http://8.8.8.8/", http.StatusFound)
		case "/credentials":
			http.Redirect(w, r, "https://user:pw@8.8.8.8/", http.StatusFound)
		case "/loop":
			http.Redirect(w, r, "/loop", http.StatusFound)
		case "/same":
			http.Redirect(w, r, "/ok", http.StatusFound)
		default:
			io.WriteString(w, "ok")
		}
	}))
	t.Cleanup(srv.Close)
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	base := "http://allowed.test:" + port
	c := newClient(t, outbound.Config{
		Allow:   []string{"allowed.test"},
		Resolve: testenv.StaticResolver(map[string]string{"allowed.test": "127.0.0.1"}),
	})

	for _, path := range []string{"/loopback", "/localhost", "/v6", "/plain-http", "/credentials"} {
		t.Run("Follow"+path, func(t *testing.T) {
			_, err := c.HTTPClient(true).Get(base + path)
			wantRefused(t, err)
		})
	}
	t.Run("Loop", func(t *testing.T) {
		hits.Store(0)
		_, err := c.HTTPClient(true).Get(base + "/loop")
		wantRefused(t, err)
		if n := hits.Load(); n != outbound.MaxRedirects+1 {
			t.Errorf("server hit %d times, want %d", n, outbound.MaxRedirects+1)
		}
	})
	t.Run("FollowAllowed", func(t *testing.T) {
		resp, err := c.HTTPClient(true).Get(base + "/same")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if body, _ := io.ReadAll(resp.Body); resp.StatusCode != http.StatusOK || string(body) != "ok" {
			t.Errorf("got %d %q, want 200 \"ok\"", resp.StatusCode, body)
		}
	})
	t.Run("DoReturns3xx", func(t *testing.T) {
		for _, hc := range []func(*http.Request) (*http.Response, error){c.Do, c.HTTPClient(false).Do} {
			resp, err := hc(mustRequest(t, base+"/loopback"))
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusFound {
				t.Errorf("status = %d, want 302 returned as is", resp.StatusCode)
			}
		}
	})
	target.AssertNoConnection(t)
}

func mustRequest(t *testing.T, url string) *http.Request {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	return req
}

// TestAllowList lets a loopback test server through by CIDR, by single
// address and by name; other addresses stay refused.
func TestAllowList(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "keys")
	}))
	t.Cleanup(srv.Close)
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	for _, tc := range []struct {
		name  string
		allow []string
		url   string
	}{
		{"CIDR", []string{"10.1.0.0/16", "127.0.0.0/8"}, srv.URL},
		{"Address", []string{"127.0.0.1"}, srv.URL},
		{"Name", []string{"LocalHost"}, "http://localhost:" + port},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newClient(t, outbound.Config{Allow: tc.allow})
			resp, err := get(t, c, tc.url+"/jwks")
			if err != nil {
				t.Fatal(err)
			}
			if body, err := io.ReadAll(resp.Body); err != nil || string(body) != "keys" {
				t.Errorf("body = %q, %v", body, err)
			}
			if err := c.CheckURL(t.Context(), tc.url+"/jwks"); err != nil {
				t.Errorf("CheckURL(%s): %v", tc.url, err)
			}
			_, err = get(t, c, "http://10.2.0.1:9/")
			wantRefused(t, err)
		})
	}
}

func TestCheckURLSyntax(t *testing.T) {
	c := newClient(t, outbound.Config{Allow: []string{"idp.corp.example", "10.1.0.0/16"}})
	for _, tc := range []struct{ url, reason string }{
		{"https://example.com/.well-known/jwks.json", ""},
		{"https://example.com:8443/jwks", ""},
		{"http://idp.corp.example/jwks", ""},
		{"http://10.1.2.3/jwks", ""},
		{"https://10.1.2.3/jwks", ""},
		{"http://example.com/jwks", outbound.ReasonURLScheme},
		{"ftp://example.com/jwks", outbound.ReasonURLScheme},
		{"file:///etc/passwd", outbound.ReasonURLMalformed},
		{"javascript:alert(1)", outbound.ReasonURLMalformed},
		{"gopher://127.0.0.1:6379/", outbound.ReasonURLScheme},
		{"https://user:pw@example.com/jwks", outbound.ReasonURLMalformed},
		{"/jwks", outbound.ReasonURLMalformed},
		{"example.com/jwks", outbound.ReasonURLMalformed},
		{"https:///jwks", outbound.ReasonURLMalformed},
		{"https://127.1/jwks", outbound.ReasonURLMalformed},
		{"https://2130706433/jwks", outbound.ReasonURLMalformed},
		{"https://0x7f000001/jwks", outbound.ReasonURLMalformed},
		{"https://exa mple.com/jwks", outbound.ReasonURLMalformed},
		{"https://" + strings.Repeat("a", outbound.MaxURLLength), outbound.ReasonURLMalformed},
		{"https://[fe80::1%25eth0]/jwks", outbound.ReasonURLPrivateAddress},
		{"http://127.0.0.1:8080/jwks", outbound.ReasonURLPrivateAddress},
	} {
		t.Run(tc.url[:min(len(tc.url), 60)], func(t *testing.T) {
			err := c.CheckURL(t.Context(), tc.url)
			if tc.reason == "" {
				if err != nil {
					t.Fatalf("err = %v, want nil", err)
				}
				return
			}
			wantReason(t, err, tc.reason)
		})
	}
}

func TestNewRefusesBadAllowEntries(t *testing.T) {
	for _, entry := range []string{"10.0.0.0/33", "not a host", "http://example.com", "10.0.0.0/8/8", "127.1", "a..b"} {
		t.Run(entry, func(t *testing.T) {
			_, err := outbound.New(outbound.Config{Allow: []string{entry}})
			if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("%q", entry)) {
				t.Errorf("err = %v, want one naming %q", err, entry)
			}
			if outbound.ValidateAllow([]string{entry}) == nil {
				t.Error("ValidateAllow accepted it")
			}
		})
	}
	if err := outbound.ValidateAllow([]string{" 10.0.0.0/8", "", "fd00::/8", "::1", "idp.corp.example."}); err != nil {
		t.Errorf("ValidateAllow: %v", err)
	}
}

// TestResponseSizeCap reads a body of exactly the limit and one a byte
// over it, which fails with ErrTooLarge.
func TestResponseSizeCap(t *testing.T) {
	const limit = 1000
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := limit
		if r.URL.Path == "/over" {
			n++
		}
		io.WriteString(w, strings.Repeat("x", n))
	}))
	t.Cleanup(srv.Close)
	c := newClient(t, outbound.Config{Allow: []string{"127.0.0.1"}, MaxResponseBytes: limit})

	resp, err := get(t, c, srv.URL+"/exact")
	if err != nil {
		t.Fatal(err)
	}
	if body, err := io.ReadAll(resp.Body); err != nil || len(body) != limit {
		t.Errorf("exact: read %d bytes, %v; want %d, nil", len(body), err, limit)
	}
	for _, hc := range []*http.Client{nil, c.HTTPClient(true)} {
		var resp *http.Response
		if hc == nil {
			resp, err = get(t, c, srv.URL+"/over")
		} else {
			resp, err = hc.Get(srv.URL + "/over")
		}
		if err != nil {
			t.Fatal(err)
		}
		_, err = io.ReadAll(resp.Body)
		resp.Body.Close()
		if !errors.Is(err, outbound.ErrTooLarge) {
			t.Errorf("over: err = %v, want ErrTooLarge", err)
		}
	}
}

// TestTimeout: a server that stops sending mid-body, and one that never
// answers, make the request fail with a timeout (the error is asserted,
// never a duration).
func TestTimeout(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/body" {
			io.WriteString(w, "partial")
			w.(http.Flusher).Flush()
		}
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(release) })
	c := newClient(t, outbound.Config{Allow: []string{"127.0.0.1"}, Timeout: 200 * time.Millisecond})

	t.Run("Headers", func(t *testing.T) {
		_, err := get(t, c, srv.URL+"/headers")
		wantTimeout(t, err)
	})
	t.Run("Body", func(t *testing.T) {
		resp, err := get(t, c, srv.URL+"/body")
		if err != nil {
			t.Fatal(err)
		}
		_, err = io.ReadAll(resp.Body)
		wantTimeout(t, err)
	})
}

func wantTimeout(t *testing.T, err error) {
	t.Helper()
	var ne net.Error
	if !errors.As(err, &ne) || !ne.Timeout() {
		t.Fatalf("err = %v, want a timeout", err)
	}
}
