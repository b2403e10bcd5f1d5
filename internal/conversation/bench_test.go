package conversation_test

import (
	"fmt"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/conversation"
	"github.com/parleychat/parley/internal/testenv"
)

// BenchmarkSend measures persisted messages per second: 512 concurrent
// visitors (two batches' worth: one commits while the next gathers) write
// into 1,000 conversations on SQLite, each with a client ID; each Send
// returns once its message is committed, and its notification goes out on
// the embedded bus. "batched" uses the default writer (group commit: up to
// 256 messages a transaction, those queued while the previous transaction
// committed); "unbatched" commits every message alone.
//
//	go test -run x -bench Send -benchtime 3s ./internal/conversation/
//
// With PARLEY_TEST_POSTGRES_URL set, "postgres/…" runs the same on a fresh
// PostgreSQL database.
func BenchmarkSend(b *testing.B) {
	b.Run("sqlite", func(b *testing.B) {
		benchmarkSendModes(b, func(b *testing.B) string { return filepath.Join(b.TempDir(), "parley.db") })
	})
	b.Run("postgres", func(b *testing.B) {
		benchmarkSendModes(b, func(b *testing.B) string { return testenv.PostgresURL(b) })
	})
}

func benchmarkSendModes(b *testing.B, dsn func(*testing.B) string) {
	for _, bc := range []struct {
		name      string
		batchSize int
	}{
		{"batched", 0},
		{"unbatched", 1},
	} {
		b.Run(bc.name, func(b *testing.B) {
			benchmarkSend(b, dsn(b), func(cfg *conversation.Config) { cfg.BatchSize = bc.batchSize })
		})
	}
}

func benchmarkSend(b *testing.B, dsn string, mod func(*conversation.Config)) {
	const conversations, senders = 1000, 512
	e := newEnvOn(b, dsn, mod)
	e.heard.stop() // the test listener would compete for the CPU
	convs := make([]*parley.Conversation, conversations)
	callers := make([]conversation.Caller, conversations)
	for i := range convs {
		c := e.newContact(b)
		convs[i], callers[i] = e.start(b, c), e.visitorOf(c)
	}
	ctx := b.Context()
	var next atomic.Int64
	b.SetParallelism(max(1, senders/runtime.GOMAXPROCS(0)))
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := next.Add(1)
			k := i % conversations
			_, err := e.svc.Send(ctx, callers[k], conversation.SendInput{
				ConversationID: convs[k].ID, ClientID: fmt.Sprint("m-", i),
				Body: "Hello, I have a question about my order, can you help me?",
			})
			if err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
}
