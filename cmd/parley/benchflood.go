package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/coder/websocket"

	"github.com/parleychat/parley/client"
)

const benchFloodSummary = `Measure what one flooding visitor costs everyone else, on a running server.

Sets up --visitors guest visitors, each with a conversation and a WebSocket
connection, and one staff connection (authenticated with --token) following
them all. Then runs two phases of --duration each, with the same traffic:
the visitors send --rate messages a second in total (open-loop: latency
counts from each message's intended send time), a probe visitor and the
staff connection ping, and the token reads a conversation over REST.

  quiet   that traffic alone;
  flood   the same, while one more guest visitor offers --flood-rate send
          frames a second on its own connection, without reading the
          answers, connecting again whenever it is closed (--reconnect).

The report gives, per phase, the p50/p99 of delivery (visitor send → the
staff connection receives it), of the visitors' acks, of both pings and of
the REST read, the ratio flood/quiet of each p99, and what became of the
flood: frames offered, messages stored, rate_limited answers, closes by
code. Only --url is contacted.`

// floodConfig is the parsed command line of "parley bench-flood".
type floodConfig struct {
	url, token             string
	visitors               int
	rate, floodRate        float64
	duration, settle, wait time.Duration
	reconnect, jsonOut     bool
}

func parseFloodFlags(e env, args []string) (floodConfig, error) {
	cfg := floodConfig{}
	fs := flag.NewFlagSet("parley bench-flood", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: parley bench-flood --token TOKEN [flags]\n\n%s\n\nFlags:\n", benchFloodSummary)
		fs.PrintDefaults()
	}
	fs.StringVar(&cfg.url, "url", "http://127.0.0.1:8080", "base URL of the server")
	fs.StringVar(&cfg.token, "token", "", "API token with conversations:read, conversations:write and inboxes:write (default $PARLEY_BENCH_TOKEN)")
	fs.IntVar(&cfg.visitors, "visitors", 20, "other visitors, each with a conversation and a connection")
	fs.Float64Var(&cfg.rate, "rate", 40, "their messages a second, in total (each visitor's share must stay within the server's visitor frame rate)")
	fs.Float64Var(&cfg.floodRate, "flood-rate", 10_000, "frames a second the flooding visitor offers")
	fs.DurationVar(&cfg.duration, "duration", 10*time.Second, "length of each phase")
	fs.DurationVar(&cfg.settle, "settle", 2*time.Second, "pause after each phase, so that one does not spill into the next")
	fs.DurationVar(&cfg.wait, "drain", 5*time.Second, "how long to wait for outstanding deliveries at the end of a phase")
	fs.BoolVar(&cfg.reconnect, "reconnect", true, "the flooder connects again whenever it is closed")
	fs.BoolVar(&cfg.jsonOut, "json", false, "print the report as JSON")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return cfg, errHelp
		}
		return cfg, errUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "parley bench-flood: unexpected argument %q\n", fs.Arg(0))
		return cfg, errUsage
	}
	if cfg.token == "" && e.getenv != nil {
		cfg.token = e.getenv("PARLEY_BENCH_TOKEN")
	}
	var problems []string
	check := func(ok bool, msg string) {
		if !ok {
			problems = append(problems, msg)
		}
	}
	check(cfg.token != "", "--token (or PARLEY_BENCH_TOKEN) is required")
	check(cfg.visitors >= 1 && cfg.visitors <= 50, "--visitors must be between 1 and 50 (new guest sessions are rate-limited per address)")
	check(cfg.rate > 0 && cfg.rate <= 10_000, "--rate must be between 0 and 10000")
	check(cfg.floodRate > 0 && cfg.floodRate <= 1_000_000, "--flood-rate must be between 0 and 1000000")
	check(cfg.duration > 0 && cfg.duration <= 10*time.Minute, "--duration must be between 0 and 10m")
	check(cfg.settle >= 0 && cfg.settle <= time.Minute, "--settle must be between 0 and 1m")
	check(cfg.wait >= 0 && cfg.wait <= time.Minute, "--drain must be between 0 and 1m")
	if len(problems) > 0 {
		return cfg, errors.New("bench-flood: " + strings.Join(problems, "; "))
	}
	return cfg, nil
}

// benchFlood runs "parley bench-flood".
func benchFlood(ctx context.Context, e env, args []string) error {
	cfg, err := parseFloodFlags(e, args)
	if err != nil {
		return err
	}
	rep, err := runFlood(ctx, cfg, e.stderr)
	if err != nil {
		return err
	}
	return writeReport(e.stdout, rep, cfg.jsonOut)
}

