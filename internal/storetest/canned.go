package storetest

import (
	"testing"

	"github.com/parleychat/parley"
)

func shortcuts(items []*parley.CannedResponse) []string {
	out := make([]string, 0, len(items))
	for _, c := range items {
		out = append(out, c.Shortcut)
	}
	return out
}

func mustCanned(t *testing.T, s parley.Store, workspaceID, ownerID, shortcut, body string) *parley.CannedResponse {
	t.Helper()
	c := &parley.CannedResponse{WorkspaceID: workspaceID, OwnerID: ownerID, Shortcut: shortcut, Title: shortcut, Body: body}
	must(t, s.CreateCannedResponse(t.Context(), actor, c))
	return c
}

func testCannedResponses(t *testing.T, open func(t *testing.T) parley.Store) {
	t.Run("SharedAndPersonal", func(t *testing.T) {
		s := open(t)
		ctx := t.Context()
		w := mustWorkspace(t, s)
		ann, bob := mustAgent(t, s, w.ID), mustAgent(t, s, w.ID)
		hello := mustCanned(t, s, w.ID, "", "hello", "Hello {{contact.name}}!")
		wantAudit(t, s, w.ID, "canned_response.create", "canned_response", hello.ID)
		mine := mustCanned(t, s, w.ID, ann.ID, "bye", "Bye from Ann")
		mustCanned(t, s, w.ID, bob.ID, "bye", "Bye from Bob") // personal shortcuts may repeat across agents

		// A shortcut is unique among what one agent sees.
		for _, c := range []*parley.CannedResponse{
			{WorkspaceID: w.ID, OwnerID: ann.ID, Shortcut: "hello", Title: "x", Body: "x"}, // hides a shared one
			{WorkspaceID: w.ID, Shortcut: "hello", Title: "x", Body: "x"},                  // a second shared one
			{WorkspaceID: w.ID, Shortcut: "bye", Title: "x", Body: "x"},                    // would hide Ann's
		} {
			wantCode(t, s.CreateCannedResponse(ctx, actor, c), parley.ECONFLICT)
		}
		wantCode(t, s.CreateCannedResponse(ctx, actor, &parley.CannedResponse{WorkspaceID: w.ID, OwnerID: "nope", Shortcut: "x", Title: "x", Body: "x"}), parley.ENOTFOUND)
		wantCode(t, s.CreateCannedResponse(ctx, actor, &parley.CannedResponse{WorkspaceID: "nope", Shortcut: "x", Title: "x", Body: "x"}), parley.ENOTFOUND)

		list := func(f parley.CannedFilter) []string {
			t.Helper()
			items, err := s.ListCannedResponses(ctx, w.ID, f)
			must(t, err)
			return shortcuts(items)
		}
		diff(t, []string{"bye", "hello"}, list(parley.CannedFilter{AgentID: ann.ID}))
		diff(t, []string{"hello"}, list(parley.CannedFilter{}))
		diff(t, []string{"bye"}, list(parley.CannedFilter{AgentID: ann.ID, Query: "ANN"}))
		diff(t, []string{"hello"}, list(parley.CannedFilter{AgentID: ann.ID, Query: "{{contact"}))
		diff(t, []string{}, list(parley.CannedFilter{AgentID: ann.ID, Query: "%"}))

		got, err := s.FindCannedResponse(ctx, w.ID, ann.ID, mine.ID)
		must(t, err)
		diff(t, mine, got)
		_, err = s.FindCannedResponse(ctx, w.ID, bob.ID, mine.ID) // another agent's
		wantCode(t, err, parley.ENOTFOUND)
		_, err = s.FindCannedResponse(ctx, w.ID, "", mine.ID) // an API token's view
		wantCode(t, err, parley.ENOTFOUND)
		_, err = s.FindCannedResponse(ctx, w.ID, bob.ID, hello.ID)
		must(t, err)

		upd, err := s.UpdateCannedResponse(ctx, actor, w.ID, ann.ID, mine.ID, parley.CannedUpdate{Shortcut: ptr("ciao"), Body: ptr("Ciao")})
		must(t, err)
		if upd.Shortcut != "ciao" || upd.Body != "Ciao" || upd.Title != "bye" {
			t.Errorf("updated = %+v", upd)
		}
		wantAudit(t, s, w.ID, "canned_response.update", "canned_response", mine.ID)
		_, err = s.UpdateCannedResponse(ctx, actor, w.ID, ann.ID, mine.ID, parley.CannedUpdate{Shortcut: ptr("hello")})
		wantCode(t, err, parley.ECONFLICT)
		_, err = s.UpdateCannedResponse(ctx, actor, w.ID, bob.ID, mine.ID, parley.CannedUpdate{Body: ptr("mine now")})
		wantCode(t, err, parley.ENOTFOUND)

		wantCode(t, s.DeleteCannedResponse(ctx, actor, w.ID, bob.ID, mine.ID), parley.ENOTFOUND)
		must(t, s.DeleteCannedResponse(ctx, actor, w.ID, ann.ID, mine.ID))
		wantAudit(t, s, w.ID, "canned_response.delete", "canned_response", mine.ID)
		diff(t, []string{"hello"}, list(parley.CannedFilter{AgentID: ann.ID}))
	})

	t.Run("TenantIsolation", func(t *testing.T) {
		s := open(t)
		ctx := t.Context()
		w1, w2 := mustWorkspace(t, s), mustWorkspace(t, s)
		a2 := mustAgent(t, s, w2.ID)
		c1 := mustCanned(t, s, w1.ID, "", "hello", "Hello")
		mustCanned(t, s, w2.ID, "", "hello", "Hello") // the same shortcut in another workspace
		_, err := s.FindCannedResponse(ctx, w2.ID, a2.ID, c1.ID)
		wantCode(t, err, parley.ENOTFOUND)
		_, err = s.UpdateCannedResponse(ctx, actor, w2.ID, a2.ID, c1.ID, parley.CannedUpdate{Body: ptr("x")})
		wantCode(t, err, parley.ENOTFOUND)
		wantCode(t, s.DeleteCannedResponse(ctx, actor, w2.ID, a2.ID, c1.ID), parley.ENOTFOUND)
		// An agent of w2 cannot own a response of w1.
		err = s.CreateCannedResponse(ctx, actor, &parley.CannedResponse{WorkspaceID: w1.ID, OwnerID: a2.ID, Shortcut: "x", Title: "x", Body: "x"})
		wantCode(t, err, parley.ENOTFOUND)
		items, err := s.ListCannedResponses(ctx, w2.ID, parley.CannedFilter{AgentID: a2.ID})
		must(t, err)
		if len(items) != 1 || items[0].WorkspaceID != w2.ID {
			t.Errorf("w2's responses = %+v", items)
		}
	})
}
