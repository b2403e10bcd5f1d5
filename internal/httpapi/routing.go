package httpapi

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/outbound"
	"github.com/parleychat/parley/internal/stdwebhook"
)

// routingRoutes registers teams, queues, routing rules, an inbox's queue,
// transfers to a queue or team, and what a waiting visitor is told.
func (s *server) routingRoutes() {
	tags := []string{"Routing"}
	register(s, huma.Operation{
		OperationID: "list-teams", Method: http.MethodGet, Path: "/api/v1/teams", Tags: tags,
		Summary: "List teams", Description: "Lists the workspace's teams, ordered by name, with their members.",
	}, staff(parley.ScopeAgentsRead), s.listTeams)
	register(s, huma.Operation{
		OperationID: "create-team", Method: http.MethodPost, Path: "/api/v1/teams", Tags: tags,
		Summary: "Create a team", DefaultStatus: http.StatusCreated,
		Description: "Creates a team of agents; an agent may be in several teams. Names are unique without regard to case (409).",
	}, staff(parley.ScopeRoutingWrite), s.createTeam)
	register(s, huma.Operation{
		OperationID: "get-team", Method: http.MethodGet, Path: "/api/v1/teams/{id}", Tags: tags, Summary: "Get a team",
	}, staff(parley.ScopeAgentsRead), s.getTeam)
	register(s, huma.Operation{
		OperationID: "update-team", Method: http.MethodPatch, Path: "/api/v1/teams/{id}", Tags: tags,
		Summary: "Change a team", Description: "Changes the fields present; `agent_ids` replaces the members.",
	}, staff(parley.ScopeRoutingWrite), s.updateTeam)
	register(s, huma.Operation{
		OperationID: "delete-team", Method: http.MethodDelete, Path: "/api/v1/teams/{id}", Tags: tags,
		Summary: "Delete a team", DefaultStatus: http.StatusNoContent,
		Description: "Deletes a team; 409 while a queue routes to it.",
	}, staff(parley.ScopeRoutingWrite), s.deleteTeam)

	register(s, huma.Operation{
		OperationID: "list-queues", Method: http.MethodGet, Path: "/api/v1/queues", Tags: tags,
		Summary: "List queues", Description: "Lists the workspace's queues, ordered by name; the default queue is always there.",
	}, staff(parley.ScopeAgentsRead), s.listQueues)
	register(s, huma.Operation{
		OperationID: "create-queue", Method: http.MethodPost, Path: "/api/v1/queues", Tags: tags,
		Summary: "Create a queue", DefaultStatus: http.StatusCreated,
		Description: "Creates a queue with a strategy (`manual`, `round_robin`, `least_busy`, `longest_idle`; see docs/routing.md), " +
			"an optional team (without one, every agent of the workspace takes its conversations) and an optional " +
			"capacity that replaces the agents' own while they take this queue's conversations.",
	}, staff(parley.ScopeRoutingWrite), s.createQueue)
	register(s, huma.Operation{
		OperationID: "get-queue", Method: http.MethodGet, Path: "/api/v1/queues/{id}", Tags: tags, Summary: "Get a queue",
	}, staff(parley.ScopeAgentsRead), s.getQueue)
	register(s, huma.Operation{
		OperationID: "update-queue", Method: http.MethodPatch, Path: "/api/v1/queues/{id}", Tags: tags,
		Summary: "Change a queue", Description: "Changes the fields present; `team_id` \"\" routes to every agent.",
	}, staff(parley.ScopeRoutingWrite), s.updateQueue)
	register(s, huma.Operation{
		OperationID: "delete-queue", Method: http.MethodDelete, Path: "/api/v1/queues/{id}", Tags: tags,
		Summary: "Delete a queue", DefaultStatus: http.StatusNoContent,
		Description: "Deletes a queue; 409 for the default queue, a queue an inbox or a routing rule uses, or one holding " +
			"conversations that are not resolved. Its resolved conversations move to the default queue.",
	}, staff(parley.ScopeRoutingWrite), s.deleteQueue)
	register(s, huma.Operation{
		OperationID: "set-queue-external-router", Method: http.MethodPut, Path: "/api/v1/queues/{id}/external-router", Tags: tags,
		Summary: "Set a queue's external routing service",
		Description: "For a queue with the `external` strategy: Parley POSTs each conversation to place, with the eligible agents, " +
			"to `url` (https; checked like every outbound URL: internal addresses are refused), signed with Standard Webhooks " +
			"headers, and assigns the agent the answer names. When the service does not answer within `timeout_ms` (default " +
			"2000, at most 10000), fails, or names no eligible agent, the `fallback` strategy (default round_robin) decides. " +
			"Each call makes a new secret, returned here only.",
	}, staff(parley.ScopeRoutingWrite), s.setExternalRouter)
	register(s, huma.Operation{
		OperationID: "delete-queue-external-router", Method: http.MethodDelete, Path: "/api/v1/queues/{id}/external-router", Tags: tags,
		Summary: "Remove a queue's external routing service", DefaultStatus: http.StatusNoContent,
		Description: "Removes the service; an `external` queue then uses its fallback, round robin.",
	}, staff(parley.ScopeRoutingWrite), s.deleteExternalRouter)
	register(s, huma.Operation{
		OperationID: "set-queue-business-hours", Method: http.MethodPut, Path: "/api/v1/queues/{id}/business-hours", Tags: tags,
		Summary: "Set a queue's business hours",
		Description: "Opening intervals per weekday (`weekly`, Sunday first, \"HH:MM\" wall-clock times of `time_zone`, so " +
			"they stay put across daylight-saving changes) and closed `holidays` (YYYY-MM-DD). Outside them conversations " +
			"still queue; visitors are told the queue is closed and when it opens (`open`, `opens_at`).",
	}, staff(parley.ScopeRoutingWrite), s.setBusinessHours)
	register(s, huma.Operation{
		OperationID: "delete-queue-business-hours", Method: http.MethodDelete, Path: "/api/v1/queues/{id}/business-hours", Tags: tags,
		Summary: "Remove a queue's business hours (always open)", DefaultStatus: http.StatusNoContent,
	}, staff(parley.ScopeRoutingWrite), s.deleteBusinessHours)
	register(s, huma.Operation{
		OperationID: "get-queue-availability", Method: http.MethodGet, Path: "/api/v1/queues/{id}/availability", Tags: tags,
		Summary:     "Agents available in a queue",
		Description: "How many of the queue's agents are online (enabled people, not bots), and how many of them are under capacity.",
	}, staff(parley.ScopeAgentsRead), s.queueAvailability)

	register(s, huma.Operation{
		OperationID: "get-routing-rules", Method: http.MethodGet, Path: "/api/v1/routing-rules", Tags: tags,
		Summary: "Get the routing rules", Description: "The ordered rules that choose a conversation's queue.",
	}, staff(parley.ScopeAgentsRead), s.getRoutingRules)
	register(s, huma.Operation{
		OperationID: "set-routing-rules", Method: http.MethodPut, Path: "/api/v1/routing-rules", Tags: tags,
		Summary: "Replace the routing rules",
		Description: "Replaces the ordered rules. When a visitor's message makes a conversation pending, the first rule whose " +
			"conditions all hold puts it in the rule's queue; when none does, it goes to its inbox's queue. Conditions: " +
			"`inbox_id`, `verified` (true: identified by the site's back-end; false: a guest), `attributes` (each contact " +
			"attribute, as text, equals the value) and `page_url_prefix` (the page the conversation started from).",
	}, staff(parley.ScopeRoutingWrite), s.setRoutingRules)

	register(s, huma.Operation{
		OperationID: "get-inbox-queue", Method: http.MethodGet, Path: "/api/v1/inboxes/{id}/queue", Tags: tags,
		Summary: "Get an inbox's queue", Description: "The queue the inbox's conversations go to when no rule matches.",
	}, staff(parley.ScopeInboxesRead), s.getInboxQueue)
	register(s, huma.Operation{
		OperationID: "set-inbox-queue", Method: http.MethodPut, Path: "/api/v1/inboxes/{id}/queue", Tags: tags,
		Summary: "Set an inbox's queue", Description: "Sets the inbox's queue; `queue_id` \"\" returns it to the default queue.",
	}, staff(parley.ScopeRoutingWrite), s.setInboxQueue)

	register(s, huma.Operation{
		OperationID: "move-conversation", Method: http.MethodPost, Path: "/api/v1/conversations/{id}/queue", Tags: tags,
		Summary: "Transfer a conversation to a queue or team",
		Description: "Puts a conversation that is not resolved in another queue — `queue_id`, or `team_id` for the first queue " +
			"(by name) that routes to that team — back in line there if it was assigned (event conversation.queue_changed). " +
			"Agents may move only conversations they hold or that are waiting. 409 if it is resolved or already in that queue; " +
			"422 if no queue routes to the team.",
	}, staff(parley.ScopeConversationsWrite), s.moveConversation)
	register(s, huma.Operation{
		OperationID: "accept-offer", Method: http.MethodPost, Path: "/api/v1/conversations/{id}/offer/accept", Tags: tags,
		Summary: "Accept the offer of a conversation",
		Description: "In a queue in offer mode, the agent a conversation is offered to takes it: it is assigned to the agent " +
			"(events conversation.assigned and conversation.offer_accepted). 409 with reason `no_offer` when the conversation " +
			"is not offered to the caller (any more), `expired` when the offer's time has passed.",
	}, staff(parley.ScopeConversationsWrite), s.acceptOffer)
	register(s, huma.Operation{
		OperationID: "decline-offer", Method: http.MethodPost, Path: "/api/v1/conversations/{id}/offer/decline", Tags: tags,
		Summary: "Decline the offer of a conversation",
		Description: "The agent a conversation is offered to declines it, with an optional `reason` (event " +
			"conversation.offer_declined); it is offered to the next agent. Errors as for accepting.",
	}, staff(parley.ScopeConversationsWrite), s.declineOffer)
	register(s, huma.Operation{
		OperationID: "list-my-offers", Method: http.MethodGet, Path: "/api/v1/me/offers", Tags: tags,
		Summary:     "The conversations offered to me",
		Description: "The calling agent's open offers, oldest first (empty for API tokens).",
	}, staff(parley.ScopeConversationsRead), s.listMyOffers)
	register(s, huma.Operation{
		OperationID: "get-conversation-queue", Method: http.MethodGet, Path: "/api/v1/conversations/{id}/queue", Tags: tags,
		Summary: "Where a conversation stands in its queue",
		Description: "For the waiting visitor (or staff): the conversation's `position` in its queue (1 is next; 0 when it is " +
			"not waiting), how many conversations wait, the estimated wait (the mean time the queue's last 20 conversations " +
			"assigned in the past day waited; absent without any), and how many of the queue's agents are online and available.",
	}, participant(parley.ScopeConversationsRead), s.conversationQueue)
}

