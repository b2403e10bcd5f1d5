package store

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"time"
)

// SQLite writes every commit to the write-ahead log (WAL) and copies the
// log back into the database file in a checkpoint. By default the
// connection that commits runs the checkpoint when the log passes a size,
// inside that commit — which stalls the single writer, and every send
// queued behind it, for tens of milliseconds (measured: 50–70 ms every
// 1.2 s at 2,000 messages a second). So the writer never checkpoints on
// its own (wal_autocheckpoint(0)) and a checkpointer with a connection of
// its own does it in the background, every checkpointInterval:
//
//  1. A PASSIVE checkpoint on its own connection copies the log into the
//     database without waiting for anyone or blocking anyone: commits go
//     on meanwhile. This is the bulk of the work.
//  2. The log starts again from its beginning only when a commit begins
//     with the whole log copied, which under steady load never happens
//     by itself: commits keep adding to the log while step 1 copies it.
//     So once the log is longer than walResetFrames, the checkpointer
//     takes the writer's connection between two commits (database/sql
//     hands it over the moment the commit in flight ends; no lock polling)
//     and runs a PASSIVE checkpoint there, which copies only the tail
//     committed since step 1 began. The writer's next commit then starts
//     the log again. That pause of the writer is the only one, and short.
//  3. When a tick finds no new commit since the last one and the log has
//     been copied entirely (the node is idle), a TRUNCATE checkpoint
//     empties the log file, giving the disk space back. It does not wait:
//     if a commit or a reader is in the way, it gives up until the next
//     idle tick.
//  4. If the log still grows past walHardLimit frames — readers holding
//     old snapshots keep checkpoints from finishing — a RESTART
//     checkpoint waits (up to walRestartTimeout) for the readers and
//     blocks commits meanwhile, as SQLite's own automatic checkpoint
//     would, so that the log cannot grow without bound.
//
// The writer's journal_size_limit trims a log file left larger than that
// limit whenever the log starts again. Close stops the checkpointer before
// closing the connections; SQLite checkpoints and removes the log when the
// last connection closes.
const (
	checkpointInterval = 100 * time.Millisecond
	walResetFrames     = 16384    // pages: 64 MiB of 4 KiB pages
	walHardLimit       = 64 << 10 // pages: 256 MiB
	walRestartTimeout  = 5 * time.Second
	finishRounds       = 3   // catch-up checkpoints before taking the writer
	finishTail         = 128 // frames: few enough to copy while the writer waits
)

// sqliteCheckpointParams opens the checkpointer's connection: it never
// waits for a lock unless it asks to (see checkpointer.restart).
const sqliteCheckpointParams = "_pragma=busy_timeout(0)"

// checkpointer checkpoints an SQLite database's WAL in the background.
type checkpointer struct {
	db       *sql.DB // one connection of its own
	writer   *sql.DB // the store's writer (one connection)
	logger   *slog.Logger
	interval time.Duration
	cancel   context.CancelFunc // stops run
	done     chan struct{}      // closed when run returns
}

// startCheckpointer opens a connection to uri and checkpoints on it until
// close.
func startCheckpointer(ctx context.Context, uri string, writer *sql.DB, logger *slog.Logger) (*checkpointer, error) {
	db, err := sql.Open("sqlite", uri+"?"+sqliteCheckpointParams)
	if err != nil {
		return nil, fmt.Errorf("open sqlite checkpointer: %w", err)
	}
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open sqlite checkpointer: %w", err)
	}
	runCtx, cancel := context.WithCancel(context.Background())
	c := &checkpointer{db: db, writer: writer, logger: logger, interval: checkpointInterval, cancel: cancel, done: make(chan struct{})}
	go c.run(runCtx)
	return c, nil
}

// close stops the checkpointer, waiting for a checkpoint in progress, and
// closes its connection.
func (c *checkpointer) close() error {
	c.cancel()
	<-c.done
	return c.db.Close()
}

// walState is what a checkpoint reports: whether it could not finish
// (busy), the frames in the log, and the frames copied to the database.
type walState struct {
	busy                 bool
	frames, checkpointed int64
}

func (c *checkpointer) run(ctx context.Context) {
	defer close(c.done)
	ticker := time.NewTicker(c.interval)
	defer ticker.Stop()
	var (
		last    walState
		failing bool
	)
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
		st, err := checkpoint(ctx, c.db, "PASSIVE")
		switch {
		case err == nil:
		case ctx.Err() != nil:
			return
		default:
			if !failing {
				c.logger.Warn("store: WAL checkpoint failed", "err", err)
			}
			failing = true
			continue
		}
		if failing {
			c.logger.Info("store: WAL checkpoints work again")
			failing = false
		}
		idle := st.frames > 0 && st.frames == last.frames && st.checkpointed == st.frames && !st.busy
		switch {
		case idle:
			// Best effort: busy (a commit or a reader in the way) is fine.
			st, err = checkpoint(ctx, c.db, "TRUNCATE")
		case st.frames > walHardLimit:
			c.logger.Warn("store: WAL past its limit; checkpointing with commits blocked",
				"frames", st.frames, "checkpointed", st.checkpointed)
			st, err = c.restart(ctx)
		case st.frames > walResetFrames:
			st, err = c.finish(ctx, st)
		}
		if err != nil && ctx.Err() == nil {
			c.logger.Warn("store: WAL checkpoint failed", "err", err)
		}
		last = st
	}
}

// finish copies the tail of the log on the writer's connection, between
// two commits, so that the next commit starts the log again.
func (c *checkpointer) finish(ctx context.Context, st walState) (walState, error) {
	// Catch up on its own connection first, so that the writer waits for
	// as short a tail as possible: each round copies what was committed
	// during the one before.
	for range finishRounds {
		next, err := checkpoint(ctx, c.db, "PASSIVE")
		if err != nil {
			return walState{}, err
		}
		restarted, tail := next.frames < st.frames, next.frames-st.checkpointed
		st = next
		if restarted || tail <= finishTail {
			break
		}
	}
	if st.frames <= walResetFrames {
		return st, nil // the log started again meanwhile
	}
	conn, err := c.writer.Conn(ctx)
	if err != nil {
		return walState{}, err
	}
	defer conn.Close()
	return checkpoint(ctx, conn, "PASSIVE")
}

// checkpoint runs PRAGMA wal_checkpoint(mode) on db.
func checkpoint(ctx context.Context, db interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}, mode string) (walState, error) {
	var (
		st   walState
		busy int
	)
	err := db.QueryRowContext(ctx, "PRAGMA wal_checkpoint("+mode+")").Scan(&busy, &st.frames, &st.checkpointed)
	if err != nil {
		return walState{}, fmt.Errorf("wal_checkpoint(%s): %w", mode, err)
	}
	st.busy = busy != 0
	return st, nil
}

// restart runs a RESTART checkpoint that waits up to walRestartTimeout for
// the readers and the writer.
func (c *checkpointer) restart(ctx context.Context) (walState, error) {
	conn, err := c.db.Conn(ctx)
	if err != nil {
		return walState{}, err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA busy_timeout = %d", walRestartTimeout.Milliseconds())); err != nil {
		return walState{}, err
	}
	defer conn.ExecContext(context.Background(), "PRAGMA busy_timeout = 0")
	return checkpoint(ctx, conn, "RESTART")
}
