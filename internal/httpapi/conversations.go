package httpapi

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/conversation"
)

func (s *server) conversationRoutes() {
	tags := []string{"Conversations"}
	register(s, huma.Operation{
		OperationID: "list-conversations", Method: http.MethodGet, Path: "/api/v1/conversations", Tags: tags,
		Summary: "List conversations",
		Description: "Lists conversations a page at a time, filtered by any of `status` (repeatable, or " +
			"comma-separated: `?status=pending&status=assigned`), `assignee_id` or `unassigned`, `inbox_id`, `contact_id`, " +
			"`label_id`, `unread`, `waiting_longer_than`, `snoozed` and `priority`, in the order `sort` names (by ID when absent). Pages follow " +
			"`next_cursor`; a cursor resumes after the last conversation of its page, so a conversation that changes " +
			"between pages is neither repeated nor skipped unless it moved in the order. " +
			"A visitor sees only its own conversations in its session's inbox, whatever the filters say.",
	}, participant(parley.ScopeConversationsRead), s.listConversations)
	register(s, huma.Operation{
		OperationID: "create-conversation", Method: http.MethodPost, Path: "/api/v1/conversations", Tags: tags,
		Summary: "Start a conversation", DefaultStatus: http.StatusCreated,
		Description: "Starts an `open` conversation: agents see it once the visitor writes (it is then `pending`). " +
			"A visitor sends `{}` and gets a conversation with itself in its session's inbox; " +
			"staff name `inbox_id` and `contact_id`.",
	}, participant(parley.ScopeConversationsWrite), s.createConversation)
	register(s, huma.Operation{
		OperationID: "get-conversation", Method: http.MethodGet, Path: "/api/v1/conversations/{id}", Tags: tags,
		Summary: "Get a conversation",
	}, participant(parley.ScopeConversationsRead), s.getConversation)
	register(s, huma.Operation{
		OperationID: "resolve-conversation", Method: http.MethodPost, Path: "/api/v1/conversations/{id}/resolve", Tags: tags,
		Summary: "Resolve a conversation",
		Description: "Resolves an open, pending or assigned conversation (409 if it is already resolved), keeping its assignee. " +
			"A visitor may resolve its own conversation (ending the chat).",
	}, participant(parley.ScopeConversationsWrite), s.resolveConversation)
	register(s, huma.Operation{
		OperationID: "mark-read", Method: http.MethodPost, Path: "/api/v1/conversations/{id}/read", Tags: tags,
		Summary: "Mark a conversation read",
		Description: "Records that the caller has read the conversation up to `seq` (clamped to its last message) and " +
			"returns the caller's position, which never goes backwards. Both are in the caller's own sequence: a visitor's " +
			"is the visitor sequence. For visitors, agents and bots; an API token has no read position (403).",
	}, participant(parley.ScopeConversationsRead), s.markRead)
	register(s, huma.Operation{
		OperationID: "list-read-states", Method: http.MethodGet, Path: "/api/v1/conversations/{id}/read-states", Tags: tags,
		Summary: "Read positions",
		Description: "Returns how far each participant (the contact, agents, bots) has read the conversation, in both " +
			"sequences; a visitor's `last_read_seq` is in the visitor sequence (an agent who read up to a note stands at " +
			"the visible message before it).",
	}, participant(parley.ScopeConversationsRead), s.readStates)
	register(s, huma.Operation{
		OperationID: "get-unread-count", Method: http.MethodGet, Path: "/api/v1/conversations/{id}/unread", Tags: tags,
		Summary: "Unread count",
		Description: "Returns how many text and attachment messages (and, for agents, notes) after the caller's read position " +
			"the caller has not read, not counting its own or deleted ones. A visitor's count is taken in the visitor " +
			"sequence and never includes notes.",
	}, participant(parley.ScopeConversationsRead), s.unreadCount)
	register(s, huma.Operation{
		OperationID: "send-typing", Method: http.MethodPost, Path: "/api/v1/conversations/{id}/typing", Tags: tags,
		Summary: "Say the caller is typing", DefaultStatus: http.StatusNoContent,
		Description: "Tells the conversation's other participants, over the real-time connection only, that the caller is typing. " +
			"At most one notification a second per participant is sent; more are dropped silently. " +
			"`note: true` (agents only) marks typing a note, which only agents hear.",
	}, participant(parley.ScopeConversationsWrite), s.typing)
	register(s, huma.Operation{
		OperationID: "list-conversation-agents", Method: http.MethodGet, Path: "/api/v1/conversations/{id}/agents", Tags: tags,
		Summary: "List the agents of a conversation",
		Description: "The agents and bots taking part in the conversation — who wrote in it, and its assignee — with only " +
			"what a visitor may see of them: name and picture. The widget shows them on agents' messages. A visitor " +
			"does not learn of an agent who wrote only notes.",
	}, participant(parley.ScopeConversationsRead), s.conversationAgents)
}

