package httpapi_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/testenv"
)

// onBothEngines runs test against a server on SQLite, and on PostgreSQL
// when PARLEY_TEST_POSTGRES_URL is set.
func onBothEngines(t *testing.T, test func(t *testing.T, ts *testServer)) {
	t.Run("SQLite", func(t *testing.T) { test(t, newServer(t)) })
	t.Run("Postgres", func(t *testing.T) { test(t, newServerOn(t, testenv.PostgresURL(t))) })
}

type reportBody struct {
	GroupBy string `json:"group_by"`
	Rows    []struct {
		Key           string `json:"key"`
		Conversations int    `json:"conversations"`
		Resolved      int    `json:"resolved"`
		FirstResponse struct {
			Count int `json:"count"`
		} `json:"first_response"`
		Ratings     int     `json:"csat_responses"`
		CSATAverage float64 `json:"csat_average"`
	} `json:"rows"`
}

func TestReports(t *testing.T) { onBothEngines(t, testReports) }

func testReports(t *testing.T, ts *testServer) {
	sup, agent := ts.member(t, parley.RoleSupervisor), ts.member(t, parley.RoleAgent)
	in := ts.inbox(t)
	v := ts.guest(t, in)
	conv := ts.start(t, v)
	ts.do(t, "POST", "/api/v1/conversations/"+conv.ID+"/messages", v, map[string]any{"body": "Hello"}).want(t, 201)
	ts.do(t, "POST", "/api/v1/conversations/"+conv.ID+"/assign", agent, nil).want(t, 200)
	ts.do(t, "POST", "/api/v1/conversations/"+conv.ID+"/messages", agent, map[string]any{"body": "Hi"}).want(t, 201)
	ts.do(t, "POST", "/api/v1/conversations/"+conv.ID+"/resolve", agent, nil).want(t, 200)
	ts.do(t, "POST", "/api/v1/conversations/"+conv.ID+"/rating", v, map[string]any{"score": 3}).want(t, 201)

	today := time.Now().UTC().Format(time.DateOnly)
	tomorrow := time.Now().UTC().Add(24 * time.Hour).Format(time.DateOnly)
	var r reportBody
	ts.do(t, "GET", "/api/v1/reports/conversations?from="+today+"&to="+tomorrow, sup, nil).want(t, 200).decode(t, &r)
	if r.GroupBy != "workspace" || len(r.Rows) != 1 || r.Rows[0].Conversations != 1 || r.Rows[0].Resolved != 1 ||
		r.Rows[0].FirstResponse.Count != 1 || r.Rows[0].Ratings != 1 || r.Rows[0].CSATAverage != 3 {
		t.Errorf("report = %+v", r)
	}
	ts.do(t, "GET", "/api/v1/reports/conversations?from="+today+"&to="+tomorrow+"&group_by=inbox", sup, nil).want(t, 200).decode(t, &r)
	if len(r.Rows) != 1 || r.Rows[0].Key != in.ID {
		t.Errorf("by inbox = %+v", r)
	}

	// By queue, and by day in a time zone far from UTC (UTC+14): the key is
	// the local date of the conversation's creation.
	var got parley.Conversation
	ts.do(t, "GET", "/api/v1/conversations/"+conv.ID, sup, nil).want(t, 200).decode(t, &got)
	ts.do(t, "GET", "/api/v1/reports/conversations?from="+today+"&to="+tomorrow+"&group_by=queue", sup, nil).want(t, 200).decode(t, &r)
	if got.QueueID == "" || len(r.Rows) != 1 || r.Rows[0].Key != got.QueueID || r.Rows[0].Conversations != 1 {
		t.Errorf("by queue = %+v, want one row for queue %q", r, got.QueueID)
	}
	// By team: the queue's team. With business_hours, durations count
	// only the queue's open time: none, for a queue never open.
	var team struct{ ID string }
	all := ts.token(t, ts.ws.ID, parley.ScopeAll)
	ts.do(t, "POST", "/api/v1/teams", all, map[string]any{"name": "Desk"}).want(t, 201).decode(t, &team)
	ts.do(t, "PATCH", "/api/v1/queues/"+got.QueueID, all, map[string]any{"team_id": team.ID}).want(t, 200)
	ts.do(t, "PUT", "/api/v1/queues/"+got.QueueID+"/business-hours", all,
		map[string]any{"time_zone": "UTC", "weekly": [7][]any{{}, {}, {}, {}, {}, {}, {}}}).want(t, 200)
	ts.do(t, "GET", "/api/v1/reports/conversations?from="+today+"&to="+tomorrow+"&group_by=team", sup, nil).want(t, 200).decode(t, &r)
	if len(r.Rows) != 1 || r.Rows[0].Key != team.ID || r.Rows[0].Conversations != 1 {
		t.Errorf("by team = %+v, want one row for team %q", r, team.ID)
	}
	var inHours struct {
		BusinessHours bool `json:"business_hours"`
		Rows          []struct {
			FirstResponse parley.Durations `json:"first_response"`
			Resolution    parley.Durations `json:"resolution"`
		} `json:"rows"`
	}
	ts.do(t, "GET", "/api/v1/reports/conversations?from="+today+"&to="+tomorrow+"&business_hours=true", sup, nil).want(t, 200).decode(t, &inHours)
	if !inHours.BusinessHours || len(inHours.Rows) != 1 || inHours.Rows[0].FirstResponse != (parley.Durations{Count: 1}) ||
		inHours.Rows[0].Resolution != (parley.Durations{Count: 1}) {
		t.Errorf("within business hours = %+v, want one response and one resolution of 0 s", inHours)
	}
	ts.do(t, "GET", "/api/v1/reports/conversations?from="+today+"&to="+tomorrow+"&business_hours=maybe", sup, nil).problem(t, 422, parley.EINVALID)

	kiritimati, err := time.LoadLocation("Pacific/Kiritimati")
	if err != nil {
		t.Fatal(err)
	}
	localDay := got.CreatedAt.In(kiritimati)
	span := "from=" + localDay.Add(-24*time.Hour).Format(time.DateOnly) + "&to=" + localDay.Add(48*time.Hour).Format(time.DateOnly)
	var byDay struct {
		reportBody
		TZ string `json:"tz"`
	}
	ts.do(t, "GET", "/api/v1/reports/conversations?"+span+"&group_by=day&tz=Pacific/Kiritimati", sup, nil).want(t, 200).decode(t, &byDay)
	if byDay.TZ != "Pacific/Kiritimati" || len(byDay.Rows) != 1 || byDay.Rows[0].Key != localDay.Format(time.DateOnly) {
		t.Errorf("by day in Pacific/Kiritimati = %+v, want one row keyed %s", byDay, localDay.Format(time.DateOnly))
	}
	ts.do(t, "GET", "/api/v1/reports/conversations?"+span+"&group_by=hour&tz=Pacific/Kiritimati", sup, nil).want(t, 200).decode(t, &r)
	if len(r.Rows) != 1 || r.Rows[0].Key != localDay.Format("2006-01-02T15") {
		t.Errorf("by hour = %+v, want one row keyed %s", r, localDay.Format("2006-01-02T15"))
	}

	// The same report as CSV.
	res := ts.do(t, "GET", "/api/v1/reports/conversations.csv?from="+today+"&to="+tomorrow+"&group_by=inbox", sup, nil).want(t, 200)
	if ct := res.header.Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
		t.Errorf("CSV Content-Type = %q", ct)
	}
	if cd := res.header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment; filename=") {
		t.Errorf("CSV Content-Disposition = %q", cd)
	}
	records, err := csv.NewReader(bytes.NewReader(res.body)).ReadAll()
	if err != nil {
		t.Fatalf("CSV: %v\n%s", err, res.body)
	}
	if len(records) != 2 || records[0][0] != "key" || records[0][1] != "conversations" || records[1][0] != in.ID ||
		records[1][1] != "1" || records[1][2] != "1" || records[0][11] != "csat_average" || records[1][11] != "3" {
		t.Errorf("CSV = %q", records)
	}
	ts.do(t, "GET", "/api/v1/reports/conversations.csv?from="+today+"&to="+tomorrow, agent, nil).problem(t, 403, parley.EFORBIDDEN)

	// Who may read reports: supervisors, admins and tokens with reports:read.
	ts.do(t, "GET", "/api/v1/reports/conversations?from="+today+"&to="+tomorrow, agent, nil).problem(t, 403, parley.EFORBIDDEN)
	ts.do(t, "GET", "/api/v1/reports/conversations?from="+today+"&to="+tomorrow, v, nil).problem(t, 403, parley.EFORBIDDEN)
	ts.do(t, "GET", "/api/v1/reports/conversations?from="+today+"&to="+tomorrow, ts.token(t, ts.ws.ID, parley.ScopeReportsRead), nil).want(t, 200)

	// Bad input.
	for name, query := range map[string]string{
		"NoRange":     "",
		"BadFrom":     "from=yesterday&to=" + tomorrow,
		"Backwards":   "from=" + tomorrow + "&to=" + today,
		"TooLong":     "from=2020-01-01&to=2022-01-01",
		"BadGroup":    "from=" + today + "&to=" + tomorrow + "&group_by=planet",
		"BadTimeZone": "from=" + today + "&to=" + tomorrow + "&tz=Mars/Olympus_Mons",
		"LocalZone":   "from=" + today + "&to=" + tomorrow + "&tz=Local",
		"TZTooLong":   "from=" + today + "&to=" + tomorrow + "&tz=" + strings.Repeat("A", 65),
		"NUL":         "from=%00&to=" + tomorrow,
		"InvalidUTF8": "from=%ff&to=" + tomorrow,
		"HugeValue":   "from=" + string(make([]byte, 0)) + "2026-01-01T00:00:00.000000000000000000000000000000000000000000Z&to=" + tomorrow,
	} {
		t.Run(name, func(t *testing.T) {
			ts.do(t, "GET", "/api/v1/reports/conversations?"+query, sup, nil).problem(t, 422, parley.EINVALID)
		})
	}

	// Another workspace's report holds none of it.
	ws2 := &parley.Workspace{Slug: "other", Name: "Other"}
	if err := ts.store.CreateWorkspace(context.Background(), parley.SystemActor, ws2); err != nil {
		t.Fatal(err)
	}
	ts.do(t, "GET", "/api/v1/reports/conversations?from="+today+"&to="+tomorrow, ts.token(t, ws2.ID, parley.ScopeAll), nil).want(t, 200).decode(t, &r)
	if len(r.Rows) != 1 || r.Rows[0].Conversations != 0 {
		t.Errorf("the other workspace's report = %+v", r)
	}
}
