package parley

import (
	"context"
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// CannedResponse is a prepared reply an agent inserts by typing "/" and its
// shortcut in the composer. A shared one (OwnerID "") belongs to the
// workspace; a personal one to the agent OwnerID, who alone sees it.
//
// Body may hold variables, filled in on insert by RenderCanned:
// {{contact.name}}, {{contact.email}}, {{contact.phone}},
// {{contact.external_id}}, {{contact.attributes.<key>}}, {{agent.name}},
// {{agent.email}}, {{conversation.id}}, {{conversation.status}},
// {{conversation.priority}}, {{inbox.name}}.
type CannedResponse struct {
	ID          string
	WorkspaceID string
	OwnerID     string // the agent who owns a personal response; "" for a shared one
	Shortcut    string // matches CannedShortcutPattern; unique among what one agent sees
	Title       string
	Body        string
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// Shared reports whether the response belongs to the whole workspace.
func (c *CannedResponse) Shared() bool { return c.OwnerID == "" }

// Limits on canned responses.
const (
	MaxCannedTitleLength = 200
	MaxCannedBodyLength  = 8000
)

// CannedShortcutPattern is the form of a shortcut: what follows "/".
var CannedShortcutPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,31}$`)

// Validate checks a canned response's shortcut, title and body.
func (c *CannedResponse) Validate(v *Validation) {
	if !CannedShortcutPattern.MatchString(c.Shortcut) {
		v.Add("shortcut", "must be 1 to 32 lower-case letters, digits, - or _, starting with a letter or digit")
	}
	v.Name("title", c.Title)
	v.BoundedText("title", c.Title, MaxCannedTitleLength)
	if strings.TrimSpace(c.Body) == "" {
		v.Add("body", "must not be empty")
	}
	v.BoundedText("body", c.Body, MaxCannedBodyLength)
}

// CannedUpdate holds the fields to change; nil means "leave as is".
type CannedUpdate struct {
	Shortcut *string
	Title    *string
	Body     *string
}

// CannedFilter narrows ListCannedResponses.
type CannedFilter struct {
	// AgentID is whose view it is: the shared responses and the agent's
	// own. "" lists the shared ones only (an API token's view).
	AgentID string
	// Query keeps responses whose shortcut, title or body contains it,
	// in any case.
	Query string
}

// CannedStore persists canned responses, scoped by workspace. Who may
// change a shared response is decided before these calls; a personal one
// is found only by its owner (filter/ownerID), anyone else gets ENOTFOUND.
type CannedStore interface {
	// CreateCannedResponse inserts c, setting ID, CreatedAt and UpdatedAt.
	// Returns ECONFLICT if the shortcut is taken among the shared
	// responses and the owner's, ENOTFOUND if the workspace or the owner
	// does not exist.
	CreateCannedResponse(ctx context.Context, actor Actor, c *CannedResponse) error
	// FindCannedResponse returns a shared response or agentID's own;
	// ENOTFOUND otherwise.
	FindCannedResponse(ctx context.Context, workspaceID, agentID, id string) (*CannedResponse, error)
	// ListCannedResponses returns the responses f selects, ordered by
	// shortcut (shared first when an agent's own has the same one; that
	// cannot happen for responses created through this store).
	ListCannedResponses(ctx context.Context, workspaceID string, f CannedFilter) ([]*CannedResponse, error)
	// UpdateCannedResponse changes a shared response or agentID's own.
	// Returns ENOTFOUND, or ECONFLICT if the new shortcut is taken.
	UpdateCannedResponse(ctx context.Context, actor Actor, workspaceID, agentID, id string, upd CannedUpdate) (*CannedResponse, error)
	// DeleteCannedResponse deletes a shared response or agentID's own.
	// Returns ENOTFOUND.
	DeleteCannedResponse(ctx context.Context, actor Actor, workspaceID, agentID, id string) error
}

// MaxCannedResponses bounds what one workspace holds (shared and personal).
const MaxCannedResponses = 2000

// CannedVars are the values RenderCanned fills in.
type CannedVars struct {
	Contact      *Contact
	Agent        *Agent
	Conversation *Conversation
	Inbox        *Inbox
}

var cannedVarPattern = regexp.MustCompile(`\{\{\s*([a-z_]+(?:\.[A-Za-z0-9_]+){1,2})\s*\}\}`)

// RenderCanned fills the variables of body from vars. A variable whose
// value is unknown (no contact name, an attribute the contact lacks)
// becomes "", and text that is not a known variable is kept as it is.
func RenderCanned(body string, vars CannedVars) string {
	return cannedVarPattern.ReplaceAllStringFunc(body, func(m string) string {
		name := cannedVarPattern.FindStringSubmatch(m)[1]
		val, known := cannedVar(name, vars)
		if !known {
			return m
		}
		return val
	})
}

func cannedVar(name string, vars CannedVars) (string, bool) {
	if key, ok := strings.CutPrefix(name, "contact.attributes."); ok {
		if vars.Contact == nil {
			return "", true
		}
		switch v := vars.Contact.Attributes[key].(type) {
		case nil:
			return "", true
		case string:
			return v, true
		default:
			return strings.TrimSpace(jsonText(v)), true
		}
	}
	c, a, conv, in := vars.Contact, vars.Agent, vars.Conversation, vars.Inbox
	if c == nil {
		c = &Contact{}
	}
	if a == nil {
		a = &Agent{}
	}
	if conv == nil {
		conv = &Conversation{}
	}
	if in == nil {
		in = &Inbox{}
	}
	switch name {
	case "contact.name":
		return c.Name, true
	case "contact.email":
		return c.Email, true
	case "contact.phone":
		return c.Phone, true
	case "contact.external_id":
		return c.ExternalID, true
	case "agent.name":
		return a.Name, true
	case "agent.email":
		return a.Email, true
	case "conversation.id":
		return conv.ID, true
	case "conversation.status":
		return string(conv.Status), true
	case "conversation.priority":
		return PriorityName(conv.Priority), true
	case "inbox.name":
		return in.Name, true
	}
	return "", false
}

// jsonText renders an attribute value (a number, a boolean, …) as JSON.
func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	return string(b)
}

// MaxPriority bounds Conversation.Priority.
const MaxPriority = 100

// Named priorities: the console offers these four; the API accepts any
// value from 0 to MaxPriority, and routing serves higher values first.
const (
	PriorityNone   = 0
	PriorityLow    = 1
	PriorityHigh   = 2
	PriorityUrgent = 3
)

// PriorityName returns the name of a named priority (none, low, high,
// urgent), or the number for any other.
func PriorityName(p int) string {
	switch p {
	case PriorityNone:
		return "none"
	case PriorityLow:
		return "low"
	case PriorityHigh:
		return "high"
	case PriorityUrgent:
		return "urgent"
	}
	return strconv.Itoa(p)
}

// ParsePriority reads a priority by name (none, low, high, urgent) or as a
// number from 0 to MaxPriority.
func ParsePriority(s string) (int, bool) {
	switch s {
	case "none":
		return PriorityNone, true
	case "low":
		return PriorityLow, true
	case "high":
		return PriorityHigh, true
	case "urgent":
		return PriorityUrgent, true
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > MaxPriority {
		return 0, false
	}
	return n, true
}