// participantAgentView is what anyone taking part in a conversation,
// visitors included, may know of an agent: its name and picture.
type participantAgentView struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	AvatarURL string `json:"avatar_url,omitempty" doc:"An https URL of the agent's picture; absent when it has none."`
	Bot       bool   `json:"bot"`
}

type conversationAgentsOutput struct {
	Body struct {
		Items []participantAgentView `json:"items" nullable:"false"`
	}
}

func (s *server) conversationAgents(ctx context.Context, in *conversationIDInput) (*conversationAgentsOutput, error) {
	c, err := s.caller(ctx)
	if err != nil {
		return nil, err
	}
	agents, err := s.conv.Agents(ctx, c, in.ID)
	if err != nil {
		return nil, err
	}
	out := &conversationAgentsOutput{}
	out.Body.Items = make([]participantAgentView, 0, len(agents))
	for _, a := range agents {
		out.Body.Items = append(out.Body.Items, participantAgentView{ID: a.ID, Name: a.Name, AvatarURL: a.AvatarURL, Bot: a.Bot})
	}
	return out, nil
}

// caller returns who calls the conversation service: the visitor as its
// contact, or the staff principal — for an agent, with its bot flag, read
// once per request.
func (s *server) caller(ctx context.Context) (conversation.Caller, error) {
	p := principal(ctx)
	switch {
	case p.Visitor():
		return conversation.VisitorOf(p), nil
	case p.Type == parley.ActorAgent:
		a, err := s.store.FindAgentByID(ctx, p.WorkspaceID, p.AgentID)
		if parley.ErrorCode(err) == parley.ENOTFOUND {
			return conversation.Caller{}, parley.Errorf(parley.EUNAUTHORIZED, "The credentials are invalid or expired.")
		} else if err != nil {
			return conversation.Caller{}, err
		}
		return conversation.Staff(p, a.Bot), nil
	}
	return conversation.Staff(p, false), nil
}

type conversationView struct {
	ID                  string                    `json:"id"`
	WorkspaceID         string                    `json:"workspace_id"`
	InboxID             string                    `json:"inbox_id"`
	ContactID           string                    `json:"contact_id"`
	Status              parley.ConversationStatus `json:"status" enum:"open,pending,assigned,resolved" doc:"open: no visitor message yet (agents do not see it); pending: queued for an agent; assigned; resolved."`
	AssigneeID          string                    `json:"assignee_id,omitempty" doc:"The agent holding the conversation; a resolved one keeps its last."`
	QueueID             string                    `json:"queue_id,omitempty" doc:"The queue the conversation belongs to."`
	PageURL             string                    `json:"page_url,omitempty" doc:"The page the conversation was started from, as the widget said."`
	Priority            int                       `json:"priority"`
	LastSeq             int64                     `json:"last_seq" doc:"The seq of the latest message in the caller's own sequence: for staff of every message, notes included; for a visitor of the latest it may see (visitor_last_seq)."`
	VisitorLastSeq      int64                     `json:"visitor_last_seq" doc:"The visitor seq of the latest message a visitor may see: how many there are."`
	CreatedAt           time.Time                 `json:"created_at"`
	UpdatedAt           time.Time                 `json:"updated_at" doc:"The last change, a new message included."`
	AssignedAt          *time.Time                `json:"assigned_at,omitempty"`
	ResolvedAt          *time.Time                `json:"resolved_at,omitempty"`
	WaitingSince        *time.Time                `json:"waiting_since,omitempty" doc:"When the visitor wrote the oldest message no agent or bot has answered yet; absent when nobody waits for a reply."`
	SnoozedUntil        *time.Time                `json:"snoozed_until,omitempty" doc:"Snoozed until then, or until the visitor writes if sooner (staff only)."`
	SnoozedUntilReply   bool                      `json:"snoozed_until_reply,omitempty" doc:"Snoozed until the visitor writes (staff only)."`
	OutsideHours        bool                      `json:"outside_hours,omitempty" doc:"Queued outside its queue's business hours: automatic strategies leave it waiting until the queue opens."`
	Tier                int                       `json:"tier,omitempty" doc:"Pending or assigned: the escalation tier of its queue it is in, from 1 (staff only)."`
	TierAt              *time.Time                `json:"tier_at,omitempty" doc:"When it entered that tier (staff only)."`
	EscalationOverdueAt *time.Time                `json:"escalation_overdue_at,omitempty" doc:"When its queue's last tier's time passed and supervisors were alerted (staff only)."`
}

