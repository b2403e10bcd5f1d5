package storetest

import (
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/parleychat/parley"
)

func mustEndpoint(t *testing.T, s parley.Store, workspaceID string, mods ...func(*parley.WebhookEndpoint)) *parley.WebhookEndpoint {
	t.Helper()
	e := &parley.WebhookEndpoint{
		WorkspaceID: workspaceID, URL: "https://hooks.example.com/" + unique(), EventTypes: []string{"*"},
		Enabled: true, Secret: "whsec_" + unique(),
	}
	for _, m := range mods {
		m(e)
	}
	must(t, s.CreateWebhookEndpoint(t.Context(), actor, e))
	return e
}

// fanOutAll dispatches every pending outbox event.
func fanOutAll(t *testing.T, s parley.Store) {
	t.Helper()
	for {
		n, err := s.FanOutEvents(t.Context(), 100)
		must(t, err)
		if n == 0 {
			return
		}
	}
}

func deliveries(t *testing.T, s parley.Store, workspaceID, endpointID string, f parley.WebhookDeliveryFilter) []*parley.WebhookDelivery {
	t.Helper()
	var all []*parley.WebhookDelivery
	opt := parley.ListOptions{Limit: parley.MaxListLimit}
	for {
		l, err := s.ListWebhookDeliveries(t.Context(), workspaceID, endpointID, f, opt)
		must(t, err)
		all = append(all, l.Items...)
		if l.Next == "" {
			return all
		}
		opt.After = l.Next
	}
}

func deliveryTypes(ds []*parley.WebhookDelivery) []parley.EventType {
	var out []parley.EventType
	for _, d := range slices.Backward(ds) { // oldest first
		out = append(out, d.EventType)
	}
	return out
}

func claimAll(t *testing.T, s parley.Store, owner string) []*parley.WebhookTask {
	t.Helper()
	now := time.Now()
	tasks, err := s.ClaimWebhookDeliveries(t.Context(), owner, now, now.Add(time.Minute), 100)
	must(t, err)
	return tasks
}

func attemptOf(task *parley.WebhookTask, code int) *parley.WebhookAttempt {
	d := task.Delivery
	return &parley.WebhookAttempt{
		WorkspaceID: d.WorkspaceID, EndpointID: d.EndpointID, DeliveryID: d.ID, EventID: d.EventID, EventType: d.EventType,
		AttemptedAt: time.Now(), StatusCode: code, Latency: 3 * time.Millisecond, Response: "ok",
	}
}

