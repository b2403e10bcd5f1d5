package bus

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
)

// openEmbedded starts an in-process NATS server with JetStream and no
// listening port, and connects to it through an in-memory pipe.
func (b *Bus) openEmbedded(ctx context.Context, cfg Config, opts []nats.Option) error {
	if cfg.StoreDir == "" {
		return errors.New("bus: the embedded NATS server needs a store directory")
	}
	srv, err := server.NewServer(&server.Options{
		ServerName: serverName(cfg.Name),
		DontListen: true,
		NoSigs:     true,
		JetStream:  true,
		StoreDir:   cfg.StoreDir,
	})
	if err != nil {
		return fmt.Errorf("bus: embedded NATS server: %w", err)
	}
	srv.SetLoggerV2(serverLogger{b.logger.With("component", "nats-server")}, false, false, false)
	srv.Start()

	wait := readyTimeout
	if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) < wait {
		wait = time.Until(deadline)
	}
	if !srv.ReadyForConnections(wait) {
		srv.Shutdown()
		srv.WaitForShutdown()
		return fmt.Errorf("bus: embedded NATS server not ready after %s", wait)
	}
	conn, err := nats.Connect("", append(opts, nats.InProcessServer(srv))...)
	if err != nil {
		srv.Shutdown()
		srv.WaitForShutdown()
		return fmt.Errorf("bus: connect to embedded NATS server: %w", err)
	}
	b.conn, b.srv = conn, srv
	return nil
}

// serverName derives a valid NATS server name (no spaces) from the
// connection name.
func serverName(name string) string {
	if name = strings.Join(strings.Fields(name), "-"); name == "" {
		return "parley"
	}
	return name
}

// serverLogger sends the embedded server's log to slog. Its chatty notices
// go to debug; warnings and errors keep their level.
type serverLogger struct{ l *slog.Logger }

func (s serverLogger) Noticef(format string, v ...any) { s.l.Debug(fmt.Sprintf(format, v...)) }
func (s serverLogger) Warnf(format string, v ...any)   { s.l.Warn(fmt.Sprintf(format, v...)) }
func (s serverLogger) Fatalf(format string, v ...any)  { s.l.Error(fmt.Sprintf(format, v...)) }
func (s serverLogger) Errorf(format string, v ...any)  { s.l.Error(fmt.Sprintf(format, v...)) }
func (s serverLogger) Debugf(format string, v ...any)  { s.l.Debug(fmt.Sprintf(format, v...)) }
func (s serverLogger) Tracef(format string, v ...any)  { s.l.Debug(fmt.Sprintf(format, v...)) }