type teamView struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	AgentIDs  []string  `json:"agent_ids" nullable:"false"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

func newTeamView(t *parley.Team) teamView {
	ids := t.AgentIDs
	if ids == nil {
		ids = []string{}
	}
	return teamView{ID: t.ID, Name: t.Name, AgentIDs: ids, CreatedAt: t.CreatedAt, UpdatedAt: t.UpdatedAt}
}

type teamOutput struct{ Body teamView }

type teamsOutput struct {
	Body struct {
		Items []teamView `json:"items" nullable:"false"`
	}
}

type teamFields struct {
	Name     *string   `json:"name,omitempty" doc:"At most 64 bytes; unique in the workspace in any case."`
	AgentIDs *[]string `json:"agent_ids,omitempty" maxItems:"1000" doc:"The members."`
}

func (f teamFields) validate(create bool) error {
	var v parley.Validation
	if f.Name != nil || create {
		v.LabelName("name", deref(f.Name))
	}
	if f.AgentIDs != nil {
		if len(*f.AgentIDs) > parley.MaxTeamMembers {
			v.Add("agent_ids", "must hold at most %d agents", parley.MaxTeamMembers)
		}
		for i, id := range *f.AgentIDs {
			if !validID(id) {
				v.Add("agent_ids["+strconv.Itoa(i)+"]", "must be an agent ID")
			}
		}
	}
	return v.Err()
}

// validID reports whether id may be an object's ID: short text without
// control characters (unknown ones are then not found).
func validID(id string) bool {
	var v parley.Validation
	v.LabelName("id", id)
	return len(v.Fields) == 0
}

type createTeamInput struct{ Body teamFields }

type idInput struct {
	ID string `path:"id" maxLength:"64"`
}

type updateTeamInput struct {
	ID   string `path:"id" maxLength:"64"`
	Body teamFields
}

func (s *server) listTeams(ctx context.Context, _ *struct{}) (*teamsOutput, error) {
	teams, err := s.store.ListTeams(ctx, principal(ctx).WorkspaceID)
	if err != nil {
		return nil, err
	}
	out := &teamsOutput{}
	out.Body.Items = make([]teamView, 0, len(teams))
	for _, t := range teams {
		out.Body.Items = append(out.Body.Items, newTeamView(t))
	}
	return out, nil
}

func (s *server) createTeam(ctx context.Context, in *createTeamInput) (*teamOutput, error) {
	if err := in.Body.validate(true); err != nil {
		return nil, err
	}
	p := principal(ctx)
	t := &parley.Team{WorkspaceID: p.WorkspaceID, Name: *in.Body.Name}
	if in.Body.AgentIDs != nil {
		t.AgentIDs = *in.Body.AgentIDs
	}
	if err := s.store.CreateTeam(ctx, p.Actor, t); err != nil {
		return nil, err
	}
	return &teamOutput{Body: newTeamView(t)}, nil
}

func (s *server) getTeam(ctx context.Context, in *idInput) (*teamOutput, error) {
	t, err := s.store.FindTeam(ctx, principal(ctx).WorkspaceID, in.ID)
	if err != nil {
		return nil, err
	}
	return &teamOutput{Body: newTeamView(t)}, nil
}

func (s *server) updateTeam(ctx context.Context, in *updateTeamInput) (*teamOutput, error) {
	if err := in.Body.validate(false); err != nil {
		return nil, err
	}
	p := principal(ctx)
	t, err := s.store.UpdateTeam(ctx, p.Actor, p.WorkspaceID, in.ID, parley.TeamUpdate{Name: in.Body.Name, AgentIDs: in.Body.AgentIDs})
	if err != nil {
		return nil, err
	}
	return &teamOutput{Body: newTeamView(t)}, nil
}

func (s *server) deleteTeam(ctx context.Context, in *idInput) (*struct{}, error) {
	p := principal(ctx)
	return nil, s.store.DeleteTeam(ctx, p.Actor, p.WorkspaceID, in.ID)
}

type queueView struct {
	ID        string              `json:"id"`
	Name      string              `json:"name"`
	TeamID    string              `json:"team_id" doc:"The team whose members take the queue's conversations; \"\" for every agent."`
	Strategy  parley.Strategy     `json:"strategy" enum:"manual,round_robin,least_busy,longest_idle,external,bot"`
	Capacity  int                 `json:"capacity" doc:"When above 0, replaces each agent's own capacity for this queue's conversations."`
	Default   bool                `json:"default" doc:"The workspace's default queue: inboxes without a queue of their own use it."`
	External  *externalRouterView `json:"external,omitempty" doc:"The external routing service, when set (never its secret)."`
	Hours     *businessHoursView  `json:"business_hours,omitempty" doc:"When the queue is open; absent: always."`
	OfferMode bool                `json:"offer_mode" doc:"Automatic assignments are offered to the agent, who accepts within offer_timeout_seconds or it goes to the next agent."`
	// OfferTimeoutSeconds is the time to accept an offer.
	OfferTimeoutSeconds  int        `json:"offer_timeout_seconds" doc:"How long an agent has to accept an offer (default 30)."`
	OfflineReturnSeconds int        `json:"offline_return_seconds" doc:"When above 0: how long an agent holding the queue's conversations may be offline before they go back to the queue."`
	Tiers                []tierView `json:"tiers,omitempty" doc:"Escalation tiers, tier 1 (the queue's team) first; absent: no escalation. See docs/routing.md."`
	BotID                string     `json:"bot_id,omitempty" doc:"With strategy bot: the bot that takes every conversation first."`
	BotTimeoutSeconds    int        `json:"bot_timeout_seconds,omitempty" doc:"When above 0: how long the bot may leave the visitor waiting for a reply before Parley hands the conversation off to handoff_queue_id."`
	HandoffQueueID       string     `json:"handoff_queue_id,omitempty" doc:"Where Parley hands off the conversations the bot leaves waiting."`
	CreatedAt            time.Time  `json:"created_at"`
	UpdatedAt            time.Time  `json:"updated_at"`
}

type externalRouterView struct {
	URL       string `json:"url"`
	TimeoutMS int64  `json:"timeout_ms"`
	Fallback  string `json:"fallback"`
	Secret    string `json:"secret,omitempty" doc:"Only in the answer of PUT: the whsec_ secret that signs the requests."`
}

func newQueueView(q *parley.Queue) queueView {
	v := queueView{ID: q.ID, Name: q.Name, TeamID: q.TeamID, Strategy: q.Strategy, Capacity: q.Capacity,
		Default: q.Default, OfferMode: q.OfferMode, OfferTimeoutSeconds: int(q.EffectiveOfferTimeout() / time.Second),
		OfflineReturnSeconds: int(q.OfflineReturn / time.Second), Tiers: newTierViews(q.Tiers),
		BotID: q.BotID, BotTimeoutSeconds: int(q.BotTimeout / time.Second), HandoffQueueID: q.HandoffQueueID,
		CreatedAt: q.CreatedAt, UpdatedAt: q.UpdatedAt}
	if h := q.Hours; h != nil {
		hv := newBusinessHoursView(*h)
		v.Hours = &hv
	}
	if e := q.External; e != nil {
		v.External = &externalRouterView{URL: e.URL, TimeoutMS: e.EffectiveTimeout().Milliseconds(), Fallback: string(e.EffectiveFallback())}
	}
	return v
}

type queueOutput struct{ Body queueView }

type queuesOutput struct {
	Body struct {
		Items []queueView `json:"items" nullable:"false"`
	}
}

type queueFields struct {
	Name     *string `json:"name,omitempty" doc:"At most 64 bytes; unique in the workspace in any case."`
	TeamID   *string `json:"team_id,omitempty" maxLength:"64"`
	Strategy *string `json:"strategy,omitempty" doc:"manual (default), round_robin, least_busy, longest_idle or bot (with bot_id)."`
	Capacity *int    `json:"capacity,omitempty" doc:"0 (the agents' own) to 1000."`
	// Offer mode.
	OfferMode           *bool `json:"offer_mode,omitempty" doc:"Offer each automatic assignment to the agent, who accepts or declines."`
	OfferTimeoutSeconds *int  `json:"offer_timeout_seconds,omitempty" doc:"1 to 600; default 30."`
	// OfflineReturnSeconds: 0 (never) to 86400.
	OfflineReturnSeconds *int `json:"offline_return_seconds,omitempty" doc:"0 (never, the default) to 86400."`
	// Tiers replaces the escalation tiers; [] removes them.
	// Bot first (strategy bot).
	BotID             *string     `json:"bot_id,omitempty" maxLength:"64" doc:"The bot agent that takes the queue's conversations first (strategy bot); \"\" clears it."`
	BotTimeoutSeconds *int        `json:"bot_timeout_seconds,omitempty" doc:"0 (never, the default) to 3600: how long the bot may leave the visitor waiting before Parley hands off to handoff_queue_id."`
	HandoffQueueID    *string     `json:"handoff_queue_id,omitempty" maxLength:"64" doc:"The queue of the automatic hand-off; \"\" clears it."`
	Tiers             *[]tierView `json:"tiers,omitempty" doc:"Escalation tiers, at most 5, tier 1 first: its team is team_id; each further tier names a team, whose agents join those of the earlier tiers. [] removes them."`
}

// botSettings puts the bot settings given into upd.
func (f queueFields) botSettings(upd *parley.QueueUpdate) {
	upd.BotID, upd.HandoffQueueID = f.BotID, f.HandoffQueueID
	if f.BotTimeoutSeconds != nil {
		d := time.Duration(*f.BotTimeoutSeconds) * time.Second
		upd.BotTimeout = &d
	}
}

// offlineReturn returns the offline return to store, nil if not given.
func (f queueFields) offlineReturn() *time.Duration {
	if f.OfflineReturnSeconds == nil {
		return nil
	}
	d := time.Duration(*f.OfflineReturnSeconds) * time.Second
	return &d
}

// offerTimeout returns the offer timeout to store, nil if not given.
func (f queueFields) offerTimeout() *time.Duration {
	if f.OfferTimeoutSeconds == nil {
		return nil
	}
	d := time.Duration(*f.OfferTimeoutSeconds) * time.Second
	return &d
}

func (f queueFields) validate(create bool) error {
	var v parley.Validation
	if f.Name != nil || create {
		v.LabelName("name", deref(f.Name))
	}
	if f.TeamID != nil && *f.TeamID != "" && !validID(*f.TeamID) {
		v.Add("team_id", "must be a team ID")
	}
	if f.Strategy != nil && !parley.Strategy(*f.Strategy).Valid() {
		v.Add("strategy", "must be one of manual, round_robin, least_busy, longest_idle, external, bot")
	}
	if f.Capacity != nil && (*f.Capacity < 0 || *f.Capacity > parley.MaxQueueCapacity) {
		v.Add("capacity", "must be between 0 and %d", parley.MaxQueueCapacity)
	}
	if r := f.OfflineReturnSeconds; r != nil && (*r < 0 || time.Duration(*r)*time.Second > parley.MaxOfflineReturn) {
		v.Add("offline_return_seconds", "must be between 0 and %d", int(parley.MaxOfflineReturn/time.Second))
	}
	if b := f.BotTimeoutSeconds; b != nil && (*b < 0 || time.Duration(*b)*time.Second > parley.MaxBotTimeout) {
		v.Add("bot_timeout_seconds", "must be between 0 and %d", int(parley.MaxBotTimeout/time.Second))
	}
	if f.BotID != nil && *f.BotID != "" && !validID(*f.BotID) {
		v.Add("bot_id", "must be an agent ID")
	}
	if f.HandoffQueueID != nil && *f.HandoffQueueID != "" && !validID(*f.HandoffQueueID) {
		v.Add("handoff_queue_id", "must be a queue ID")
	}
	if create && f.Strategy != nil && parley.Strategy(*f.Strategy) == parley.StrategyBot && deref(f.BotID) == "" {
		v.Add("bot_id", "must name a bot with strategy bot")
	}
	if t := f.OfferTimeoutSeconds; t != nil && (*t < 1 || time.Duration(*t)*time.Second > parley.MaxOfferTimeout) {
		v.Add("offer_timeout_seconds", "must be between 1 and %d", int(parley.MaxOfferTimeout/time.Second))
	}
	return v.Err()
}

type createQueueInput struct{ Body queueFields }

type updateQueueInput struct {
	ID   string `path:"id" maxLength:"64"`
	Body queueFields
}

func (s *server) listQueues(ctx context.Context, _ *struct{}) (*queuesOutput, error) {
	qs, err := s.store.ListQueues(ctx, principal(ctx).WorkspaceID)
	if err != nil {
		return nil, err
	}
	out := &queuesOutput{}
	out.Body.Items = make([]queueView, 0, len(qs))
	for _, q := range qs {
		out.Body.Items = append(out.Body.Items, newQueueView(q))
	}
	return out, nil
}

func (s *server) createQueue(ctx context.Context, in *createQueueInput) (*queueOutput, error) {
	var v parley.Validation
	tiers := in.Body.tiers(&v)
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := in.Body.validate(true); err != nil {
		return nil, err
	}
	p := principal(ctx)
	q := &parley.Queue{WorkspaceID: p.WorkspaceID, Name: *in.Body.Name, TeamID: deref(in.Body.TeamID),
		Strategy: parley.StrategyManual}
	var bot *parley.Strategy
	if in.Body.Strategy != nil {
		q.Strategy = parley.Strategy(*in.Body.Strategy)
	}
	if q.Strategy == parley.StrategyBot {
		// Created manual, turned bot with its bot settings below.
		st := q.Strategy
		bot, q.Strategy = &st, parley.StrategyManual
	}
	if in.Body.Capacity != nil {
		q.Capacity = *in.Body.Capacity
	}
	if tiers != nil {
		q.Tiers = *tiers
	}
	if err := s.store.CreateQueue(ctx, p.Actor, q); err != nil {
		return nil, err
	}
	if in.Body.OfferMode != nil || in.Body.OfferTimeoutSeconds != nil || in.Body.OfflineReturnSeconds != nil || bot != nil ||
		in.Body.BotID != nil || in.Body.BotTimeoutSeconds != nil || in.Body.HandoffQueueID != nil {
		upd := parley.QueueUpdate{OfferMode: in.Body.OfferMode, OfferTimeout: in.Body.offerTimeout(),
			OfflineReturn: in.Body.offlineReturn(), Strategy: bot}
		in.Body.botSettings(&upd)
		updated, err := s.store.UpdateQueue(ctx, p.Actor, p.WorkspaceID, q.ID, upd)
		if err != nil {
			// Nothing half made: the queue goes with its settings.
			if derr := s.store.DeleteQueue(ctx, p.Actor, p.WorkspaceID, q.ID); derr != nil {
				s.cfg.Logger.Error("remove a queue whose settings were refused", "queue", q.ID, "err", derr)
			}
			return nil, err
		}
		q = updated
	}
	s.kickRouter(p.WorkspaceID)
	return &queueOutput{Body: newQueueView(q)}, nil
}

func (s *server) getQueue(ctx context.Context, in *idInput) (*queueOutput, error) {
	q, err := s.store.FindQueue(ctx, principal(ctx).WorkspaceID, in.ID)
	if err != nil {
		return nil, err
	}
	return &queueOutput{Body: newQueueView(q)}, nil
}

func (s *server) updateQueue(ctx context.Context, in *updateQueueInput) (*queueOutput, error) {
	var v parley.Validation
	tiers := in.Body.tiers(&v)
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := in.Body.validate(false); err != nil {
		return nil, err
	}
	p := principal(ctx)
	upd := parley.QueueUpdate{Name: in.Body.Name, TeamID: in.Body.TeamID, Capacity: in.Body.Capacity, Tiers: tiers,
		OfferMode: in.Body.OfferMode, OfferTimeout: in.Body.offerTimeout(), OfflineReturn: in.Body.offlineReturn()}
	in.Body.botSettings(&upd)
	if in.Body.Strategy != nil {
		st := parley.Strategy(*in.Body.Strategy)
		upd.Strategy = &st
	}
	q, err := s.store.UpdateQueue(ctx, p.Actor, p.WorkspaceID, in.ID, upd)
	if err != nil {
		return nil, err
	}
	s.kickRouter(p.WorkspaceID)
	return &queueOutput{Body: newQueueView(q)}, nil
}

func (s *server) deleteQueue(ctx context.Context, in *idInput) (*struct{}, error) {
	p := principal(ctx)
	return nil, s.store.DeleteQueue(ctx, p.Actor, p.WorkspaceID, in.ID)
}

type availabilityView struct {
	QueueID         string     `json:"queue_id"`
	OnlineAgents    int        `json:"online_agents" doc:"The queue's enabled agents (not bots) who are online."`
	AvailableAgents int        `json:"available_agents" doc:"Those of them under capacity: a conversation could be assigned now."`
	Open            bool       `json:"open" doc:"Within the queue's business hours (always, without any)."`
	OpensAt         *time.Time `json:"opens_at,omitempty" doc:"When closed: when the queue next opens."`
}

// availability returns the availability of a queue, with its hours.
func (s *server) availability(ctx context.Context, workspaceID, queueID string) (availabilityView, error) {
	q, err := s.store.FindQueue(ctx, workspaceID, queueID)
	if err != nil {
		return availabilityView{}, err
	}
	av, err := s.store.QueueAvailability(ctx, workspaceID, queueID)
	if err != nil {
		return availabilityView{}, err
	}
	v := availabilityView{QueueID: av.QueueID, OnlineAgents: av.OnlineAgents, AvailableAgents: av.AvailableAgents, Open: true}
	if q.Hours != nil {
		now := s.cfg.Now()
		v.Open = q.Hours.OpenAt(now)
		if !v.Open {
			if next, ok := q.Hours.NextOpen(now); ok {
				next = next.UTC()
				v.OpensAt = &next
			}
		}
	}
	return v, nil
}

type businessHoursView struct {
	TimeZone string                   `json:"time_zone" maxLength:"64" doc:"IANA time zone, e.g. Europe/Berlin."`
	Weekly   [][]parley.HoursInterval `json:"weekly" maxItems:"7" doc:"Seven lists of {start, end} (\"HH:MM\"), Sunday first."`
	Holidays []string                 `json:"holidays,omitempty" maxItems:"366" doc:"Closed days, YYYY-MM-DD."`
}

func newBusinessHoursView(h parley.BusinessHours) businessHoursView {
	v := businessHoursView{TimeZone: h.TimeZone, Holidays: h.Holidays, Weekly: make([][]parley.HoursInterval, 7)}
	for d := range h.Weekly {
		v.Weekly[d] = h.Weekly[d]
		if v.Weekly[d] == nil {
			v.Weekly[d] = []parley.HoursInterval{}
		}
	}
	return v
}

type availabilityOutput struct{ Body availabilityView }

func (s *server) queueAvailability(ctx context.Context, in *idInput) (*availabilityOutput, error) {
	av, err := s.availability(ctx, principal(ctx).WorkspaceID, in.ID)
	if err != nil {
		return nil, err
	}
	return &availabilityOutput{Body: av}, nil
}

type ruleView struct {
	QueueID       string            `json:"queue_id" maxLength:"64"`
	InboxID       string            `json:"inbox_id,omitempty" maxLength:"64"`
	Verified      *bool             `json:"verified,omitempty"`
	Attributes    map[string]string `json:"attributes,omitempty" maxProperties:"20"`
	PageURLPrefix string            `json:"page_url_prefix,omitempty" maxLength:"2048"`
}

type rulesBody struct {
	Rules []ruleView `json:"rules" nullable:"false" maxItems:"100"`
}

type rulesOutput struct{ Body rulesBody }

type setRulesInput struct{ Body rulesBody }

func (s *server) getRoutingRules(ctx context.Context, _ *struct{}) (*rulesOutput, error) {
	rules, err := s.store.RoutingRules(ctx, principal(ctx).WorkspaceID)
	if err != nil {
		return nil, err
	}
	out := &rulesOutput{Body: rulesBody{Rules: make([]ruleView, 0, len(rules))}}
	for _, r := range rules {
		out.Body.Rules = append(out.Body.Rules, ruleView(r))
	}
	return out, nil
}

func (s *server) setRoutingRules(ctx context.Context, in *setRulesInput) (*rulesOutput, error) {
	var v parley.Validation
	if len(in.Body.Rules) > parley.MaxRoutingRules {
		v.Add("rules", "must hold at most %d rules", parley.MaxRoutingRules)
	}
	rules := make([]parley.RoutingRule, 0, len(in.Body.Rules))
	for i, r := range in.Body.Rules {
		field := "rules[" + strconv.Itoa(i) + "]"
		if !validID(r.QueueID) {
			v.Add(field+".queue_id", "must be a queue ID")
		}
		if r.InboxID != "" && !validID(r.InboxID) {
			v.Add(field+".inbox_id", "must be an inbox ID")
		}
		if len(r.Attributes) > parley.MaxRuleAttributes {
			v.Add(field+".attributes", "must hold at most %d attributes", parley.MaxRuleAttributes)
		}
		for k, val := range r.Attributes {
			if !parley.AttributeKeyPattern.MatchString(k) {
				v.Add(field+".attributes", "keys must match %s", parley.AttributeKeyPattern)
			}
			v.BoundedText(field+".attributes."+k, val, 1024)
		}
		v.BoundedText(field+".page_url_prefix", r.PageURLPrefix, parley.MaxPageURLLength)
		rules = append(rules, parley.RoutingRule(r))
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	p := principal(ctx)
	if err := s.store.SetRoutingRules(ctx, p.Actor, p.WorkspaceID, rules); err != nil {
		return nil, err
	}
	return &rulesOutput{Body: in.Body}, nil
}

func (s *server) getInboxQueue(ctx context.Context, in *idInput) (*queueOutput, error) {
	q, err := s.store.InboxQueue(ctx, principal(ctx).WorkspaceID, in.ID)
	if err != nil {
		return nil, err
	}
	return &queueOutput{Body: newQueueView(q)}, nil
}

type setInboxQueueInput struct {
	ID   string `path:"id" maxLength:"64"`
	Body struct {
		QueueID string `json:"queue_id" maxLength:"64" doc:"The queue; \"\" for the default queue."`
	}
}

func (s *server) setInboxQueue(ctx context.Context, in *setInboxQueueInput) (*queueOutput, error) {
	if in.Body.QueueID != "" && !validID(in.Body.QueueID) {
		var v parley.Validation
		v.Add("queue_id", "must be a queue ID")
		return nil, v.Err()
	}
	p := principal(ctx)
	if err := s.store.SetInboxQueue(ctx, p.Actor, p.WorkspaceID, in.ID, in.Body.QueueID); err != nil {
		return nil, err
	}
	return s.getInboxQueue(ctx, &idInput{ID: in.ID})
}

type moveConversationInput struct {
	ID   string `path:"id" maxLength:"64"`
	Body struct {
		QueueID string `json:"queue_id,omitempty" maxLength:"64" doc:"The queue to move to."`
		TeamID  string `json:"team_id,omitempty" maxLength:"64" doc:"Instead of queue_id: the team whose queue (the first by name) to move to."`
	}
}

func (s *server) moveConversation(ctx context.Context, in *moveConversationInput) (*conversationOutput, error) {
	var v parley.Validation
	switch {
	case (in.Body.QueueID == "") == (in.Body.TeamID == ""):
		v.Add("queue_id", "exactly one of queue_id and team_id must be given")
	case in.Body.QueueID != "" && !validID(in.Body.QueueID):
		v.Add("queue_id", "must be a queue ID")
	case in.Body.TeamID != "" && !validID(in.Body.TeamID):
		v.Add("team_id", "must be a team ID")
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	c, err := s.caller(ctx)
	if err != nil {
		return nil, err
	}
	p := principal(ctx)
	queueID := in.Body.QueueID
	if in.Body.TeamID != "" {
		if _, err := s.store.FindTeam(ctx, p.WorkspaceID, in.Body.TeamID); err != nil {
			return nil, err
		}
		qs, err := s.store.ListQueues(ctx, p.WorkspaceID)
		if err != nil {
			return nil, err
		}
		for _, q := range qs {
			if q.TeamID == in.Body.TeamID {
				queueID = q.ID
				break
			}
		}
		if queueID == "" {
			v.Add("team_id", "no queue routes to this team")
			return nil, v.Err()
		}
	}
	conv, err := s.conv.TransferToQueue(ctx, c, in.ID, queueID)
	if err != nil {
		return nil, err
	}
	s.kickRouter(p.WorkspaceID)
	return &conversationOutput{Body: newConversationView(conv)}, nil
}

type queueStatusView struct {
	QueueID              string     `json:"queue_id"`
	Position             int        `json:"position" doc:"1 for the next conversation to be taken; 0 when this one is not waiting."`
	Waiting              int        `json:"waiting" doc:"How many conversations wait in the queue."`
	EstimatedWaitSeconds *float64   `json:"estimated_wait_seconds,omitempty" doc:"The mean wait of the queue's last 20 conversations assigned in the past day; absent without any."`
	OnlineAgents         int        `json:"online_agents"`
	AvailableAgents      int        `json:"available_agents" doc:"Online agents of the queue under capacity."`
	Open                 bool       `json:"open" doc:"Within the queue's business hours (always, without any)."`
	OpensAt              *time.Time `json:"opens_at,omitempty" doc:"When closed: when the queue next opens."`
}

type queueStatusOutput struct{ Body queueStatusView }

func (s *server) conversationQueue(ctx context.Context, in *idInput) (*queueStatusOutput, error) {
	c, err := s.caller(ctx)
	if err != nil {
		return nil, err
	}
	conv, err := s.conv.Conversation(ctx, c, in.ID)
	if err != nil {
		return nil, err
	}
	st, err := s.store.QueueStatus(ctx, conv.WorkspaceID, conv.ID)
	if err != nil {
		return nil, err
	}
	out := &queueStatusOutput{Body: queueStatusView{QueueID: st.QueueID, Position: st.Position, Waiting: st.Waiting}}
	if st.EstimatedWait != nil {
		secs := st.EstimatedWait.Seconds()
		out.Body.EstimatedWaitSeconds = &secs
	}
	if st.QueueID != "" {
		av, err := s.availability(ctx, conv.WorkspaceID, st.QueueID)
		if err != nil {
			return nil, err
		}
		out.Body.OnlineAgents, out.Body.AvailableAgents, out.Body.Open, out.Body.OpensAt = av.OnlineAgents, av.AvailableAgents, av.Open, av.OpensAt
	}
	return out, nil
}

// kickRouter asks the router, when there is one, to look at the
// workspace's queues now.
func (s *server) kickRouter(workspaceID string) {
	if s.cfg.Router != nil {
		s.cfg.Router.Kick(workspaceID)
	}
}

type setExternalInput struct {
	ID   string `path:"id" maxLength:"64"`
	Body struct {
		URL       string `json:"url" maxLength:"2048" doc:"https URL of the routing service."`
		TimeoutMS int64  `json:"timeout_ms,omitempty" doc:"1 to 10000; default 2000."`
		Fallback  string `json:"fallback,omitempty" doc:"round_robin (default), least_busy or longest_idle."`
	}
}

func (s *server) setExternalRouter(ctx context.Context, in *setExternalInput) (*queueOutput, error) {
	var v parley.Validation
	v.BoundedText("url", in.Body.URL, 2048)
	if in.Body.TimeoutMS < 0 || in.Body.TimeoutMS > parley.MaxExternalTimeout.Milliseconds() {
		v.Add("timeout_ms", "must be between 1 and %d", parley.MaxExternalTimeout.Milliseconds())
	}
	if f := parley.Strategy(in.Body.Fallback); f != "" && (!f.Automatic() || f == parley.StrategyExternal) {
		v.Add("fallback", "must be round_robin, least_busy or longest_idle")
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := s.checkURL(ctx, in.Body.URL); err != nil {
		return nil, err
	}
	p := principal(ctx)
	ext := &parley.ExternalRouter{URL: in.Body.URL, Secret: stdwebhook.NewSecret(),
		Timeout: time.Duration(in.Body.TimeoutMS) * time.Millisecond, Fallback: parley.Strategy(in.Body.Fallback)}
	q, err := s.store.UpdateQueue(ctx, p.Actor, p.WorkspaceID, in.ID, parley.QueueUpdate{External: ext})
	if err != nil {
		return nil, err
	}
	out := &queueOutput{Body: newQueueView(q)}
	out.Body.External.Secret = ext.Secret
	return out, nil
}

func (s *server) deleteExternalRouter(ctx context.Context, in *idInput) (*struct{}, error) {
	p := principal(ctx)
	_, err := s.store.UpdateQueue(ctx, p.Actor, p.WorkspaceID, in.ID, parley.QueueUpdate{ClearExternal: true})
	return nil, err
}

// checkURL refuses a URL the outbound client would refuse.
func (s *server) checkURL(ctx context.Context, raw string) error {
	if s.cfg.CheckURL != nil {
		return s.cfg.CheckURL(ctx, raw)
	}
	ob, err := outbound.New(outbound.Config{Logger: s.logger})
	if err != nil {
		return err
	}
	return ob.CheckURL(ctx, raw)
}

type setHoursInput struct {
	ID   string `path:"id" maxLength:"64"`
	Body businessHoursView
}

func (s *server) setBusinessHours(ctx context.Context, in *setHoursInput) (*queueOutput, error) {
	var v parley.Validation
	if len(in.Body.Weekly) != 7 {
		v.Add("weekly", "must hold seven days, Sunday first")
		return nil, v.Err()
	}
	h := parley.BusinessHours{TimeZone: in.Body.TimeZone, Holidays: in.Body.Holidays}
	for d := range h.Weekly {
		h.Weekly[d] = in.Body.Weekly[d]
	}
	h.Validate(&v, "business_hours")
	if err := v.Err(); err != nil {
		return nil, err
	}
	p := principal(ctx)
	q, err := s.store.UpdateQueue(ctx, p.Actor, p.WorkspaceID, in.ID, parley.QueueUpdate{Hours: &h})
	if err != nil {
		return nil, err
	}
	return &queueOutput{Body: newQueueView(q)}, nil
}

func (s *server) deleteBusinessHours(ctx context.Context, in *idInput) (*struct{}, error) {
	p := principal(ctx)
	_, err := s.store.UpdateQueue(ctx, p.Actor, p.WorkspaceID, in.ID, parley.QueueUpdate{ClearHours: true})
	return nil, err
}

type declineOfferInput struct {
	ID   string `path:"id" maxLength:"64"`
	Body *struct {
		Reason string `json:"reason,omitempty" maxLength:"500" doc:"Why, for the supervisors (at most 500 bytes)."`
	}
}

func (s *server) acceptOffer(ctx context.Context, in *idInput) (*conversationOutput, error) {
	c, err := s.caller(ctx)
	if err != nil {
		return nil, err
	}
	conv, err := s.conv.AcceptOffer(ctx, c, in.ID)
	if err != nil {
		return nil, err
	}
	return &conversationOutput{Body: newConversationView(conv)}, nil
}

func (s *server) declineOffer(ctx context.Context, in *declineOfferInput) (*conversationOutput, error) {
	c, err := s.caller(ctx)
	if err != nil {
		return nil, err
	}
	reason := ""
	if in.Body != nil {
		reason = in.Body.Reason
	}
	conv, err := s.conv.DeclineOffer(ctx, c, in.ID, reason)
	if err != nil {
		return nil, err
	}
	s.kickRouter(conv.WorkspaceID)
	return &conversationOutput{Body: newConversationView(conv)}, nil
}

type offersOutput struct {
	Body struct {
		Items []*parley.Offer `json:"items" nullable:"false"`
	}
}

func (s *server) listMyOffers(ctx context.Context, _ *struct{}) (*offersOutput, error) {
	c, err := s.caller(ctx)
	if err != nil {
		return nil, err
	}
	offers, err := s.conv.OpenOffers(ctx, c)
	if err != nil {
		return nil, err
	}
	out := &offersOutput{}
	out.Body.Items = offers
	return out, nil
}
