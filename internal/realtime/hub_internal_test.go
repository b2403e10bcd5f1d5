package realtime

import (
	"strconv"
	"testing"
	"time"
)

// A topic remembers the events it passed on — each is new once — within
// bounds: at most maxRecent, within recentWindow of the newest.
func TestRecentEvents(t *testing.T) {
	var r recentEvents
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	if !r.add("a", start) || r.add("a", start) {
		t.Fatal("an event is new exactly once")
	}
	for i := range 2 * maxRecent {
		r.add(strconv.Itoa(i), start.Add(time.Duration(i)*time.Millisecond))
	}
	if len(r.ids) != maxRecent || len(r.order) != maxRecent {
		t.Fatalf("remembers %d events (%d in order), want at most %d", len(r.ids), len(r.order), maxRecent)
	}
	if r.add(strconv.Itoa(2*maxRecent-1), start) {
		t.Error("the newest event is new again")
	}
	if !r.add("a", start) {
		t.Error("the oldest event is still remembered past the bound")
	}
	later := start.Add(recentWindow + time.Hour)
	r.add("late", later)
	if len(r.ids) != 1 {
		t.Errorf("remembers %d events after a newer one past the window, want 1", len(r.ids))
	}
}
