package conversation

import (
	"context"
	"sync"
	"time"

	"github.com/parleychat/parley"
)

// MarkRead records that the caller has read a conversation up to seq
// (clamped to its last message) and returns the caller's position, which
// never goes backwards. Both are in the caller's own sequence: the visitor
// sequence for a visitor, the full one for staff. Visitors mark their own
// conversations; agents and bots need conversations:read; API tokens and
// the system have no read position (EFORBIDDEN). Returns EINVALID for a
// negative seq, ENOTFOUND.
//
// The others following the conversation are told (NotifyRead, with the
// position in both sequences). The visitor is told of staff's reading only
// when it moved the position in the visitor sequence: an agent reading a
// note is news to staff alone.
func (s *Service) MarkRead(ctx context.Context, c Caller, conversationID string, seq int64) (int64, error) {
	p, err := s.reader(ctx, c, conversationID)
	if err != nil {
		return 0, err
	}
	mark, err := s.store.MarkRead(ctx, c.workspaceID, conversationID, p, seq)
	if err != nil {
		return 0, err
	}
	a := AudienceStaff
	if c.isVisitor() || mark.VisitorMoved {
		a = AudienceVisitor
	}
	st := mark.ReadState
	st.UpdatedAt = s.now().UTC().Truncate(time.Microsecond)
	if n, err := s.ephemeral(c.workspaceID, conversationID, NotifyRead, st, a); err == nil {
		s.notify(n)
	}
	if c.isVisitor() {
		return mark.LastReadVisitorSeq, nil
	}
	return mark.LastReadSeq, nil
}

// ReadStates returns every participant's read position in a conversation
// the caller may read. Returns ENOTFOUND or EFORBIDDEN.
func (s *Service) ReadStates(ctx context.Context, c Caller, conversationID string) ([]parley.ReadState, error) {
	if _, err := s.readable(ctx, c, conversationID); err != nil {
		return nil, err
	}
	states, err := s.store.ReadStates(ctx, c.workspaceID, conversationID)
	if err == nil && c.isVisitor() {
		for i, st := range states {
			states[i] = st.ForVisitor()
		}
	}
	return states, err
}

// UnreadCount returns how many messages the caller has not read in a
// conversation (for a visitor, in the visitor sequence, never counting
// notes). Rights as MarkRead.
func (s *Service) UnreadCount(ctx context.Context, c Caller, conversationID string) (int, error) {
	p, err := s.reader(ctx, c, conversationID)
	if err != nil {
		return 0, err
	}
	return s.store.UnreadCount(ctx, c.workspaceID, conversationID, p)
}

// reader returns the caller's participant if it may keep a read position
// in the conversation.
func (s *Service) reader(ctx context.Context, c Caller, conversationID string) (parley.Participant, error) {
	if c.system || c.isToken() {
		return parley.Participant{}, errForbidden("Only visitors, agents and bots have a read position.")
	}
	if _, err := s.readable(ctx, c, conversationID); err != nil {
		return parley.Participant{}, err
	}
	return c.Participant(), nil
}

// Typing tells the conversation's other participants that the caller is
// typing: a notification on the bus only, at most one per participant and
// conversation per TypingInterval (others are dropped without error).
// note marks typing a note, which only agents hear; visitors may not.
// Returns ENOTFOUND or EFORBIDDEN.
func (s *Service) Typing(ctx context.Context, c Caller, conversationID string, note bool) error {
	if note && !c.isAgent() {
		return errForbidden("Only agents write notes.")
	}
	if _, err := s.writable(ctx, c, conversationID); err != nil {
		return err
	}
	p := c.Participant()
	if !s.typing.allow(conversationID+"\x00"+string(p.Type)+"\x00"+p.ID, s.now()) {
		return nil
	}
	a := AudienceVisitor
	if note {
		a = AudienceStaff
	}
	n, err := s.ephemeral(c.workspaceID, conversationID, NotifyTyping, TypingData{By: p, Note: note}, a)
	if err != nil {
		return err
	}
	s.notify(n)
	return nil
}

// throttle lets one event per key through per interval. Its memory is
// bounded by the keys seen within the last interval.
type throttle struct {
	interval time.Duration
	mu       sync.Mutex
	last     map[string]time.Time
	swept    time.Time
}

func newThrottle(interval time.Duration) *throttle {
	return &throttle{interval: interval, last: map[string]time.Time{}}
}

func (t *throttle) allow(key string, now time.Time) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if now.Sub(t.swept) > t.interval {
		for k, at := range t.last {
			if now.Sub(at) >= t.interval {
				delete(t.last, k)
			}
		}
		t.swept = now
	}
	if at, ok := t.last[key]; ok && now.Sub(at) < t.interval {
		return false
	}
	t.last[key] = now
	return true
}
