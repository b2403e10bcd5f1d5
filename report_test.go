package parley_test

import (
	"testing"
	"time"

	"github.com/parleychat/parley"
)

// TestBuildReportBusinessHours: with the queues' business hours, first
// response and resolution times count only open time, each conversation by
// its own queue's hours (a queue without hours is always open); grouped by
// team, a conversation counts under its queue's team.
func TestBuildReportBusinessHours(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	friday := time.Date(2026, 12, 11, 16, 0, 0, 0, berlin)
	facts := []parley.ReportFact{
		// Written Friday 16:00, answered Monday 09:30, resolved Monday 10:00:
		// 90 + 30 open minutes to the answer, 2 h to resolution.
		{ConversationID: "a", QueueID: "office", TeamID: "desk", CreatedAt: friday, FirstVisitorAt: friday,
			FirstReplyAt: friday.Add(65*time.Hour + 30*time.Minute), ResolvedAt: friday.Add(66 * time.Hour)},
		// The same times in a queue without hours: elapsed time.
		{ConversationID: "b", QueueID: "always", CreatedAt: friday, FirstVisitorAt: friday,
			FirstReplyAt: friday.Add(65*time.Hour + 30*time.Minute), ResolvedAt: friday.Add(66 * time.Hour)},
	}
	hours := map[string]parley.BusinessHours{"office": berlinHours()}
	rows := parley.BuildReport(facts, parley.ReportOptions{Group: "queue", Hours: hours})
	want := map[string][2]float64{ // queue → first response, resolution (seconds)
		"always": {(65*time.Hour + 30*time.Minute).Seconds(), (66 * time.Hour).Seconds()},
		"office": {(2 * time.Hour).Seconds(), (2*time.Hour + 30*time.Minute).Seconds()},
	}
	if len(rows) != 2 {
		t.Fatalf("rows = %+v", rows)
	}
	for _, r := range rows {
		if w := want[r.Key]; r.FirstResponse.Median != w[0] || r.Resolution.Median != w[1] {
			t.Errorf("%s: first response %v s, resolution %v s; want %v", r.Key, r.FirstResponse.Median, r.Resolution.Median, w)
		}
	}
	// Without hours, both are elapsed time.
	for _, r := range parley.BuildReport(facts, parley.ReportOptions{Group: "queue"}) {
		if r.FirstResponse.Median != want["always"][0] {
			t.Errorf("%s without hours: first response %v s", r.Key, r.FirstResponse.Median)
		}
	}
	byTeam := parley.BuildReport(facts, parley.ReportOptions{Group: "team"})
	if len(byTeam) != 2 || byTeam[0].Key != "" || byTeam[1].Key != "desk" || byTeam[1].Conversations != 1 {
		t.Errorf("by team = %+v", byTeam)
	}
}