// floodReport is the outcome of a run; its JSON form is printed by --json.
type floodReport struct {
	URL         string      `json:"url"`
	Visitors    int         `json:"visitors"`
	Rate        float64     `json:"target_rate"`
	FloodRate   float64     `json:"flood_rate"`
	DurationSec float64     `json:"phase_s"`
	Quiet       *floodPhase `json:"quiet"`
	Flood       *floodPhase `json:"flood"`
	Flooder     floodStats  `json:"flooder"`
	// Ratio is flood p99 / quiet p99, by measure.
	Ratio map[string]float64 `json:"p99_ratio"`
}

// floodPhase holds what the other clients saw during one phase.
type floodPhase struct {
	Sent        int64            `json:"sent"`
	Acked       int64            `json:"acked"`
	Delivered   int64            `json:"delivered"`
	Errors      map[string]int64 `json:"errors"` // failed calls of the other clients, by "what: code"
	Delivery    latencySummary   `json:"delivery_latency"`
	Ack         latencySummary   `json:"ack_latency"`
	VisitorPing latencySummary   `json:"visitor_ping"`
	AgentPing   latencySummary   `json:"agent_ping"`
	REST        latencySummary   `json:"rest_read"`
}

// floodStats is what became of the flood.
type floodStats struct {
	Offered     int64            `json:"frames_offered"`
	Acked       int64            `json:"acked"`
	Stored      int64            `json:"messages_stored"`
	RateLimited int64            `json:"rate_limited"`
	OtherErrors int64            `json:"other_errors"`
	Connections int64            `json:"connections"`
	Closes      map[string]int64 `json:"closes"` // by close code
}

func (r *floodReport) print(w io.Writer) {
	fmt.Fprintf(w, "parley bench-flood: %s — %d visitors sending %.0f msg/s, one flooder offering %.0f frames/s, %v per phase\n",
		r.URL, r.Visitors, r.Rate, r.FloodRate, time.Duration(r.DurationSec*float64(time.Second)))
	for _, p := range []struct {
		name string
		ph   *floodPhase
	}{{"quiet", r.Quiet}, {"flood", r.Flood}} {
		errs := "none"
		if len(p.ph.Errors) > 0 {
			var parts []string
			for k, n := range p.ph.Errors {
				parts = append(parts, fmt.Sprintf("%s %d", k, n))
			}
			errs = strings.Join(parts, ", ")
		}
		fmt.Fprintf(w, "  %s: sent %d, acked %d, delivered %d; errors: %s\n", p.name, p.ph.Sent, p.ph.Acked, p.ph.Delivered, errs)
		fmt.Fprintf(w, "    delivery      %s\n", p.ph.Delivery)
		fmt.Fprintf(w, "    ack           %s\n", p.ph.Ack)
		fmt.Fprintf(w, "    visitor ping  %s\n", p.ph.VisitorPing)
		fmt.Fprintf(w, "    agent ping    %s\n", p.ph.AgentPing)
		fmt.Fprintf(w, "    REST read     %s\n", p.ph.REST)
	}
	f := r.Flooder
	var closes []string
	for code, n := range f.Closes {
		closes = append(closes, fmt.Sprintf("%s ×%d", code, n))
	}
	fmt.Fprintf(w, "  flooder: %d frames offered over %d connections; %d acked, %d messages stored, %d rate_limited, %d other errors; closes: %s\n",
		f.Offered, f.Connections, f.Acked, f.Stored, f.RateLimited, f.OtherErrors, strings.Join(closes, ", "))
	fmt.Fprintf(w, "  p99 flood/quiet: delivery %.2f×, ack %.2f×, visitor ping %.2f×, agent ping %.2f×, REST %.2f×\n",
		r.Ratio["delivery"], r.Ratio["ack"], r.Ratio["visitor_ping"], r.Ratio["agent_ping"], r.Ratio["rest"])
}

// floodRun is the state of one run: the other clients, set up once and
// used in both phases.
type floodRun struct {
	cfg      floodConfig
	admin    *client.Client
	inbox    string
	convs    []string
	visitors []*client.Conn
	probe    *client.Conn // a visitor that only pings
	agent    *client.Conn
	floodTok string
	floodCnv string

	// The phase under way: deliveries are recorded into it.
	mu    sync.Mutex
	phase *phaseRecorder
}

// phaseRecorder collects one phase's samples.
type phaseRecorder struct {
	name                                       string
	start                                      time.Time
	mu                                         sync.Mutex
	delivery, ack, visitorPing, agentPing, api *histogram
	errors                                     map[string]int64
	sent, acked, delivered                     atomic.Int64
}

