package store_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/store"
	"github.com/parleychat/parley/internal/testenv"
)

// searchVocabulary is the words the benchmark's messages are made of:
// common ones, and rarer ones a search looks for.
var searchVocabulary = func() []string {
	words := []string{"order", "refund", "delivery", "parcel", "invoice", "password", "account", "hello", "thanks",
		"please", "help", "shipping", "address", "card", "payment", "late", "broken", "return", "size", "colour"}
	for i := range 2000 {
		words = append(words, "w"+strconv.Itoa(i))
	}
	return words
}()

// BenchmarkSearchMessages measures SearchMessages over a workspace of
// PARLEY_BENCH_SEARCH_MESSAGES messages (default 100,000) in 1,000
// conversations (ten at a time, each over a hundredth of the history, as
// conversations happen over a span of time), each message 12 words drawn
// from a vocabulary of 2,020 (a few common words, many rare ones). It
// reports the p50 and p99 of a first page (20 results) for a common word,
// a rare word, two words, and a prefix, over the workspace, and for the
// common word in one conversation (as a visitor's search is confined).
// On SQLite, and on PostgreSQL when PARLEY_TEST_POSTGRES_URL is set;
// measured once the fill's log is checkpointed (SQLite) or the tables
// analyzed (PostgreSQL, as autovacuum would), as on a database filled
// over time.
func BenchmarkSearchMessages(b *testing.B) {
	n := 100_000
	if v := os.Getenv("PARLEY_BENCH_SEARCH_MESSAGES"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 1 {
			b.Fatal(err)
		}
	}
	b.Run("sqlite", func(b *testing.B) {
		path := filepath.Join(b.TempDir(), "parley.db")
		benchmarkSearchMessages(b, path, n, func() {
			// The background checkpointer copies the log of the fill into
			// the database, then empties it once idle: wait for that.
			for deadline := time.Now().Add(5 * time.Minute); ; time.Sleep(100 * time.Millisecond) {
				if fi, err := os.Stat(path + "-wal"); err != nil || fi.Size() == 0 {
					return
				}
				if time.Now().After(deadline) {
					b.Fatal("the log is not checkpointed after 5 minutes")
				}
			}
		})
	})
	b.Run("postgres", func(b *testing.B) {
		url := testenv.PostgresURL(b)
		benchmarkSearchMessages(b, url, n, func() {
			if err := store.Exec(b.Context(), url, `ANALYZE`); err != nil {
				b.Fatal(err)
			}
		})
	})
}

func benchmarkSearchMessages(b *testing.B, databaseURL string, n int, filled ...func()) {
	ctx := b.Context()
	s, err := store.Open(ctx, databaseURL, discard)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	w := &parley.Workspace{Slug: "bench", Name: "Bench"}
	if err := s.CreateWorkspace(ctx, parley.SystemActor, w); err != nil {
		b.Fatal(err)
	}
	in := &parley.Inbox{WorkspaceID: w.ID, Name: "Website"}
	if err := s.CreateInbox(ctx, parley.SystemActor, in); err != nil {
		b.Fatal(err)
	}
	convs := make([]*parley.Conversation, 1000)
	contacts := make([]string, len(convs))
	for i := range convs {
		c := &parley.Contact{WorkspaceID: w.ID, Name: "Visitor " + strconv.Itoa(i)}
		if err := s.CreateContact(ctx, c); err != nil {
			b.Fatal(err)
		}
		convs[i] = &parley.Conversation{WorkspaceID: w.ID, InboxID: in.ID, ContactID: c.ID}
		if _, err := s.CreateConversation(ctx, convs[i], parley.Participant{Type: parley.ParticipantContact, ID: c.ID}); err != nil {
			b.Fatal(err)
		}
		contacts[i] = c.ID
	}
	rng := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		if rng.IntN(4) == 0 {
			return searchVocabulary[rng.IntN(20)]
		}
		return searchVocabulary[20+rng.IntN(len(searchVocabulary)-20)]
	}
	start := time.Now()
	batch := make([]parley.MessageInput, 0, 256)
	for i := range n {
		body := word()
		for range 11 {
			body += " " + word()
		}
		// Ten conversations at a time, over a hundredth of the history each.
		k := min((i/max(1, n/100))*10+i%10, len(convs)-1)
		batch = append(batch, parley.MessageInput{WorkspaceID: w.ID, ConversationID: convs[k].ID, Kind: parley.KindText,
			Sender: parley.Sender{Type: parley.ParticipantContact, ID: contacts[k]}, Body: body})
		if len(batch) == cap(batch) || i == n-1 {
			if _, err := s.AppendMessages(ctx, batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	b.Logf("stored %d messages in %s", n, time.Since(start).Round(time.Millisecond))
	for _, f := range filled {
		f()
	}
	for _, q := range []string{"refund", "w1234", "refund parcel", "w12", "refund in a conversation"} {
		search := parley.MessageSearch{ListOptions: parley.ListOptions{Limit: 20}}
		if w, ok := strings.CutSuffix(q, " in a conversation"); ok {
			q, search.ConversationID = w, convs[len(convs)/2].ID
		}
		if search.Words, err = parley.SearchWords(q); err != nil {
			b.Fatal(err)
		}
		name := fmt.Sprintf("%q", q)
		if search.ConversationID != "" {
			name += "_in_a_conversation"
		}
		b.Run(name, func(b *testing.B) {
			times := make([]time.Duration, 0, b.N)
			for b.Loop() {
				t0 := time.Now()
				if _, err := s.SearchMessages(ctx, w.ID, search); err != nil {
					b.Fatal(err)
				}
				times = append(times, time.Since(t0))
			}
			slices.Sort(times)
			b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(times[len(times)*99/100].Microseconds())/1000, "p99-ms")
		})
	}
}
