package parley

import "context"

// EventConversationHandedOff: a bot (or anyone holding the conversation)
// handed it off to people: it is pending again, in the queue named, with
// no assignee. The payload is a ConversationEventData with Handoff set.
const EventConversationHandedOff EventType = "conversation.handed_off"

// Limits of a hand-off.
const (
	MaxHandoffReasonLength  = 200
	MaxHandoffSummaryLength = 4000
)

// HandoffLine is the system line the visitor sees when a conversation is
// handed off.
const HandoffLine = "Connecting you to a person…"

// Handoff is why and to whom a conversation is handed off: the queue whose
// agents take it next, the reason (short, such as "asked for a person")
// and a summary of what happened so far, which agents see first.
type Handoff struct {
	QueueID string `json:"queue_id"`
	Reason  string `json:"reason,omitempty"`
	Summary string `json:"summary,omitempty"`
	// Automatic is true when Parley handed off for a bot that did not
	// answer in time.
	Automatic bool `json:"automatic,omitempty"`
	// From, when set, hands off only a conversation this agent holds
	// (else ECONFLICT): an automatic hand-off of a bot's conversation.
	From string `json:"-"`
}

// Validate records the problems of h.
func (h *Handoff) Validate(v *Validation) {
	if h.QueueID == "" {
		v.Add("queue_id", "must name a queue (or give team_id)")
	}
	v.BoundedText("reason", h.Reason, MaxHandoffReasonLength)
	v.BoundedText("summary", h.Summary, MaxHandoffSummaryLength)
}

// HandoffStore persists hand-offs.
type HandoffStore interface {
	// HandOffConversation puts a pending or assigned conversation in
	// h.QueueID, pending with no assignee, and writes its
	// conversation.handed_off event, in one transaction. Returns ENOTFOUND
	// (conversation or queue), or ECONFLICT if it is open (the visitor
	// has not written yet) or resolved.
	HandOffConversation(ctx context.Context, workspaceID, id string, h Handoff, by Participant) (*Conversation, *Event, error)
}
