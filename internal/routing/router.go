// Package routing assigns the pending conversations of queues with an
// automatic strategy (round robin, least busy, longest idle) to agents.
//
// The router only proposes: each assignment is parley.RoutingStore's
// RouteConversation, which checks in the transaction of the assignment
// that the conversation is still pending in that queue and that the agent
// is online and under capacity (the agent's row locked while its
// conversations are counted). So any number of routers, on one node or
// many, can run at once: no conversation is assigned twice and no agent
// goes over capacity, whatever they race.
//
// The router looks at a workspace's queues when told to (Kick), on every
// notification of the subjects it watches (new pending conversations,
// capacity freed, an agent coming online), and every Interval for every
// queue that holds pending conversations, since notifications are at most
// once: a conversation waits in the database, not in a message, so
// nothing is lost when a node dies.
package routing

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/stdwebhook"
)

// DefaultInterval is how often the router sweeps every queue with pending
// conversations, unless Config.Interval says otherwise.
const DefaultInterval = 2 * time.Second

// batch is how many pending conversations the router reads at a time.
const batch = 64

// refreshEvery is after how many assignments RouteQueue reads the
// candidates again.
const refreshEvery = 256

// Config configures a Router.
type Config struct {
	Store parley.Store // required
	// Publish publishes the events of the router's assignments (the
	// conversation service's PublishEvents); nil publishes none.
	Publish func(events ...*parley.Event)
	// Bus and Watch: the router subscribes to each subject of Watch
	// (wildcards allowed) and looks at the workspace of every
	// parley.Event that arrives. Optional.
	Bus   parley.Bus
	Watch []string
	// Interval between sweeps; default DefaultInterval.
	Interval time.Duration
	Logger   *slog.Logger // default slog.Default()
	Now      func() time.Time
	// Outbound sends the requests to external routers: the SSRF-safe
	// client of internal/outbound. Without it, queues with the external
	// strategy use their fallback strategy.
	Outbound Doer
	// HandOffSilentBot hands off a conversation whose bot left the visitor
	// waiting too long (the conversation service's HandOffSilentBot);
	// without it, bots' conversations are never handed off automatically.
	HandOffSilentBot func(ctx context.Context, sb parley.SilentBot) error
}

// Doer sends an HTTP request (*outbound.Client).
type Doer interface {
	Do(req *http.Request) (*http.Response, error)
}

// Router assigns pending conversations. It is safe for concurrent use.
type Router struct {
	cfg    Config
	system parley.Participant

	mu     sync.Mutex
	kicked map[string]bool
	wake   chan struct{}
}

// New returns a Router; Run runs it.
func New(cfg Config) (*Router, error) {
	if cfg.Store == nil {
		return nil, errors.New("routing: a store is required")
	}
	if cfg.Publish == nil {
		cfg.Publish = func(...*parley.Event) {}
	}
	if cfg.Interval <= 0 {
		cfg.Interval = DefaultInterval
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Router{
		cfg: cfg, system: parley.Participant{Type: parley.ParticipantSystem},
		kicked: map[string]bool{}, wake: make(chan struct{}, 1),
	}, nil
}

// Kick asks the router to look at the workspace's queues soon. It never
// blocks.
func (r *Router) Kick(workspaceID string) {
	if workspaceID == "" {
		return
	}
	r.mu.Lock()
	r.kicked[workspaceID] = true
	r.mu.Unlock()
	select {
	case r.wake <- struct{}{}:
	default:
	}
}

// Run routes until ctx ends.
func (r *Router) Run(ctx context.Context) {
	if r.cfg.Bus != nil {
		for _, subj := range r.cfg.Watch {
			unsub, err := r.cfg.Bus.Subscribe(subj, func(_ string, data []byte) {
				var ev struct {
					WorkspaceID string `json:"workspace_id"`
				}
				if json.Unmarshal(data, &ev) == nil {
					r.Kick(ev.WorkspaceID)
				}
			})
			if err != nil {
				r.cfg.Logger.Warn("routing: subscribe", "subject", subj, "err", err)
				continue
			}
			defer unsub()
		}
	}
	tick := time.NewTicker(r.cfg.Interval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-r.wake:
			r.mu.Lock()
			kicked := r.kicked
			r.kicked = map[string]bool{}
			r.mu.Unlock()
			for ws := range kicked {
				if err := r.RouteWorkspace(ctx, ws); err != nil && ctx.Err() == nil {
					r.cfg.Logger.Warn("routing: route workspace", "workspace_id", ws, "err", err)
				}
			}
		case <-tick.C:
			if err := r.Sweep(ctx); err != nil && ctx.Err() == nil {
				r.cfg.Logger.Warn("routing: sweep", "err", err)
			}
		}
	}
}

