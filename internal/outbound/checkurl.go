package outbound

import (
	"context"
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"time"

	"github.com/parleychat/parley"
)

// Reasons of CheckURL's errors (parley.Error.Reason), stable for programs
// to match.
const (
	// ReasonURLMalformed: not an absolute URL, too long, with a user name
	// or password, or a host that is neither a DNS name nor an IP address.
	ReasonURLMalformed = "url_malformed"
	// ReasonURLScheme: neither http nor https, or http to a host that is
	// not allow-listed.
	ReasonURLScheme = "url_scheme"
	// ReasonURLPrivateAddress: the host is, or resolves to, an address
	// Parley does not connect to (loopback, private, link-local, …).
	ReasonURLPrivateAddress = "url_private_address"
)

// MaxURLLength bounds a URL that CheckURL accepts.
const MaxURLLength = 2048

// lookupTimeout bounds CheckURL's DNS lookup.
const lookupTimeout = 5 * time.Second

// CheckURL checks a URL when it is saved (an inbox's JWKS URL, a webhook
// endpoint): it must be an absolute http or https URL of at most
// MaxURLLength bytes, without a user name or password, https unless its
// host is allow-listed (a listed name, or an IP address in a listed CIDR);
// and its host must not be, nor resolve to, a refused address unless
// allow-listed. A name that does not resolve now is accepted: every
// connection is checked again when it is made. Returns an EINVALID
// *parley.Error whose Reason is one of the ReasonURL* constants.
func (c *Client) CheckURL(ctx context.Context, raw string) error {
	if len(raw) > MaxURLLength {
		return urlError(ReasonURLMalformed, "must be at most %d bytes", MaxURLLength)
	}
	u, err := url.Parse(raw)
	if err != nil || !u.IsAbs() || u.Host == "" || u.Opaque != "" {
		return urlError(ReasonURLMalformed, "must be an absolute URL such as https://example.com/path")
	}
	if e := c.checkSyntax(u); e != nil {
		return e
	}
	host := u.Hostname()
	addrs := c.addresses(ctx, host)
	for _, ip := range addrs {
		if class := blockedClass(ip); class != "" && !c.allow.addr(ip) {
			at := fmt.Sprintf("%s is", host)
			if ip.String() != host {
				at = fmt.Sprintf("%s resolves to %s,", host, ip)
			}
			return urlError(ReasonURLPrivateAddress,
				"%s a %s address: Parley does not connect to internal addresses unless the server's outbound allow-list (PARLEY_OUTBOUND_ALLOW) includes it", at, class)
		}
	}
	if e := c.checkHTTPS(u); e != nil {
		return e
	}
	return nil
}

// checkSyntax applies the rules of a URL that need no DNS: an http(s)
// scheme, no credentials, a host that is a DNS name or an IP address. It
// checks saved URLs and redirects.
func (c *Client) checkSyntax(u *url.URL) *parley.Error {
	if u.Scheme != "http" && u.Scheme != "https" {
		return urlError(ReasonURLScheme, "must use https; got scheme %q", u.Scheme)
	}
	if u.User != nil {
		return urlError(ReasonURLMalformed, "must not contain a user name or password")
	}
	host := u.Hostname()
	if _, err := netip.ParseAddr(host); err != nil && !validHostName(host) {
		return urlError(ReasonURLMalformed, "must have a host that is a DNS name or an IP address")
	}
	return nil
}

// checkHTTPS requires https unless the URL's host is allow-listed: a
// listed name, or an IP address in a listed CIDR (a name is not resolved
// for this: list it by name to reach it over plain http).
func (c *Client) checkHTTPS(u *url.URL) *parley.Error {
	host := u.Hostname()
	ip, err := netip.ParseAddr(host)
	if u.Scheme == "http" && !c.allow.name(host) && !(err == nil && c.allow.addr(ip)) {
		return urlError(ReasonURLScheme, "must use https (http only to hosts in the server's outbound allow-list, PARLEY_OUTBOUND_ALLOW)")
	}
	return nil
}

// addresses returns the addresses of host that must be checked: itself if
// it is an IP address, none if it is an allow-listed name, else what it
// resolves to now (none if it does not resolve).
func (c *Client) addresses(ctx context.Context, host string) []netip.Addr {
	if ip, err := netip.ParseAddr(host); err == nil {
		return []netip.Addr{ip.WithZone("")}
	}
	if c.allow.name(host) {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, lookupTimeout)
	defer cancel()
	var addrs []netip.Addr
	if c.resolve != nil {
		addrs, _ = c.resolve(ctx, host)
	} else {
		addrs, _ = net.DefaultResolver.LookupNetIP(ctx, "ip", host)
	}
	return addrs
}

func urlError(reason, format string, args ...any) *parley.Error {
	return &parley.Error{Code: parley.EINVALID, Reason: reason, Message: fmt.Sprintf(format, args...)}
}
