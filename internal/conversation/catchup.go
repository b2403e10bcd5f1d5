package conversation

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/parleychat/parley"
)

// ConversationEvents calls fn, oldest first, with the workspace's
// conversation.* events written from since on, as the outbox holds them:
// what the workspace's feed, its contacts' and its conversations' subjects
// carried. A node that may have missed notifications (the bus lost them)
// passes them on again from here. Event IDs are time-ordered (see
// parley.EventStore), so the walk starts at the first ID of since's
// millisecond. An error of fn stops the walk and is returned.
func (s *Service) ConversationEvents(ctx context.Context, workspaceID string, since time.Time, fn func(*parley.Event) error) error {
	opt := parley.ListOptions{After: idLowerBound(since), Limit: parley.MaxListLimit}
	for {
		page, err := s.store.ListEvents(ctx, workspaceID, opt)
		if err != nil {
			return fmt.Errorf("conversation events since %s: %w", since.Format(time.RFC3339Nano), err)
		}
		for _, ev := range page.Items {
			if ev.ConversationID == "" || !strings.HasPrefix(string(ev.Type), "conversation.") {
				continue
			}
			if err := fn(ev); err != nil {
				return err
			}
		}
		if page.Next == "" {
			return nil
		}
		opt.After = page.Next
	}
}

// EventSubjects returns the subjects a conversation.* event of the outbox
// was published on: its conversation's (visitor audience), the workspace
// feed and its contact's.
func (s *Service) EventSubjects(ev *parley.Event) ([]string, error) {
	return s.subjects(conversationNotification(ev))
}

// idLowerBound returns the smallest UUIDv7 text of t's millisecond: every
// ID generated from then on sorts after it.
func idLowerBound(t time.Time) string {
	ms := uint64(max(t.UnixMilli(), 0))
	return fmt.Sprintf("%08x-%04x-0000-0000-000000000000", ms>>16, ms&0xffff)
}