func testWebhooks(t *testing.T, open func(t *testing.T) parley.Store) {
	t.Run("Endpoints", func(t *testing.T) {
		s := open(t)
		ctx := t.Context()
		w, other := mustWorkspace(t, s), mustWorkspace(t, s)
		in := mustInbox(t, s, w.ID)
		e := mustEndpoint(t, s, w.ID, func(e *parley.WebhookEndpoint) {
			e.EventTypes, e.InboxID, e.Description, e.RateLimit = []string{"conversation.*", "message.created"}, in.ID, "CRM", 5
		})
		wantAudit(t, s, w.ID, "webhook.create", "webhook", e.ID)
		got, err := s.FindWebhookEndpoint(ctx, w.ID, e.ID)
		must(t, err)
		diff(t, e, got)
		_, err = s.FindWebhookEndpoint(ctx, other.ID, e.ID)
		wantCode(t, err, parley.ENOTFOUND)
		err = s.CreateWebhookEndpoint(ctx, actor, &parley.WebhookEndpoint{WorkspaceID: w.ID, URL: "https://x.example", EventTypes: []string{"*"},
			InboxID: mustInbox(t, s, other.ID).ID, Secret: "whsec_x"})
		wantCode(t, err, parley.ENOTFOUND)

		upd, err := s.UpdateWebhookEndpoint(ctx, actor, w.ID, e.ID, parley.WebhookEndpointUpdate{
			Description: ptr("CRM sync"), EventTypes: &[]string{"*"}, Enabled: ptr(false), InboxID: ptr(""),
		})
		must(t, err)
		if upd.Description != "CRM sync" || upd.Enabled || upd.InboxID != "" || !slices.Equal(upd.EventTypes, []string{"*"}) {
			t.Fatalf("updated = %+v", upd)
		}
		wantAudit(t, s, w.ID, "webhook.update", "webhook", e.ID)
		_, err = s.UpdateWebhookEndpoint(ctx, actor, other.ID, e.ID, parley.WebhookEndpointUpdate{Enabled: ptr(true)})
		wantCode(t, err, parley.ENOTFOUND)

		until := time.Now().Add(time.Hour).UTC().Truncate(time.Microsecond)
		rot, err := s.RotateWebhookSecret(ctx, actor, w.ID, e.ID, "whsec_new", until)
		must(t, err)
		if rot.Secret != "whsec_new" || rot.PreviousSecret != e.Secret || !rot.PreviousSecretUntil.Equal(until) {
			t.Fatalf("rotated = %+v", rot)
		}
		diff(t, []string{"whsec_new", e.Secret}, rot.SigningSecrets(time.Now()))
		diff(t, []string{"whsec_new"}, rot.SigningSecrets(until.Add(time.Second)))
		wantAudit(t, s, w.ID, "webhook.rotate_secret", "webhook", e.ID)

		list, err := s.ListWebhookEndpoints(ctx, w.ID)
		must(t, err)
		if len(list) != 1 || list[0].ID != e.ID {
			t.Fatalf("list = %v", list)
		}
		wantCode(t, s.DeleteWebhookEndpoint(ctx, actor, other.ID, e.ID), parley.ENOTFOUND)
		must(t, s.DeleteWebhookEndpoint(ctx, actor, w.ID, e.ID))
		wantAudit(t, s, w.ID, "webhook.delete", "webhook", e.ID)
		_, err = s.FindWebhookEndpoint(ctx, w.ID, e.ID)
		wantCode(t, err, parley.ENOTFOUND)
	})

	t.Run("FanOut", func(t *testing.T) {
		s := open(t)
		th := mustThread(t, s)
		a := mustAgent(t, s, th.ws.ID)
		early := mustEndpoint(t, s, th.ws.ID, func(e *parley.WebhookEndpoint) { e.EventTypes = []string{"message.*", "note.*"} })
		notes := mustEndpoint(t, s, th.ws.ID, func(e *parley.WebhookEndpoint) { e.EventTypes, e.Notes = []string{"message.*", "note.*"}, true })
		convs := mustEndpoint(t, s, th.ws.ID, func(e *parley.WebhookEndpoint) { e.EventTypes = []string{"conversation.*"} })
		otherInbox := mustEndpoint(t, s, th.ws.ID, func(e *parley.WebhookEndpoint) {
			e.EventTypes, e.InboxID = []string{"*"}, mustInbox(t, s, th.ws.ID).ID
		})
		disabled := mustEndpoint(t, s, th.ws.ID, func(e *parley.WebhookEndpoint) { e.Enabled = false })
		th.mustPending(t, s)
		note := th.text(agentSender(a), "VIP")
		note.Kind = parley.KindNote
		mustAppend(t, s, note)
		mustAppend(t, s, th.text(agentSender(a), "Hello"))
		fanOutAll(t, s)
		late := mustEndpoint(t, s, th.ws.ID)
		fanOutAll(t, s)

		all := parley.WebhookDeliveryFilter{}
		diff(t, []parley.EventType{parley.EventMessageCreated, parley.EventMessageCreated}, deliveryTypes(deliveries(t, s, th.ws.ID, early.ID, all)))
		diff(t, []parley.EventType{parley.EventMessageCreated, parley.EventNoteCreated, parley.EventMessageCreated},
			deliveryTypes(deliveries(t, s, th.ws.ID, notes.ID, all)))
		diff(t, []parley.EventType{parley.EventConversationQueued}, deliveryTypes(deliveries(t, s, th.ws.ID, convs.ID, all)))
		for _, e := range []*parley.WebhookEndpoint{otherInbox, disabled, late} {
			if ds := deliveries(t, s, th.ws.ID, e.ID, all); len(ds) != 0 {
				t.Errorf("endpoint %s got %d deliveries, want none", e.Description, len(ds))
			}
		}
		if n, err := s.FanOutEvents(t.Context(), 100); err != nil || n != 0 {
			t.Fatalf("second fan-out dispatched %d (%v), want 0", n, err)
		}
		got := deliveries(t, s, th.ws.ID, notes.ID, parley.WebhookDeliveryFilter{EventType: parley.EventNoteCreated})
		if len(got) != 1 || got[0].Status != parley.DeliveryPending || got[0].ConversationID != th.conv.ID {
			t.Fatalf("note deliveries = %+v", got)
		}
		_, err := s.ListWebhookDeliveries(t.Context(), mustWorkspace(t, s).ID, notes.ID, all, parley.ListOptions{})
		wantCode(t, err, parley.ENOTFOUND)
	})

	t.Run("OrderPerConversation", func(t *testing.T) {
		s := open(t)
		th := mustThread(t, s)
		ep := mustEndpoint(t, s, th.ws.ID, func(e *parley.WebhookEndpoint) { e.EventTypes = []string{"message.created"} })
		other := mustThreadIn(t, s, th.ws, th.inbox)
		for i := range 3 {
			mustAppend(t, s, th.text(contactSender(th.contact), fmt.Sprint("a", i)))
			mustAppend(t, s, other.text(contactSender(other.contact), fmt.Sprint("b", i)))
		}
		fanOutAll(t, s)
		n, oldest, err := s.WebhookBacklog(t.Context())
		must(t, err)
		if n != 6 || oldest.IsZero() || time.Since(oldest) > time.Minute {
			t.Fatalf("backlog = %d, oldest %v; want 6", n, oldest)
		}
		tasks := claimAll(t, s, "node-1")
		if len(tasks) != 2 || tasks[0].Delivery.ConversationID == tasks[1].Delivery.ConversationID {
			t.Fatalf("claimed %d, want the first of each conversation", len(tasks))
		}
		for _, task := range tasks {
			if task.Endpoint.ID != ep.ID || task.Event.ID != task.Delivery.EventID {
				t.Fatalf("task = %+v", task)
			}
		}
		if again := claimAll(t, s, "node-2"); len(again) != 0 {
			t.Fatalf("a second owner claimed %d leased or blocked deliveries", len(again))
		}
		// th's first fails and is retried later; other's first succeeds.
		byConv := map[string]*parley.WebhookTask{}
		for _, task := range tasks {
			byConv[task.Delivery.ConversationID] = task
		}
		must(t, s.RecordWebhookAttempt(t.Context(), "node-1", attemptOf(byConv[th.conv.ID], 503),
			parley.WebhookOutcome{Status: parley.DeliveryPending, NextAttemptAt: time.Now().Add(time.Hour)}))
		must(t, s.RecordWebhookAttempt(t.Context(), "node-1", attemptOf(byConv[other.conv.ID], 200),
			parley.WebhookOutcome{Status: parley.DeliveryDelivered}))
		next := claimAll(t, s, "node-2")
		if len(next) != 1 || next[0].Delivery.ConversationID != other.conv.ID {
			t.Fatalf("claimed %d after the first rounds, want only the second of the other conversation", len(next))
		}
		d, attempts, err := s.FindWebhookDelivery(t.Context(), th.ws.ID, ep.ID, byConv[th.conv.ID].Delivery.ID)
		must(t, err)
		if d.Status != parley.DeliveryPending || d.Attempts != 1 || d.LastStatusCode != 503 || len(attempts) != 1 || attempts[0].StatusCode != 503 {
			t.Fatalf("failed delivery = %+v, attempts %+v", d, attempts)
		}
		e, err := s.FindWebhookEndpoint(t.Context(), th.ws.ID, ep.ID)
		must(t, err)
		if e.FailingSince != nil {
			t.Fatalf("failing since %v after a later success", e.FailingSince)
		}
		// A lost lease: the attempt is logged, the delivery untouched.
		err = s.RecordWebhookAttempt(t.Context(), "node-1", attemptOf(next[0], 200), parley.WebhookOutcome{Status: parley.DeliveryDelivered})
		wantCode(t, err, parley.ECONFLICT)
		must(t, s.ReleaseWebhookDelivery(t.Context(), "node-2", next[0].Delivery.ID, time.Now()))
		if again := claimAll(t, s, "node-3"); len(again) != 1 || again[0].Delivery.ID != next[0].Delivery.ID {
			t.Fatalf("a released delivery was not claimable again")
		}
	})

	t.Run("Chains", func(t *testing.T) {
		s := open(t)
		ctx := t.Context()
		th := mustThread(t, s)
		ep := mustEndpoint(t, s, th.ws.ID, func(e *parley.WebhookEndpoint) { e.EventTypes = []string{"message.created", "contact.*"} })
		other := mustThreadIn(t, s, th.ws, th.inbox)
		for i := range 4 {
			mustAppend(t, s, th.text(contactSender(th.contact), fmt.Sprint("a", i)))
			mustAppend(t, s, other.text(contactSender(other.contact), fmt.Sprint("b", i)))
		}
		mustContact(t, s, th.ws.ID) // no conversation: a chain of its own
		fanOutAll(t, s)
		now := time.Now()
		// Bad input: nothing claimed.
		for _, bad := range [][2]int{{0, 3}, {3, 0}, {-1, -1}} {
			if c, err := s.ClaimWebhookChains(ctx, "node-0", now, now.Add(time.Minute), bad[0], bad[1]); err != nil || len(c) != 0 {
				t.Fatalf("ClaimWebhookChains(%v) = %d chains, %v", bad, len(c), err)
			}
		}
		chains, err := s.ClaimWebhookChains(ctx, "node-1", now, now.Add(time.Minute), 10, 3)
		must(t, err)
		byConv := map[string][]*parley.WebhookTask{}
		var loners [][]*parley.WebhookTask // contact events: a chain each
		for _, c := range chains {
			for i, task := range c {
				if task.Delivery.ConversationID != c[0].Delivery.ConversationID || task.Endpoint.ID != ep.ID ||
					(i > 0 && task.Event.ID <= c[i-1].Event.ID) {
					t.Fatalf("chain %d: task %d = %+v, want one conversation oldest first", len(byConv), i, task.Delivery)
				}
			}
			if c[0].Delivery.ConversationID == "" {
				if len(c) != 1 {
					t.Fatalf("a chain of %d conversation-less deliveries", len(c))
				}
				loners = append(loners, c)
				continue
			}
			byConv[c[0].Delivery.ConversationID] = c
		}
		if len(byConv) != 2 || len(byConv[th.conv.ID]) != 3 || len(byConv[other.conv.ID]) != 3 || len(loners) < 1 {
			t.Fatalf("chain lengths %d, %d, %d loners; want 3, 3 (perChain) and some", len(byConv[th.conv.ID]), len(byConv[other.conv.ID]), len(loners))
		}
		if again, err := s.ClaimWebhookChains(ctx, "node-2", now, now.Add(time.Minute), 10, 10); err != nil || len(again) != 0 {
			t.Fatalf("a second owner claimed %d chains (%v): the fourth of each waits behind leased ones", len(again), err)
		}
		// One transaction: th's first delivered, its second fails (to be
		// retried) and its third is given back; other's three delivered;
		// a result of another owner's is lost.
		ta, tb := byConv[th.conv.ID], byConv[other.conv.ID]
		results := []*parley.WebhookResult{
			{DeliveryID: ta[0].Delivery.ID, Attempt: attemptOf(ta[0], 200), Outcome: parley.WebhookOutcome{Status: parley.DeliveryDelivered}},
			{DeliveryID: ta[1].Delivery.ID, Attempt: attemptOf(ta[1], 503), Outcome: parley.WebhookOutcome{Status: parley.DeliveryPending, NextAttemptAt: now.Add(time.Hour)}},
			{DeliveryID: ta[2].Delivery.ID},
		}
		for _, task := range tb {
			results = append(results, &parley.WebhookResult{DeliveryID: task.Delivery.ID, Attempt: attemptOf(task, 200),
				Outcome: parley.WebhookOutcome{Status: parley.DeliveryDelivered}})
		}
		must(t, s.RecordWebhookResults(ctx, "node-1", results))
		lost := &parley.WebhookResult{DeliveryID: loners[0][0].Delivery.ID, Attempt: attemptOf(loners[0][0], 200),
			Outcome: parley.WebhookOutcome{Status: parley.DeliveryDelivered}}
		must(t, s.RecordWebhookResults(ctx, "node-2", []*parley.WebhookResult{lost}))
		for i, r := range results {
			if r.Lost {
				t.Fatalf("result %d lost", i)
			}
		}
		if !lost.Lost {
			t.Fatal("a result of an owner without the lease was not lost")
		}
		d, attempts, err := s.FindWebhookDelivery(ctx, th.ws.ID, ep.ID, ta[1].Delivery.ID)
		must(t, err)
		if d.Status != parley.DeliveryPending || d.Attempts != 1 || len(attempts) != 1 || attempts[0].StatusCode != 503 {
			t.Fatalf("failed delivery = %+v, %d attempts", d, len(attempts))
		}
		d, attempts, err = s.FindWebhookDelivery(ctx, th.ws.ID, ep.ID, ta[2].Delivery.ID)
		must(t, err)
		if d.Status != parley.DeliveryPending || d.Attempts != 0 || len(attempts) != 0 {
			t.Fatalf("given back delivery = %+v, %d attempts", d, len(attempts))
		}
		// th waits for its retry; other goes on with its fourth.
		next, err := s.ClaimWebhookChains(ctx, "node-3", time.Now(), time.Now().Add(time.Minute), 10, 10)
		must(t, err)
		if len(next) != 1 || len(next[0]) != 1 || next[0][0].Delivery.ConversationID != other.conv.ID {
			t.Fatalf("claimed %d chains after the batch, want other's fourth alone", len(next))
		}
	})

	t.Run("ClaimRace", func(t *testing.T) {
		s := open(t)
		th := mustThread(t, s)
		mustEndpoint(t, s, th.ws.ID, func(e *parley.WebhookEndpoint) { e.EventTypes = []string{"contact.*"} })
		for range 20 {
			mustContact(t, s, th.ws.ID)
		}
		fanOutAll(t, s)
		claims := make([][]*parley.WebhookTask, 8)
		errs := raceN(len(claims), func(i int) error {
			now := time.Now()
			var err error
			claims[i], err = s.ClaimWebhookDeliveries(t.Context(), fmt.Sprint("node-", i), now, now.Add(time.Minute), 100)
			return err
		})
		seen := map[string]bool{}
		for i, err := range errs {
			must(t, err)
			for _, task := range claims[i] {
				if seen[task.Delivery.ID] {
					t.Fatalf("delivery %s claimed twice", task.Delivery.ID)
				}
				seen[task.Delivery.ID] = true
			}
		}
		if len(seen) != 20 {
			t.Fatalf("claimed %d deliveries, want 20", len(seen))
		}
	})

	t.Run("ChainRace", func(t *testing.T) {
		s := open(t)
		th := mustThread(t, s)
		ep := mustEndpoint(t, s, th.ws.ID, func(e *parley.WebhookEndpoint) { e.EventTypes = []string{"message.created"} })
		threads := []*thread{th}
		for range 4 {
			threads = append(threads, mustThreadIn(t, s, th.ws, th.inbox))
		}
		const per = 10
		for i := range per {
			for _, x := range threads {
				mustAppend(t, s, x.text(contactSender(x.contact), fmt.Sprint(i)))
			}
		}
		fanOutAll(t, s)
		// Eight claimers at once, chains of up to four: each conversation's
		// first four go to one of them, as a chain, and nothing else.
		claims := make([][][]*parley.WebhookTask, 8)
		errs := raceN(len(claims), func(i int) error {
			now := time.Now()
			var err error
			claims[i], err = s.ClaimWebhookChains(t.Context(), fmt.Sprint("node-", i), now, now.Add(time.Minute), 10, 4)
			return err
		})
		owner := map[string]int{} // conversation → claimer
		for i, err := range errs {
			must(t, err)
			for _, c := range claims[i] {
				conv := c[0].Delivery.ConversationID
				if o, ok := owner[conv]; ok {
					t.Fatalf("conversation %s claimed by node-%d and node-%d", conv, o, i)
				}
				owner[conv] = i
				if len(c) != 4 {
					t.Fatalf("node-%d claimed a chain of %d, want 4", i, len(c))
				}
			}
		}
		if len(owner) != len(threads) {
			t.Fatalf("%d conversations claimed, want %d", len(owner), len(threads))
		}
		// Each chain is its conversation's four oldest, in order.
		events := map[string][]string{}
		for _, d := range deliveries(t, s, th.ws.ID, ep.ID, parley.WebhookDeliveryFilter{}) {
			events[d.ConversationID] = append(events[d.ConversationID], d.EventID)
		}
		for i := range claims {
			for _, c := range claims[i] {
				want := slices.Sorted(slices.Values(events[c[0].Delivery.ConversationID]))[:4]
				for j, task := range c {
					if task.Event.ID != want[j] {
						t.Fatalf("node-%d's chain has event %s at %d, want %s", i, task.Event.ID, j, want[j])
					}
				}
			}
		}
	})

	t.Run("RedeliverReplaySweep", func(t *testing.T) {
		s := open(t)
		ctx := t.Context()
		start := time.Now()
		th := mustThread(t, s)
		ep := mustEndpoint(t, s, th.ws.ID, func(e *parley.WebhookEndpoint) { e.EventTypes = []string{"message.created"} })
		mustAppend(t, s, th.text(contactSender(th.contact), "one"))
		mustAppend(t, s, th.text(contactSender(th.contact), "two"))
		fanOutAll(t, s)
		for range 2 {
			for _, task := range claimAll(t, s, "n") {
				must(t, s.RecordWebhookAttempt(ctx, "n", attemptOf(task, 410), parley.WebhookOutcome{Status: parley.DeliveryFailed, Disable: "410 Gone"}))
			}
		}
		e, err := s.FindWebhookEndpoint(ctx, th.ws.ID, ep.ID)
		must(t, err)
		if e.Enabled || e.DisabledReason != "410 Gone" || e.FailingSince == nil {
			t.Fatalf("endpoint after 410 = %+v", e)
		}
		if a := auditEntries(t, s, th.ws.ID)[0]; a.Action != "webhook.disable" || a.Actor != parley.SystemActor || a.TargetID != ep.ID {
			t.Fatalf("last audit entry = %+v, want webhook.disable by the system", a)
		}
		failed := deliveries(t, s, th.ws.ID, ep.ID, parley.WebhookDeliveryFilter{Status: parley.DeliveryFailed})
		if len(failed) != 1 {
			t.Fatalf("failed deliveries = %d, want 1 (the second waits behind the disabled endpoint)", len(failed))
		}
		_, err = s.UpdateWebhookEndpoint(ctx, actor, th.ws.ID, ep.ID, parley.WebhookEndpointUpdate{Enabled: ptr(true)})
		must(t, err)
		d, err := s.RedeliverWebhook(ctx, actor, th.ws.ID, ep.ID, failed[0].ID)
		must(t, err)
		if d.Status != parley.DeliveryPending || d.Tries != 0 || d.Attempts != 1 {
			t.Fatalf("redelivered = %+v", d)
		}
		wantAudit(t, s, th.ws.ID, "webhook.redeliver", "webhook", ep.ID)
		_, err = s.RedeliverWebhook(ctx, actor, mustWorkspace(t, s).ID, ep.ID, failed[0].ID)
		wantCode(t, err, parley.ENOTFOUND)
		for range 3 {
			for _, task := range claimAll(t, s, "n") {
				must(t, s.RecordWebhookAttempt(ctx, "n", attemptOf(task, 200), parley.WebhookOutcome{Status: parley.DeliveryDelivered}))
			}
		}
		if ds := deliveries(t, s, th.ws.ID, ep.ID, parley.WebhookDeliveryFilter{Status: parley.DeliveryDelivered}); len(ds) != 2 {
			t.Fatalf("delivered %d, want 2", len(ds))
		}

		n, err := s.ReplayWebhookEvents(ctx, actor, th.ws.ID, ep.ID, start, 1000)
		must(t, err)
		if n != 2 {
			t.Fatalf("replayed %d, want 2", n)
		}
		if ds := deliveries(t, s, th.ws.ID, ep.ID, parley.WebhookDeliveryFilter{Status: parley.DeliveryPending}); len(ds) != 2 {
			t.Fatalf("pending after replay %d, want 2", len(ds))
		}
		wantAudit(t, s, th.ws.ID, "webhook.replay", "webhook", ep.ID)
		n, err = s.ReplayWebhookEvents(ctx, actor, th.ws.ID, ep.ID, time.Now().Add(time.Hour), 1000)
		must(t, err)
		if n != 0 {
			t.Fatalf("replayed %d from the future", n)
		}
		for range 2 {
			for _, task := range claimAll(t, s, "n") {
				must(t, s.RecordWebhookAttempt(ctx, "n", attemptOf(task, 200), parley.WebhookOutcome{Status: parley.DeliveryDelivered}))
			}
		}

		ping, err := s.SendWebhookPing(ctx, actor, th.ws.ID, ep.ID)
		must(t, err)
		if ping.EventType != parley.EventPing {
			t.Fatalf("ping = %+v", ping)
		}
		fanOutAll(t, s)
		if ds := deliveries(t, s, th.ws.ID, ep.ID, parley.WebhookDeliveryFilter{EventType: parley.EventPing}); len(ds) != 1 {
			t.Fatalf("ping deliveries %d, want 1", len(ds))
		}

		n, err = s.SweepWebhookDeliveries(ctx, time.Now().Add(time.Minute))
		must(t, err)
		if n != 2 {
			t.Fatalf("swept %d, want the 2 delivered", n)
		}
		if ds := deliveries(t, s, th.ws.ID, ep.ID, parley.WebhookDeliveryFilter{}); len(ds) != 1 || ds[0].EventType != parley.EventPing {
			t.Fatalf("after the sweep: %d deliveries", len(ds))
		}
	})

	t.Run("ErasureDeletesDeliveries", func(t *testing.T) {
		s := open(t)
		ctx := t.Context()
		th := mustThread(t, s)
		ep := mustEndpoint(t, s, th.ws.ID, func(e *parley.WebhookEndpoint) { e.EventTypes = []string{"message.*", "conversation.*"} })
		mustAppend(t, s, th.text(contactSender(th.contact), "my address is 1 Main St"))
		fanOutAll(t, s)
		var events []string
		for _, task := range claimAll(t, s, "n") {
			events = append(events, task.Delivery.EventID)
			must(t, s.RecordWebhookAttempt(ctx, "n", attemptOf(task, 500), parley.WebhookOutcome{Status: parley.DeliveryPending, NextAttemptAt: time.Now()}))
		}
		if ds := deliveries(t, s, th.ws.ID, ep.ID, parley.WebhookDeliveryFilter{}); len(ds) != 2 {
			t.Fatalf("deliveries before erasure %d, want 2", len(ds))
		}
		must(t, s.DeleteContact(ctx, actor, th.ws.ID, th.contact.ID))
		fanOutAll(t, s)
		ds := deliveries(t, s, th.ws.ID, ep.ID, parley.WebhookDeliveryFilter{})
		if len(ds) != 0 {
			t.Fatalf("deliveries after erasure %v, want none (the endpoint does not take contact.*)", deliveryTypes(ds))
		}
		for _, id := range events {
			_, err := s.FindEvent(ctx, th.ws.ID, id)
			wantCode(t, err, parley.ENOTFOUND)
		}
	})
}