func newConversationView(c *parley.Conversation) conversationView {
	return conversationView{
		ID: c.ID, WorkspaceID: c.WorkspaceID, InboxID: c.InboxID, ContactID: c.ContactID, Status: c.Status,
		AssigneeID: c.AssigneeID, QueueID: c.QueueID, PageURL: c.PageURL, Priority: c.Priority, LastSeq: c.LastSeq, VisitorLastSeq: c.VisitorLastSeq,
		CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt, AssignedAt: c.AssignedAt, ResolvedAt: c.ResolvedAt,
		WaitingSince: c.WaitingSince, SnoozedUntil: c.SnoozedUntil, SnoozedUntilReply: c.SnoozedUntilReply,
		OutsideHours: c.OutsideHours,
		Tier:         c.Tier, TierAt: c.TierAt, EscalationOverdueAt: c.EscalationOverdueAt,
	}
}

type conversationOutput struct {
	Body conversationView
}

type conversationIDInput struct {
	ID string `path:"id" doc:"The conversation's ID."`
}

type listConversationsInput struct {
	PageParams
	Status     []string `query:"status,explode" doc:"Only conversations in any of these statuses: open, pending, assigned, resolved."`
	AssigneeID string   `query:"assignee_id" doc:"Only conversations held by this agent."`
	Unassigned bool     `query:"unassigned" doc:"Only conversations nobody holds."`
	InboxID    string   `query:"inbox_id"`
	ContactID  string   `query:"contact_id"`
	LabelID    string   `query:"label_id" doc:"Only conversations carrying this label (staff only)."`
	Unread     bool     `query:"unread" doc:"Only conversations with messages the caller has not read, counted as the unread count counts them (visitors, agents and bots; an API token has no read position)."`
	Waiting    string   `query:"waiting_longer_than" doc:"Only conversations whose visitor has waited for a reply at least this long: seconds (300) or a duration (5m, 1h30m); 0 means waiting at all. A visitor waits from its oldest message no agent or bot has answered (notes do not answer)."`
	Snoozed    string   `query:"snoozed" enum:"true,false" doc:"true: only snoozed conversations; false: only those not snoozed (staff)."`
	Priority   []string `query:"priority,explode" doc:"Only conversations of any of these priorities: none, low, high, urgent, or numbers 0 to 100 (repeatable or comma-separated)."`
	Sort       string   `query:"sort" enum:"newest,oldest,waiting_longest,last_activity" doc:"The order: newest or oldest (by creation), waiting_longest (the visitor waiting longest first; those nobody waits on last), last_activity (most recently changed first). Without it, by ID. A cursor is valid only with the sort and filters of the page that returned it."`
	QueueID    string   `query:"queue_id" doc:"Only conversations in this queue (staff only)."`

	statuses   []parley.ConversationStatus
	waiting    *time.Duration
	priorities []int
}

// maxWaiting bounds waiting_longer_than.
const maxWaiting = 10 * 365 * 24 * time.Hour