func newPhase(name string) *phaseRecorder {
	return &phaseRecorder{name: name, start: time.Now(), errors: map[string]int64{},
		delivery: newHistogram(), ack: newHistogram(), visitorPing: newHistogram(), agentPing: newHistogram(), api: newHistogram()}
}

func (p *phaseRecorder) record(h *histogram, d time.Duration) {
	p.mu.Lock()
	h.record(d)
	p.mu.Unlock()
}

func (p *phaseRecorder) fail(what string, err error) {
	code := client.ErrorCode(err)
	if code == "" {
		code = "connection"
	}
	p.mu.Lock()
	p.errors[what+": "+code]++
	p.mu.Unlock()
}

func (p *phaseRecorder) result() *floodPhase {
	p.mu.Lock()
	defer p.mu.Unlock()
	return &floodPhase{
		Sent: p.sent.Load(), Acked: p.acked.Load(), Delivered: p.delivered.Load(), Errors: p.errors,
		Delivery: p.delivery.summary(), Ack: p.ack.summary(), VisitorPing: p.visitorPing.summary(),
		AgentPing: p.agentPing.summary(), REST: p.api.summary(),
	}
}

const floodBodyPrefix = "floodbench:"

func runFlood(ctx context.Context, cfg floodConfig, progress io.Writer) (*floodReport, error) {
	admin, err := client.New(cfg.url, client.WithToken(cfg.token), client.WithUserAgent("parley-bench-flood"))
	if err != nil {
		return nil, err
	}
	r := &floodRun{cfg: cfg, admin: admin}
	defer r.close()
	if err := r.setup(ctx); err != nil {
		return nil, err
	}
	recvCtx, stopRecv := context.WithCancel(ctx)
	var receiver sync.WaitGroup
	receiver.Go(func() { r.receive(recvCtx) })
	defer func() { stopRecv(); receiver.Wait() }()

	rep := &floodReport{URL: cfg.url, Visitors: cfg.visitors, Rate: cfg.rate, FloodRate: cfg.floodRate,
		DurationSec: cfg.duration.Seconds(), Flooder: floodStats{Closes: map[string]int64{}}}
	fmt.Fprintf(progress, "bench-flood: quiet phase, %v\n", cfg.duration)
	if rep.Quiet, err = r.runPhase(ctx, "quiet", nil); err != nil {
		return nil, err
	}
	fmt.Fprintf(progress, "bench-flood: flood phase, %v\n", cfg.duration)
	if rep.Flood, err = r.runPhase(ctx, "flood", &rep.Flooder); err != nil {
		return nil, err
	}
	conv, err := admin.Conversation(ctx, r.floodCnv)
	if err != nil {
		return nil, fmt.Errorf("bench-flood: read the flooder's conversation: %w", err)
	}
	rep.Flooder.Stored = conv.LastSeq
	ratio := func(q, f latencySummary) float64 {
		if q.P99 <= 0 {
			return 0
		}
		return f.P99 / q.P99
	}
	rep.Ratio = map[string]float64{
		"delivery":     ratio(rep.Quiet.Delivery, rep.Flood.Delivery),
		"ack":          ratio(rep.Quiet.Ack, rep.Flood.Ack),
		"visitor_ping": ratio(rep.Quiet.VisitorPing, rep.Flood.VisitorPing),
		"agent_ping":   ratio(rep.Quiet.AgentPing, rep.Flood.AgentPing),
		"rest":         ratio(rep.Quiet.REST, rep.Flood.REST),
	}
	return rep, nil
}

