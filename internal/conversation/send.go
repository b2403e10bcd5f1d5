package conversation

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parleychat/parley"
)

// SendInput is a message to send.
type SendInput struct {
	ConversationID string
	Kind           parley.MessageKind // "" means text
	// ClientID is the sender's idempotency key (at most 64 bytes): sending
	// again with the same key returns the first message. Clients should
	// always set one, so that a retry after a lost answer is harmless.
	ClientID string
	Body     string
	// AttachmentIDs name files uploaded to the conversation with
	// PutAttachment; required for an attachment message, forbidden otherwise.
	AttachmentIDs []string
	// DisplayName overrides the sender's name; for bots and API tokens
	// (apps proxying an external agent) only.
	DisplayName string
	// AvatarURL is the picture of the external agent an app sends as, with
	// DisplayName; for apps only. The server copies it (Config.Avatars)
	// and the message carries the copy's path on this server.
	AvatarURL string
	// ExternalID is the ID of that external agent in the app's system
	// (opaque text of at most parley.MaxIdentifierLength bytes, no control
	// characters), with DisplayName; for apps only. Staff are shown it,
	// visitors never.
	ExternalID string
}

// SendResult is the outcome of Send.
type SendResult struct {
	Message *parley.Message
	// Duplicate is true when the ClientID was used before: Message is the
	// first message sent with it, and nothing new was stored.
	Duplicate bool
	// Conversation is the conversation after the send. Its ID differs from
	// the input's when a visitor wrote in a resolved conversation whose
	// inbox starts a new one (parley.ResolvedNew).
	Conversation *parley.Conversation
}

// Send stores a message and returns once it is durable. Who may send what:
// a visitor sends text and attachments in its own conversations; an agent
// also notes; an API token text, attachments and system lines (event), but
// no notes; the system anything. A display name is for bots, API tokens and
// apps; an avatar URL and an external ID (with a display name: an external
// agent the app speaks for) for apps only. Returns EINVALID for a bad input,
// EFORBIDDEN for a kind or display name the caller may not use, ENOTFOUND
// if the conversation is not the caller's to write in, EUNAVAILABLE once
// the service is closing, and any error of parley.MessageStore.AppendMessage.
//
// If ctx ends first, Send returns its error but the message may still be
// stored: a retry with the same ClientID finds it.
func (s *Service) Send(ctx context.Context, c Caller, in SendInput) (*SendResult, error) {
	msg, err := c.messageInput(in)
	if err != nil {
		return nil, err
	}
	if msg.Sender.AvatarURL != "" {
		if s.avatars == nil {
			return nil, parley.Errorf(parley.EUNAVAILABLE, "This server does not copy external agents' pictures.")
		}
		if msg.Sender.AvatarURL, err = s.avatars.Copy(ctx, msg.WorkspaceID, msg.Sender.AvatarURL); err != nil {
			return nil, err
		}
	}
	if p := c.principal; p != nil && p.AppID != "" && p.MessagesPerSecond > 0 {
		if err := s.appRates.take(p.AppID, p.MessagesPerSecond, s.now()); err != nil {
			return nil, err
		}
	}
	r, err := s.append(ctx, msg)
	if parley.ErrorCode(err) == parley.ECONFLICT && c.isVisitor() {
		// The conversation is resolved and its inbox starts a new one.
		next, err := s.followUp(ctx, c, in.ConversationID)
		if err != nil {
			return nil, err
		}
		msg.ConversationID = next.ID
		r, err = s.append(ctx, msg)
		if err != nil {
			return nil, err
		}
	} else if err != nil {
		return nil, err
	}
	return &SendResult{Message: c.showMessage(r.Message), Duplicate: r.Duplicate, Conversation: c.showConversation(r.Conversation)}, nil
}

