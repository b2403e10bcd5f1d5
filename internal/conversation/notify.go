package conversation

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"github.com/parleychat/parley"
)

// Audience says who may receive a conversation's notifications.
type Audience string

const (
	// AudienceVisitor notifications may reach the conversation's visitor:
	// messages other than notes, lifecycle changes, read positions, typing.
	AudienceVisitor Audience = "visitor"
	// AudienceStaff notifications are for agents only: notes, their edits
	// and deletions, typing in a note.
	AudienceStaff Audience = "staff"
)

// Notification types that exist on the bus only, never in the outbox.
const (
	// NotifyTyping: someone is typing; the payload is a TypingData.
	NotifyTyping parley.EventType = "typing"
	// NotifyRead: a participant marked a conversation read; the payload is
	// a parley.ReadState, with the position in both sequences. A visitor's
	// goes to AudienceVisitor, and so does staff's when it moved the
	// position in the visitor sequence; else it goes to AudienceStaff.
	NotifyRead parley.EventType = "conversation.read"
)

// TypingData is the payload of a typing notification.
type TypingData struct {
	By   parley.Participant `json:"by"`
	Note bool               `json:"note,omitempty"` // typing a note: staff only
}

// Subjects. Every notification is a parley.Event as JSON (bus-only ones
// have no ID). A conversation's notifications go to
// ConversationSubject(…, AudienceVisitor) or (…, AudienceStaff); agents
// subscribe to both, visitors to the first only, so no note ever travels on
// a subject a visitor can hear. conversation.* events also go to the
// workspace's FeedSubject, which agents' consoles follow for new pending
// conversations, assignments and transfers, and to their contact's
// ContactSubject, which the contact's devices follow.

// ConversationSubject returns the subject of a conversation's notifications
// for an audience. The subject of both audiences together is
// ConversationSubject(…, AudienceVisitor) with its last token replaced by
// "*" (see ConversationWildcard).
func (s *Service) ConversationSubject(workspaceID, conversationID string, a Audience) (string, error) {
	if a != AudienceVisitor && a != AudienceStaff {
		return "", errors.New("conversation: unknown audience " + string(a))
	}
	return s.subjectOf(workspaceID, "conversation", conversationID, string(a))
}

// ConversationWildcard returns the subject matching every notification of
// a conversation, for agents.
func (s *Service) ConversationWildcard(workspaceID, conversationID string) (string, error) {
	subj, err := s.subjectOf(workspaceID, "conversation", conversationID)
	if err != nil {
		return "", err
	}
	return subj + ".*", nil
}

// FeedSubject returns the subject of the workspace's conversation.* events.
func (s *Service) FeedSubject(workspaceID string) (string, error) {
	return s.subjectOf(workspaceID, "conversations")
}

// ContactSubject returns the subject of the conversation.* events of one
// contact's conversations: a visitor's devices follow it to learn of the
// conversations started, or changed, on another device.
func (s *Service) ContactSubject(workspaceID, contactID string) (string, error) {
	return s.subjectOf(workspaceID, "contact", contactID, "conversations")
}

// eventContact returns the contact of a conversation.* event's conversation.
func eventContact(ev *parley.Event) string {
	var d struct {
		Conversation struct {
			ContactID string `json:"contact_id"`
		} `json:"conversation"`
	}
	json.Unmarshal(ev.Payload, &d)
	return d.Conversation.ContactID
}

func (s *Service) subjectOf(workspaceID string, parts ...string) (string, error) {
	if s.subject == nil {
		return "", errors.New("conversation: no subject function configured")
	}
	return s.subject(workspaceID, parts...)
}

// subjects returns the subjects n is published on.
func (s *Service) subjects(n notification) ([]string, error) {
	ev := n.event
	subjects := make([]string, 0, 3)
	subj, err := s.ConversationSubject(ev.WorkspaceID, ev.ConversationID, n.audience)
	if err == nil {
		subjects = append(subjects, subj)
		if n.feed {
			subj, err = s.FeedSubject(ev.WorkspaceID)
			subjects = append(subjects, subj)
			if contact := eventContact(ev); contact != "" && err == nil && !n.staffOnly {
				subj, err = s.ContactSubject(ev.WorkspaceID, contact)
				subjects = append(subjects, subj)
			}
		}
	}
	return subjects, err
}

