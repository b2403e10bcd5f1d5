package storetest

import (
	"testing"

	"github.com/parleychat/parley"
)

func labelNames(labels []*parley.Label) []string {
	names := make([]string, 0, len(labels))
	for _, l := range labels {
		names = append(names, l.Name)
	}
	return names
}

func mustLabel(t *testing.T, s parley.Store, workspaceID, name string) *parley.Label {
	t.Helper()
	l := &parley.Label{WorkspaceID: workspaceID, Name: name, Color: "#ff0000"}
	must(t, s.CreateLabel(t.Context(), actor, l))
	return l
}

// newConversation creates a contact and an open conversation with it in a
// new inbox of w.
func newConversation(t *testing.T, s parley.Store, w *parley.Workspace) *parley.Conversation {
	t.Helper()
	return mustThreadIn(t, s, w, mustInbox(t, s, w.ID)).conv
}

func testLabels(t *testing.T, open func(t *testing.T) parley.Store) {
	t.Run("CRUD", func(t *testing.T) {
		s := open(t)
		ctx := t.Context()
		w := mustWorkspace(t, s)
		vip := mustLabel(t, s, w.ID, "VIP")
		wantAudit(t, s, w.ID, "label.create", "label", vip.ID)
		billing := mustLabel(t, s, w.ID, "billing")
		err := s.CreateLabel(ctx, actor, &parley.Label{WorkspaceID: w.ID, Name: "vip", Color: "#000000"})
		wantCode(t, err, parley.ECONFLICT)
		wantCode(t, s.CreateLabel(ctx, actor, &parley.Label{WorkspaceID: "nope", Name: "x", Color: "#000000"}), parley.ENOTFOUND)

		got, err := s.FindLabel(ctx, w.ID, vip.ID)
		must(t, err)
		diff(t, vip, got)
		all, err := s.ListLabels(ctx, w.ID)
		must(t, err)
		diff(t, []string{"billing", "VIP"}, labelNames(all))

		upd, err := s.UpdateLabel(ctx, actor, w.ID, billing.ID, parley.LabelUpdate{Name: ptr("Billing"), Color: ptr("#00ff00")})
		must(t, err)
		if upd.Name != "Billing" || upd.Color != "#00ff00" || upd.Description != "" {
			t.Errorf("updated = %+v", upd)
		}
		wantAudit(t, s, w.ID, "label.update", "label", billing.ID)
		_, err = s.UpdateLabel(ctx, actor, w.ID, billing.ID, parley.LabelUpdate{Name: ptr("vIp")})
		wantCode(t, err, parley.ECONFLICT)
		_, err = s.UpdateLabel(ctx, actor, w.ID, "nope", parley.LabelUpdate{Name: ptr("x")})
		wantCode(t, err, parley.ENOTFOUND)

		must(t, s.DeleteLabel(ctx, actor, w.ID, vip.ID))
		wantAudit(t, s, w.ID, "label.delete", "label", vip.ID)
		_, err = s.FindLabel(ctx, w.ID, vip.ID)
		wantCode(t, err, parley.ENOTFOUND)
		wantCode(t, s.DeleteLabel(ctx, actor, w.ID, vip.ID), parley.ENOTFOUND)
	})

	t.Run("OnConversationsAndContacts", func(t *testing.T) {
		s := open(t)
		ctx := t.Context()
		w := mustWorkspace(t, s)
		conv := newConversation(t, s, w)
		vip, billing := mustLabel(t, s, w.ID, "vip"), mustLabel(t, s, w.ID, "billing")

		for _, target := range []struct {
			kind parley.LabelTarget
			id   string
		}{{parley.LabelConversation, conv.ID}, {parley.LabelContact, conv.ContactID}} {
			must(t, s.AddLabel(ctx, actor, w.ID, target.kind, target.id, vip.ID))
			wantAudit(t, s, w.ID, "label.add", string(target.kind), target.id)
			unchanged := auditUnchanged(t, s, w.ID)
			must(t, s.AddLabel(ctx, actor, w.ID, target.kind, target.id, vip.ID)) // already there
			unchanged()
			must(t, s.AddLabel(ctx, actor, w.ID, target.kind, target.id, billing.ID))
			got, err := s.TargetLabels(ctx, w.ID, target.kind, target.id)
			must(t, err)
			diff(t, []string{"billing", "vip"}, labelNames(got))

			must(t, s.RemoveLabel(ctx, actor, w.ID, target.kind, target.id, billing.ID))
			wantAudit(t, s, w.ID, "label.remove", string(target.kind), target.id)
			unchanged = auditUnchanged(t, s, w.ID)
			must(t, s.RemoveLabel(ctx, actor, w.ID, target.kind, target.id, billing.ID)) // not there
			unchanged()
			got, err = s.TargetLabels(ctx, w.ID, target.kind, target.id)
			must(t, err)
			diff(t, []string{"vip"}, labelNames(got))

			wantCode(t, s.AddLabel(ctx, actor, w.ID, target.kind, target.id, "nope"), parley.ENOTFOUND)
			wantCode(t, s.AddLabel(ctx, actor, w.ID, target.kind, "nope", vip.ID), parley.ENOTFOUND)
			_, err = s.TargetLabels(ctx, w.ID, target.kind, "nope")
			wantCode(t, err, parley.ENOTFOUND)
		}
		wantCode(t, s.AddLabel(ctx, actor, w.ID, "message", conv.ID, vip.ID), parley.EINVALID)

		// A merge keeps the merged contact's labels.
		guest := mustContact(t, s, w.ID)
		must(t, s.AddLabel(ctx, actor, w.ID, parley.LabelContact, guest.ID, billing.ID))
		_, _, err := s.MergeContacts(ctx, &actor, w.ID, conv.ContactID, guest.ID, parley.MergeReasonAPI)
		must(t, err)
		got, err := s.TargetLabels(ctx, w.ID, parley.LabelContact, conv.ContactID)
		must(t, err)
		diff(t, []string{"billing", "vip"}, labelNames(got))

		// Filtering conversations by label.
		other := newConversation(t, s, w)
		l, err := s.ListConversations(ctx, w.ID, parley.ConversationFilter{LabelID: vip.ID})
		must(t, err)
		if len(l.Items) != 1 || l.Items[0].ID != conv.ID {
			t.Errorf("conversations labelled vip = %v, want only %s (not %s)", l.Items, conv.ID, other.ID)
		}

		// Deleting a label takes it off everything.
		must(t, s.DeleteLabel(ctx, actor, w.ID, vip.ID))
		got, err = s.TargetLabels(ctx, w.ID, parley.LabelConversation, conv.ID)
		must(t, err)
		diff(t, []string{}, labelNames(got))
	})

	t.Run("Limit", func(t *testing.T) {
		s := open(t)
		w := mustWorkspace(t, s)
		conv := newConversation(t, s, w)
		for range parley.MaxLabelsPerTarget {
			must(t, s.AddLabel(t.Context(), actor, w.ID, parley.LabelConversation, conv.ID, mustLabel(t, s, w.ID, unique()).ID))
		}
		err := s.AddLabel(t.Context(), actor, w.ID, parley.LabelConversation, conv.ID, mustLabel(t, s, w.ID, unique()).ID)
		wantCode(t, err, parley.EINVALID)
	})

	t.Run("TenantIsolation", func(t *testing.T) {
		s := open(t)
		ctx := t.Context()
		w1, w2 := mustWorkspace(t, s), mustWorkspace(t, s)
		l1 := mustLabel(t, s, w1.ID, "vip")
		mustLabel(t, s, w2.ID, "vip") // the same name in another workspace is fine
		conv2 := newConversation(t, s, w2)
		_, err := s.FindLabel(ctx, w2.ID, l1.ID)
		wantCode(t, err, parley.ENOTFOUND)
		_, err = s.UpdateLabel(ctx, actor, w2.ID, l1.ID, parley.LabelUpdate{Name: ptr("x")})
		wantCode(t, err, parley.ENOTFOUND)
		wantCode(t, s.DeleteLabel(ctx, actor, w2.ID, l1.ID), parley.ENOTFOUND)
		// w1's label on w2's conversation, by either workspace.
		wantCode(t, s.AddLabel(ctx, actor, w2.ID, parley.LabelConversation, conv2.ID, l1.ID), parley.ENOTFOUND)
		wantCode(t, s.AddLabel(ctx, actor, w1.ID, parley.LabelConversation, conv2.ID, l1.ID), parley.ENOTFOUND)
		wantCode(t, s.AddLabel(ctx, actor, w1.ID, parley.LabelContact, conv2.ContactID, l1.ID), parley.ENOTFOUND)
		_, err = s.TargetLabels(ctx, w1.ID, parley.LabelConversation, conv2.ID)
		wantCode(t, err, parley.ENOTFOUND)
		all, err := s.ListLabels(ctx, w1.ID)
		must(t, err)
		if len(all) != 1 || all[0].ID != l1.ID {
			t.Errorf("w1's labels = %v", labelNames(all))
		}
	})
}