// messageInput checks in against the caller's rights and the limits and
// returns what to append.
func (c Caller) messageInput(in SendInput) (parley.MessageInput, error) {
	if in.Kind == "" {
		in.Kind = parley.KindText
	}
	if err := c.need(parley.ScopeConversationsWrite); err != nil {
		return parley.MessageInput{}, err
	}
	if err := c.mayUse(in.Kind, in.DisplayName); err != nil {
		return parley.MessageInput{}, err
	}
	if in.AvatarURL != "" && !c.system && c.appID() == "" {
		return parley.MessageInput{}, errForbidden("Only apps may set an avatar URL.")
	}
	if in.ExternalID != "" && !c.system && c.appID() == "" {
		return parley.MessageInput{}, errForbidden("Only apps may set an external ID.")
	}
	v := parley.Validation{}
	if in.ConversationID == "" {
		v.Add("conversation_id", "must not be empty")
	}
	checkBody(&v, in.Kind, in.Body)
	checkOpaque(&v, "client_id", in.ClientID, parley.MaxClientIDLength)
	switch {
	case in.Kind == parley.KindAttachment && len(in.AttachmentIDs) == 0:
		v.Add("attachment_ids", "must name at least one attachment")
	case in.Kind != parley.KindAttachment && len(in.AttachmentIDs) > 0:
		v.Add("attachment_ids", "must be empty unless the kind is attachment")
	case len(in.AttachmentIDs) > parley.MaxAttachmentsPerMessage:
		v.Add("attachment_ids", "must name at most %d attachments", parley.MaxAttachmentsPerMessage)
	}
	for i, id := range in.AttachmentIDs {
		if id == "" {
			v.Add("attachment_ids["+strconv.Itoa(i)+"]", "must not be empty")
		}
	}
	if len(in.DisplayName) > parley.MaxNameLength || !parley.ValidText(in.DisplayName) {
		v.Add("display_name", "must be valid text of at most %d bytes", parley.MaxNameLength)
	}
	checkAvatarSource(&v, in.AvatarURL)
	checkOpaque(&v, "external_id", in.ExternalID, parley.MaxIdentifierLength)
	if strings.TrimSpace(in.DisplayName) == "" {
		switch {
		case in.AvatarURL != "":
			v.Add("display_name", "must be set with avatar_url")
		case in.ExternalID != "":
			v.Add("display_name", "must be set with external_id")
		}
	}
	if err := v.Err(); err != nil {
		return parley.MessageInput{}, err
	}
	p := c.Participant()
	sender := parley.Sender{Type: p.Type, ID: p.ID, DisplayName: strings.TrimSpace(in.DisplayName), AvatarURL: in.AvatarURL,
		ExternalID: in.ExternalID}
	return parley.MessageInput{
		WorkspaceID: c.workspaceID, ConversationID: in.ConversationID, Kind: in.Kind,
		Sender:   sender,
		ClientID: in.ClientID, Body: in.Body, AttachmentIDs: in.AttachmentIDs, AppID: c.appID(),
	}, nil
}

// mayUse returns EFORBIDDEN unless the caller may send kind with a display
// name override (if any).
func (c Caller) mayUse(kind parley.MessageKind, displayName string) error {
	if !kind.Valid() {
		return parley.Errorf(parley.EINVALID, "Unknown message kind %q.", kind)
	}
	switch {
	case c.system:
		return nil
	case c.isVisitor():
		if kind != parley.KindText && kind != parley.KindAttachment {
			return errForbidden("Visitors may send only text and attachments.")
		}
	case c.isAgent():
		if kind == parley.KindEvent {
			return errForbidden("Only the system and apps may send system messages.")
		}
		if displayName != "" && !c.bot {
			return errForbidden("Only bots and apps may set a display name.")
		}
	case c.isToken():
		if kind == parley.KindNote {
			return errForbidden("Only agents may write notes.")
		}
	default:
		return errForbidden("No valid caller.")
	}
	if c.isVisitor() && displayName != "" {
		return errForbidden("Only bots and apps may set a display name.")
	}
	return nil
}

// checkBody records problems with a message body of kind.
func checkBody(v *parley.Validation, kind parley.MessageKind, body string) {
	switch {
	case len(body) > parley.MaxMessageBodySize:
		v.Add("body", "must be at most %d bytes", parley.MaxMessageBodySize)
	case !parley.ValidText(body):
		v.Text("body", body)
	case kind != parley.KindAttachment && strings.TrimSpace(body) == "":
		v.Add("body", "must not be empty")
	}
}

// checkOpaque records a problem with an opaque key of the caller's (a
// client ID, an external agent's ID) unless it is at most limit bytes of
// text without control characters.
func checkOpaque(v *parley.Validation, field, s string, limit int) {
	switch {
	case len(s) > limit:
		v.Add(field, "must be at most %d bytes", limit)
	case !utf8.ValidString(s) || strings.IndexFunc(s, unicode.IsControl) >= 0:
		v.Add(field, "must be printable text")
	}
}

// followUp returns where a visitor's message goes when conversationID is
// resolved and its inbox starts a new conversation: the contact's newest
// unresolved conversation in that inbox (so that a retry of the same
// message lands in the same place), or a new one.
func (s *Service) followUp(ctx context.Context, c Caller, conversationID string) (*parley.Conversation, error) {
	old, err := s.store.FindConversation(ctx, c.workspaceID, conversationID)
	if err != nil {
		return nil, err
	}
	if err := c.canWrite(old); err != nil {
		return nil, err
	}
	f := parley.ConversationFilter{
		Status:    []parley.ConversationStatus{parley.StatusOpen, parley.StatusPending, parley.StatusAssigned},
		InboxID:   old.InboxID,
		ContactID: old.ContactID,
	}
	f.Limit = parley.MaxListLimit
	var newest *parley.Conversation
	for {
		l, err := s.store.ListConversations(ctx, c.workspaceID, f)
		if err != nil {
			return nil, err
		}
		if n := len(l.Items); n > 0 {
			newest = l.Items[n-1]
		}
		if l.Next == "" {
			break
		}
		f.After = l.Next
	}
	if newest != nil {
		return newest, nil
	}
	return s.create(ctx, c, &parley.Conversation{
		WorkspaceID: c.workspaceID, InboxID: old.InboxID, ContactID: old.ContactID, Priority: old.Priority,
	})
}

