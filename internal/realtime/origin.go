package realtime

import (
	"net/http"
	"net/url"
	"strings"
)

// normalizeOrigin returns a web origin in canonical form — lower-case
// scheme and host, without the scheme's default port — or "" if s is not an
// http or https origin (the browser's "null" included).
func normalizeOrigin(s string) string {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
		u.User != nil || (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" {
		return ""
	}
	host := strings.ToLower(u.Host)
	switch {
	case u.Scheme == "http" && strings.HasSuffix(host, ":80"):
		host = strings.TrimSuffix(host, ":80")
	case u.Scheme == "https" && strings.HasSuffix(host, ":443"):
		host = strings.TrimSuffix(host, ":443")
	}
	return u.Scheme + "://" + host
}

// originAllowed reports whether a visitor connection with the Origin
// header origin may use an inbox allowing allowed. A request without an
// Origin does not come from a browser page (a custom back-end, a mobile
// app) and is allowed: the check protects visitors' browsers, and such a
// client must still hold a visitor token.
func originAllowed(origin string, allowed []string) bool {
	if origin == "" {
		return true
	}
	o := normalizeOrigin(origin)
	for _, a := range allowed {
		if a == "*" || (o != "" && normalizeOrigin(a) == o) {
			return true
		}
	}
	return false
}

// consoleOrigin reports whether r comes from a page of the console, whose
// session cookie it may then use: its Origin equals PublicOrigin, or, when
// none is configured, has the request's host.
func (g *Gateway) consoleOrigin(r *http.Request) bool {
	o := normalizeOrigin(r.Header.Get("Origin"))
	if o == "" {
		return false
	}
	if g.cfg.PublicOrigin != "" {
		return o == normalizeOrigin(g.cfg.PublicOrigin)
	}
	host := o[strings.Index(o, "://")+3:]
	return strings.EqualFold(host, r.Host) ||
		strings.EqualFold(host+":80", r.Host) && strings.HasPrefix(o, "http:") ||
		strings.EqualFold(host+":443", r.Host) && strings.HasPrefix(o, "https:")
}
