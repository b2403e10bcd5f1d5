package storetest

import (
	"slices"
	"testing"

	"github.com/parleychat/parley"
)

// testConversationAgents: the agents of a conversation are those who wrote
// in it (notes only when asked) and its assignee, each once, ordered by ID,
// never another conversation's or workspace's.
func testConversationAgents(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)
	ctx := t.Context()
	th := mustThread(t, s)
	ws := th.ws.ID
	writer, noter, assignee, stranger := mustAgent(t, s, ws), mustAgent(t, s, ws), mustAgent(t, s, ws), mustAgent(t, s, ws)
	bot := mustAgent(t, s, ws, func(a *parley.Agent) { a.Bot = true })
	th.mustPending(t, s)
	mustAppend(t, s, th.text(agentSender(writer), "Hi"))
	mustAppend(t, s, th.text(agentSender(writer), "Anything else?"))
	mustAppend(t, s, th.text(parley.Sender{Type: parley.ParticipantBot, ID: bot.ID, DisplayName: "Helper"}, "Beep"))
	note := th.text(agentSender(noter), "VIP")
	note.Kind = parley.KindNote
	mustAppend(t, s, note)
	_, _, err := s.AssignConversation(ctx, ws, th.conv.ID, assignee.ID, agentP(assignee))
	must(t, err)
	other := mustThreadIn(t, s, th.ws, th.inbox)
	other.mustPending(t, s)
	mustAppend(t, s, other.text(agentSender(stranger), "Elsewhere"))

	ids := func(includeNotes bool) []string {
		t.Helper()
		agents, err := s.ConversationAgents(ctx, ws, th.conv.ID, includeNotes)
		must(t, err)
		var out []string
		for _, a := range agents {
			out = append(out, a.ID)
		}
		return out
	}
	want := sortedIDs(writer, bot, assignee)
	if got := ids(false); !slices.Equal(got, want) {
		t.Errorf("without notes: %v, want %v", got, want)
	}
	want = sortedIDs(writer, bot, assignee, noter)
	if got := ids(true); !slices.Equal(got, want) {
		t.Errorf("with notes: %v, want %v", got, want)
	}
	agents, err := s.ConversationAgents(ctx, mustWorkspace(t, s).ID, th.conv.ID, true)
	must(t, err)
	if len(agents) != 0 {
		t.Errorf("another workspace's ID finds %d agents", len(agents))
	}
}

func sortedIDs(agents ...*parley.Agent) []string {
	var ids []string
	for _, a := range agents {
		ids = append(ids, a.ID)
	}
	slices.Sort(ids)
	return ids
}
