package storetest

import (
	"sync"
	"testing"
	"time"

	"github.com/parleychat/parley"
)

// mustOnline creates an online agent of the workspace.
func mustOnline(t *testing.T, s parley.Store, workspaceID string, mods ...func(*parley.Agent)) *parley.Agent {
	t.Helper()
	a := mustAgent(t, s, workspaceID, mods...)
	_, err := s.SetAgentPresence(t.Context(), workspaceID, a.ID, parley.PresenceOnline, time.Time{})
	must(t, err)
	return a
}

func mustQueue(t *testing.T, s parley.Store, workspaceID, name string, strategy parley.Strategy, teamID string) *parley.Queue {
	t.Helper()
	q := &parley.Queue{WorkspaceID: workspaceID, Name: name, Strategy: strategy, TeamID: teamID}
	must(t, s.CreateQueue(t.Context(), actor, q))
	return q
}

// pendingIn creates a pending conversation of a new contact in inbox.
func pendingIn(t *testing.T, s parley.Store, w *parley.Workspace, in *parley.Inbox) *thread {
	t.Helper()
	th := mustThreadIn(t, s, w, in)
	th.mustPending(t, s)
	return th
}

func testRouting(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)

	t.Run("Teams", func(t *testing.T) {
		ctx := t.Context()
		w, other := mustWorkspace(t, s), mustWorkspace(t, s)
		a1, a2, stranger := mustAgent(t, s, w.ID), mustAgent(t, s, w.ID), mustAgent(t, s, other.ID)
		team := &parley.Team{WorkspaceID: w.ID, Name: "Billing", AgentIDs: []string{a2.ID, a1.ID, a1.ID}}
		must(t, s.CreateTeam(ctx, actor, team))
		wantAudit(t, s, w.ID, "team.create", "team", team.ID)
		diff(t, sorted([]string{a1.ID, a2.ID}), team.AgentIDs)
		got, err := s.FindTeam(ctx, w.ID, team.ID)
		must(t, err)
		diff(t, team, got)
		wantCode(t, s.CreateTeam(ctx, actor, &parley.Team{WorkspaceID: w.ID, Name: "billing"}), parley.ECONFLICT)
		wantCode(t, s.CreateTeam(ctx, actor, &parley.Team{WorkspaceID: w.ID, Name: "X", AgentIDs: []string{stranger.ID}}), parley.ENOTFOUND)
		_, err = s.FindTeam(ctx, other.ID, team.ID)
		wantCode(t, err, parley.ENOTFOUND)

		// An agent may be in several teams.
		sales := &parley.Team{WorkspaceID: w.ID, Name: "Sales", AgentIDs: []string{a1.ID}}
		must(t, s.CreateTeam(ctx, actor, sales))
		teams, err := s.ListTeams(ctx, w.ID)
		must(t, err)
		if len(teams) != 2 || teams[0].Name != "Billing" || len(teams[0].AgentIDs) != 2 || teams[1].AgentIDs[0] != a1.ID {
			t.Fatalf("teams = %+v", teams)
		}
		upd, err := s.UpdateTeam(ctx, actor, w.ID, team.ID, parley.TeamUpdate{Name: ptr("Billing 2"), AgentIDs: &[]string{a2.ID}})
		must(t, err)
		if upd.Name != "Billing 2" || len(upd.AgentIDs) != 1 || upd.AgentIDs[0] != a2.ID {
			t.Errorf("updated = %+v", upd)
		}
		wantAudit(t, s, w.ID, "team.update", "team", team.ID)
		_, err = s.UpdateTeam(ctx, actor, w.ID, team.ID, parley.TeamUpdate{Name: ptr("SALES")})
		wantCode(t, err, parley.ECONFLICT)
		_, err = s.UpdateTeam(ctx, actor, w.ID, team.ID, parley.TeamUpdate{AgentIDs: &[]string{stranger.ID}})
		wantCode(t, err, parley.ENOTFOUND)

		// A team a queue routes to stays until the queue changes.
		q := mustQueue(t, s, w.ID, "Billing", parley.StrategyRoundRobin, team.ID)
		wantCode(t, s.DeleteTeam(ctx, actor, w.ID, team.ID), parley.ECONFLICT)
		_, err = s.UpdateQueue(ctx, actor, w.ID, q.ID, parley.QueueUpdate{TeamID: ptr("")})
		must(t, err)
		must(t, s.DeleteTeam(ctx, actor, w.ID, team.ID))
		wantAudit(t, s, w.ID, "team.delete", "team", team.ID)
		wantCode(t, s.DeleteTeam(ctx, actor, w.ID, team.ID), parley.ENOTFOUND)

		// Deleting an agent takes it out of its teams.
		must(t, s.DeleteAgent(ctx, actor, w.ID, a1.ID))
		got, err = s.FindTeam(ctx, w.ID, sales.ID)
		must(t, err)
		diff(t, []string{}, got.AgentIDs)
	})

	t.Run("Queues", func(t *testing.T) {
		ctx := t.Context()
		w, other := mustWorkspace(t, s), mustWorkspace(t, s)
		def, err := s.DefaultQueue(ctx, w.ID)
		must(t, err)
		if !def.Default || def.Strategy != parley.StrategyManual || def.Name != "Default" {
			t.Fatalf("default queue = %+v", def)
		}
		again, err := s.DefaultQueue(ctx, w.ID)
		must(t, err)
		diff(t, def, again)
		_, err = s.DefaultQueue(ctx, "nope")
		wantCode(t, err, parley.ENOTFOUND)

		q := mustQueue(t, s, w.ID, "VIP", parley.StrategyLeastBusy, "")
		wantAudit(t, s, w.ID, "queue.create", "queue", q.ID)
		wantCode(t, s.CreateQueue(ctx, actor, &parley.Queue{WorkspaceID: w.ID, Name: "vip", Strategy: parley.StrategyManual}), parley.ECONFLICT)
		wantCode(t, s.CreateQueue(ctx, actor, &parley.Queue{WorkspaceID: w.ID, Name: "default", Strategy: parley.StrategyManual}), parley.ECONFLICT)
		wantCode(t, s.CreateQueue(ctx, actor, &parley.Queue{WorkspaceID: w.ID, Name: "x", Strategy: "random"}), parley.EINVALID)
		wantCode(t, s.CreateQueue(ctx, actor, &parley.Queue{WorkspaceID: w.ID, Name: "x", Strategy: parley.StrategyManual, TeamID: "nope"}), parley.ENOTFOUND)
		qs, err := s.ListQueues(ctx, w.ID)
		must(t, err)
		if len(qs) != 2 || qs[0].ID != def.ID || qs[1].ID != q.ID {
			t.Fatalf("queues = %+v", qs)
		}
		_, err = s.FindQueue(ctx, other.ID, q.ID)
		wantCode(t, err, parley.ENOTFOUND)
		upd, err := s.UpdateQueue(ctx, actor, w.ID, q.ID, parley.QueueUpdate{Strategy: ptr(parley.StrategyRoundRobin), Capacity: ptr(4)})
		must(t, err)
		if upd.Strategy != parley.StrategyRoundRobin || upd.Capacity != 4 {
			t.Errorf("updated = %+v", upd)
		}
		wantAudit(t, s, w.ID, "queue.update", "queue", q.ID)
		_, err = s.UpdateQueue(ctx, actor, w.ID, q.ID, parley.QueueUpdate{Strategy: ptr(parley.Strategy("x"))})
		wantCode(t, err, parley.EINVALID)

		// An inbox's queue; conversations start in it.
		in := mustInbox(t, s, w.ID)
		iq, err := s.InboxQueue(ctx, w.ID, in.ID)
		must(t, err)
		if iq.ID != def.ID {
			t.Errorf("inbox queue = %s, want the default %s", iq.ID, def.ID)
		}
		must(t, s.SetInboxQueue(ctx, actor, w.ID, in.ID, q.ID))
		wantAudit(t, s, w.ID, "inbox.set_queue", "inbox", in.ID)
		wantCode(t, s.SetInboxQueue(ctx, actor, w.ID, in.ID, "nope"), parley.ENOTFOUND)
		wantCode(t, s.SetInboxQueue(ctx, actor, other.ID, in.ID, q.ID), parley.ENOTFOUND)
		th := mustThreadIn(t, s, w, in)
		if th.conv.QueueID != q.ID {
			t.Errorf("conversation queue = %s, want the inbox's %s", th.conv.QueueID, q.ID)
		}

		// Deleting: not the default, not one in use.
		wantCode(t, s.DeleteQueue(ctx, actor, w.ID, def.ID), parley.ECONFLICT)
		wantCode(t, s.DeleteQueue(ctx, actor, w.ID, q.ID), parley.ECONFLICT) // the inbox's
		must(t, s.SetInboxQueue(ctx, actor, w.ID, in.ID, ""))
		wantCode(t, s.DeleteQueue(ctx, actor, w.ID, q.ID), parley.ECONFLICT) // holds an open conversation
		_, _, err = s.ResolveConversation(ctx, w.ID, th.conv.ID, contactP(th.contact))
		must(t, err)
		must(t, s.SetRoutingRules(ctx, actor, w.ID, []parley.RoutingRule{{QueueID: q.ID}}))
		wantCode(t, s.DeleteQueue(ctx, actor, w.ID, q.ID), parley.ECONFLICT) // a rule names it
		must(t, s.SetRoutingRules(ctx, actor, w.ID, nil))
		must(t, s.DeleteQueue(ctx, actor, w.ID, q.ID))
		wantAudit(t, s, w.ID, "queue.delete", "queue", q.ID)
		if got := mustConversation(t, s, w.ID, th.conv.ID); got.QueueID != def.ID {
			t.Errorf("resolved conversation's queue = %s, want the default", got.QueueID)
		}
		wantCode(t, s.DeleteQueue(ctx, actor, w.ID, q.ID), parley.ENOTFOUND)
	})

	t.Run("ExternalRouter", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		q := mustQueue(t, s, w.ID, "Ext", parley.StrategyManual, "")
		other := mustQueue(t, s, w.ID, "Other", parley.StrategyManual, "")
		must(t, s.SetRoutingRules(ctx, actor, w.ID, []parley.RoutingRule{{QueueID: other.ID}}))
		ext := &parley.ExternalRouter{URL: "https://router.example.com/route", Secret: "whsec_x", Timeout: 1500 * time.Millisecond,
			Fallback: parley.StrategyLeastBusy}
		upd, err := s.UpdateQueue(ctx, actor, w.ID, q.ID, parley.QueueUpdate{Strategy: ptr(parley.StrategyExternal), External: ext})
		must(t, err)
		diff(t, ext, upd.External)
		e := wantAudit(t, s, w.ID, "queue.update", "queue", q.ID)
		if _, ok := e.Details["external.secret"]; ok {
			t.Error("the audit entry holds the secret")
		}
		got, err := s.FindQueue(ctx, w.ID, q.ID)
		must(t, err)
		diff(t, ext, got.External)
		qs, err := s.ListQueues(ctx, w.ID)
		must(t, err)
		for _, lq := range qs {
			if (lq.ID == q.ID) != (lq.External != nil) {
				t.Errorf("queue %s external = %+v", lq.Name, lq.External)
			}
		}
		rules, err := s.RoutingRules(ctx, w.ID)
		must(t, err)
		diff(t, []parley.RoutingRule{{QueueID: other.ID}}, rules)
		must(t, s.SetRoutingRules(ctx, actor, w.ID, nil))
		got, err = s.FindQueue(ctx, w.ID, q.ID)
		must(t, err)
		diff(t, ext, got.External)
		// Business hours live beside the external router.
		hours := parley.BusinessHours{TimeZone: "Europe/Berlin", Holidays: []string{"2026-12-25"}}
		hours.Weekly[1] = []parley.HoursInterval{{Start: "09:00", End: "17:00"}}
		upd, err = s.UpdateQueue(ctx, actor, w.ID, q.ID, parley.QueueUpdate{Hours: &hours})
		must(t, err)
		diff(t, &hours, upd.Hours)
		diff(t, ext, upd.External)
		got, err = s.FindQueue(ctx, w.ID, q.ID)
		must(t, err)
		diff(t, &hours, got.Hours)
		_, err = s.UpdateQueue(ctx, actor, w.ID, q.ID, parley.QueueUpdate{Hours: &parley.BusinessHours{TimeZone: "a\x00"}})
		wantCode(t, err, parley.EINVALID)
		_, err = s.UpdateQueue(ctx, actor, w.ID, q.ID, parley.QueueUpdate{External: &parley.ExternalRouter{URL: "https://x/\x00"}})
		wantCode(t, err, parley.EINVALID)
		upd, err = s.UpdateQueue(ctx, actor, w.ID, q.ID, parley.QueueUpdate{ClearExternal: true, ClearHours: true})
		must(t, err)
		if upd.External != nil || upd.Hours != nil {
			t.Errorf("cleared = %+v, %+v", upd.External, upd.Hours)
		}
		got, err = s.FindQueue(ctx, w.ID, q.ID)
		must(t, err)
		if got.External != nil {
			t.Errorf("stored external after clearing = %+v", got.External)
		}
	})

	t.Run("Rules", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		in, in2 := mustInbox(t, s, w.ID), mustInbox(t, s, w.ID)
		enterprise := mustQueue(t, s, w.ID, "Enterprise", parley.StrategyManual, "")
		german := mustQueue(t, s, w.ID, "German", parley.StrategyManual, "")
		verified := mustQueue(t, s, w.ID, "Verified", parley.StrategyManual, "")
		pricing := mustQueue(t, s, w.ID, "Pricing", parley.StrategyManual, "")
		second := mustQueue(t, s, w.ID, "Second inbox", parley.StrategyManual, "")
		must(t, s.SetInboxQueue(ctx, actor, w.ID, in2.ID, second.ID))
		rules := []parley.RoutingRule{
			{QueueID: enterprise.ID, Attributes: map[string]string{"plan": "enterprise", "seats": "50"}},
			{QueueID: german.ID, InboxID: in.ID, Attributes: map[string]string{"language": "de"}},
			{QueueID: verified.ID, Verified: ptr(true)},
			{QueueID: pricing.ID, PageURLPrefix: "https://example.com/pricing"},
		}
		wantCode(t, s.SetRoutingRules(ctx, actor, w.ID, []parley.RoutingRule{{QueueID: "nope"}}), parley.ENOTFOUND)
		wantCode(t, s.SetRoutingRules(ctx, actor, w.ID, []parley.RoutingRule{{QueueID: german.ID, InboxID: "nope"}}), parley.ENOTFOUND)
		must(t, s.SetRoutingRules(ctx, actor, w.ID, rules))
		wantAudit(t, s, w.ID, "routing_rules.set", "workspace", w.ID)
		got, err := s.RoutingRules(ctx, w.ID)
		must(t, err)
		diff(t, rules, got)

		route := func(inbox *parley.Inbox, attrs map[string]any, verified bool, pageURL string) string {
			t.Helper()
			c := &parley.Contact{WorkspaceID: w.ID, Name: "V", Attributes: attrs, Verified: verified}
			if verified {
				c.ExternalID = unique()
			}
			must(t, s.CreateContact(ctx, c))
			conv := &parley.Conversation{WorkspaceID: w.ID, InboxID: inbox.ID, ContactID: c.ID, PageURL: pageURL}
			_, err := s.CreateConversation(ctx, conv, contactP(c))
			must(t, err)
			r := mustAppend(t, s, parley.MessageInput{WorkspaceID: w.ID, ConversationID: conv.ID, Kind: parley.KindText,
				Sender: contactSender(c), Body: "hi"})
			if r.Conversation.Status != parley.StatusPending {
				t.Fatalf("status = %s", r.Conversation.Status)
			}
			stored := mustConversation(t, s, w.ID, conv.ID)
			if stored.QueueID != r.Conversation.QueueID || stored.PageURL != pageURL {
				t.Errorf("stored = %+v, returned queue %s", stored, r.Conversation.QueueID)
			}
			return stored.QueueID
		}
		def, err := s.DefaultQueue(ctx, w.ID)
		must(t, err)
		for _, c := range []struct {
			name     string
			inbox    *parley.Inbox
			attrs    map[string]any
			verified bool
			page     string
			want     string
		}{
			{"Enterprise", in, map[string]any{"plan": "enterprise", "seats": 50.0, "language": "de"}, true, "", enterprise.ID},
			{"AttributesAllMustMatch", in, map[string]any{"plan": "enterprise", "seats": 51.0}, false, "", def.ID},
			{"German", in, map[string]any{"language": "de"}, true, "", german.ID},
			{"GermanOtherInbox", in2, map[string]any{"language": "de"}, false, "", second.ID},
			{"Verified", in2, nil, true, "", verified.ID},
			{"Page", in, nil, false, "https://example.com/pricing/team", pricing.ID},
			{"OtherPage", in, nil, false, "https://example.com/blog", def.ID},
		} {
			if got := route(c.inbox, c.attrs, c.verified, c.page); got != c.want {
				t.Errorf("%s: queue = %s, want %s", c.name, got, c.want)
			}
		}
	})

	t.Run("Capacity", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		in := mustInbox(t, s, w.ID)
		a := mustOnline(t, s, w.ID, func(a *parley.Agent) { a.Capacity = 2 })
		off := mustAgent(t, s, w.ID)
		def, err := s.DefaultQueue(ctx, w.ID)
		must(t, err)
		sys := parley.Participant{Type: parley.ParticipantSystem}
		var ths []*thread
		for range 4 {
			ths = append(ths, pendingIn(t, s, w, in))
		}
		cands, err := s.RoutingCandidates(ctx, w.ID, def.ID)
		must(t, err)
		diff(t, []parley.RoutingCandidate{{AgentID: a.ID, Capacity: 2}}, cands)
		for i := range 2 {
			c, ev, err := s.RouteConversation(ctx, w.ID, ths[i].conv.ID, a.ID, sys, parley.RouteOptions{QueueID: def.ID, RequireOnline: true})
			must(t, err)
			if c.Status != parley.StatusAssigned || c.AssigneeID != a.ID || ev.Type != parley.EventConversationAssigned {
				t.Fatalf("routed = %+v, %s", c, ev.Type)
			}
		}
		_, _, err = s.RouteConversation(ctx, w.ID, ths[2].conv.ID, a.ID, sys, parley.RouteOptions{})
		wantCode(t, err, parley.ECONFLICT)
		if parley.ErrorReason(err) != "capacity" {
			t.Errorf("reason = %q, want capacity", parley.ErrorReason(err))
		}
		cands, err = s.RoutingCandidates(ctx, w.ID, def.ID)
		must(t, err)
		diff(t, []parley.RoutingCandidate{}, cands)
		// The queue's override replaces the agent's own capacity.
		_, err = s.UpdateQueue(ctx, actor, w.ID, def.ID, parley.QueueUpdate{Capacity: ptr(3)})
		must(t, err)
		cands, err = s.RoutingCandidates(ctx, w.ID, def.ID)
		must(t, err)
		if len(cands) != 1 || cands[0].Open != 2 || cands[0].Capacity != 3 || cands[0].LastAssignedAt == nil {
			t.Fatalf("candidates = %+v", cands)
		}
		_, _, err = s.RouteConversation(ctx, w.ID, ths[2].conv.ID, a.ID, sys, parley.RouteOptions{Capacity: 3})
		must(t, err)
		// A supervisor's assignment (AssignConversation) is not capped.
		_, _, err = s.AssignConversation(ctx, w.ID, ths[3].conv.ID, a.ID, sys)
		must(t, err)
		// Loads count what each agent holds; another workspace's agent
		// and unknown IDs are left out.
		ow := mustWorkspace(t, s)
		stranger := mustAgent(t, s, ow.ID)
		loads, err := s.AgentLoads(ctx, w.ID, []string{a.ID, off.ID, stranger.ID, "nope"})
		must(t, err)
		diff(t, map[string]int{a.ID: 4, off.ID: 0}, loads)

		th := pendingIn(t, s, w, in)
		_, _, err = s.RouteConversation(ctx, w.ID, th.conv.ID, off.ID, sys, parley.RouteOptions{RequireOnline: true})
		if parley.ErrorCode(err) != parley.ECONFLICT || parley.ErrorReason(err) != "offline" {
			t.Errorf("offline agent: %v", err)
		}
		other := mustQueue(t, s, w.ID, "Other", parley.StrategyManual, "")
		_, _, err = s.RouteConversation(ctx, w.ID, th.conv.ID, off.ID, sys, parley.RouteOptions{QueueID: other.ID})
		if parley.ErrorCode(err) != parley.ECONFLICT || parley.ErrorReason(err) != "queue" {
			t.Errorf("other queue: %v", err)
		}
		_, _, err = s.RouteConversation(ctx, w.ID, th.conv.ID, "nope", sys, parley.RouteOptions{})
		wantCode(t, err, parley.ENOTFOUND)
		_, _, err = s.RouteConversation(ctx, w.ID, ths[0].conv.ID, off.ID, sys, parley.RouteOptions{})
		wantCode(t, err, parley.ECONFLICT) // assigned already
	})

	t.Run("RaceNeverOverCapacity", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		in := mustInbox(t, s, w.ID)
		const agents, capacity, convs = 4, 3, 20
		var ids []string
		for range agents {
			ids = append(ids, mustOnline(t, s, w.ID, func(a *parley.Agent) { a.Capacity = capacity }).ID)
		}
		var ths []*thread
		for range convs {
			ths = append(ths, pendingIn(t, s, w, in))
		}
		sys := parley.Participant{Type: parley.ParticipantSystem}
		// Every goroutine tries every agent for its conversation, in a
		// different order, until one takes it or all are full.
		var mu sync.Mutex
		assigned := map[string]string{}
		errs := raceN(convs, func(i int) error {
			for k := range agents {
				agent := ids[(i+k)%agents]
				_, _, err := s.RouteConversation(ctx, w.ID, ths[i].conv.ID, agent, sys, parley.RouteOptions{})
				switch {
				case err == nil:
					mu.Lock()
					assigned[ths[i].conv.ID] = agent
					mu.Unlock()
					return nil
				case parley.ErrorReason(err) == "capacity":
					continue
				default:
					return err
				}
			}
			return nil
		})
		for _, err := range errs {
			must(t, err)
		}
		if len(assigned) != agents*capacity {
			t.Errorf("%d assigned, want %d", len(assigned), agents*capacity)
		}
		for _, id := range ids {
			l, err := s.ListConversations(ctx, w.ID, parley.ConversationFilter{AssigneeID: id, Status: []parley.ConversationStatus{parley.StatusAssigned}})
			must(t, err)
			if len(l.Items) != capacity {
				t.Errorf("agent holds %d, want %d", len(l.Items), capacity)
			}
		}
		for _, th := range ths {
			n := 0
			for _, typ := range eventTypes(t, s, w.ID, th.conv.ID) {
				if typ == parley.EventConversationAssigned {
					n++
				}
			}
			if n > 1 {
				t.Errorf("conversation assigned %d times", n)
			}
		}
	})

	t.Run("MoveAndPosition", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		in := mustInbox(t, s, w.ID)
		a := mustOnline(t, s, w.ID)
		def, err := s.DefaultQueue(ctx, w.ID)
		must(t, err)
		var ths []*thread
		for range 3 {
			ths = append(ths, pendingIn(t, s, w, in))
		}
		position := func(th *thread) (int, int) {
			t.Helper()
			st, err := s.QueueStatus(ctx, w.ID, th.conv.ID)
			must(t, err)
			if st.QueueID == "" {
				t.Fatal("no queue")
			}
			return st.Position, st.Waiting
		}
		for i, th := range ths {
			if p, n := position(th); p != i+1 || n != 3 {
				t.Errorf("conversation %d: position %d of %d, want %d of 3", i, p, n, i+1)
			}
		}
		next, err := s.NextPending(ctx, w.ID, def.ID, 10)
		must(t, err)
		if len(next) != 3 || next[0].ID != ths[0].conv.ID || next[2].ID != ths[2].conv.ID {
			t.Errorf("next pending = %v", next)
		}
		st, err := s.QueueStatus(ctx, w.ID, ths[0].conv.ID)
		must(t, err)
		if st.EstimatedWait != nil {
			t.Errorf("estimated wait %v without history", *st.EstimatedWait)
		}
		_, _, err = s.AssignConversation(ctx, w.ID, ths[0].conv.ID, a.ID, agentP(a))
		must(t, err)
		if p, n := position(ths[0]); p != 0 || n != 2 {
			t.Errorf("assigned: position %d of %d", p, n)
		}
		if p, _ := position(ths[2]); p != 2 {
			t.Errorf("last one: position %d, want 2", p)
		}
		st, err = s.QueueStatus(ctx, w.ID, ths[2].conv.ID)
		must(t, err)
		if st.EstimatedWait == nil || *st.EstimatedWait < 0 {
			t.Errorf("estimated wait = %v, want one", st.EstimatedWait)
		}

		// Moving an assigned conversation to another queue puts it back in
		// line there, unassigned.
		q := mustQueue(t, s, w.ID, "Second line", parley.StrategyManual, "")
		c, ev, err := s.MoveConversation(ctx, w.ID, ths[0].conv.ID, q.ID, agentP(a))
		must(t, err)
		if c.QueueID != q.ID || c.Status != parley.StatusPending || c.AssigneeID != "" {
			t.Errorf("moved = %+v", c)
		}
		d := decodeConversationEvent(t, ev, parley.EventConversationQueueChanged)
		if d.PreviousQueueID != def.ID || d.PreviousAssigneeID != a.ID {
			t.Errorf("event = %+v", d)
		}
		if p, n := position(ths[0]); p != 1 || n != 1 {
			t.Errorf("moved: position %d of %d", p, n)
		}
		_, _, err = s.MoveConversation(ctx, w.ID, ths[0].conv.ID, q.ID, agentP(a))
		wantCode(t, err, parley.ECONFLICT)
		_, _, err = s.MoveConversation(ctx, w.ID, ths[0].conv.ID, "nope", agentP(a))
		wantCode(t, err, parley.ENOTFOUND)
		_, _, err = s.MoveConversation(ctx, w.ID, "nope", q.ID, agentP(a))
		wantCode(t, err, parley.ENOTFOUND)
		// A pending one keeps its place in time.
		_, _, err = s.MoveConversation(ctx, w.ID, ths[1].conv.ID, q.ID, agentP(a))
		must(t, err)
		if p, n := position(ths[1]); p != 1 || n != 2 {
			t.Errorf("moved pending: position %d of %d, want 1 of 2 (queued before the other)", p, n)
		}
		_, err = s.QueueStatus(ctx, w.ID, "nope")
		wantCode(t, err, parley.ENOTFOUND)

		refs, err := s.RoutableQueues(ctx)
		must(t, err)
		for _, r := range refs {
			if r.WorkspaceID == w.ID {
				t.Errorf("manual queue %s is routable", r.QueueID)
			}
		}
		_, err = s.UpdateQueue(ctx, actor, w.ID, q.ID, parley.QueueUpdate{Strategy: ptr(parley.StrategyLongestIdle)})
		must(t, err)
		refs, err = s.RoutableQueues(ctx)
		must(t, err)
		found := false
		for _, r := range refs {
			found = found || r == parley.QueueRef{WorkspaceID: w.ID, QueueID: q.ID}
		}
		if !found {
			t.Errorf("routable queues %v lack %s", refs, q.ID)
		}
		av, err := s.QueueAvailability(ctx, w.ID, q.ID)
		must(t, err)
		diff(t, &parley.Availability{QueueID: q.ID, OnlineAgents: 1, AvailableAgents: 1}, av)
		_, err = s.QueueAvailability(ctx, w.ID, "nope")
		wantCode(t, err, parley.ENOTFOUND)
	})
}

