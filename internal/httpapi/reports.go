package httpapi

import (
	"context"
	"net/http"
	"slices"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
)

func (s *server) reportRoutes() {
	register(s, huma.Operation{
		OperationID: "report-conversations", Method: http.MethodGet, Path: "/api/v1/reports/conversations", Tags: []string{"Reports"},
		Summary: "Conversation report over a date range",
		Description: "Counts the conversations created in [`from`, `to`) — dates (UTC midnight) or RFC 3339 times, at most " +
			"366 days apart — and how many are resolved; first response time (from the visitor's first message to the " +
			"first reply of an agent or bot; notes do not count) and resolution time (from creation), each as count, " +
			"median and 90th percentile (nearest rank) in seconds; CSAT: ratings, average score and response rate " +
			"(ratings per resolved conversation). `group_by` splits the numbers per `agent` (who holds or last held " +
			"it; key \"\" for nobody), `inbox` or `label` (a conversation counts under each of its labels), or not at " +
			"all (`workspace`, the default).",
	}, staff(parley.ScopeReportsRead), s.reportConversations)
}

type reportInput struct {
	From    string `query:"from" required:"true" maxLength:"40" doc:"The first day (YYYY-MM-DD) or time (RFC 3339), included."`
	To      string `query:"to" required:"true" maxLength:"40" doc:"The day or time the range ends, excluded."`
	GroupBy string `query:"group_by" enum:"workspace,agent,inbox,label" doc:"How to split the numbers; workspace by default."`
}

type reportOutput struct {
	Body struct {
		From    time.Time          `json:"from"`
		To      time.Time          `json:"to"`
		GroupBy string             `json:"group_by"`
		Rows    []parley.ReportRow `json:"rows" nullable:"false"`
	}
}

// reportTime reads a date (UTC midnight) or an RFC 3339 time.
func reportTime(s string) (time.Time, bool) {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t.UTC(), true
	}
	t, err := time.Parse(time.RFC3339, s)
	return t.UTC(), err == nil
}

func (s *server) reportConversations(ctx context.Context, in *reportInput) (*reportOutput, error) {
	var v parley.Validation
	from, okFrom := reportTime(in.From)
	to, okTo := reportTime(in.To)
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
		v.Add("query.group_by", "must be workspace, agent, inbox or label")
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	facts, err := s.store.ReportFacts(ctx, principal(ctx).WorkspaceID, from, to)
	if err != nil {
		return nil, err
	}
	out := &reportOutput{}
	out.Body.From, out.Body.To, out.Body.GroupBy = from, to, group
	out.Body.Rows = parley.BuildReport(facts, group)
	return out, nil
}