// sendRequest is one Send waiting for the writer.
type sendRequest struct {
	in   parley.MessageInput
	done chan sendReply // buffered: the writer never waits for the caller
}

type sendReply struct {
	res parley.AppendResult
	err error
}

// append hands in to the writer and waits for its result.
func (s *Service) append(ctx context.Context, in parley.MessageInput) (parley.AppendResult, error) {
	req := &sendRequest{in: in, done: make(chan sendReply, 1)}
	if err := s.enqueue(ctx, req); err != nil {
		return parley.AppendResult{}, err
	}
	select {
	case r := <-req.done:
		return r.res, r.err
	case <-ctx.Done():
		return parley.AppendResult{}, fmt.Errorf("send message: %w", ctx.Err())
	}
}

func (s *Service) enqueue(ctx context.Context, req *sendRequest) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return errClosed()
	}
	select {
	case s.queue <- req:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("send message: %w", ctx.Err())
	}
}

// write is the single writer. It commits in groups: it takes the first
// queued send and, without waiting, every send queued behind it (up to the
// batch size), and commits them in one transaction, hands the events to
// the publisher and answers each caller. While a batch commits, the next
// one gathers in the queue. So an idle writer commits a lone send at once,
// and under load the batches grow with the time a commit takes — latency
// stays near one commit at low load, throughput rises with the load. A
// BatchWindow, if set, adds a wait for more sends after the first.
func (s *Service) write() {
	defer close(s.written)
	var timer *time.Timer
	if s.batchWindow > 0 {
		timer = time.NewTimer(time.Hour)
		timer.Stop()
	}
	batch := make([]*sendRequest, 0, s.batchSize)
	for {
		req, ok := <-s.queue
		if !ok {
			return
		}
		batch = append(batch[:0], req)
		open := s.drain(&batch)
		if open && timer != nil && len(batch) < s.batchSize {
			timer.Reset(s.batchWindow)
		gather:
			for len(batch) < s.batchSize {
				select {
				case req, ok := <-s.queue:
					if !ok {
						break gather
					}
					batch = append(batch, req)
				case <-timer.C:
					break gather
				}
			}
			timer.Stop()
		}
		s.commit(batch)
	}
}

// drain adds the sends already queued to batch, up to the batch size, and
// reports whether the queue is still open.
func (s *Service) drain(batch *[]*sendRequest) bool {
	for len(*batch) < s.batchSize {
		select {
		case req, ok := <-s.queue:
			if !ok {
				return false
			}
			*batch = append(*batch, req)
		default:
			return true
		}
	}
	return true
}

// commit appends a batch and answers its callers.
func (s *Service) commit(batch []*sendRequest) {
	ins := make([]parley.MessageInput, len(batch))
	for i, req := range batch {
		ins[i] = req.in
	}
	ctx, cancel := context.WithTimeout(context.Background(), commitTimeout)
	defer cancel()
	results, err := s.store.AppendMessages(ctx, ins)
	if err != nil {
		s.logger.Error("conversation: commit messages", "messages", len(batch), "err", err)
		for _, req := range batch {
			req.done <- sendReply{err: err}
		}
		return
	}
	// Notifications are handed over before the callers learn their
	// result, so that whatever a caller does next is published after them.
	var ns []notification
	for _, r := range results {
		if r.Err == nil {
			ns = append(ns, appendNotifications(r)...)
		}
	}
	if s.bus != nil && len(ns) > 0 {
		s.published <- ns // the publisher outlives the writer (see Close)
	}
	for i, req := range batch {
		req.done <- sendReply{res: results[i], err: results[i].Err}
	}
}

// checkAvatarSource checks the syntax of the picture URL an app names: an
// http(s) URL with a host, at most parley.MaxAvatarURLLength bytes,
// without credentials, spaces or control characters. The copier then
// applies the outbound rules (https unless allow-listed, no internal
// address).
func checkAvatarSource(v *parley.Validation, s string) {
	if s == "" {
		return
	}
	u, err := url.Parse(s)
	if len(s) > parley.MaxAvatarURLLength || err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" ||
		u.User != nil || strings.IndexFunc(s, func(r rune) bool { return r <= ' ' || r == 0x7f }) >= 0 || !utf8.ValidString(s) {
		v.Add("avatar_url", "must be an https URL of at most %d bytes", parley.MaxAvatarURLLength)
	}
}
