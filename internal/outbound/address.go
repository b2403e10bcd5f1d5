package outbound

import (
	"fmt"
	"net/netip"
	"strings"
)

// blocked lists the address ranges refused unless allow-listed, each with
// the class named in errors. IPv4-mapped IPv6 addresses are unmapped
// first; NAT64 and 6to4 addresses are judged by the IPv4 address they
// carry (see blockedClass).
var blocked = []struct {
	prefix netip.Prefix
	class  string
}{
	{netip.MustParsePrefix("0.0.0.0/8"), "unspecified"},
	{netip.MustParsePrefix("10.0.0.0/8"), "private (RFC 1918)"},
	{netip.MustParsePrefix("100.64.0.0/10"), "carrier-grade NAT"},
	{netip.MustParsePrefix("127.0.0.0/8"), "loopback"},
	{netip.MustParsePrefix("169.254.0.0/16"), "link-local"},
	{netip.MustParsePrefix("172.16.0.0/12"), "private (RFC 1918)"},
	{netip.MustParsePrefix("192.0.0.0/24"), "reserved"},
	{netip.MustParsePrefix("192.0.2.0/24"), "documentation"},
	{netip.MustParsePrefix("192.168.0.0/16"), "private (RFC 1918)"},
	{netip.MustParsePrefix("198.18.0.0/15"), "benchmarking"},
	{netip.MustParsePrefix("198.51.100.0/24"), "documentation"},
	{netip.MustParsePrefix("203.0.113.0/24"), "documentation"},
	{netip.MustParsePrefix("224.0.0.0/4"), "multicast"},
	{netip.MustParsePrefix("255.255.255.255/32"), "broadcast"},
	{netip.MustParsePrefix("240.0.0.0/4"), "reserved"},

	{netip.MustParsePrefix("::/128"), "unspecified"},
	{netip.MustParsePrefix("::1/128"), "loopback"},
	{netip.MustParsePrefix("::/96"), "IPv4-compatible (deprecated)"},
	{netip.MustParsePrefix("64:ff9b:1::/48"), "local NAT64"},
	{netip.MustParsePrefix("100::/64"), "discard-only"},
	{netip.MustParsePrefix("2001:db8::/32"), "documentation"},
	{netip.MustParsePrefix("fc00::/7"), "unique-local"},
	{netip.MustParsePrefix("fe80::/10"), "link-local"},
	{netip.MustParsePrefix("fec0::/10"), "site-local (deprecated)"},
	{netip.MustParsePrefix("ff00::/8"), "multicast"},
}

var (
	nat64     = netip.MustParsePrefix("64:ff9b::/96")
	sixToFour = netip.MustParsePrefix("2002::/16")
)

// blockedClass returns the class of ip if it must not be reached (e.g.
// "loopback"), or "" for a public address.
func blockedClass(ip netip.Addr) string {
	ip = ip.Unmap()
	if !ip.IsValid() {
		return "invalid"
	}
	for _, b := range blocked {
		if b.prefix.Contains(ip) {
			return b.class
		}
	}
	// NAT64 (RFC 6052) and 6to4 (RFC 3056) addresses carry an IPv4
	// address that a gateway would connect to: judge that one.
	a := ip.As16()
	switch {
	case nat64.Contains(ip):
		if c := blockedClass(netip.AddrFrom4([4]byte(a[12:16]))); c != "" {
			return c + " (NAT64)"
		}
	case sixToFour.Contains(ip):
		if c := blockedClass(netip.AddrFrom4([4]byte(a[2:6]))); c != "" {
			return c + " (6to4)"
		}
	}
	return ""
}

// allowList holds Config.Allow, parsed.
type allowList struct {
	prefixes []netip.Prefix
	names    map[string]bool // lower case, without a trailing dot
}

// ValidateAllow checks the entries of Config.Allow, each a CIDR, an IP
// address or a host name (blank entries are skipped), and returns an
// error naming the first that is none of these. internal/config uses it
// to validate PARLEY_OUTBOUND_ALLOW.
func ValidateAllow(entries []string) error {
	_, err := parseAllow(entries)
	return err
}

// parseAllow parses the entries of Config.Allow (see ValidateAllow).
func parseAllow(entries []string) (allowList, error) {
	l := allowList{names: map[string]bool{}}
	for _, e := range entries {
		e = strings.TrimSpace(e)
		switch {
		case e == "":
			continue
		case strings.Contains(e, "/"):
			p, err := netip.ParsePrefix(e)
			if err != nil {
				return allowList{}, fmt.Errorf("entry %q is not a CIDR such as 10.1.0.0/16", e)
			}
			l.prefixes = append(l.prefixes, p.Masked())
		default:
			if ip, err := netip.ParseAddr(e); err == nil {
				l.prefixes = append(l.prefixes, netip.PrefixFrom(ip.Unmap(), ip.Unmap().BitLen()))
			} else if validHostName(e) {
				l.names[canonicalHost(e)] = true
			} else {
				return allowList{}, fmt.Errorf("entry %q is neither a CIDR, an IP address nor a host name", e)
			}
		}
	}
	return l, nil
}

// addr reports whether ip is in an allowed CIDR.
func (l allowList) addr(ip netip.Addr) bool {
	ip = ip.Unmap().WithZone("")
	for _, p := range l.prefixes {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

// name reports whether host is an allowed host name.
func (l allowList) name(host string) bool {
	return l.names[canonicalHost(host)]
}

func canonicalHost(h string) string { return strings.ToLower(strings.TrimSuffix(h, ".")) }

// validHostName reports whether h is a DNS name Parley will look up:
// ASCII labels of letters, digits, '-' and '_', at most 253 bytes, and a
// last label that is not all digits, so that forms some resolvers read as
// IPv4 addresses ("127.1", "2130706433", "0x7f.1") are not names.
func validHostName(h string) bool {
	h = strings.TrimSuffix(h, ".")
	if h == "" || len(h) > 253 {
		return false
	}
	labels := strings.Split(h, ".")
	for _, label := range labels {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for _, r := range label {
			if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '-' || r == '_') {
				return false
			}
		}
	}
	last := strings.ToLower(labels[len(labels)-1])
	return strings.Trim(last, "0123456789") != "" && !strings.HasPrefix(last, "0x")
}