// Sweep ends the offers past their time, returns to their queue the
// conversations of agents offline longer than their queue allows,
// resolves the conversations inactive longer than their inbox allows,
// moves to their next tier those past their tier's time (see
// escalation.go), then routes every automatic queue that holds pending
// conversations.
func (r *Router) Sweep(ctx context.Context) error {
	evs, err := r.cfg.Store.ExpireOffers(ctx, r.cfg.Now())
	if len(evs) > 0 {
		r.cfg.Publish(evs...)
	}
	if err != nil {
		return err
	}
	evs, err = r.cfg.Store.ReturnOfflineConversations(ctx, r.cfg.Now())
	if len(evs) > 0 {
		r.cfg.Publish(evs...)
	}
	if err != nil {
		return err
	}
	evs, err = r.cfg.Store.AutoResolveConversations(ctx, r.cfg.Now())
	if len(evs) > 0 {
		r.cfg.Publish(evs...)
	}
	if err != nil {
		return err
	}
	if err := r.escalate(ctx); err != nil {
		return err
	}
	if err := r.handOffSilentBots(ctx); err != nil {
		return err
	}
	refs, err := r.cfg.Store.RoutableQueues(ctx)
	if err != nil {
		return err
	}
	var errs []error
	for _, ref := range refs {
		if _, err := r.RouteQueue(ctx, ref.WorkspaceID, ref.QueueID); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// RouteWorkspace routes every automatic queue of the workspace.
func (r *Router) RouteWorkspace(ctx context.Context, workspaceID string) error {
	qs, err := r.cfg.Store.ListQueues(ctx, workspaceID)
	if parley.ErrorCode(err) == parley.ENOTFOUND {
		return nil
	} else if err != nil {
		return err
	}
	var errs []error
	for _, q := range qs {
		if q.Strategy.Automatic() {
			if _, err := r.RouteQueue(ctx, workspaceID, q.ID); err != nil && parley.ErrorCode(err) != parley.ENOTFOUND {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

// RouteQueue assigns the queue's pending conversations, next first, to
// the agents its strategy picks, while any has capacity; it returns how
// many it assigned (in offer mode: offered, each to one agent; an offered
// conversation is not looked at again until its offer ends). A manual
// queue is left alone, and so is a queue outside its business hours: its
// conversations wait for it to open (agents may still take them).
//
// It reads the candidates (agents and their loads) once, keeps their loads
// itself as it assigns, and reads them again after refreshEvery
// assignments, or when it has none left, to see agents that came online
// or were freed meanwhile. Stale loads cost no correctness: each
// assignment checks the agent in its transaction.
func (r *Router) RouteQueue(ctx context.Context, workspaceID, queueID string) (int, error) {
	assigned, since := 0, 0 // since: assignments since cands were read
	var cands []parley.RoutingCandidate
	for {
		q, err := r.cfg.Store.FindQueue(ctx, workspaceID, queueID)
		if err != nil {
			return assigned, err
		}
		if q.Strategy == parley.StrategyBot {
			n, err := r.routeToBot(ctx, q)
			return assigned + n, err
		}
		if !q.Strategy.Automatic() || (q.Hours != nil && !q.Hours.OpenAt(r.cfg.Now())) {
			return assigned, nil
		}
		convs, err := r.cfg.Store.NextPending(ctx, workspaceID, queueID, batch)
		if err != nil || len(convs) == 0 {
			return assigned, err
		}
		if len(cands) == 0 || since >= refreshEvery {
			if cands, err = r.cfg.Store.RoutingCandidates(ctx, workspaceID, queueID); err != nil || len(cands) == 0 {
				return assigned, err
			}
			since = 0
		}
		last := q.LastAgentID
		progress := false
		for _, conv := range convs {
			agent, ok, err := r.place(ctx, q, conv, &cands, last)
			if err != nil {
				return assigned, err
			}
			if ok {
				assigned++
				since++
				progress = true
				last = agent
			}
			if len(cands) == 0 {
				break // read them again: some may have been freed
			}
		}
		// The round-robin cursor moves once a batch (RouteOptions.DeferCursor).
		if last != q.LastAgentID {
			if err := r.cfg.Store.SetQueueCursor(ctx, workspaceID, queueID, last); err != nil {
				return assigned, err
			}
		}
		if !progress {
			return assigned, nil
		}
	}
}

// place assigns one conversation to the agent the strategy picks among
// cands, dropping from cands the agents found full or away, and updating
// the chosen one's load. It reports whether it assigned.
func (r *Router) place(ctx context.Context, q *parley.Queue, conv *parley.Conversation, cands *[]parley.RoutingCandidate, last string) (string, bool, error) {
	strategy, preferred := q.Strategy, ""
	if strategy == parley.StrategyExternal {
		var ext parley.ExternalRouter
		if q.External != nil {
			ext = *q.External
			preferred = r.ask(ctx, q, conv, *cands)
		}
		strategy = ext.EffectiveFallback()
	}
	// The agents tried for conv, of its tiers so far: fewer as they fail.
	pool, err := r.tierPool(ctx, q, conv, slices.Clone(*cands))
	if err != nil {
		return "", false, err
	}
	if q.OfferMode {
		// The agents who declined it or let it lapse come last: once
		// every eligible agent has, it goes round again.
		refused, err := r.cfg.Store.RefusedBy(ctx, q.WorkspaceID, conv.ID)
		if err != nil {
			return "", false, err
		}
		if rest := slices.DeleteFunc(slices.Clone(pool), func(c parley.RoutingCandidate) bool {
			return slices.Contains(refused, c.AgentID)
		}); len(rest) > 0 {
			pool = rest
		}
	}
	for len(*cands) > 0 && len(pool) > 0 {
		agent, ok := preferred, true
		if agent == "" {
			agent, ok = parley.PickAgent(strategy, pool, last)
		}
		preferred = "" // the service is asked once; then the fallback decides
		if !ok {
			*cands = nil
			return "", false, nil
		}
		opt := parley.RouteOptions{QueueID: q.ID, Capacity: q.Capacity, RequireOnline: true, NoWait: true, DeferCursor: true}
		var (
			ev  *parley.Event
			err error
		)
		if q.OfferMode {
			_, ev, err = r.cfg.Store.OfferConversation(ctx, q.WorkspaceID, conv.ID, agent, opt, q.EffectiveOfferTimeout())
		} else {
			_, ev, err = r.cfg.Store.RouteConversation(ctx, q.WorkspaceID, conv.ID, agent, r.system, opt)
		}
		i := slices.IndexFunc(*cands, func(c parley.RoutingCandidate) bool { return c.AgentID == agent })
		drop := func() {
			*cands = slices.Delete(*cands, i, i+1)
			pool = slices.DeleteFunc(pool, func(c parley.RoutingCandidate) bool { return c.AgentID == agent })
		}
		switch {
		case err == nil:
			r.cfg.Publish(ev)
			c := &(*cands)[i]
			c.Open++
			now := r.cfg.Now().UTC()
			c.LastAssignedAt = &now
			if c.Capacity > 0 && c.Open >= c.Capacity {
				drop()
			}
			return agent, true, nil
		case parley.ErrorReason(err) == "busy":
			// Another router is giving the agent a conversation at this
			// moment: try another agent for this one.
			pool = slices.DeleteFunc(pool, func(c parley.RoutingCandidate) bool { return c.AgentID == agent })
		case parley.ErrorReason(err) == "capacity" || parley.ErrorReason(err) == "offline" ||
			parley.ErrorCode(err) == parley.EINVALID:
			// The agent filled up, left or went away since it was
			// listed (another router may have given it one): try another.
			drop()
		case parley.ErrorCode(err) == parley.ECONFLICT || parley.ErrorCode(err) == parley.ENOTFOUND:
			// Taken, moved, resolved or erased meanwhile; or the agent was
			// deleted, which the next candidates will not list.
			return "", false, nil
		default:
			return "", false, err
		}
	}
	return "", false, nil
}

// ExternalRequest is the body Parley POSTs to a queue's external router:
// the conversation to place and the agents that may take it now.
type ExternalRequest struct {
	Type         string               `json:"type"` // "routing.request"
	WorkspaceID  string               `json:"workspace_id"`
	QueueID      string               `json:"queue_id"`
	Conversation *parley.Conversation `json:"conversation"`
	Agents       []ExternalAgent      `json:"agents"`
}

// ExternalAgent is an eligible agent in an ExternalRequest.
type ExternalAgent struct {
	AgentID        string     `json:"agent_id"`
	Open           int        `json:"open"`
	Capacity       int        `json:"capacity"` // 0: no limit
	LastAssignedAt *time.Time `json:"last_assigned_at,omitempty"`
}

// ExternalResponse is what the router answers (200, JSON): the agent to
// assign, one of the request's agents.
type ExternalResponse struct {
	AgentID string `json:"agent_id"`
}

// ask asks the queue's external router which of cands takes conv. It
// returns "" when the service cannot be asked, fails, is slower than its
// timeout or names no eligible agent; the caller then falls back.
func (r *Router) ask(ctx context.Context, q *parley.Queue, conv *parley.Conversation, cands []parley.RoutingCandidate) string {
	ext := q.External
	fail := func(msg string, err error) string {
		r.cfg.Logger.Warn("routing: external router: "+msg+"; falling back", "queue_id", q.ID, "url", ext.URL,
			"fallback", ext.EffectiveFallback(), "err", err)
		return ""
	}
	if r.cfg.Outbound == nil {
		return fail("no outbound client", nil)
	}
	key, err := stdwebhook.ParseSecret(ext.Secret)
	if err != nil {
		return fail("bad secret", err)
	}
	req := ExternalRequest{Type: "routing.request", WorkspaceID: q.WorkspaceID, QueueID: q.ID, Conversation: conv,
		Agents: make([]ExternalAgent, 0, len(cands))}
	for _, c := range cands {
		req.Agents = append(req.Agents, ExternalAgent{AgentID: c.AgentID, Open: c.Open, Capacity: c.Capacity, LastAssignedAt: c.LastAssignedAt})
	}
	body, err := json.Marshal(req)
	if err != nil {
		return fail("encode", err)
	}
	ctx, cancel := context.WithTimeout(ctx, ext.EffectiveTimeout())
	defer cancel()
	hr, err := http.NewRequestWithContext(ctx, http.MethodPost, ext.URL, bytes.NewReader(body))
	if err != nil {
		return fail("request", err)
	}
	hr.Header.Set("Content-Type", "application/json")
	stdwebhook.SetHeaders(hr.Header, [][]byte{key}, "msg_"+uuid.NewString(), r.cfg.Now(), body)
	resp, err := r.cfg.Outbound.Do(hr)
	if err != nil {
		return fail("request failed", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return fail("status "+resp.Status, nil)
	}
	var answer ExternalResponse
	if err := json.NewDecoder(io.LimitReader(resp.Body, 64<<10)).Decode(&answer); err != nil {
		return fail("bad answer", err)
	}
	if !slices.ContainsFunc(cands, func(c parley.RoutingCandidate) bool { return c.AgentID == answer.AgentID }) {
		return fail("answer names no eligible agent", fmt.Errorf("agent_id %.64q", answer.AgentID))
	}
	return answer.AgentID
}
