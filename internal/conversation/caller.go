package conversation

import (
	"github.com/parleychat/parley"
)

// Caller is who calls the service: a visitor acting as a contact, a staff
// principal (an agent, a bot, or an app's API token), or Parley itself.
// Build one with Visitor, Staff or System; the zero Caller may do nothing.
type Caller struct {
	workspaceID    string
	contactID      string            // a visitor
	conversationID string            // a visitor confined to one conversation (resume token)
	principal      *parley.Principal // staff
	bot            bool              // a staff agent that is a bot
	system         bool
}

// Visitor is a visitor of the workspace acting as contactID. Visitors reach
// only their own contact's conversations; anything else is ENOTFOUND.
func Visitor(workspaceID, contactID string) Caller {
	return Caller{workspaceID: workspaceID, contactID: contactID}
}

// VisitorOf is the visitor p (a principal of ActorContact): Visitor, and
// when p.ConversationID is set, confined to that conversation — it reaches
// no other, lists only it and starts none. For anything but a visitor it
// returns the zero Caller, which may do nothing.
func VisitorOf(p *parley.Principal) Caller {
	if !p.Visitor() {
		return Caller{}
	}
	c := Visitor(p.WorkspaceID, p.ContactID)
	c.conversationID = p.ConversationID
	return c
}

// Staff is an authenticated agent or API token. Reads need the
// conversations:read scope, changes conversations:write. bot marks an agent
// that is a bot: its messages are sent as parley.ParticipantBot.
func Staff(p *parley.Principal, bot bool) Caller {
	if p == nil {
		return Caller{}
	}
	appBot := p.Type == parley.ActorApp && p.AgentID != ""
	return Caller{workspaceID: p.WorkspaceID, principal: p, bot: bot && p.Type == parley.ActorAgent || appBot}
}

// System is Parley itself (routing, timers) acting in a workspace: it may
// do anything.
func System(workspaceID string) Caller {
	return Caller{workspaceID: workspaceID, system: true}
}

// WorkspaceID returns the workspace the caller acts in.
func (c Caller) WorkspaceID() string { return c.workspaceID }

// Participant returns who the caller is in a conversation: the contact,
// the agent or bot, or the system (for API tokens too).
func (c Caller) Participant() parley.Participant {
	switch {
	case c.contactID != "":
		return parley.Participant{Type: parley.ParticipantContact, ID: c.contactID}
	case (c.isAgent() || c.isToken()) && c.bot:
		// An agent that is a bot, or an app acting as one of its bots.
		return parley.Participant{Type: parley.ParticipantBot, ID: c.principal.AgentID}
	case c.isAgent():
		return parley.Participant{Type: parley.ParticipantAgent, ID: c.principal.AgentID}
	}
	return parley.Participant{Type: parley.ParticipantSystem}
}

// appID returns the app the caller acts for ("" for none).
func (c Caller) appID() string {
	if c.principal == nil {
		return ""
	}
	return c.principal.AppID
}

func (c Caller) isVisitor() bool { return c.contactID != "" && c.workspaceID != "" }

func (c Caller) isAgent() bool {
	return c.principal != nil && c.principal.Type == parley.ActorAgent && c.principal.AgentID != ""
}

// isToken reports whether the caller is an API token or an app (acting
// with one of its access tokens): staff that is no agent.
func (c Caller) isToken() bool {
	return c.principal != nil && (c.principal.Type == parley.ActorToken || c.principal.Type == parley.ActorApp)
}

func (c Caller) isStaff() bool { return c.isAgent() || c.isToken() }

// supervises reports whether the caller may act for other agents: assign
// anyone, transfer or unassign anyone's conversation, delete anyone's
// message. Plain agents act for themselves only.
func (c Caller) supervises() bool {
	switch {
	case c.system, c.isToken():
		return true
	case c.isAgent():
		return c.principal.Role == parley.RoleAdmin || c.principal.Role == parley.RoleSupervisor
	}
	return false
}

func errForbidden(format string, args ...any) error {
	return parley.Errorf(parley.EFORBIDDEN, format, args...)
}

func errConversationNotFound() error {
	return parley.Errorf(parley.ENOTFOUND, "Conversation not found.")
}

// canRead returns nil if the caller may read conv.
func (c Caller) canRead(conv *parley.Conversation) error {
	return c.can(conv, parley.ScopeConversationsRead)
}

// canWrite returns nil if the caller may change conv or write in it.
func (c Caller) canWrite(conv *parley.Conversation) error {
	return c.can(conv, parley.ScopeConversationsWrite)
}

func (c Caller) can(conv *parley.Conversation, scope parley.Scope) error {
	switch {
	case conv.WorkspaceID != c.workspaceID:
		return errConversationNotFound()
	case c.system:
		return nil
	case c.isVisitor():
		if conv.ContactID != c.contactID || (c.conversationID != "" && conv.ID != c.conversationID) {
			return errConversationNotFound()
		}
		return nil
	case c.isStaff():
		return c.need(scope)
	}
	return errForbidden("No valid caller.")
}

// need returns EFORBIDDEN unless a staff caller holds scope; visitors and
// the system pass (their reach is checked per conversation).
func (c Caller) need(scope parley.Scope) error {
	switch {
	case c.system, c.isVisitor():
		return nil
	case c.isStaff():
		if !c.principal.Can(scope) {
			return errForbidden("This needs the %s scope.", scope)
		}
		return nil
	}
	return errForbidden("No valid caller.")
}

// staffOnly returns EFORBIDDEN for visitors and invalid callers, and
// checks the scope of staff.
func (c Caller) staffOnly(scope parley.Scope) error {
	if c.isVisitor() {
		return errForbidden("Visitors may not do this.")
	}
	return c.need(scope)
}
