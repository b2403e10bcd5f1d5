package storetest

import (
	"fmt"
	"slices"
	"testing"

	"github.com/parleychat/parley"
)

// words splits a query as the API does.
func words(t *testing.T, q string) []string {
	t.Helper()
	w, err := parley.SearchWords(q)
	must(t, err)
	return w
}

// searchBodies returns the bodies of every message a search finds, over
// all its pages, in order.
func searchBodies(t *testing.T, s parley.Store, workspaceID string, q parley.MessageSearch) []string {
	t.Helper()
	var bodies []string
	for range 100 {
		l, err := s.SearchMessages(t.Context(), workspaceID, q)
		must(t, err)
		for _, h := range l.Items {
			if h.Message.WorkspaceID != workspaceID {
				t.Fatalf("a hit of workspace %s", h.Message.WorkspaceID)
			}
			bodies = append(bodies, h.Message.Body)
		}
		if l.Next == "" {
			return bodies
		}
		q.After = l.Next
	}
	t.Fatal("the search does not end")
	return nil
}

func sortedStrings(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	if len(s) == 0 {
		return nil
	}
	return s
}

func testSearch(t *testing.T, open func(t *testing.T) parley.Store) {
	t.Run("Messages", func(t *testing.T) {
		s := open(t)
		ctx := t.Context()
		a := mustThread(t, s)
		w := a.ws
		agent := mustAgent(t, s, w.ID)
		b := mustThreadIn(t, s, w, mustInbox(t, s, w.ID))
		other := mustThread(t, s) // another workspace

		lost := mustAppend(t, s, a.text(contactSender(a.contact), "I lost my password yesterday"))
		mustAppend(t, s, a.text(agentSender(agent), "You can reset your Password here: https://example.com/reset"))
		note := a.text(agentSender(agent), "customer seems upset about the password")
		note.Kind = parley.KindNote
		mustAppend(t, s, note)
		mustAppend(t, s, b.text(contactSender(b.contact), "Where is my refund?"))
		mustAppend(t, s, other.text(contactSender(other.contact), "my password is secret"))
		ev := a.text(parley.Sender{Type: parley.ParticipantSystem}, "password changed by system")
		ev.Kind = parley.KindEvent
		mustAppend(t, s, ev)

		visitorView := []string{"I lost my password yesterday", "You can reset your Password here: https://example.com/reset"}
		for _, c := range []struct {
			name string
			q    parley.MessageSearch
			want []string
		}{
			{"NoNotes", parley.MessageSearch{Words: words(t, "password")}, visitorView},
			{"Notes", parley.MessageSearch{Words: words(t, "PASSWORD"), IncludeNotes: true},
				append(slices.Clone(visitorView), "customer seems upset about the password")},
			{"LastWordPrefix", parley.MessageSearch{Words: words(t, "lost pass")}, visitorView[:1]},
			{"OnlyLastIsPrefix", parley.MessageSearch{Words: words(t, "los password")}, nil},
			// The last word is a prefix from three letters; a shorter one is whole.
			{"ThreeLetterPrefix", parley.MessageSearch{Words: words(t, "lost yes")}, visitorView[:1]},
			{"ShortLastWordWhole", parley.MessageSearch{Words: words(t, "password ye")}, nil},
			{"ShortLastWord", parley.MessageSearch{Words: words(t, "password my")}, visitorView[:1]},
			{"EveryWord", parley.MessageSearch{Words: words(t, "password refund")}, nil},
			{"HostParts", parley.MessageSearch{Words: words(t, "example")}, visitorView[1:]},
			{"Contact", parley.MessageSearch{Words: words(t, "password"), ContactID: b.contact.ID}, nil},
			{"ContactB", parley.MessageSearch{Words: words(t, "refund"), ContactID: b.contact.ID}, []string{"Where is my refund?"}},
			{"Inbox", parley.MessageSearch{Words: words(t, "password"), InboxID: b.inbox.ID}, nil},
			{"Conversation", parley.MessageSearch{Words: words(t, "password"), ConversationID: a.conv.ID, IncludeNotes: true},
				append(slices.Clone(visitorView), "customer seems upset about the password")},
			{"OtherWorkspacesConversation", parley.MessageSearch{Words: words(t, "password"), ConversationID: other.conv.ID}, nil},
			{"OtherWorkspacesContact", parley.MessageSearch{Words: words(t, "password"), ContactID: other.contact.ID}, nil},
		} {
			t.Run(c.name, func(t *testing.T) {
				diff(t, sortedStrings(c.want), sortedStrings(searchBodies(t, s, w.ID, c.q)))
			})
		}
		diff(t, []string{"my password is secret"}, searchBodies(t, s, other.ws.ID, parley.MessageSearch{Words: words(t, "password")}))

		// The snippet marks the words found.
		l, err := s.SearchMessages(ctx, w.ID, parley.MessageSearch{Words: words(t, "lost")})
		must(t, err)
		if len(l.Items) != 1 {
			t.Fatalf("%d hits", len(l.Items))
		}
		diff(t, lost.Message.ID, l.Items[0].Message.ID)
		diff(t, []parley.SnippetPart{{Text: "I "}, {Text: "lost", Match: true}, {Text: " my password yesterday"}}, l.Items[0].Snippet)

		// Edits and deletions reach the index in their transaction.
		_, _, err = s.EditMessage(ctx, w.ID, lost.Message.ID, "I forgot my passphrase", contactP(a.contact))
		must(t, err)
		diff(t, []string(nil), searchBodies(t, s, w.ID, parley.MessageSearch{Words: words(t, "lost")}))
		diff(t, []string{"I forgot my passphrase"}, searchBodies(t, s, w.ID, parley.MessageSearch{Words: words(t, "forgot")}))
		_, _, err = s.DeleteMessage(ctx, w.ID, lost.Message.ID, contactP(a.contact))
		must(t, err)
		diff(t, []string(nil), searchBodies(t, s, w.ID, parley.MessageSearch{Words: words(t, "forgot")}))
		// Erasing a contact erases its messages from the index.
		must(t, s.DeleteContact(ctx, actor, w.ID, b.contact.ID))
		diff(t, []string(nil), searchBodies(t, s, w.ID, parley.MessageSearch{Words: words(t, "refund")}))
	})

	t.Run("RankedAndPaged", func(t *testing.T) {
		s := open(t)
		th := mustThread(t, s)
		best := "refund refund refund"
		bodies := []string{
			"a long message that mentions a refund once among many other words about orders and delivery times",
			best,
			"refund please",
			"where is the refund for my order",
			"no match here",
			"refund refund",
		}
		for _, b := range bodies {
			mustAppend(t, s, th.text(contactSender(th.contact), b))
		}
		all := searchBodies(t, s, th.ws.ID, parley.MessageSearch{Words: words(t, "refund")})
		if len(all) != 5 || all[0] != best {
			t.Fatalf("ranked: %q, want 5 with %q first", all, best)
		}
		for _, limit := range []int{1, 2, 3} {
			paged := searchBodies(t, s, th.ws.ID, parley.MessageSearch{Words: words(t, "refund"), ListOptions: parley.ListOptions{Limit: limit}})
			diff(t, all, paged)
		}
		for _, bad := range []string{"x", "s", "s-1", "s0", "s99999999", "n12_x"} {
			_, err := s.SearchMessages(t.Context(), th.ws.ID, parley.MessageSearch{Words: words(t, "refund"), ListOptions: parley.ListOptions{After: bad}})
			wantCode(t, err, parley.EINVALID)
		}
		for _, bad := range [][]string{nil, {""}, {"a b"}, {`"x`}, {"x*"}, {"x:*"}, {"x&y"}} {
			_, err := s.SearchMessages(t.Context(), th.ws.ID, parley.MessageSearch{Words: bad})
			wantCode(t, err, parley.EINVALID)
			_, err = s.SearchContacts(t.Context(), th.ws.ID, bad, parley.ListOptions{})
			wantCode(t, err, parley.EINVALID)
		}
	})

	// A search ranks the parley.SearchCandidates most recent matches the
	// caller may see, and only those: newer matches it may not see (another
	// workspace's, notes when it has none) do not take their places.
	t.Run("MostRecentCandidates", func(t *testing.T) {
		s := open(t)
		ctx := t.Context()
		th := mustThread(t, s)
		agent := mustAgent(t, s, th.ws.ID)
		other := mustThread(t, s)
		n := parley.SearchCandidates
		appendAll := func(ins []parley.MessageInput) []string {
			t.Helper()
			var bodies []string
			for len(ins) > 0 {
				k := min(len(ins), 100)
				r, err := s.AppendMessages(ctx, ins[:k])
				must(t, err)
				for _, m := range r {
					must(t, m.Err)
					bodies = append(bodies, m.Message.Body)
				}
				ins = ins[k:]
			}
			return bodies
		}
		// A conversation whose match is older than every other.
		early := mustThreadIn(t, s, th.ws, th.inbox)
		mustAppend(t, s, early.text(contactSender(early.contact), "an early refund"))
		// The oldest match of th would rank first, were every match ranked.
		oldest := mustAppend(t, s, th.text(contactSender(th.contact), "refund refund refund"))
		texts, notes, theirs := make([]parley.MessageInput, n), make([]parley.MessageInput, n), make([]parley.MessageInput, n)
		best := fmt.Sprintf("refund refund for order %d", n/2)
		for i := range n {
			texts[i] = th.text(contactSender(th.contact), fmt.Sprintf("about the refund for order %d", i))
			if i == n/2 {
				texts[i].Body = best
			}
			notes[i] = th.text(agentSender(agent), fmt.Sprintf("note on the refund %d", i))
			notes[i].Kind = parley.KindNote
			theirs[i] = other.text(contactSender(other.contact), fmt.Sprintf("their refund %d", i))
		}
		recent := appendAll(texts)
		newer := appendAll(notes)
		theirBodies := appendAll(theirs)
		page := parley.ListOptions{Limit: parley.MaxListLimit}

		// n results, the first of them want.
		wantFirst := func(found []string, want string) {
			t.Helper()
			if len(found) != n || found[0] != want {
				t.Fatalf("%d results, the first %q; want %d, the first %q", len(found), append(found, "")[0], n, want)
			}
		}
		found := searchBodies(t, s, th.ws.ID, parley.MessageSearch{Words: words(t, "refund"), ListOptions: page})
		wantFirst(found, best)
		diff(t, sortedStrings(recent), sortedStrings(found))
		// With notes, the n newer notes are the candidates.
		diff(t, sortedStrings(newer), sortedStrings(searchBodies(t, s, th.ws.ID,
			parley.MessageSearch{Words: words(t, "refu"), IncludeNotes: true, ListOptions: page})))
		// Theirs all score the same: newest first.
		slices.Reverse(theirBodies)
		diff(t, theirBodies, searchBodies(t, s, other.ws.ID, parley.MessageSearch{Words: words(t, "refund"), ListOptions: page}))
		// A search confined to a conversation, or to a contact's (as a
		// visitor's is), finds their matches however many newer ones the
		// workspace holds.
		for _, q := range []parley.MessageSearch{
			{Words: words(t, "refund"), ConversationID: early.conv.ID},
			{Words: words(t, "refund"), ContactID: early.contact.ID},
			{Words: words(t, "refund"), ContactID: early.contact.ID, ConversationID: early.conv.ID, InboxID: early.inbox.ID},
		} {
			diff(t, []string{"an early refund"}, searchBodies(t, s, th.ws.ID, q))
		}
		diff(t, []string(nil), searchBodies(t, s, th.ws.ID, parley.MessageSearch{Words: words(t, "refund"), ContactID: early.contact.ID, ConversationID: th.conv.ID}))
		// A deleted message leaves its place to the next older match.
		l, err := s.SearchMessages(ctx, th.ws.ID, parley.MessageSearch{Words: words(t, "refund"), ListOptions: parley.ListOptions{Limit: 1}})
		must(t, err)
		_, _, err = s.DeleteMessage(ctx, th.ws.ID, l.Items[0].Message.ID, contactP(th.contact))
		must(t, err)
		wantFirst(searchBodies(t, s, th.ws.ID, parley.MessageSearch{Words: words(t, "refund"), ListOptions: page}), oldest.Message.Body)
	})

	t.Run("Contacts", func(t *testing.T) {
		s := open(t)
		ctx := t.Context()
		w, theirs := mustWorkspace(t, s), mustWorkspace(t, s)
		alice := &parley.Contact{WorkspaceID: w.ID, Name: "Alice Liddell", Email: "alice@wonderland.example", Phone: "+15550100", ExternalID: "crm-42"}
		must(t, s.CreateContact(ctx, alice))
		bob := &parley.Contact{WorkspaceID: w.ID, Name: "Bob Alison", Email: "bob@example.org"}
		must(t, s.CreateContact(ctx, bob))
		must(t, s.CreateContact(ctx, &parley.Contact{WorkspaceID: theirs.ID, Name: "Alice Other", Email: "alice@wonderland.example"}))
		find := func(ws, q string) []string {
			t.Helper()
			var names []string
			opt := parley.ListOptions{Limit: 1}
			for range 100 {
				l, err := s.SearchContacts(ctx, ws, words(t, q), opt)
				must(t, err)
				for _, h := range l.Items {
					names = append(names, h.Contact.Name)
				}
				if opt.After = l.Next; l.Next == "" {
					break
				}
			}
			return sortedStrings(names)
		}
		for _, c := range []struct {
			q    string
			want []string
		}{
			{"alice", []string{"Alice Liddell"}},
			{"ali", []string{"Alice Liddell", "Bob Alison"}},
			{"wonderland", []string{"Alice Liddell"}},
			{"alice@wonderland.example", []string{"Alice Liddell"}},
			{"15550100", []string{"Alice Liddell"}},
			{"crm 42", []string{"Alice Liddell"}},
			{"example", []string{"Alice Liddell", "Bob Alison"}},
			{"liddell bob", nil},
		} {
			diff(t, c.want, find(w.ID, c.q))
		}
		diff(t, []string{"Alice Other"}, find(theirs.ID, "wonderland"))
		_, err := s.UpdateContact(ctx, &actor, w.ID, alice.ID, parley.ContactUpdate{Name: ptr("Alice Pleasance"), Email: ptr("ap@looking.example")})
		must(t, err)
		diff(t, []string(nil), find(w.ID, "liddell"))
		diff(t, []string(nil), find(w.ID, "wonderland"))
		diff(t, []string{"Alice Pleasance"}, find(w.ID, "pleasance looking"))
		must(t, s.DeleteContact(ctx, actor, w.ID, alice.ID))
		diff(t, []string(nil), find(w.ID, "pleasance"))
		diff(t, []string{"Bob Alison"}, find(w.ID, "ali"))
	})
}
