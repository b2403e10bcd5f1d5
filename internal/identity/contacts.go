package identity

import (
	"context"

	"github.com/parleychat/parley"
)

// UpdateContact checks upd and applies it (see parley.ContactStore).
// Returns EINVALID per field, ENOTFOUND, or ECONFLICT if a new identifier
// is another contact's (merge the two instead).
func (s *Service) UpdateContact(ctx context.Context, actor parley.Actor, workspaceID, id string, upd parley.ContactUpdate) (*parley.Contact, error) {
	var f contactFields
	for _, p := range []struct {
		dst *string
		src *string
	}{
		{&f.ExternalID, upd.ExternalID}, {&f.Email, upd.Email}, {&f.Phone, upd.Phone}, {&f.Name, upd.Name},
		{&f.AvatarURL, upd.AvatarURL},
	} {
		if p.src != nil {
			*p.dst = *p.src
		}
	}
	if upd.Attributes != nil {
		f.Attributes = *upd.Attributes
	}
	var v parley.Validation
	f.validate(&v, "")
	if err := v.Err(); err != nil {
		return nil, err
	}
	return s.store.UpdateContact(ctx, &actor, workspaceID, id, upd)
}

// ContactExport is everything Parley holds about a contact that the
// contact may see: the contact, the contacts merged into it, and its
// conversations with their messages. Notes are left out: they are the
// agents' private data, not the visitor's. Attachments are listed by
// name, type and size.
type ContactExport struct {
	Contact       *parley.Contact
	Merges        []*parley.ContactMerge
	Conversations []ExportedConversation
}

// ExportedConversation is one conversation of a ContactExport.
type ExportedConversation struct {
	Conversation *parley.Conversation
	Messages     []*parley.Message
}

// Export gathers a contact's data (for a GDPR access request). Returns ENOTFOUND.
func (s *Service) Export(ctx context.Context, workspaceID, contactID string) (*ContactExport, error) {
	c, err := s.store.FindContactByID(ctx, workspaceID, contactID)
	if err != nil {
		return nil, err
	}
	out := &ContactExport{Contact: c, Merges: []*parley.ContactMerge{}, Conversations: []ExportedConversation{}}
	mopt := parley.ListOptions{Limit: parley.MaxListLimit}
	for {
		l, err := s.store.ListContactMerges(ctx, workspaceID, contactID, mopt)
		if err != nil {
			return nil, err
		}
		out.Merges = append(out.Merges, l.Items...)
		if l.Next == "" {
			break
		}
		mopt.After = l.Next
	}
	f := parley.ConversationFilter{ContactID: contactID, ListOptions: parley.ListOptions{Limit: parley.MaxListLimit}}
	for {
		l, err := s.store.ListConversations(ctx, workspaceID, f)
		if err != nil {
			return nil, err
		}
		for _, conv := range l.Items {
			ec := ExportedConversation{Conversation: conv, Messages: []*parley.Message{}}
			q := parley.MessageQuery{Limit: parley.MaxListLimit}
			for {
				msgs, err := s.store.ListMessages(ctx, workspaceID, conv.ID, q)
				if err != nil {
					return nil, err
				}
				for _, m := range msgs {
					if m.VisibleToVisitor() {
						ec.Messages = append(ec.Messages, m)
					}
				}
				if len(msgs) < q.Limit {
					break
				}
				q.AfterSeq = msgs[len(msgs)-1].Seq
			}
			out.Conversations = append(out.Conversations, ec)
		}
		if l.Next == "" {
			break
		}
		f.After = l.Next
	}
	return out, nil
}