// notification is an event to publish and to whom.
type notification struct {
	event    *parley.Event
	audience Audience
	feed     bool // also on the workspace feed
	// staffOnly keeps a feed notification off the contact's subject.
	staffOnly bool
}

// messageNotification returns the notification of a message event.
func messageNotification(ev *parley.Event, m *parley.Message) notification {
	if m.VisibleToVisitor() {
		return notification{event: ev, audience: AudienceVisitor}
	}
	return notification{event: ev, audience: AudienceStaff}
}

// conversationNotification returns the notification of a conversation.* event.
func conversationNotification(ev *parley.Event) notification {
	return notification{event: ev, audience: AudienceVisitor, feed: true}
}

// appendNotifications returns the notifications of an append's events.
func appendNotifications(r parley.AppendResult) []notification {
	out := make([]notification, 0, len(r.Events))
	for _, ev := range r.Events {
		if ev.Type == parley.EventMessageCreated {
			out = append(out, messageNotification(ev, r.Message))
		} else if ev.Type == parley.EventConversationUnsnoozed {
			out = append(out, notification{event: ev, audience: AudienceStaff, feed: true})
		} else {
			out = append(out, conversationNotification(ev))
		}
	}
	return out
}

// notify hands notifications to the publisher. It drops them once the
// service is closed: notifications are hints.
func (s *Service) notify(ns ...notification) {
	if s.bus == nil || len(ns) == 0 {
		return
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if !s.closed {
		s.published <- ns
	}
}

// PublishEvents publishes conversation.* events that the store wrote in a
// change made outside this service — disabling or deleting an agent puts
// the conversations it held back in the queue (parley.AgentStore's
// UpdateAgentReleasing and DeleteAgentReleasing) — as the service publishes
// its own lifecycle changes: to the conversation, the workspace's feed and
// the contact. Call it after the change committed. Events of other types
// are not published.
func (s *Service) PublishEvents(events ...*parley.Event) {
	ns := make([]notification, 0, len(events))
	for _, ev := range events {
		switch {
		case ev != nil && ev.Type == parley.EventMessageCreated && ev.ConversationID != "":
			// A line the system wrote (auto-resolve's): to whom its
			// message may be shown.
			var d parley.MessageEventData
			if json.Unmarshal(ev.Payload, &d) == nil && d.Message != nil {
				ns = append(ns, messageNotification(ev, d.Message))
			}
		case ev == nil || !strings.HasPrefix(string(ev.Type), "conversation.") || ev.ConversationID == "":
		case parley.StaffOnlyEvent(ev.Type):
			// Offers: for staff, on the conversation and the feed, never
			// on the contact's subject.
			ns = append(ns, notification{event: ev, audience: AudienceStaff, feed: true, staffOnly: true})
		default:
			ns = append(ns, conversationNotification(ev))
		}
	}
	s.notify(ns...)
}

// ephemeral returns a bus-only notification.
func (s *Service) ephemeral(workspaceID, conversationID string, typ parley.EventType, data any, a Audience) (notification, error) {
	payload, err := json.Marshal(data)
	if err != nil {
		return notification{}, err
	}
	return notification{audience: a, event: &parley.Event{
		WorkspaceID: workspaceID, Type: typ, ConversationID: conversationID, Payload: payload,
		CreatedAt: s.now().UTC().Truncate(time.Microsecond),
	}}, nil
}

// publish sends notifications in the order they were handed over, until
// Close. A failed publish is logged and dropped: subscribers catch up from
// the store.
func (s *Service) publish() {
	defer close(s.flushed)
	for ns := range s.published {
		if s.bus == nil {
			continue
		}
		for _, n := range ns {
			s.publishOne(n)
		}
	}
}

func (s *Service) publishOne(n notification) {
	ev := n.event
	data, err := json.Marshal(ev)
	if err != nil {
		s.logger.Error("conversation: encode notification", "type", ev.Type, "err", err)
		return
	}
	subjects, err := s.subjects(n)
	if err != nil {
		s.logger.Error("conversation: notification subject", "type", ev.Type, "err", err)
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for _, subj := range subjects {
		if err := s.bus.Publish(ctx, subj, data); err != nil {
			s.logger.Warn("conversation: publish notification", "subject", subj, "type", ev.Type, "err", err)
		}
	}
}
