package realtime

import (
	"net/http"
	"strings"

	"github.com/parleychat/parley"
)

// consoleOrigin reports whether r comes from a page of the console, whose
// session cookie it may then use: its Origin equals PublicOrigin, or, when
// none is configured, has the request's host.
func (g *Gateway) consoleOrigin(r *http.Request) bool {
	o := parley.NormalizeOrigin(r.Header.Get("Origin"))
	if o == "" {
		return false
	}
	if g.cfg.PublicOrigin != "" {
		return o == parley.NormalizeOrigin(g.cfg.PublicOrigin)
	}
	host := o[strings.Index(o, "://")+3:]
	return strings.EqualFold(host, r.Host) ||
		strings.EqualFold(host+":80", r.Host) && strings.HasPrefix(o, "http:") ||
		strings.EqualFold(host+":443", r.Host) && strings.HasPrefix(o, "https:")
}