// setup creates the inbox, the visitors and their conversations, and
// opens the connections.
func (r *floodRun) setup(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	in, err := r.admin.CreateInbox(ctx, client.CreateInboxInput{
		Name: "bench-flood " + time.Now().UTC().Format(time.DateTime), AllowedOrigins: []string{"*"},
	})
	if err != nil {
		return fmt.Errorf("bench-flood: create an inbox (check the token): %w", err)
	}
	r.inbox = in.ID
	// The visitors, the probe and the flooder: each a guest of its own.
	tokens := make([]string, r.cfg.visitors+2)
	for i := range tokens {
		if tokens[i], err = r.guest(ctx); err != nil {
			return err
		}
	}
	r.convs = make([]string, r.cfg.visitors+1)
	for i := range r.convs {
		idx := i
		if i == r.cfg.visitors {
			idx = len(tokens) - 1 // the flooder's
		}
		conv, err := r.admin.WithToken(tokens[idx]).CreateConversation(ctx, client.CreateConversationInput{})
		if err != nil {
			return fmt.Errorf("bench-flood: create a conversation: %w", err)
		}
		r.convs[i] = conv.ID
	}
	r.floodTok, r.floodCnv = tokens[len(tokens)-1], r.convs[r.cfg.visitors]
	r.convs = r.convs[:r.cfg.visitors]

	if r.agent, err = r.admin.Connect(ctx); err != nil {
		return fmt.Errorf("bench-flood: staff connection: %w", err)
	}
	// Staff follow the flooder's conversation too, as its agent would.
	for _, id := range append([]string{r.floodCnv}, r.convs...) {
		if _, err := r.agent.Subscribe(ctx, id, 0); err != nil {
			return fmt.Errorf("bench-flood: subscribe: %w", err)
		}
	}
	r.visitors = make([]*client.Conn, r.cfg.visitors)
	for i := range r.visitors {
		if r.visitors[i], err = r.admin.WithToken(tokens[i]).Connect(ctx, client.WithBuffer(64)); err != nil {
			return fmt.Errorf("bench-flood: visitor connection: %w", err)
		}
	}
	if r.probe, err = r.admin.WithToken(tokens[r.cfg.visitors]).Connect(ctx); err != nil {
		return fmt.Errorf("bench-flood: probe connection: %w", err)
	}
	return nil
}

// guest starts a guest visitor session, waiting out the per-address limit.
func (r *floodRun) guest(ctx context.Context) (string, error) {
	for {
		sess, err := r.admin.WithToken("").CreateVisitorSession(ctx, r.inbox)
		var e *client.Error
		if err == nil {
			return sess.Token, nil
		} else if !errors.As(err, &e) || e.Code != client.CodeRateLimited {
			return "", fmt.Errorf("bench-flood: visitor session: %w", err)
		}
		if err := sleepCtx(ctx, max(e.RetryAfter, time.Second)); err != nil {
			return "", err
		}
	}
}

func (r *floodRun) close() {
	for _, c := range append([]*client.Conn{r.agent, r.probe}, r.visitors...) {
		if c != nil {
			c.Close()
		}
	}
}

// receive records the deliveries to the staff connection, into the phase
// under way.
func (r *floodRun) receive(ctx context.Context) {
	for {
		f, err := r.agent.Next(ctx)
		if err != nil {
			return
		}
		now := time.Now()
		if f.Type != client.FrameMessage || f.Message == nil {
			continue
		}
		rest, ok := strings.CutPrefix(f.Message.Body, floodBodyPrefix)
		if !ok {
			continue
		}
		phase, at, _ := strings.Cut(rest, ":")
		intended, err := strconv.ParseInt(at, 10, 64)
		r.mu.Lock()
		p := r.phase
		r.mu.Unlock()
		if err != nil || p == nil || p.name != phase {
			continue
		}
		p.delivered.Add(1)
		p.record(p.delivery, now.Sub(time.Unix(0, intended)))
	}
}

// runPhase runs the other clients' traffic for the phase's duration (and
// the flood, when stats is not nil), then waits for the deliveries.
func (r *floodRun) runPhase(ctx context.Context, name string, stats *floodStats) (*floodPhase, error) {
	p := newPhase(name)
	r.mu.Lock()
	r.phase = p
	r.mu.Unlock()
	phaseCtx, cancel := context.WithTimeout(ctx, r.cfg.duration)
	defer cancel()
	var wg sync.WaitGroup
	if stats != nil {
		wg.Go(func() { r.flood(phaseCtx, stats) })
	}
	wg.Go(func() { r.sendLoad(phaseCtx, p) })
	every := func(interval time.Duration, f func(ctx context.Context)) {
		wg.Go(func() {
			t := time.NewTicker(interval)
			defer t.Stop()
			for {
				select {
				case <-phaseCtx.Done():
					return
				case <-t.C:
					cctx, cancel := context.WithTimeout(ctx, 10*time.Second)
					f(cctx)
					cancel()
				}
			}
		})
	}
	// The probe visitor pings 4 times a second (within a visitor's frame
	// rate), staff 10 times, and the token reads a conversation 10 times.
	every(250*time.Millisecond, func(ctx context.Context) {
		if d, err := r.probe.Ping(ctx); err != nil {
			p.fail("visitor ping", err)
		} else {
			p.record(p.visitorPing, d)
		}
	})
	every(100*time.Millisecond, func(ctx context.Context) {
		if d, err := r.agent.Ping(ctx); err != nil {
			p.fail("agent ping", err)
		} else {
			p.record(p.agentPing, d)
		}
	})
	every(100*time.Millisecond, func(ctx context.Context) {
		start := time.Now()
		if _, err := r.admin.Conversation(ctx, r.convs[0]); err != nil {
			p.fail("rest", err)
		} else {
			p.record(p.api, time.Since(start))
		}
	})
	wg.Wait()
	deadline := time.Now().Add(r.cfg.wait)
	for p.delivered.Load() < p.acked.Load() && time.Now().Before(deadline) {
		if err := sleepCtx(ctx, 10*time.Millisecond); err != nil {
			return nil, err
		}
	}
	if err := sleepCtx(ctx, r.cfg.settle); err != nil {
		return nil, err
	}
	r.mu.Lock()
	r.phase = nil
	r.mu.Unlock()
	return p.result(), nil
}

