package storetest

import (
	"testing"
	"time"

	"github.com/parleychat/parley"
)

// testLiveState checks the supervisor's live state against a known setup:
// two queues, one routing to a team with a capacity of its own; waiting
// and assigned conversations; an agent's reply followed by a note (no
// reply); a bot, a disabled agent and another workspace that never count.
func testLiveState(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)
	ctx := t.Context()
	w, other := mustWorkspace(t, s), mustWorkspace(t, s)
	a1 := mustOnline(t, s, w.ID, func(a *parley.Agent) { a.Name = "Ann"; a.Capacity = 5 })
	a2 := mustOnline(t, s, w.ID, func(a *parley.Agent) { a.Name = "Bob"; a.Capacity = 1 })
	a3 := mustAgent(t, s, w.ID, func(a *parley.Agent) { a.Name = "Cy" })
	_, err := s.SetAgentPresence(ctx, w.ID, a3.ID, parley.PresenceAway, time.Time{})
	must(t, err)
	mustAgent(t, s, w.ID, func(a *parley.Agent) { a.Name = "Robot"; a.Bot = true })
	mustAgent(t, s, w.ID, func(a *parley.Agent) { a.Name = "Gone"; a.Disabled = true })
	mustOnline(t, s, other.ID)

	team := &parley.Team{WorkspaceID: w.ID, Name: "Billing", AgentIDs: []string{a1.ID}}
	must(t, s.CreateTeam(ctx, actor, team))
	billing := mustQueue(t, s, w.ID, "Billing", parley.StrategyManual, team.ID)
	_, err = s.UpdateQueue(ctx, actor, w.ID, billing.ID, parley.QueueUpdate{Capacity: ptr(2)})
	must(t, err)
	in, billingIn := mustInbox(t, s, w.ID), mustInbox(t, s, w.ID)
	must(t, s.SetInboxQueue(ctx, actor, w.ID, billingIn.ID, billing.ID))

	start := time.Now().Truncate(time.Microsecond)
	c1 := pendingIn(t, s, w, in)
	pendingIn(t, s, w, in)
	mid := time.Now()
	c3 := pendingIn(t, s, w, in)
	_, _, err = s.AssignConversation(ctx, w.ID, c3.conv.ID, a2.ID, agentP(a2))
	must(t, err)
	reply := mustAppend(t, s, c3.text(agentSender(a2), "Hello!")).Message.CreatedAt
	note := c3.text(agentSender(a2), "checking")
	note.Kind = parley.KindNote
	mustAppend(t, s, note)
	pendingIn(t, s, w, billingIn)
	for range 2 {
		c := pendingIn(t, s, w, billingIn)
		_, _, err = s.AssignConversation(ctx, w.ID, c.conv.ID, a1.ID, agentP(a1))
		must(t, err)
	}
	pendingIn(t, s, other, mustInbox(t, s, other.ID))

	st, err := s.LiveState(ctx, w.ID, mid, 1)
	must(t, err)
	if len(st.Queues) != 2 || st.Queues[0].ID != billing.ID || !st.Queues[1].Default {
		t.Fatalf("queues = %+v", st.Queues)
	}
	def := st.Queues[1].ID
	if len(st.Counts) != 2 || st.Counts[def].Waiting != 2 || st.Counts[def].Assigned != 1 ||
		st.Counts[billing.ID].Waiting != 1 || st.Counts[billing.ID].Assigned != 2 {
		t.Errorf("counts = %+v", st.Counts)
	}
	// Waiting: those queued by mid (c1, c2), oldest first, at most 1.
	if st.WaitingTotal != 2 || len(st.Waiting) != 1 || st.Waiting[0].ConversationID != c1.conv.ID ||
		st.Waiting[0].QueueID != def || st.Waiting[0].ContactID != c1.contact.ID || st.Waiting[0].ContactName != "Visitor" {
		t.Errorf("waiting = %+v (total %d)", st.Waiting, st.WaitingTotal)
	}
	queued := st.Waiting[0].QueuedAt
	if queued.Before(start) || queued.After(mid) || !st.Counts[def].OldestQueuedAt.Equal(queued) ||
		st.Counts[billing.ID].OldestQueuedAt.Before(mid) {
		t.Errorf("queued at %v, oldest %+v, want between %v and %v", queued, st.Counts, start, mid)
	}
	var names []string
	for _, a := range st.Agents {
		names = append(names, a.Name)
	}
	diff(t, []string{"Ann", "Bob", "Cy"}, names)
	ann, bob, cy := st.Agents[0], st.Agents[1], st.Agents[2]
	if ann.Open != 2 || ann.Presence != parley.PresenceOnline || len(ann.TeamIDs) != 1 || ann.TeamIDs[0] != team.ID ||
		!ann.LastReplyAt.IsZero() {
		t.Errorf("Ann = %+v", ann)
	}
	if bob.Open != 1 || bob.Capacity != 1 || !bob.LastReplyAt.Equal(reply) {
		t.Errorf("Bob = %+v, want last reply %v", bob, reply)
	}
	if cy.Presence != parley.PresenceAway || cy.Open != 0 || cy.Role != parley.RoleAgent {
		t.Errorf("Cy = %+v", cy)
	}

	// The overview of that state, ten minutes on, alerting after five.
	now := time.Now().Add(10 * time.Minute)
	o := parley.BuildSupervisorOverview(st, now, 5*time.Minute)
	billingView, defView := o.Queues[0], o.Queues[1]
	if defView.Waiting != 2 || defView.Alerts != 1 || defView.AgentsOnline != 2 || defView.AgentsAway != 1 ||
		defView.AgentsAtCapacity != 1 || defView.LongestWait < 600 {
		t.Errorf("default queue = %+v", defView)
	}
	// Billing routes to its team (Ann) with a capacity of 2, which Ann's
	// two conversations reach.
	if billingView.Waiting != 1 || billingView.Assigned != 2 || billingView.AgentsOnline != 1 || billingView.AgentsAway != 0 ||
		billingView.AgentsAtCapacity != 1 {
		t.Errorf("billing queue = %+v", billingView)
	}
	if o.AlertsTotal != 2 || len(o.Alerts) != 1 || o.Alerts[0].Wait < 600 || o.Agents[0].AtCapacity || !o.Agents[1].AtCapacity ||
		*o.Agents[1].SinceLastReply < 600 {
		t.Errorf("overview = %+v", o)
	}

	// The other workspace's state holds only its own.
	st, err = s.LiveState(ctx, other.ID, now, 10)
	must(t, err)
	if len(st.Agents) != 1 || st.WaitingTotal != 1 || len(st.Queues) != 1 || st.Counts[st.Queues[0].ID].Waiting != 1 {
		t.Errorf("other workspace = %+v", st)
	}
}
