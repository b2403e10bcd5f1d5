package httpapi

import (
	"bytes"
	"context"
	"encoding/csv"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
)

func (s *server) reportRoutes() {
	register(s, huma.Operation{
		OperationID: "report-conversations", Method: http.MethodGet, Path: "/api/v1/reports/conversations", Tags: []string{"Reports"},
		Summary: "Conversation report over a date range",
		Description: "Counts the conversations created in [`from`, `to`) — dates (midnight in `tz`) or RFC 3339 times, at most " +
			"366 days apart — and how many are resolved; first response time (from the visitor's first message to the " +
			"first reply of an agent or bot; notes do not count) and resolution time (from creation), each as count, " +
			"median and 90th percentile (nearest rank) in seconds — with `business_hours=true`, counting only the time " +
			"within the business hours of the conversation's queue; CSAT: ratings, average score and response rate " +
			"(ratings per resolved conversation). `group_by` splits the numbers per `agent` (who holds or last held " +
			"it; key \"\" for nobody), `inbox`, `queue`, `team` (its queue's team; key \"\" for none), `label` (a " +
			"conversation counts under each of its labels), " +
			"`day` or `hour` of creation in `tz` (keys 2006-01-02 and 2006-01-02T15; only those with conversations), " +
			"or not at all (`workspace`, the default).",
	}, staff(parley.ScopeReportsRead), s.reportConversations)
	register(s, huma.Operation{
		OperationID: "report-conversations-csv", Method: http.MethodGet, Path: "/api/v1/reports/conversations.csv", Tags: []string{"Reports"},
		Summary: "Conversation report as CSV",
		Description: "The report of `GET /api/v1/reports/conversations`, same parameters, as a CSV file (RFC 4180, a header " +
			"line, then a line per row; durations in seconds) to open in a spreadsheet.",
		Responses: map[string]*huma.Response{"200": {Description: "The report.", Content: map[string]*huma.MediaType{"text/csv": {}}}},
	}, staff(parley.ScopeReportsRead), s.reportConversationsCSV)
}

type reportInput struct {
	From    string `query:"from" required:"true" maxLength:"40" doc:"The first day (YYYY-MM-DD) or time (RFC 3339), included."`
	To      string `query:"to" required:"true" maxLength:"40" doc:"The day or time the range ends, excluded."`
	GroupBy string `query:"group_by" enum:"workspace,agent,inbox,queue,team,label,day,hour" doc:"How to split the numbers; workspace by default."`
	TZ      string `query:"tz" maxLength:"64" doc:"The IANA time zone (e.g. Europe/Berlin) of the dates and of the day and hour buckets; UTC by default."`
	// BusinessHours: durations count only open time.
	BusinessHours bool `query:"business_hours" doc:"Count first response and resolution times only within the business hours of each conversation's queue (a queue without hours is always open)."`
}

type reportOutput struct {
	Body struct {
		From          time.Time          `json:"from"`
		To            time.Time          `json:"to"`
		GroupBy       string             `json:"group_by"`
		TimeZone      string             `json:"tz"`
		BusinessHours bool               `json:"business_hours"`
		Rows          []parley.ReportRow `json:"rows" nullable:"false"`
	}
}

// reportTime reads a date (midnight in loc) or an RFC 3339 time.
func reportTime(s string, loc *time.Location) (time.Time, bool) {
	if t, err := time.ParseInLocation(time.DateOnly, s, loc); err == nil {
		return t, true
	}
	t, err := time.Parse(time.RFC3339, s)
	return t, err == nil
}

func (s *server) reportConversations(ctx context.Context, in *reportInput) (*reportOutput, error) {
	var v parley.Validation
	loc := time.UTC
	if in.TZ != "" {
		l, err := time.LoadLocation(in.TZ)
		if err != nil || in.TZ == "Local" {
			v.Add("query.tz", "must be an IANA time zone, such as Europe/Berlin")
		} else {
			loc = l
		}
	}
	from, okFrom := reportTime(in.From, loc)
	to, okTo := reportTime(in.To, loc)
	if !okFrom {
		v.Add("query.from", "must be a date (YYYY-MM-DD) or an RFC 3339 time")
	}
	if !okTo {
		v.Add("query.to", "must be a date (YYYY-MM-DD) or an RFC 3339 time")
	}
	if okFrom && okTo && (!to.After(from) || to.Sub(from) > parley.MaxReportRange) {
		v.Add("query.to", "must be after from, at most 366 days later")
	}
	group := in.GroupBy
	if group == "" {
		group = "workspace"
	}
	if !slices.Contains(parley.ReportGroups, group) {
		v.Add("query.group_by", "must be workspace, agent, inbox, queue, team, label, day or hour")
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	ws := principal(ctx).WorkspaceID
	facts, err := s.store.ReportFacts(ctx, ws, from.UTC(), to.UTC())
	if err != nil {
		return nil, err
	}
	opts := parley.ReportOptions{Group: group, Location: loc}
	if in.BusinessHours {
		queues, err := s.store.ListQueues(ctx, ws)
		if err != nil {
			return nil, err
		}
		opts.Hours = map[string]parley.BusinessHours{}
		for _, q := range queues {
			if q.Hours != nil {
				opts.Hours[q.ID] = *q.Hours
			}
		}
	}
	out := &reportOutput{}
	out.Body.From, out.Body.To, out.Body.GroupBy, out.Body.TimeZone = from, to, group, loc.String()
	out.Body.BusinessHours = in.BusinessHours
	out.Body.Rows = parley.BuildReport(facts, opts)
	return out, nil
}

type reportCSVOutput struct {
	ContentType        string `header:"Content-Type"`
	ContentDisposition string `header:"Content-Disposition"`
	Body               []byte
}

// reportCSVHeader names the columns of the CSV report.
var reportCSVHeader = []string{"key", "conversations", "resolved", "abandoned",
	"first_response_count", "first_response_median_seconds", "first_response_p90_seconds",
	"resolution_count", "resolution_median_seconds", "resolution_p90_seconds",
	"csat_responses", "csat_average", "csat_response_rate"}

func (s *server) reportConversationsCSV(ctx context.Context, in *reportInput) (*reportCSVOutput, error) {
	rep, err := s.reportConversations(ctx, in)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(reportCSVHeader)
	num := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	for _, r := range rep.Body.Rows {
		w.Write([]string{r.Key, strconv.Itoa(r.Conversations), strconv.Itoa(r.Resolved), strconv.Itoa(r.Abandoned),
			strconv.Itoa(r.FirstResponse.Count), num(r.FirstResponse.Median), num(r.FirstResponse.P90),
			strconv.Itoa(r.Resolution.Count), num(r.Resolution.Median), num(r.Resolution.P90),
			strconv.Itoa(r.Ratings), num(r.CSATAverage), num(r.ResponseRate)})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return nil, err
	}
	name := "parley-report-" + rep.Body.GroupBy + "-" + rep.Body.From.Format(time.DateOnly) + ".csv"
	return &reportCSVOutput{ContentType: "text/csv; charset=utf-8",
		ContentDisposition: `attachment; filename="` + name + `"`, Body: buf.Bytes()}, nil
}
