package identity

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"github.com/parleychat/parley"
)

const (
	// ReasonIdentifierHash is the Reason of the EUNAUTHORIZED returned by
	// Identify when identifier_hash does not match.
	ReasonIdentifierHash = "identifier_hash"
	// MaxIdentifiedConversations bounds the conversations Identify
	// returns: the most recent ones.
	MaxIdentifiedConversations = 20
)

// IdentifyRequest is what a back-end knows of a contact (see Identify).
type IdentifyRequest struct {
	InboxID                        string
	ExternalID, Email, Phone, Name string
	Attributes                     map[string]any
	// IdentifierHash, when set, is the hex HMAC-SHA256 (64 digits, upper
	// or lower case: hex.DecodeString reads both), keyed
	// with the inbox's first identity secret, of the identifier: the
	// external ID if set, else the email (as sent), else the phone.
	IdentifierHash string
}

// IdentifiedConversation is a conversation of the identified contact in
// the inbox, with what a chat UI needs to show and rejoin it.
type IdentifiedConversation struct {
	Conversation *parley.Conversation
	// LastMessage is the newest message the visitor may see (never a
	// note); nil when there is none.
	LastMessage *parley.Message
	// ResumeToken (prlyr_…) joins the conversation from a new visitor
	// session; Resume describes it.
	ResumeToken string
	Resume      *parley.ResumeToken
}

// Identified is the outcome of Identify.
type Identified struct {
	*parley.IdentifyResult
	// Conversations are the contact's most recent conversations in the
	// inbox (at most MaxIdentifiedConversations), newest first.
	Conversations []IdentifiedConversation
}

// Identify creates or updates the contact a trusted back-end (an API token
// holding contacts:write) describes: the contact holding req's external
// ID, email or phone, verified, with req's name and attributes recorded
// (attributes key by key). Contacts holding the other identifiers are
// merged into it (contact.merged each). It returns the contact with its
// conversations in the inbox, each with a new resume token. Returns
// EINVALID per field, ENOTFOUND if the inbox is not in the workspace,
// EUNAUTHORIZED with Reason ReasonIdentifierHash if IdentifierHash is set
// and does not match (compared in constant time).
func (s *Service) Identify(ctx context.Context, actor parley.Actor, workspaceID string, req IdentifyRequest) (*Identified, error) {
	var v parley.Validation
	inboxIDValid(&v, req.InboxID)
	f := contactFields{ExternalID: req.ExternalID, Email: req.Email, Phone: req.Phone, Name: req.Name, Attributes: req.Attributes}
	f.validate(&v, "")
	if !f.hasIdentifier() {
		v.Add("external_id", "an external_id, email or phone is required")
	}
	var mac []byte
	if req.IdentifierHash != "" {
		var err error
		if mac, err = hex.DecodeString(req.IdentifierHash); err != nil || len(mac) != sha256.Size {
			v.Add("identifier_hash", "must be 64 hexadecimal digits (HMAC-SHA256)")
		}
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	inbox, err := s.store.FindInboxByID(ctx, workspaceID, req.InboxID)
	if err != nil {
		return nil, err
	}
	if mac != nil {
		if err := checkIdentifierHash(inbox, f, mac); err != nil {
			return nil, err
		}
	}
	res, err := s.identify(ctx, parley.Identify{
		WorkspaceID: workspaceID, ExternalID: f.ExternalID, Email: f.Email, Phone: f.Phone, Name: f.Name,
		Attributes: f.Attributes, Verified: true, Reason: parley.MergeReasonIdentify, Actor: &actor,
	})
	if err != nil {
		return nil, err
	}
	out := &Identified{IdentifyResult: res, Conversations: []IdentifiedConversation{}}
	convs, err := s.recentConversations(ctx, workspaceID, inbox.ID, res.Contact.ID)
	if err != nil {
		return nil, err
	}
	for _, c := range convs {
		ic := IdentifiedConversation{Conversation: c}
		msgs, err := s.store.ListMessages(ctx, workspaceID, c.ID, parley.MessageQuery{BeforeSeq: c.LastSeq + 1, Limit: 1})
		if err != nil {
			return nil, err
		}
		if len(msgs) == 1 && msgs[0].VisibleToVisitor() {
			ic.LastMessage = msgs[0]
		}
		if ic.ResumeToken, ic.Resume, err = s.IssueResumeToken(ctx, workspaceID, c.ID); err != nil {
			return nil, err
		}
		out.Conversations = append(out.Conversations, ic)
	}
	return out, nil
}

// checkIdentifierHash returns EUNAUTHORIZED unless mac is the HMAC of f's
// first identifier with the inbox's first secret.
func checkIdentifierHash(inbox *parley.Inbox, f contactFields, mac []byte) error {
	if len(inbox.Identity.Secrets) == 0 {
		return &parley.Error{Code: parley.EINVALID, Message: "The input is invalid.", Fields: []parley.FieldError{{
			Field: "identifier_hash", Message: "the inbox has no identity secret to check it with",
		}}}
	}
	id := strings.TrimSpace(f.ExternalID)
	if id == "" {
		id = strings.TrimSpace(f.Email)
	}
	if id == "" {
		id = strings.TrimSpace(f.Phone)
	}
	h := hmac.New(sha256.New, []byte(inbox.Identity.Secrets[0]))
	h.Write([]byte(id))
	if !hmac.Equal(h.Sum(nil), mac) {
		return &parley.Error{Code: parley.EUNAUTHORIZED, Reason: ReasonIdentifierHash,
			Message: "identifier_hash does not match the identifier: compute it with the inbox's first identity secret."}
	}
	return nil
}

// recentConversations returns the contact's newest conversations in the
// inbox, at most MaxIdentifiedConversations, newest first.
func (s *Service) recentConversations(ctx context.Context, workspaceID, inboxID, contactID string) ([]*parley.Conversation, error) {
	var all []*parley.Conversation
	f := parley.ConversationFilter{InboxID: inboxID, ContactID: contactID, ListOptions: parley.ListOptions{Limit: parley.MaxListLimit}}
	for {
		l, err := s.store.ListConversations(ctx, workspaceID, f)
		if err != nil {
			return nil, err
		}
		all = append(all, l.Items...)
		if len(all) > MaxIdentifiedConversations {
			all = all[len(all)-MaxIdentifiedConversations:]
		}
		if l.Next == "" {
			break
		}
		f.After = l.Next
	}
	out := make([]*parley.Conversation, 0, len(all))
	for i := len(all) - 1; i >= 0; i-- {
		out = append(out, all[i])
	}
	return out, nil
}
