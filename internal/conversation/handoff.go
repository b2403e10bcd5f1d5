package conversation

import (
	"context"
	"strings"

	"github.com/parleychat/parley"
)

// HandoffInput is a hand-off to people: to QueueID, or to a queue of
// TeamID (the first of that team's queues by name), with a reason and a summary
// that agents see first.
type HandoffInput struct {
	ConversationID string
	QueueID        string
	TeamID         string
	Reason         string
	Summary        string
}

// HandOff hands a conversation off to people: it is pending again with no
// assignee in the queue named (conversation.handed_off, which carries the
// reason and summary, to staff only); then the summary is written as a
// note, which agents see first when they open the conversation, and the
// visitor is shown the system line parley.HandoffLine. The bot holding the
// conversation, or staff who may act for others (supervisors, admins, API
// tokens, apps), may hand off. Returns EFORBIDDEN, EINVALID, ENOTFOUND, or
// ECONFLICT if the conversation is open or resolved.
func (s *Service) HandOff(ctx context.Context, c Caller, in HandoffInput) (*parley.Conversation, error) {
	if err := c.staffOnly(parley.ScopeConversationsWrite); err != nil {
		return nil, err
	}
	var v parley.Validation
	switch {
	case in.QueueID == "" && in.TeamID == "":
		v.Add("queue_id", "must name a queue, or team_id a team")
	case in.QueueID != "" && in.TeamID != "":
		v.Add("team_id", "must be empty when queue_id is set")
	}
	v.BoundedText("reason", in.Reason, parley.MaxHandoffReasonLength)
	v.BoundedText("summary", in.Summary, parley.MaxHandoffSummaryLength)
	if err := v.Err(); err != nil {
		return nil, err
	}
	cur, err := s.writable(ctx, c, in.ConversationID)
	if err != nil {
		return nil, err
	}
	if !c.supervises() && !(c.isAgent() && cur.AssigneeID == c.principal.AgentID) {
		return nil, errForbidden("Agents may hand off only the conversations they hold.")
	}
	queueID := in.QueueID
	if queueID == "" {
		if queueID, err = s.teamQueue(ctx, c.workspaceID, in.TeamID); err != nil {
			return nil, err
		}
	}
	h := parley.Handoff{QueueID: queueID, Reason: strings.TrimSpace(in.Reason), Summary: strings.TrimSpace(in.Summary)}
	return s.handOff(ctx, c.workspaceID, in.ConversationID, h, c.Participant(), c.appID())
}

// HandOffSilentBot hands off a conversation its bot has left the visitor
// waiting in longer than its queue allows (parley.SilentBot): to
// queueID, automatically, as the system; ECONFLICT if the bot no longer
// holds it (another node did it, or the bot answered and handed off).
func (s *Service) HandOffSilentBot(ctx context.Context, sb parley.SilentBot) error {
	h := parley.Handoff{QueueID: sb.HandoffQueueID, Reason: parley.ReasonBotSilent, Automatic: true, From: sb.BotID}
	_, err := s.handOff(ctx, sb.WorkspaceID, sb.ConversationID, h, parley.Participant{Type: parley.ParticipantSystem}, "")
	return err
}

// handOff writes the hand-off, then the note and the visitor's line.
func (s *Service) handOff(ctx context.Context, workspaceID, id string, h parley.Handoff, by parley.Participant, appID string) (*parley.Conversation, error) {
	conv, ev, err := s.store.HandOffConversation(ctx, workspaceID, id, h, by)
	if err != nil {
		return nil, err
	}
	// The summary and reason are for staff: the event is not sent to the
	// visitor's subject.
	s.notify(notification{event: ev, audience: AudienceStaff, feed: true})
	note := "Handed off"
	if h.Automatic {
		note = "Handed off automatically: the bot did not answer in time"
	}
	if h.Reason != "" && !h.Automatic {
		note += " (" + h.Reason + ")"
	}
	if h.Summary != "" {
		note += ": " + h.Summary
	}
	noteBy := parley.Sender{Type: by.Type, ID: by.ID}
	if by.Type == parley.ParticipantContact {
		noteBy = parley.Sender{Type: parley.ParticipantSystem}
	}
	if _, err := s.append(ctx, parley.MessageInput{WorkspaceID: workspaceID, ConversationID: id, Kind: parley.KindNote,
		Sender: noteBy, Body: note, AppID: appID, ClientID: "handoff-note-" + ev.ID}); err != nil {
		return conv, err
	}
	if _, err := s.append(ctx, parley.MessageInput{WorkspaceID: workspaceID, ConversationID: id, Kind: parley.KindEvent,
		Sender: parley.Sender{Type: parley.ParticipantSystem}, Body: parley.HandoffLine, AppID: appID,
		ClientID: "handoff-line-" + ev.ID}); err != nil {
		return conv, err
	}
	return conv, nil
}

// teamQueue returns the first queue of teamID by name. ENOTFOUND for an unknown
// team, EINVALID for a team without a queue.
func (s *Service) teamQueue(ctx context.Context, workspaceID, teamID string) (string, error) {
	if _, err := s.store.FindTeam(ctx, workspaceID, teamID); err != nil {
		return "", err
	}
	qs, err := s.store.ListQueues(ctx, workspaceID)
	if err != nil {
		return "", err
	}
	for _, q := range qs {
		if q.TeamID == teamID {
			return q.ID, nil
		}
	}
	return "", parley.Errorf(parley.EINVALID, "The team has no queue to hand off to.")
}
