package storetest

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/parleychat/parley"
)

// badBodies are message bodies that break the text rule (parley.ValidText):
// PostgreSQL refuses to store them, SQLite would. The service refuses them
// at the edge; the store must refuse them too, each alone, whatever else
// shares its batch.
var badBodies = []string{"a\x00b", "\x00", "bad \xff\xfe utf-8", "\xed\xa0\x80 (an encoded surrogate)"}

// testBadRows checks that a message the store refuses fails only its own
// append: 20 senders write while one sends bodies the text rule refuses,
// in one batch and concurrently, across workspaces, and none of the 20
// messages fails, on either engine.
func testBadRows(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)
	const senders = 20
	threads := make([]*thread, senders+1) // the last one sends the bad bodies
	for i := range threads {
		if i%7 == 0 {
			threads[i] = mustThread(t, s)
		} else {
			threads[i] = mustThreadIn(t, s, threads[i-1].ws, threads[i-1].inbox)
		}
	}
	bad := threads[senders]
	badInputs := func(round int) []parley.MessageInput {
		var ins []parley.MessageInput
		for _, body := range badBodies {
			ins = append(ins, bad.text(contactSender(bad.contact), body))
		}
		in := bad.text(contactSender(bad.contact), "fine body")
		in.ClientID = fmt.Sprintf("bad\x00%d", round)
		ins = append(ins, in)
		in = bad.text(parley.Sender{Type: parley.ParticipantSystem, DisplayName: "x\x00y"}, "fine body")
		in.Kind = parley.KindEvent
		return append(ins, in)
	}
	good := func(i, round int) parley.MessageInput {
		in := threads[i].text(contactSender(threads[i].contact), fmt.Sprintf("message %d from sender %d", round, i))
		in.ClientID = fmt.Sprintf("c-%d", round)
		return in
	}

	t.Run("OneBatch", func(t *testing.T) {
		const rounds = 3
		for round := range rounds {
			var ins []parley.MessageInput
			for i := range senders {
				ins = append(ins, good(i, round))
			}
			ins = append(ins, badInputs(round)...)
			rand.Shuffle(len(ins), func(i, j int) { ins[i], ins[j] = ins[j], ins[i] })
			results, err := s.AppendMessages(t.Context(), ins)
			must(t, err)
			for i, r := range results {
				isBad := ins[i].ConversationID == bad.conv.ID
				switch {
				case isBad && parley.ErrorCode(r.Err) != parley.EINVALID:
					t.Errorf("round %d: bad input %q (client id %q, name %q): err %v, want EINVALID",
						round, ins[i].Body, ins[i].ClientID, ins[i].Sender.DisplayName, r.Err)
				case !isBad && r.Err != nil:
					t.Errorf("round %d: %q failed: %v", round, ins[i].Body, r.Err)
				}
			}
		}
		for i := range senders {
			if got := seqs(allMessages(t, s, threads[i].ws.ID, threads[i].conv.ID)); !slices.Equal(got, span(1, rounds)) {
				t.Errorf("sender %d: seqs %v, want 1…%d", i, got, rounds)
			}
		}
		if got := allMessages(t, s, bad.ws.ID, bad.conv.ID); len(got) != 0 {
			t.Errorf("the bad sender stored %d messages", len(got))
		}
	})

	t.Run("Concurrent", func(t *testing.T) {
		const rounds = 5
		errs := raceN(senders+1, func(i int) error {
			for round := range rounds {
				if i == senders {
					for _, in := range badInputs(round) {
						if _, err := s.AppendMessage(t.Context(), in); parley.ErrorCode(err) != parley.EINVALID {
							return fmt.Errorf("bad input %q: err %v, want EINVALID", in.Body, err)
						}
					}
					continue
				}
				if _, err := s.AppendMessage(t.Context(), good(i, 10+round)); err != nil {
					return fmt.Errorf("sender %d round %d: %w", i, round, err)
				}
			}
			return nil
		})
		for _, err := range errs {
			if err != nil {
				t.Error(err)
			}
		}
	})
}
