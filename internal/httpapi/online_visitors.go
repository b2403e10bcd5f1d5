package httpapi

import (
	"context"
	"encoding/base64"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/google/uuid"

	"github.com/parleychat/parley"
)

func (s *server) onlineVisitorRoutes() {
	tags := []string{"Visitors on the site"}
	register(s, huma.Operation{
		OperationID: "list-online-visitors", Method: http.MethodGet, Path: "/api/v1/visitors/online", Tags: tags,
		Summary: "List the visitors on the site now",
		Description: "The workspace's contacts with a live widget connection, on any node, ordered by contact ID: " +
			"the page they are on (as their widget reports it), since when (`since`: the start of the visit), " +
			"whether they are verified or a guest, and whether they are returning (a visit of theirs ended before " +
			"this one began) or new. A visitor stays listed for a grace period (10 s) after their last connection " +
			"closes, so that moving to another page of the site keeps the visit. To follow changes live, send " +
			"`subscribe_visitors` on the real-time connection, then read this list.",
	}, staff(parley.ScopeContactsRead), s.listOnlineVisitors)
	register(s, huma.Operation{
		OperationID: "list-recent-visitors", Method: http.MethodGet, Path: "/api/v1/visitors/recent", Tags: tags,
		Summary: "List recently seen contacts",
		Description: "The workspace's contacts whose visit has ended, most recently seen first, with when " +
			"(`last_seen_at`) and whether they are online again now.",
	}, staff(parley.ScopeContactsRead), s.listRecentVisitors)
	register(s, huma.Operation{
		OperationID: "invite-visitor", Method: http.MethodPost, Path: "/api/v1/visitors/{contact_id}/invitations", Tags: tags,
		Summary: "Invite a visitor on the site to chat", DefaultStatus: http.StatusAccepted,
		Description: "Sends an online visitor a proactive invitation: their widget shows the message, from the agent, " +
			"as a small prompt they may ignore or close. If they accept, the chat opens with the agent's message shown " +
			"first; the conversation is created, as any other, when they send their reply. Nothing is stored: an " +
			"invitation the visitor ignores, or one sent while their widget is reconnecting, leaves no trace. " +
			"An agent invites as themselves; an API token names the agent (`agent_id`). " +
			"404 with reason `visitor_offline` when the visitor is not online.",
	}, staff(parley.ScopeConversationsWrite), s.inviteVisitor)
}

type visitorPageView struct {
	URL   string `json:"url" doc:"The page's URL, as the widget reported it (without its fragment)."`
	Title string `json:"title" doc:"The page's title."`
}

type onlineVisitorView struct {
	ContactID   string          `json:"contact_id"`
	InboxID     string          `json:"inbox_id"`
	Name        string          `json:"name"`
	Email       string          `json:"email,omitempty"`
	Verified    bool            `json:"verified" doc:"Identified by the customer's back-end; false for a guest."`
	Returning   bool            `json:"returning" doc:"A visit of theirs ended before this one began."`
	Page        visitorPageView `json:"page" doc:"Empty until the widget reports one."`
	PageAt      *time.Time      `json:"page_at,omitempty" doc:"When the page was reported."`
	Since       time.Time       `json:"since" doc:"When the visit began."`
	Connections int             `json:"connections" doc:"Live widget connections (tabs, devices); 0 during the grace period."`
	LastSeenAt  *time.Time      `json:"last_seen_at,omitempty" doc:"When their previous visit ended."`
}

type recentVisitorView struct {
	contactView
	LastSeenAt time.Time `json:"last_seen_at" doc:"When their last visit ended."`
	Online     bool      `json:"online" doc:"They are on the site again now."`
}

func (s *server) listOnlineVisitors(ctx context.Context, in *PageParams) (*listOutput[onlineVisitorView], error) {
	ws := principal(ctx).WorkspaceID
	l := s.cfg.Visitors.Online(ws, in.options())
	ids := make([]string, len(l.Items))
	for i, v := range l.Items {
		ids[i] = v.ContactID
	}
	seen, err := s.store.SeenContacts(ctx, ws, ids)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]*parley.SeenContact, len(seen))
	for _, c := range seen {
		byID[c.Contact.ID] = c
	}
	out := &listOutput[onlineVisitorView]{Body: listView[onlineVisitorView]{Items: []onlineVisitorView{}}}
	for _, v := range l.Items {
		c := byID[v.ContactID]
		if c == nil {
			continue // erased meanwhile
		}
		view := onlineVisitorView{
			ContactID: v.ContactID, InboxID: v.InboxID, Name: c.Contact.Name, Email: c.Contact.Email,
			Verified: c.Contact.Verified, Page: visitorPageView{URL: v.Page.URL, Title: v.Page.Title},
			Since: v.Since, Connections: v.Connections, LastSeenAt: c.LastSeenAt,
			Returning: c.LastSeenAt != nil && c.LastSeenAt.Before(v.Since),
		}
		if !v.PageAt.IsZero() {
			at := v.PageAt
			view.PageAt = &at
		}
		out.Body.Items = append(out.Body.Items, view)
	}
	if l.Next != "" {
		out.Body.NextCursor = base64.RawURLEncoding.EncodeToString([]byte(l.Next))
	}
	return out, nil
}