// Resolve accepts statuses repeated or comma-separated, parses
// waiting_longer_than, and decodes the cursor.
func (in *listConversationsInput) Resolve(ctx huma.Context) []error {
	errs := in.PageParams.Resolve(ctx)
	for _, v := range in.Status {
		for part := range strings.SplitSeq(v, ",") {
			st := parley.ConversationStatus(strings.TrimSpace(part))
			if !st.Valid() {
				errs = append(errs, &huma.ErrorDetail{Location: "query.status", Message: "must be open, pending, assigned or resolved", Value: part})
				continue
			}
			in.statuses = append(in.statuses, st)
		}
	}
	if in.Waiting != "" {
		d, err := parseWaiting(in.Waiting)
		if err != nil {
			errs = append(errs, &huma.ErrorDetail{Location: "query.waiting_longer_than", Message: err.Error(), Value: in.Waiting})
		} else {
			in.waiting = &d
		}
	}
	for _, v := range in.Priority {
		for part := range strings.SplitSeq(v, ",") {
			p, ok := parley.ParsePriority(strings.TrimSpace(part))
			if !ok {
				errs = append(errs, &huma.ErrorDetail{Location: "query.priority", Message: "must be none, low, high, urgent or a number from 0 to 100", Value: part})
				continue
			}
			in.priorities = append(in.priorities, p)
		}
	}
	if in.Unassigned && in.AssigneeID != "" {
		errs = append(errs, &huma.ErrorDetail{Location: "query.unassigned", Message: "cannot be combined with assignee_id", Value: in.Unassigned})
	}
	return errs
}

// parseWaiting reads a whole number of seconds or a Go duration.
func parseWaiting(v string) (time.Duration, error) {
	errBad := errors.New("must be a number of seconds or a duration such as 5m or 1h30m, from 0 to 10 years")
	var d time.Duration
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n < 0 || n > int64(maxWaiting/time.Second) {
			return 0, errBad
		}
		d = time.Duration(n) * time.Second
	} else if d, err = time.ParseDuration(v); err != nil || d < 0 || d > maxWaiting {
		return 0, errBad
	}
	return d, nil
}

func (s *server) listConversations(ctx context.Context, in *listConversationsInput) (*listOutput[conversationView], error) {
	c, err := s.caller(ctx)
	if err != nil {
		return nil, err
	}
	f := parley.ConversationFilter{
		Status: in.statuses, AssigneeID: in.AssigneeID, Unassigned: in.Unassigned, InboxID: in.InboxID,
		ContactID: in.ContactID, LabelID: in.LabelID, QueueID: in.QueueID, Sort: parley.ConversationSort(in.Sort), ListOptions: in.options(),
	}
	if in.waiting != nil {
		f.WaitingSince = time.Now().Add(-*in.waiting)
	}
	f.Priority = in.priorities
	if in.Snoozed != "" {
		snoozed := in.Snoozed == "true"
		f.Snoozed = &snoozed
	}
	if in.Unread {
		p := c.Participant()
		if p.Type == parley.ParticipantSystem {
			return nil, parley.Errorf(parley.EFORBIDDEN, "An API token has no read position: unread needs a visitor, agent or bot.")
		}
		f.UnreadBy = &p
	}
	if p := principal(ctx); p.Visitor() {
		if f.LabelID != "" || f.QueueID != "" || f.Snoozed != nil || len(f.Priority) > 0 {
			return nil, parley.Errorf(parley.EFORBIDDEN, "Visitors may not filter by label, queue, snooze or priority.")
		}
		f.InboxID = p.InboxID // the service sets the contact
	}
	l, err := s.conv.ListConversations(ctx, c, f)
	if err != nil {
		return nil, err
	}
	return newList(l, newConversationView), nil
}

type createConversationInput struct {
	Body *struct {
		InboxID   string `json:"inbox_id,omitempty" doc:"Required for staff; a visitor's is its session's inbox."`
		ContactID string `json:"contact_id,omitempty" doc:"Required for staff; a visitor's is itself."`
		Priority  int    `json:"priority,omitempty" doc:"0 (default) to 100; staff only."`
		PageURL   string `json:"page_url,omitempty" maxLength:"2048" doc:"The page the conversation starts from; routing rules may look at it."`
	}
}

func (s *server) createConversation(ctx context.Context, in *createConversationInput) (*conversationOutput, error) {
	c, err := s.caller(ctx)
	if err != nil {
		return nil, err
	}
	var nc conversation.NewConversation
	if b := in.Body; b != nil {
		nc = conversation.NewConversation{InboxID: b.InboxID, ContactID: b.ContactID, Priority: b.Priority, PageURL: b.PageURL}
	}
	if p := principal(ctx); p.Visitor() {
		switch {
		case nc.InboxID != "" && nc.InboxID != p.InboxID:
			return nil, parley.Errorf(parley.EFORBIDDEN, "Visitors start conversations in their session's inbox only.")
		case nc.Priority != 0:
			return nil, parley.Errorf(parley.EFORBIDDEN, "Visitors may not set a priority.")
		}
		nc.InboxID = p.InboxID
	}
	conv, err := s.conv.CreateConversation(ctx, c, nc)
	if err != nil {
		return nil, err
	}
	return &conversationOutput{Body: newConversationView(conv)}, nil
}

