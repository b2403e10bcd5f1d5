// Package outbound is the one HTTP client for every request the server
// makes on a customer's behalf: JWKS fetches today, webhooks, context
// endpoints and external routers tomorrow. A customer chooses those URLs,
// so the client must not become a way into the network Parley runs in.
//
// Rules:
//   - Every connection is checked at dial time, on the address actually
//     being connected to (net.Dialer.ControlContext, after DNS
//     resolution), so a name that resolves to an internal address is
//     refused, and so is DNS rebinding: loopback, RFC 1918, link-local
//     (169.254.0.0/16 with the cloud metadata services, fe80::/10),
//     CGNAT (100.64.0.0/10), unique-local (fc00::/7), unspecified,
//     multicast, broadcast, reserved and documentation ranges, and the
//     IPv4-mapped, NAT64 and 6to4 IPv6 forms of the IPv4 ones. A refused
//     dial fails with an error wrapping ErrRefused.
//   - Redirects are not followed by Do; a client from HTTPClient(true)
//     follows at most 5, each checked again (dial check, scheme, no
//     credentials).
//   - Proxies from the environment are not used.
//   - Response bodies are capped (MaxResponseBytes) and every request has a
//     deadline covering the body read (Timeout).
//   - Config.Allow lists CIDRs and host names that may be reached although
//     private, for on-premises identity providers and for tests.
//
// CheckURL applies the same rules when a URL is saved, so that an admin
// learns at once that a URL will be refused.
package outbound

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"syscall"
	"time"
)

// Defaults of Config.
const (
	DefaultTimeout          = 15 * time.Second
	DefaultMaxResponseBytes = 1 << 20

	// MaxRedirects is how many redirects a client from HTTPClient(true)
	// follows.
	MaxRedirects = 5
)

var (
	// ErrRefused is wrapped in the error of a request whose destination is
	// refused: a private address, or a redirect the rules do not allow.
	ErrRefused = errors.New("outbound: destination refused")
	// ErrTooLarge is returned by a response body read past
	// Config.MaxResponseBytes.
	ErrTooLarge = errors.New("outbound: response body exceeds the size limit")
)

// Config configures a Client. Zero values select the defaults.
type Config struct {
	// Allow lists CIDRs ("10.1.0.0/16", "127.0.0.1/32"), single IP
	// addresses and host names that may be reached although private; for
	// on-premises identity providers and tests. A host name matches the
	// URL's host exactly (case-insensitive), whatever it resolves to.
	Allow []string
	// Timeout bounds a whole request, including reading the body;
	// default DefaultTimeout.
	Timeout time.Duration
	// MaxResponseBytes bounds a response body; reading more fails with
	// ErrTooLarge. Default DefaultMaxResponseBytes.
	MaxResponseBytes int64
	// Logger receives a warning for each refused connection; default
	// slog.Default().
	Logger *slog.Logger
	// Resolve, when set, replaces DNS for host names, in CheckURL and at
	// dial time (tests use it to make a name resolve to an internal
	// address). Default net.DefaultResolver.LookupNetIP.
	Resolve func(ctx context.Context, host string) ([]netip.Addr, error)
}

// Client makes outbound HTTP requests under the rules of the package. It
// is safe for concurrent use.
type Client struct {
	allow     allowList
	timeout   time.Duration
	maxBytes  int64
	logger    *slog.Logger
	resolve   func(ctx context.Context, host string) ([]netip.Addr, error)
	transport http.RoundTripper
	direct    *http.Client // Do: no redirects
}

