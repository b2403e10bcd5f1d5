package conversation

import "github.com/parleychat/parley"

// A conversation numbers its messages twice (see parley.Message): the full
// sequence counts every message, the visitor sequence only what a visitor
// may see. Each caller reads by its own: a visitor by the visitor
// sequence, staff by the full one. So every message, conversation and read
// position the service returns to a visitor carries the visitor sequence
// as its seq (ForVisitor), and every seq a visitor passes in (after_seq,
// before_seq, read up to) is a visitor seq. No number a visitor is given
// then tells of a note.

// showMessage returns m as the caller is shown it.
func (c Caller) showMessage(m *parley.Message) *parley.Message {
	if m == nil || !c.isVisitor() {
		return m
	}
	return m.ForVisitor()
}

// showConversation returns conv as the caller is shown it.
func (c Caller) showConversation(conv *parley.Conversation) *parley.Conversation {
	if conv == nil || !c.isVisitor() {
		return conv
	}
	return conv.ForVisitor()
}

// showConversations returns the list as the caller is shown it.
func (c Caller) showConversations(l parley.List[*parley.Conversation]) parley.List[*parley.Conversation] {
	if c.isVisitor() {
		for i, conv := range l.Items {
			l.Items[i] = conv.ForVisitor()
		}
	}
	return l
}