func (s *server) getConversation(ctx context.Context, in *conversationIDInput) (*conversationOutput, error) {
	c, err := s.caller(ctx)
	if err != nil {
		return nil, err
	}
	conv, err := s.conv.Conversation(ctx, c, in.ID)
	if err != nil {
		return nil, err
	}
	return &conversationOutput{Body: newConversationView(conv)}, nil
}

func (s *server) resolveConversation(ctx context.Context, in *conversationIDInput) (*conversationOutput, error) {
	c, err := s.caller(ctx)
	if err != nil {
		return nil, err
	}
	conv, err := s.conv.Resolve(ctx, c, in.ID)
	if err != nil {
		return nil, err
	}
	return &conversationOutput{Body: newConversationView(conv)}, nil
}

type markReadInput struct {
	ID   string `path:"id" doc:"The conversation's ID."`
	Body struct {
		Seq int64 `json:"seq" minimum:"0" doc:"The seq of the last message read, in the caller's own sequence (a visitor's: a visitor seq)."`
	}
}

type markReadOutput struct {
	Body struct {
		LastReadSeq int64 `json:"last_read_seq" doc:"The caller's position after the call, in its own sequence; it never goes backwards."`
	}
}

func (s *server) markRead(ctx context.Context, in *markReadInput) (*markReadOutput, error) {
	c, err := s.caller(ctx)
	if err != nil {
		return nil, err
	}
	pos, err := s.conv.MarkRead(ctx, c, in.ID, in.Body.Seq)
	if err != nil {
		return nil, err
	}
	out := &markReadOutput{}
	out.Body.LastReadSeq = pos
	return out, nil
}

type participantView struct {
	Type parley.ParticipantType `json:"type" enum:"contact,agent,bot,system"`
	ID   string                 `json:"id,omitempty"`
}

type readStateView struct {
	Participant        participantView `json:"participant"`
	LastReadSeq        int64           `json:"last_read_seq" doc:"How far the participant has read, in the caller's own sequence (for a visitor, the visitor sequence)."`
	LastReadVisitorSeq int64           `json:"last_read_visitor_seq" doc:"The same position in the visitor sequence: the last message a visitor may see at or before it."`
	UpdatedAt          time.Time       `json:"updated_at"`
}

type readStatesOutput struct {
	Body struct {
		Items []readStateView `json:"items"`
	}
}

func (s *server) readStates(ctx context.Context, in *conversationIDInput) (*readStatesOutput, error) {
	c, err := s.caller(ctx)
	if err != nil {
		return nil, err
	}
	states, err := s.conv.ReadStates(ctx, c, in.ID)
	if err != nil {
		return nil, err
	}
	out := &readStatesOutput{}
	out.Body.Items = make([]readStateView, 0, len(states))
	for _, st := range states {
		out.Body.Items = append(out.Body.Items, readStateView{
			Participant: participantView(st.Participant), LastReadSeq: st.LastReadSeq,
			LastReadVisitorSeq: st.LastReadVisitorSeq, UpdatedAt: st.UpdatedAt,
		})
	}
	return out, nil
}

type unreadOutput struct {
	Body struct {
		Count int `json:"count"`
	}
}

func (s *server) unreadCount(ctx context.Context, in *conversationIDInput) (*unreadOutput, error) {
	c, err := s.caller(ctx)
	if err != nil {
		return nil, err
	}
	n, err := s.conv.UnreadCount(ctx, c, in.ID)
	if err != nil {
		return nil, err
	}
	out := &unreadOutput{}
	out.Body.Count = n
	return out, nil
}

type typingInput struct {
	ID   string `path:"id" doc:"The conversation's ID."`
	Body *struct {
		Note bool `json:"note,omitempty" doc:"Typing a note (agents only)."`
	}
}

func (s *server) typing(ctx context.Context, in *typingInput) (*struct{}, error) {
	c, err := s.caller(ctx)
	if err != nil {
		return nil, err
	}
	return nil, s.conv.Typing(ctx, c, in.ID, in.Body != nil && in.Body.Note)
}