// New returns a Client, or an error naming the first entry of cfg.Allow
// that is neither a CIDR, an IP address nor a host name.
func New(cfg Config) (*Client, error) {
	allow, err := parseAllow(cfg.Allow)
	if err != nil {
		return nil, fmt.Errorf("outbound: allow-list: %w", err)
	}
	c := &Client{
		allow: allow, timeout: cfg.Timeout, maxBytes: cfg.MaxResponseBytes,
		logger: cfg.Logger, resolve: cfg.Resolve,
	}
	if c.timeout <= 0 {
		c.timeout = DefaultTimeout
	}
	if c.maxBytes <= 0 {
		c.maxBytes = DefaultMaxResponseBytes
	}
	if c.logger == nil {
		c.logger = slog.Default()
	}
	c.transport = cappedTransport{
		max: c.maxBytes,
		base: &http.Transport{
			Proxy:                  nil, // never the environment's proxy: it would dial for us, unchecked
			DialContext:            c.dialContext,
			ForceAttemptHTTP2:      true,
			TLSHandshakeTimeout:    10 * time.Second,
			ResponseHeaderTimeout:  c.timeout,
			ExpectContinueTimeout:  time.Second,
			MaxIdleConns:           100,
			MaxIdleConnsPerHost:    64, // the webhook dispatcher's default workers: no dial per request to a busy receiver
			IdleConnTimeout:        90 * time.Second,
			MaxResponseHeaderBytes: 64 << 10,
		},
	}
	c.direct = c.HTTPClient(false)
	return c, nil
}

// Do sends req and returns its response, whose body fails with ErrTooLarge
// past Config.MaxResponseBytes. It follows no redirects: a 3xx response is
// returned as it is. A refused destination fails with an error wrapping
// ErrRefused; the whole request, body included, must end within
// Config.Timeout.
func (c *Client) Do(req *http.Request) (*http.Response, error) {
	return c.direct.Do(req)
}

// HTTPClient returns an *http.Client over the guarded transport, for
// libraries that take one (JWKS). With followRedirects it follows at most
// MaxRedirects redirects, each to an http(s) URL without credentials,
// https unless the host is allow-listed, and each connection checked again
// at dial time; without, a 3xx response is returned as it is.
func (c *Client) HTTPClient(followRedirects bool) *http.Client {
	hc := &http.Client{Transport: c.transport, Timeout: c.timeout}
	if !followRedirects {
		hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
		return hc
	}
	hc.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) > MaxRedirects {
			return fmt.Errorf("%w: more than %d redirects", ErrRefused, MaxRedirects)
		}
		err := c.checkSyntax(req.URL)
		if err == nil {
			err = c.checkHTTPS(req.URL)
		}
		if err != nil {
			return fmt.Errorf("%w: redirect to %s: %s", ErrRefused, req.URL.Redacted(), err.Message)
		}
		return nil
	}
	return hc
}

// dialContext connects to addr (host:port) under the rules: the resolved
// address of every attempt is checked in the dialer's ControlContext,
// unless host is an allow-listed name.
func (c *Client) dialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	allowedName := c.allow.name(host)
	d := &net.Dialer{
		Timeout:   c.timeout,
		KeepAlive: 30 * time.Second,
		ControlContext: func(ctx context.Context, network, address string, _ syscall.RawConn) error {
			if allowedName {
				return nil
			}
			return c.checkDial(ctx, host, address)
		},
	}
	if _, err := netip.ParseAddr(host); err == nil || c.resolve == nil {
		return d.DialContext(ctx, network, addr)
	}
	addrs, err := c.resolve(ctx, host)
	if err != nil {
		return nil, &net.OpError{Op: "dial", Net: network, Err: err}
	}
	if len(addrs) == 0 {
		return nil, &net.OpError{Op: "dial", Net: network, Err: &net.DNSError{Err: "no addresses", Name: host, IsNotFound: true}}
	}
	var errs []error
	for _, a := range addrs {
		conn, err := d.DialContext(ctx, network, net.JoinHostPort(a.String(), port))
		if err == nil {
			return conn, nil
		}
		errs = append(errs, err)
	}
	return nil, errors.Join(errs...)
}

// checkDial refuses address (ip:port, as about to be connected to) unless
// it is public or allow-listed.
func (c *Client) checkDial(ctx context.Context, host, address string) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("%w: unexpected address %q", ErrRefused, address)
	}
	ip := ap.Addr().WithZone("")
	if class := blockedClass(ip); class != "" && !c.allow.addr(ip) {
		c.logger.WarnContext(ctx, "outbound: refused a private address", "host", host, "addr", address, "class", class)
		return fmt.Errorf("%w: %s is a %s address", ErrRefused, ip, class)
	}
	return nil
}
