//go:build linux

package realtime

import (
	"errors"
	"log/slog"
	"sync"
	"syscall"

	"golang.org/x/sys/unix"
)

// poller waits, on one epoll instance, for any of many idle connections to
// have data to read, so that an idle connection needs no goroutine. Each
// connection is registered one-shot: after an event, it reports nothing
// more until rearm, which its reader calls once it has handled what it
// read — so one connection is read by one goroutine at a time. Level
// triggered: data left unread reports again at once after rearm.
//
// The descriptors stay in Go's own netpoller too (net.Conn keeps working,
// deadlines included); reads here are non-blocking, through RawConn.Read,
// which holds the descriptor so that it cannot be closed and reused
// meanwhile. Registration changes go through RawConn.Control for the same
// reason.
type poller struct {
	epfd   int
	wakefd int // an eventfd: close writes to it to end the loop
	ready  func(*conn)
	logger *slog.Logger
	done   chan struct{}

	mu    sync.Mutex
	conns map[int32]*conn // by descriptor; the event's Pad holds conn.gen
	gen   uint32
}

const pollEvents = unix.EPOLLIN | unix.EPOLLRDHUP | unix.EPOLLONESHOT

// newPoller starts a poller whose loop calls ready for each connection
// with something to read (or an error to read); ready may block, which
// delays the other connections' events.
func newPoller(ready func(*conn), logger *slog.Logger) (*poller, error) {
	epfd, err := unix.EpollCreate1(unix.EPOLL_CLOEXEC)
	if err != nil {
		return nil, err
	}
	wakefd, err := unix.Eventfd(0, unix.EFD_CLOEXEC|unix.EFD_NONBLOCK)
	if err != nil {
		unix.Close(epfd)
		return nil, err
	}
	ev := unix.EpollEvent{Events: unix.EPOLLIN, Fd: int32(wakefd)}
	if err := unix.EpollCtl(epfd, unix.EPOLL_CTL_ADD, wakefd, &ev); err != nil {
		unix.Close(wakefd)
		unix.Close(epfd)
		return nil, err
	}
	p := &poller{epfd: epfd, wakefd: wakefd, ready: ready, logger: logger,
		done: make(chan struct{}), conns: map[int32]*conn{}}
	go p.loop()
	return p, nil
}

// add registers c, whose rc must be set. An error means c cannot be
// polled and must be read some other way.
func (p *poller) add(c *conn) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.gen++
	c.gen = p.gen
	var ctlErr error
	err := c.rc.Control(func(fd uintptr) {
		c.fd = int32(fd)
		ev := unix.EpollEvent{Events: pollEvents, Fd: int32(fd), Pad: int32(c.gen)}
		ctlErr = unix.EpollCtl(p.epfd, unix.EPOLL_CTL_ADD, int(fd), &ev)
	})
	if err = errors.Join(err, ctlErr); err != nil {
		return err
	}
	p.conns[c.fd] = c
	return nil
}

// rearm reports c's next readiness. c.rmu is held and c not torn down.
func (p *poller) rearm(c *conn) {
	var ctlErr error
	err := c.rc.Control(func(fd uintptr) {
		ev := unix.EpollEvent{Events: pollEvents, Fd: int32(fd), Pad: int32(c.gen)}
		ctlErr = unix.EpollCtl(p.epfd, unix.EPOLL_CTL_MOD, int(fd), &ev)
	})
	if err = errors.Join(err, ctlErr); err != nil {
		// The socket is unusable: treat it as closed by the peer.
		c.readFailed(err)
	}
}

// remove unregisters c, before its socket is closed. c.rmu is held.
func (p *poller) remove(c *conn) {
	p.mu.Lock()
	if p.conns[c.fd] == c {
		delete(p.conns, c.fd)
	}
	p.mu.Unlock()
	c.rc.Control(func(fd uintptr) {
		unix.EpollCtl(p.epfd, unix.EPOLL_CTL_DEL, int(fd), nil)
	})
}

// close ends the loop, once every connection has been removed.
func (p *poller) close() {
	var one = [8]byte{1}
	unix.Write(p.wakefd, one[:])
	<-p.done
	unix.Close(p.wakefd)
	unix.Close(p.epfd)
}

func (p *poller) loop() {
	defer close(p.done)
	events := make([]unix.EpollEvent, 128)
	for {
		n, err := unix.EpollWait(p.epfd, events, -1)
		if err != nil {
			if errors.Is(err, syscall.EINTR) {
				continue
			}
			p.logger.Error("realtime: epoll_wait failed; connections are no longer read", "err", err)
			return
		}
		for _, ev := range events[:n] {
			if ev.Fd == int32(p.wakefd) {
				return
			}
			p.mu.Lock()
			c := p.conns[ev.Fd]
			p.mu.Unlock()
			// A stale event of a descriptor since closed and reused by
			// another connection is dropped: that one was registered anew.
			if c != nil && c.gen == uint32(ev.Pad) {
				p.ready(c)
			}
		}
	}
}

// readNow reads what c's socket holds, without waiting: n is 0 with a nil
// error when there is nothing (yet); io.EOF when the peer closed.
func readNow(rc syscall.RawConn, buf []byte) (n int, err error) {
	var rerr error
	err = rc.Read(func(fd uintptr) bool {
		for {
			n, rerr = unix.Read(int(fd), buf)
			if rerr != unix.EINTR {
				return true // never wait: the poller does
			}
		}
	})
	switch {
	case err != nil:
		return 0, err
	case rerr == unix.EAGAIN:
		return 0, nil
	case rerr != nil:
		return 0, rerr
	case n <= 0:
		return 0, errEOF
	}
	return n, nil
}

// errNoPoller is never returned on Linux.
var errNoPoller = errors.New("realtime: no poller on this system")

// len returns how many connections are registered (for tests).
func (p *poller) len() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.conns)
}
