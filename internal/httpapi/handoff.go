package httpapi

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/conversation"
)

func (s *server) handoffRoutes() {
	register(s, huma.Operation{
		OperationID: "handoff-conversation", Method: http.MethodPost, Path: "/api/v1/conversations/{id}/handoff",
		Tags: []string{"Conversations"}, Summary: "Hand a conversation off to people",
		Description: "A bot (or staff who may act for others) hands the conversation to people: it goes to `queue_id`, or " +
			"to the first queue (by name) of `team_id`, pending with no assignee (event conversation.handed_off, with " +
			"`reason` and `summary`, to staff only). The summary is written as a note, so agents see it first; the visitor " +
			"is shown the system line \"" + parley.HandoffLine + "\". An app acts as its bot with a token requested with " +
			"`agent_id` (docs/bots.md). 409 if the visitor has not written yet or the conversation is resolved.",
	}, staff(parley.ScopeConversationsWrite), s.handoffConversation)
}

type handoffInput struct {
	ID   string `path:"id" maxLength:"64"`
	Body struct {
		QueueID string `json:"queue_id,omitempty" maxLength:"64" doc:"The queue whose agents take the conversation."`
		TeamID  string `json:"team_id,omitempty" maxLength:"64" doc:"Instead of queue_id: the team whose first queue (by name) takes it."`
		Reason  string `json:"reason,omitempty" doc:"Why, in a few words (at most 200 bytes), e.g. \"asked for a person\"."`
		Summary string `json:"summary,omitempty" doc:"What happened so far, for the agent who takes over (at most 4000 bytes)."`
	}
}

func (s *server) handoffConversation(ctx context.Context, in *handoffInput) (*conversationOutput, error) {
	c, err := s.caller(ctx)
	if err != nil {
		return nil, err
	}
	conv, err := s.conv.HandOff(ctx, c, conversation.HandoffInput{ConversationID: in.ID, QueueID: in.Body.QueueID,
		TeamID: in.Body.TeamID, Reason: in.Body.Reason, Summary: in.Body.Summary})
	if err != nil {
		return nil, err
	}
	s.kickRouter(conv.WorkspaceID)
	return &conversationOutput{Body: newConversationView(conv)}, nil
}
