package store_test

import (
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/store"
)

// Bytes written to disk per message on SQLite: the guards of the budget
// (≤ 8 KB a message, DESIGN.md §7). They count what SQLite writes, from its
// own log: with the background checkpointer stopped, the write-ahead log
// keeps every page each commit wrote (a frame of 24 bytes + one page), and
// the next checkpoint writes each page that the log holds once more into
// the database file. So, exactly and with no timing:
//
//	log bytes        = the log file's size (it starts empty)
//	checkpoint bytes = the distinct pages in the log × the page size
//
// The checkpointer of a running node checkpoints every 100 ms, so a page
// changed again after a checkpoint is written again by the next: the
// checkpoint figure is the least it costs. The thresholds are today's
// measured values (see docs/performance.md, "Bytes written per message")
// with about 15% headroom: a change that writes more per message fails
// here; one that writes less should lower them.
// diskWriteCase is one way of appending messages.
type diskWriteCase struct {
	name          string
	conversations int
	batch         int // messages a transaction
	messages      int
	// maxLog and maxTotal are the guards, in bytes per message.
	maxLog, maxTotal int64
}

var diskWriteCases = []diskWriteCase{
	// Every message commits alone: a node at a low rate.
	{name: "alone", conversations: 100, batch: 1, messages: 400, maxLog: 93_000, maxTotal: 95_000},
	// Batches of 64 over 500 conversations: group commit under load.
	{name: "batched", conversations: 500, batch: 64, messages: 2048, maxLog: 5_600, maxTotal: 7_000},
}

func TestBytesWrittenPerMessage(t *testing.T) {
	for _, tc := range diskWriteCases {
		t.Run(tc.name, func(t *testing.T) {
			log, ckpt := measureDiskWrites(t, tc)
			perLog, perTotal := log/int64(tc.messages), (log+ckpt)/int64(tc.messages)
			t.Logf("%s: %d messages, %d a transaction, over %d conversations: log %d B/msg, checkpoint %d B/msg, total %d B/msg",
				tc.name, tc.messages, tc.batch, tc.conversations, perLog, ckpt/int64(tc.messages), perTotal)
			if perLog > tc.maxLog {
				t.Errorf("the log grows by %d bytes a message; the guard is %d", perLog, tc.maxLog)
			}
			if perTotal > tc.maxTotal {
				t.Errorf("%d bytes written a message (log and checkpoint); the guard is %d", perTotal, tc.maxTotal)
			}
		})
	}
}

// measureDiskWrites appends tc's messages to a fresh SQLite store and
// returns the bytes the log received and those one checkpoint would write.
func measureDiskWrites(t *testing.T, tc diskWriteCase) (logBytes, checkpointBytes int64) {
	t.Helper()
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "parley.db")
	s := mustOpen(t, path)
	w := &parley.Workspace{Slug: "ws-disk", Name: "Workspace"}
	must(t, s.CreateWorkspace(ctx, checkpointActor, w))
	in := &parley.Inbox{WorkspaceID: w.ID, Name: "Website"}
	must(t, s.CreateInbox(ctx, checkpointActor, in))
	type thread struct {
		conv    *parley.Conversation
		contact *parley.Contact
	}
	threads := make([]thread, tc.conversations)
	for i := range threads {
		c := &parley.Contact{WorkspaceID: w.ID, Name: fmt.Sprintf("Visitor %d", i)}
		must(t, s.CreateContact(ctx, c))
		conv := &parley.Conversation{WorkspaceID: w.ID, InboxID: in.ID, ContactID: c.ID}
		_, err := s.CreateConversation(ctx, conv, parley.Participant{Type: parley.ParticipantContact, ID: c.ID})
		must(t, err)
		threads[i] = thread{conv, c}
	}
	// Each conversation has its first message (which queues it): what
	// follows is the steady state of a chat.
	for _, th := range threads {
		_, err := s.AppendMessage(ctx, parley.MessageInput{
			WorkspaceID: w.ID, ConversationID: th.conv.ID, Kind: parley.KindText,
			Sender: parley.Sender{Type: parley.ParticipantContact, ID: th.contact.ID}, Body: "Hello?",
		})
		must(t, err)
	}
	must(t, store.StopCheckpointer(s))
	if _, err := store.Writer(s).ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatal(err)
	}
	if size := walSize(t, path); size != 0 {
		t.Fatalf("the log holds %d bytes after a TRUNCATE checkpoint", size)
	}

	for n := 0; n < tc.messages; n += tc.batch {
		ins := make([]parley.MessageInput, 0, tc.batch)
		for i := n; i < min(n+tc.batch, tc.messages); i++ {
			th := threads[i%len(threads)]
			ins = append(ins, parley.MessageInput{
				WorkspaceID: w.ID, ConversationID: th.conv.ID, Kind: parley.KindText,
				Sender:   parley.Sender{Type: parley.ParticipantContact, ID: th.contact.ID},
				ClientID: fmt.Sprintf("m-%d", i), Body: "Hello, I have a question about my order, can you help me?",
			})
		}
		res, err := s.AppendMessages(ctx, ins)
		must(t, err)
		for _, r := range res {
			must(t, r.Err)
		}
	}
	return walPages(t, path+"-wal")
}

// walPages reads an SQLite write-ahead log: its size, and the distinct
// pages its frames hold times the page size.
func walPages(t *testing.T, path string) (size, distinct int64) {
	t.Helper()
	data, err := os.ReadFile(path)
	must(t, err)
	const walHeader, frameHeader = 32, 24
	if len(data) < walHeader {
		t.Fatalf("the log holds %d bytes", len(data))
	}
	pageSize := int(binary.BigEndian.Uint32(data[8:12]))
	pages := map[uint32]struct{}{}
	for off := walHeader; off+frameHeader+pageSize <= len(data); off += frameHeader + pageSize {
		pages[binary.BigEndian.Uint32(data[off:off+4])] = struct{}{}
	}
	return int64(len(data)), int64(len(pages) * pageSize)
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