// testEventFeed: while messages are written and fanned out concurrently,
// a reader following the feed's numbers sees every event once.
func testEventFeed(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)
	ctx := t.Context()
	th := mustThread(t, s)
	others := []*thread{th, mustThreadIn(t, s, th.ws, th.inbox), mustThreadIn(t, s, th.ws, th.inbox), mustThreadIn(t, s, th.ws, th.inbox)}
	writing := make(chan struct{})
	var writers, fanners sync.WaitGroup
	for _, w := range others {
		writers.Go(func() {
			for i := range 40 {
				if _, err := s.AppendMessage(ctx, w.text(contactSender(w.contact), fmt.Sprint(i))); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	go func() { writers.Wait(); close(writing) }()
	for range 2 {
		fanners.Go(func() {
			for {
				// Whether the writers were done is read before the
				// fan-out, so a pass that found nothing to do also
				// started after the last write committed.
				var written bool
				select {
				case <-writing:
					written = true
				default:
				}
				n, err := s.FanOutEvents(ctx, 7)
				if err != nil {
					t.Error(err)
					return
				}
				if written && n == 0 {
					return
				}
			}
		})
	}
	fanned := make(chan struct{})
	go func() { fanners.Wait(); close(fanned) }()
	var (
		after int64
		seen  = map[string]bool{}
	)
	for done := false; ; {
		select {
		case <-fanned:
			done = true
		default:
		}
		page, err := s.ListFeedEvents(ctx, th.ws.ID, after, 5)
		must(t, err)
		for _, fe := range page {
			if fe.Seq <= after {
				t.Fatalf("feed went back from %d to %d", after, fe.Seq)
			}
			if seen[fe.Event.ID] {
				t.Fatalf("event %s seen twice", fe.Event.ID)
			}
			seen[fe.Event.ID], after = true, fe.Seq
		}
		if done && len(page) == 0 {
			break
		}
	}
	all := allEvents(t, s, th.ws.ID)
	for _, e := range all {
		if !seen[e.ID] {
			t.Errorf("event %s (%s) never seen in the feed", e.ID, e.Type)
		}
	}
	if len(seen) != len(all) {
		t.Fatalf("feed showed %d events, the outbox holds %d", len(seen), len(all))
	}
	if other, err := s.ListFeedEvents(ctx, mustWorkspace(t, s).ID, 0, 10); err != nil || len(other) != 0 {
		t.Fatalf("another workspace's feed: %d events, %v", len(other), err)
	}
}
