package realtime

// sinkSet is a topic's local members. Most topics have one (a visitor's
// own conversation, its contact's feed): it is kept inline, and a map is
// made only for a second member — a map of one costs about 200 bytes, per
// topic, so per idle visitor twice.
type sinkSet struct {
	one  sink
	more map[sink]struct{} // the others, when there are; one is then set too
}

func (m *sinkSet) add(s sink) {
	switch {
	case m.one == nil || m.one == s:
		m.one = s
	default:
		if m.more == nil {
			m.more = map[sink]struct{}{}
		}
		m.more[s] = struct{}{}
	}
}

func (m *sinkSet) remove(s sink) {
	if m.one != s {
		delete(m.more, s)
		return
	}
	m.one = nil
	for o := range m.more { // any other takes its place
		m.one = o
		delete(m.more, o)
		break
	}
}

func (m *sinkSet) len() int {
	if m.one == nil {
		return 0
	}
	return 1 + len(m.more)
}
