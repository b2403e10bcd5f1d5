package httpapi

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
)

func (s *server) supervisorRoutes() {
	register(s, huma.Operation{
		OperationID: "supervisor-overview", Method: http.MethodGet, Path: "/api/v1/supervisor/overview", Tags: []string{"Reports"},
		Summary: "The supervisor's live view of queues and agents",
		Description: "Read from the database at the time of the request (`at`), so every node answers the same. Per queue: " +
			"conversations waiting (pending) and the seconds the oldest has waited since it was queued, conversations " +
			"assigned, how many of them wait longer than `alert_after` seconds, and the agents who take its conversations " +
			"(the team's members, or every agent) online, away and offline, and those online at capacity (the queue's " +
			"capacity when it sets one). Per enabled human agent: presence, conversations held, open offers, capacity, " +
			"whether it is at capacity, and its latest reply (text or file; notes are no reply) in the conversations it " +
			"holds now, with the seconds since. `alerts`: the conversations waiting `alert_after` seconds or longer, oldest " +
			"first, at most 100 (`alerts_total` counts them all).",
	}, staff(parley.ScopeReportsRead), s.supervisorOverview)
}

type supervisorInput struct {
	AlertAfter int `query:"alert_after" minimum:"10" maximum:"86400" doc:"Alert on conversations waiting this many seconds or longer; 120 by default."`
}

type supervisorOutput struct {
	Body parley.SupervisorOverview
}

func (s *server) supervisorOverview(ctx context.Context, in *supervisorInput) (*supervisorOutput, error) {
	after := parley.DefaultAlertAfter
	if in.AlertAfter != 0 {
		after = time.Duration(in.AlertAfter) * time.Second
	}
	now := s.cfg.Now().UTC().Truncate(time.Microsecond)
	st, err := s.store.LiveState(ctx, principal(ctx).WorkspaceID, now.Add(-after), parley.MaxOverviewAlerts)
	if err != nil {
		return nil, err
	}
	return &supervisorOutput{Body: parley.BuildSupervisorOverview(st, now, after)}, nil
}