func (s *server) listRecentVisitors(ctx context.Context, in *PageParams) (*listOutput[recentVisitorView], error) {
	ws := principal(ctx).WorkspaceID
	l, err := s.store.ListRecentlySeenContacts(ctx, ws, in.options())
	if err != nil {
		return nil, err
	}
	return newList(l, func(c *parley.SeenContact) recentVisitorView {
		_, online := s.cfg.Visitors.Visitor(ws, c.Contact.ID)
		return recentVisitorView{contactView: newContactView(c.Contact), LastSeenAt: *c.LastSeenAt, Online: online}
	}), nil
}

type inviteVisitorInput struct {
	ContactID string `path:"contact_id" maxLength:"128" doc:"The visitor's contact ID."`
	Body      struct {
		Message string `json:"message" minLength:"1" maxLength:"1000" doc:"What the widget shows, from the agent."`
		AgentID string `json:"agent_id,omitempty" maxLength:"128" doc:"The agent who invites; only (and required) for an API token."`
	}
}

type invitationView struct {
	ID             string          `json:"id"`
	ContactID      string          `json:"contact_id"`
	Message        string          `json:"message"`
	Agent          participantView `json:"agent"`
	AgentName      string          `json:"agent_name"`
	AgentAvatarURL string          `json:"agent_avatar_url,omitempty"`
	CreatedAt      time.Time       `json:"created_at"`
}

type invitationOutput struct {
	Body invitationView
}

func (s *server) inviteVisitor(ctx context.Context, in *inviteVisitorInput) (*invitationOutput, error) {
	p := principal(ctx)
	msg, err := parley.CheckInvitationMessage(in.Body.Message)
	if err != nil {
		return nil, err
	}
	agentID := in.Body.AgentID
	switch {
	case p.Type == parley.ActorAgent && agentID != "" && agentID != p.AgentID:
		return nil, fieldInvalid("body.agent_id", "an agent invites as themselves: leave it out")
	case p.Type == parley.ActorAgent:
		agentID = p.AgentID
	case agentID == "":
		return nil, fieldInvalid("body.agent_id", "an API token must name the agent who invites")
	}
	if !parley.ValidText(agentID) || !parley.ValidText(in.ContactID) {
		return nil, parley.Errorf(parley.ENOTFOUND, "Agent or contact not found.")
	}
	a, err := s.store.FindAgentByID(ctx, p.WorkspaceID, agentID)
	if err != nil {
		return nil, err
	}
	if a.Disabled {
		return nil, fieldInvalid("body.agent_id", "the agent is disabled")
	}
	who := parley.Participant{Type: parley.ParticipantAgent, ID: a.ID}
	if a.Bot {
		who.Type = parley.ParticipantBot
	}
	inv := &parley.Invitation{
		ID: uuid.NewString(), ContactID: in.ContactID, Message: msg, Agent: who,
		AgentName: a.Name, AgentAvatarURL: a.AvatarURL, CreatedAt: s.cfg.Now().UTC(),
	}
	if err := s.cfg.Visitors.Invite(ctx, p.WorkspaceID, inv); err != nil {
		return nil, err
	}
	return &invitationOutput{Body: invitationView{
		ID: inv.ID, ContactID: inv.ContactID, Message: inv.Message,
		Agent:     participantView{Type: inv.Agent.Type, ID: inv.Agent.ID},
		AgentName: inv.AgentName, AgentAvatarURL: inv.AgentAvatarURL, CreatedAt: inv.CreatedAt,
	}}, nil
}

func fieldInvalid(field, message string) error {
	return &parley.Error{Code: parley.EINVALID, Message: "The input is invalid.",
		Fields: []parley.FieldError{{Field: field, Message: message}}}
}
