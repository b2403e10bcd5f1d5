package realtime

// smallMap is a map by conversation ID that keeps its first entry inline
// and makes a map only for a second: most connections (a visitor's) follow
// one conversation, and a Go map of one entry costs about 250 bytes, per
// connection and per map (its subscriptions, its writer's delivery state).
type smallMap[V any] struct {
	key  string
	val  V
	set  bool         // key and val hold an entry
	more map[string]V // the other entries
}

func (m *smallMap[V]) get(k string) (V, bool) {
	if m.set && m.key == k {
		return m.val, true
	}
	v, ok := m.more[k]
	return v, ok
}

func (m *smallMap[V]) put(k string, v V) {
	if m.set && m.key == k {
		m.val = v
		return
	}
	if _, ok := m.more[k]; ok {
		m.more[k] = v
		return
	}
	if !m.set {
		m.key, m.val, m.set = k, v, true
		return
	}
	if m.more == nil {
		m.more = map[string]V{}
	}
	m.more[k] = v
}

func (m *smallMap[V]) del(k string) {
	if m.set && m.key == k {
		var zero V
		m.key, m.val, m.set = "", zero, false
		return
	}
	delete(m.more, k)
}

func (m *smallMap[V]) len() int {
	n := len(m.more)
	if m.set {
		n++
	}
	return n
}

// each calls f for every entry.
func (m *smallMap[V]) each(f func(k string, v V)) {
	if m.set {
		f(m.key, m.val)
	}
	for k, v := range m.more {
		f(k, v)
	}
}
