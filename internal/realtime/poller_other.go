//go:build !linux

package realtime

import (
	"errors"
	"log/slog"
	"syscall"
)

// poller is Linux-only (epoll). Elsewhere newPoller fails and every
// connection is read by a goroutine of its own (conn.readLoop).
type poller struct{}

func newPoller(func(*conn), *slog.Logger) (*poller, error) {
	return nil, errNoPoller
}

func (*poller) add(*conn) error { return errors.ErrUnsupported }
func (*poller) rearm(*conn)     {}
func (*poller) remove(*conn)    {}
func (*poller) close()          {}

func readNow(syscall.RawConn, []byte) (int, error) { return 0, errors.ErrUnsupported }

var errNoPoller = errors.New("realtime: no poller on this system")

func (*poller) len() int { return 0 }