// badIDs are IDs a hostile caller may send: each is simply not found, on
// either engine (PostgreSQL refuses NUL and invalid UTF-8 in text).
var badIDs = []string{"a\x00b", "\xff\xfe", ""}

func testRoutingBadIDs(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)
	ctx := t.Context()
	w := mustWorkspace(t, s)
	th := pendingIn(t, s, w, mustInbox(t, s, w.ID))
	def, err := s.DefaultQueue(ctx, w.ID)
	must(t, err)
	sys := parley.Participant{Type: parley.ParticipantSystem}
	for _, id := range badIDs {
		_, err := s.FindTeam(ctx, w.ID, id)
		wantCode(t, err, parley.ENOTFOUND)
		_, err = s.FindQueue(ctx, w.ID, id)
		wantCode(t, err, parley.ENOTFOUND)
		_, err = s.FindQueue(ctx, id, def.ID)
		wantCode(t, err, parley.ENOTFOUND)
		_, err = s.UpdateTeam(ctx, actor, w.ID, id, parley.TeamUpdate{Name: ptr("x")})
		wantCode(t, err, parley.ENOTFOUND)
		_, err = s.UpdateQueue(ctx, actor, w.ID, id, parley.QueueUpdate{Name: ptr("x")})
		wantCode(t, err, parley.ENOTFOUND)
		wantCode(t, s.DeleteTeam(ctx, actor, w.ID, id), parley.ENOTFOUND)
		wantCode(t, s.DeleteQueue(ctx, actor, w.ID, id), parley.ENOTFOUND)
		wantCode(t, s.CreateTeam(ctx, actor, &parley.Team{WorkspaceID: w.ID, Name: "T" + unique(), AgentIDs: []string{id}}), parley.ENOTFOUND)
		wantCode(t, s.CreateQueue(ctx, actor, &parley.Queue{WorkspaceID: w.ID, Name: "Q" + unique(), Strategy: parley.StrategyManual, TeamID: id + "x"}), parley.ENOTFOUND)
		_, err = s.InboxQueue(ctx, w.ID, id)
		wantCode(t, err, parley.ENOTFOUND)
		wantCode(t, s.SetInboxQueue(ctx, actor, w.ID, id, def.ID), parley.ENOTFOUND)
		wantCode(t, s.SetInboxQueue(ctx, actor, w.ID, th.inbox.ID, id+"x"), parley.ENOTFOUND)
		wantCode(t, s.SetRoutingRules(ctx, actor, w.ID, []parley.RoutingRule{{QueueID: id}}), parley.ENOTFOUND)
		wantCode(t, s.SetRoutingRules(ctx, actor, w.ID, []parley.RoutingRule{{QueueID: def.ID, InboxID: id + "x"}}), parley.ENOTFOUND)
		_, err = s.RoutingCandidates(ctx, w.ID, id)
		wantCode(t, err, parley.ENOTFOUND)
		_, err = s.QueueAvailability(ctx, w.ID, id)
		wantCode(t, err, parley.ENOTFOUND)
		_, err = s.QueueStatus(ctx, w.ID, id)
		wantCode(t, err, parley.ENOTFOUND)
		_, _, err = s.MoveConversation(ctx, w.ID, th.conv.ID, id, sys)
		wantCode(t, err, parley.ENOTFOUND)
		_, _, err = s.MoveConversation(ctx, w.ID, id, def.ID, sys)
		wantCode(t, err, parley.ENOTFOUND)
		_, _, err = s.RouteConversation(ctx, w.ID, th.conv.ID, id, sys, parley.RouteOptions{})
		wantCode(t, err, parley.ENOTFOUND)
		_, err = s.NextPending(ctx, w.ID, id, 1)
		must(t, err)
	}
	// Names the database cannot hold are refused, not failed.
	wantCode(t, s.CreateTeam(ctx, actor, &parley.Team{WorkspaceID: w.ID, Name: "a\x00b"}), parley.EINVALID)
	wantCode(t, s.CreateQueue(ctx, actor, &parley.Queue{WorkspaceID: w.ID, Name: "\xff", Strategy: parley.StrategyManual}), parley.EINVALID)
}