// sendLoad sends the visitors' messages, paced open-loop, round-robin,
// until ctx ends.
func (r *floodRun) sendLoad(ctx context.Context, p *phaseRecorder) {
	interval := time.Duration(float64(time.Second) / r.cfg.rate)
	var sends sync.WaitGroup
	defer sends.Wait()
	for n := int64(0); ; n++ {
		intended := p.start.Add(time.Duration(n) * interval)
		if sleepCtx(ctx, time.Until(intended)) != nil {
			return
		}
		k := int(n % int64(len(r.visitors)))
		p.sent.Add(1)
		sends.Go(func() {
			sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
			defer cancel()
			body := floodBodyPrefix + p.name + ":" + strconv.FormatInt(intended.UnixNano(), 10)
			if _, err := r.visitors[k].Send(sctx, r.convs[k], client.SendInput{Body: body}); err != nil {
				p.fail("send", err)
				return
			}
			p.acked.Add(1)
			p.record(p.ack, time.Since(intended))
		})
	}
}

// flood offers cfg.floodRate send frames a second on a visitor connection
// of its own until ctx ends, reading (and counting) what comes back, and
// connects again whenever it is closed when cfg.reconnect is set.
func (r *floodRun) flood(ctx context.Context, stats *floodStats) {
	var mu sync.Mutex
	var n atomic.Int64
	interval := time.Duration(float64(time.Second) / r.cfg.floodRate)
	start := time.Now()
	for ctx.Err() == nil {
		ws, _, err := websocket.Dial(ctx, strings.Replace(r.cfg.url, "http", "ws", 1)+"/api/v1/realtime", nil)
		if err != nil {
			if ctx.Err() == nil {
				sleepCtx(ctx, 10*time.Millisecond)
			}
			continue
		}
		ws.SetReadLimit(1 << 20)
		atomic.AddInt64(&stats.Connections, 1)
		auth, _ := json.Marshal(map[string]string{"type": "auth", "token": r.floodTok})
		closed := make(chan struct{})
		go func() {
			defer close(closed)
			for {
				_, data, err := ws.Read(context.WithoutCancel(ctx))
				if err != nil {
					code := "connection lost"
					if s := websocket.CloseStatus(err); s != -1 {
						code = strconv.Itoa(int(s))
					}
					mu.Lock()
					stats.Closes[code]++
					mu.Unlock()
					return
				}
				var f struct{ Type, Code string }
				json.Unmarshal(data, &f)
				switch {
				case f.Type == "ack":
					atomic.AddInt64(&stats.Acked, 1)
				case f.Type == "error" && f.Code == client.CodeRateLimited:
					atomic.AddInt64(&stats.RateLimited, 1)
				case f.Type == "error":
					atomic.AddInt64(&stats.OtherErrors, 1)
				}
			}
		}()
		if ws.Write(ctx, websocket.MessageText, auth) == nil {
		writing:
			for ctx.Err() == nil {
				due := int64(time.Since(start)/interval) + 1
				for ; n.Load() < due; n.Add(1) {
					i := n.Load()
					frame := fmt.Appendf(nil, `{"type":"send","id":"f%d","conversation_id":%q,"client_id":"f%d","body":"flood %d"}`,
						i, r.floodCnv, i, i)
					if ws.Write(ctx, websocket.MessageText, frame) != nil {
						break writing
					}
					atomic.AddInt64(&stats.Offered, 1)
				}
				select {
				case <-closed:
					break writing
				case <-ctx.Done():
				case <-time.After(time.Millisecond):
				}
			}
		}
		ws.CloseNow()
		<-closed
		if !r.cfg.reconnect {
			<-ctx.Done()
		}
	}
}
