package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"math/bits"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/parleychat/parley/client"
)

// Limits that keep a bench run bounded in time, count and memory.
const (
	benchMaxConversations = 100_000
	benchMaxMessages      = 10_000_000 // rate × (warm-up + duration)
	benchMaxDuration      = time.Hour
	benchMaxIdle          = 200_000
	benchMaxInFlight      = 20_000 // sends awaiting their ack
	benchSubsPerConn      = 1000   // the gateway's MaxSubscriptions
	benchBodyPrefix       = "bench:"
)

const benchSummary = `Load-test a running Parley server over its public API.

Opens --visitors guest visitor sessions, --conversations conversations spread
over them, one visitor WebSocket connection per conversation and --agents
staff connections (authenticated with --token) that follow every
conversation between them. Visitors then send --rate messages a second in
total, paced open-loop (each message has an intended send time, and latency
counts from it, so a slow server cannot hide its delays), for --warmup plus
--duration. The report gives throughput, errors, and latency percentiles of
the ack (visitor send → durable) and of delivery (visitor send → an agent
connection receives the message).

With --idle N, it then opens N more visitor connections that stay idle and
reports the server's memory per connection, read from its /metrics before
and after (for a meaningful figure, run it against a freshly started
server, alone on the machine).

The token needs conversations:read and conversations:write (and
inboxes:write when --inbox is not given); an "all" token will do. It is
read from PARLEY_BENCH_TOKEN when --token is not given. Only --url is
contacted.`

// benchConfig is the parsed command line of "parley bench".
type benchConfig struct {
	url, token, inbox                           string
	conversations, visitors, agents, size, idle int
	rate                                        float64
	duration, warmup, progress, drain           time.Duration
	idleSubscribe, jsonOut                      bool
}

func parseBenchFlags(e env, args []string) (benchConfig, error) {
	cfg := benchConfig{}
	fs := flag.NewFlagSet("parley bench", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: parley bench --token TOKEN [flags]\n\n%s\n\nFlags:\n", benchSummary)
		fs.PrintDefaults()
	}
	fs.StringVar(&cfg.url, "url", "http://127.0.0.1:8080", "base URL of the server")
	fs.StringVar(&cfg.token, "token", "", "API token (default $PARLEY_BENCH_TOKEN)")
	fs.StringVar(&cfg.inbox, "inbox", "", "inbox to use (default: create one)")
	fs.IntVar(&cfg.conversations, "conversations", 1000, "conversations, each with its own visitor connection")
	fs.IntVar(&cfg.visitors, "visitors", 20, "guest visitor sessions the conversations are spread over (new sessions are rate-limited per IP)")
	fs.IntVar(&cfg.agents, "agents", 4, "staff connections following the conversations between them")
	fs.Float64Var(&cfg.rate, "rate", 2000, "messages per second, in total")
	fs.DurationVar(&cfg.duration, "duration", 30*time.Second, "how long to measure")
	fs.DurationVar(&cfg.warmup, "warmup", 2*time.Second, "load before measuring, left out of the figures")
	fs.IntVar(&cfg.size, "size", 64, "bytes of each message body")
	fs.DurationVar(&cfg.progress, "progress", 5*time.Second, "interval of progress lines on standard error (0: none)")
	fs.DurationVar(&cfg.drain, "drain", 10*time.Second, "how long to wait, after the last send, for outstanding acks and deliveries")
	fs.IntVar(&cfg.idle, "idle", 0, "idle visitor connections to open after the load, to measure server memory per connection")
	fs.BoolVar(&cfg.idleSubscribe, "idle-subscribe", false, "make each idle connection follow one conversation, as a widget does")
	fs.BoolVar(&cfg.jsonOut, "json", false, "print the report as JSON")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return cfg, errHelp
		}
		return cfg, errUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "parley bench: unexpected argument %q\n", fs.Arg(0))
		return cfg, errUsage
	}
	if cfg.token == "" && e.getenv != nil {
		cfg.token = e.getenv("PARLEY_BENCH_TOKEN")
	}
	return cfg, cfg.validate()
}

func (cfg *benchConfig) validate() error {
	var problems []string
	check := func(ok bool, format string, args ...any) {
		if !ok {
			problems = append(problems, fmt.Sprintf(format, args...))
		}
	}
	check(cfg.token != "", "--token (or PARLEY_BENCH_TOKEN) is required")
	check(cfg.conversations >= 1 && cfg.conversations <= benchMaxConversations, "--conversations must be between 1 and %d", benchMaxConversations)
	check(cfg.visitors >= 1, "--visitors must be at least 1")
	check(cfg.agents >= 1, "--agents must be at least 1")
	check(cfg.agents*benchSubsPerConn >= cfg.conversations, "--agents must be at least --conversations / %d (a connection follows at most %d conversations)", benchSubsPerConn, benchSubsPerConn)
	check(cfg.rate > 0 && cfg.rate <= 1_000_000, "--rate must be between 0 and 1000000")
	check(cfg.duration > 0 && cfg.duration <= benchMaxDuration, "--duration must be between 0 and %v", benchMaxDuration)
	check(cfg.warmup >= 0 && cfg.warmup <= benchMaxDuration, "--warmup must be between 0 and %v", benchMaxDuration)
	check(cfg.rate*(cfg.duration+cfg.warmup).Seconds() <= benchMaxMessages, "--rate × (--warmup + --duration) must be at most %d messages", benchMaxMessages)
	check(cfg.size >= 32 && cfg.size <= 16<<10, "--size must be between 32 and 16384 bytes")
	check(cfg.idle >= 0 && cfg.idle <= benchMaxIdle, "--idle must be between 0 and %d", benchMaxIdle)
	check(cfg.drain >= 0 && cfg.drain <= 5*time.Minute, "--drain must be between 0 and 5m")
	if len(problems) > 0 {
		return errors.New("bench: " + strings.Join(problems, "; "))
	}
	cfg.visitors = min(cfg.visitors, cfg.conversations)
	return nil
}

// bench runs "parley bench".
func bench(ctx context.Context, e env, args []string) error {
	cfg, err := parseBenchFlags(e, args)
	if err != nil {
		return err
	}
	rep, err := runBench(ctx, cfg, e.stderr)
	if err != nil {
		return err
	}
	return writeReport(e.stdout, rep, cfg.jsonOut)
}

// benchReport is the outcome of a run; its JSON form is printed by --json.
type benchReport struct {
	URL           string  `json:"url"`
	Conversations int     `json:"conversations"`
	Visitors      int     `json:"visitors"`
	Agents        int     `json:"agent_connections"`
	Rate          float64 `json:"target_rate"`
	DurationSec   float64 `json:"duration_s"`
	WarmupSec     float64 `json:"warmup_s"`
	BodySize      int     `json:"body_size"`

	// Counts over the whole run (warm-up included).
	Sent       int64            `json:"sent"`
	Acked      int64            `json:"acked"`
	Delivered  int64            `json:"delivered"`
	Duplicates int64            `json:"duplicates"`
	Missing    int64            `json:"missing"` // acked but never delivered
	Errors     map[string]int64 `json:"errors"`  // failed sends by error code
	// Disconnects counts connections lost during the run (each resumed).
	Disconnects int64 `json:"disconnects"`

	// Over the measured window only.
	SentRate      float64         `json:"sent_per_s"`
	DeliveredRate float64         `json:"delivered_per_s"`
	Ack           latencySummary  `json:"ack_latency"`
	Delivery      latencySummary  `json:"delivery_latency"`
	Service       latencySummary  `json:"delivery_latency_from_actual_send"`
	Lag           latencySummary  `json:"send_lag"` // how late sends left the bench
	Idle          *idleReport     `json:"idle,omitempty"`
	Setup         benchSetupTimes `json:"setup"`
}

type benchSetupTimes struct {
	Sessions      float64 `json:"visitor_sessions_s"`
	Conversations float64 `json:"conversations_s"`
	Connections   float64 `json:"connections_s"`
}

// latencySummary holds percentiles in milliseconds.
type latencySummary struct {
	Count int64   `json:"count"`
	Mean  float64 `json:"mean_ms"`
	P50   float64 `json:"p50_ms"`
	P95   float64 `json:"p95_ms"`
	P99   float64 `json:"p99_ms"`
	P999  float64 `json:"p999_ms"`
	Max   float64 `json:"max_ms"`
}

func (l latencySummary) String() string {
	if l.Count == 0 {
		return "no samples"
	}
	return fmt.Sprintf("p50 %s  p95 %s  p99 %s  p99.9 %s  max %s  (mean %s, n=%d)",
		ms(l.P50), ms(l.P95), ms(l.P99), ms(l.P999), ms(l.Max), ms(l.Mean), l.Count)
}

func ms(v float64) string {
	switch {
	case v < 10:
		return strconv.FormatFloat(v, 'f', 2, 64) + "ms"
	case v < 100:
		return strconv.FormatFloat(v, 'f', 1, 64) + "ms"
	}
	return strconv.FormatFloat(v, 'f', 0, 64) + "ms"
}

// idleReport is the server's memory before and after opening the idle
// connections.
type idleReport struct {
	Connections  int     `json:"connections"`
	Failed       int     `json:"failed"`
	Subscribed   bool    `json:"subscribed"`
	RSSBefore    float64 `json:"rss_before_bytes"`
	RSSAfter     float64 `json:"rss_after_bytes"`
	HeapBefore   float64 `json:"heap_inuse_before_bytes"`
	HeapAfter    float64 `json:"heap_inuse_after_bytes"`
	StackBefore  float64 `json:"stack_inuse_before_bytes"`
	StackAfter   float64 `json:"stack_inuse_after_bytes"`
	GoroutinesBf float64 `json:"goroutines_before"`
	GoroutinesAf float64 `json:"goroutines_after"`
	// Per connection, in bytes.
	RSSPerConn        float64 `json:"rss_per_connection_bytes"`
	HeapStackPerConn  float64 `json:"heap_stack_per_connection_bytes"`
	GoroutinesPerConn float64 `json:"goroutines_per_connection"`
}

func (r *benchReport) print(w io.Writer) {
	fmt.Fprintf(w, "parley bench: %s — %d conversations (%d visitors), %d agent connections, %.0f msg/s for %v after a %v warm-up, %d-byte bodies\n",
		r.URL, r.Conversations, r.Visitors, r.Agents, r.Rate, time.Duration(r.DurationSec*float64(time.Second)),
		time.Duration(r.WarmupSec*float64(time.Second)), r.BodySize)
	fmt.Fprintf(w, "  setup:       %.1fs visitor sessions, %.1fs conversations, %.1fs connections\n",
		r.Setup.Sessions, r.Setup.Conversations, r.Setup.Connections)
	fmt.Fprintf(w, "  messages:    sent %d, acked %d, delivered %d, missing %d, duplicates %d, disconnects %d\n",
		r.Sent, r.Acked, r.Delivered, r.Missing, r.Duplicates, r.Disconnects)
	errs := "none"
	if len(r.Errors) > 0 {
		var parts []string
		for code, n := range r.Errors {
			parts = append(parts, fmt.Sprintf("%s %d", code, n))
		}
		sort.Strings(parts)
		errs = strings.Join(parts, ", ")
	}
	fmt.Fprintf(w, "  errors:      %s\n", errs)
	fmt.Fprintf(w, "  throughput:  %.0f msg/s sent, %.0f msg/s delivered (measured window)\n", r.SentRate, r.DeliveredRate)
	fmt.Fprintf(w, "  ack:         %s\n", r.Ack)
	fmt.Fprintf(w, "  delivery:    %s\n", r.Delivery)
	fmt.Fprintf(w, "  (from the actual send: %s; sends left the bench late by %s)\n", r.Service, r.Lag)
	if id := r.Idle; id != nil {
		what := "authenticated"
		if id.Subscribed {
			what = "authenticated, each following one conversation"
		}
		fmt.Fprintf(w, "  idle:        %d connections (%s; %d failed)\n", id.Connections, what, id.Failed)
		fmt.Fprintf(w, "               server RSS %.1f → %.1f MiB: %.1f KiB per connection\n",
			id.RSSBefore/(1<<20), id.RSSAfter/(1<<20), id.RSSPerConn/1024)
		fmt.Fprintf(w, "               heap+stack in use %.1f → %.1f MiB: %.1f KiB per connection; %.1f goroutines per connection\n",
			(id.HeapBefore+id.StackBefore)/(1<<20), (id.HeapAfter+id.StackAfter)/(1<<20), id.HeapStackPerConn/1024, id.GoroutinesPerConn)
	}
}

// benchRun is the state of one run.
type benchRun struct {
	cfg      benchConfig
	admin    *client.Client
	start    time.Time
	interval time.Duration // between two intended sends
	warmupN  int64         // messages sent during the warm-up

	convs    []string        // conversation IDs
	visitors []*client.Conn  // by conversation
	tokens   []string        // visitor tokens
	agents   []*client.Conn  // staff connections
	padding  string          // filler of message bodies
	inFlight chan struct{}   // semaphore of sends awaiting their ack
	sends    sync.WaitGroup  // sends in progress
	seen     []atomic.Uint64 // bitset of delivered message numbers

	sent, measuredSent, acked, delivered, duplicates, disconnects atomic.Int64

	mu       sync.Mutex
	errors   map[string]int64
	ack      *histogram
	delivery *histogram
	service  *histogram
	lag      *histogram
	window   *histogram // deliveries since the last progress line
}

func runBench(ctx context.Context, cfg benchConfig, progress io.Writer) (*benchReport, error) {
	admin, err := client.New(cfg.url, client.WithToken(cfg.token), client.WithUserAgent("parley-bench"))
	if err != nil {
		return nil, err
	}
	total := int64(math.Round(cfg.rate * (cfg.warmup + cfg.duration).Seconds()))
	r := &benchRun{
		cfg: cfg, admin: admin,
		interval: time.Duration(float64(time.Second) / cfg.rate),
		warmupN:  int64(math.Round(cfg.rate * cfg.warmup.Seconds())),
		inFlight: make(chan struct{}, benchMaxInFlight),
		seen:     make([]atomic.Uint64, total/64+1),
		errors:   map[string]int64{},
		ack:      newHistogram(), delivery: newHistogram(), service: newHistogram(), lag: newHistogram(), window: newHistogram(),
	}
	rep := &benchReport{
		URL: cfg.url, Conversations: cfg.conversations, Visitors: cfg.visitors, Agents: cfg.agents,
		Rate: cfg.rate, DurationSec: cfg.duration.Seconds(), WarmupSec: cfg.warmup.Seconds(), BodySize: cfg.size,
	}
	defer r.closeAll()
	if err := r.setup(ctx, progress, &rep.Setup); err != nil {
		return nil, err
	}
	if err := r.load(ctx, total, progress); err != nil {
		return nil, err
	}
	r.report(rep)
	if cfg.idle > 0 {
		if rep.Idle, err = r.measureIdle(ctx, progress); err != nil {
			return nil, err
		}
	}
	return rep, nil
}

// setup creates the inbox, visitors and conversations and opens the
// connections.
func (r *benchRun) setup(ctx context.Context, progress io.Writer, times *benchSetupTimes) error {
	cfg := r.cfg
	ctx, cancel := context.WithTimeout(ctx, 10*time.Minute)
	defer cancel()
	if _, err := r.admin.Me(ctx); err != nil {
		return fmt.Errorf("bench: check the token: %w", err)
	}
	if cfg.inbox == "" {
		in, err := r.admin.CreateInbox(ctx, client.CreateInboxInput{
			Name: "bench " + time.Now().UTC().Format(time.DateTime), AllowedOrigins: []string{"*"},
		})
		if err != nil {
			return fmt.Errorf("bench: create an inbox (or give --inbox): %w", err)
		}
		r.cfg.inbox = in.ID
		fmt.Fprintf(progress, "bench: created inbox %s\n", in.ID)
	}

	t := time.Now()
	r.tokens = make([]string, cfg.visitors)
	for i := range r.tokens {
		sess, err := r.visitorSession(ctx)
		if err != nil {
			return fmt.Errorf("bench: visitor session: %w", err)
		}
		r.tokens[i] = sess.Token
	}
	times.Sessions = time.Since(t).Seconds()

	t = time.Now()
	r.convs = make([]string, cfg.conversations)
	err := parallel(ctx, cfg.conversations, 32, func(ctx context.Context, i int) error {
		conv, err := r.admin.WithToken(r.tokens[i%cfg.visitors]).CreateConversation(ctx, client.CreateConversationInput{})
		if err != nil {
			return fmt.Errorf("bench: create conversation: %w", err)
		}
		r.convs[i] = conv.ID
		return nil
	})
	if err != nil {
		return err
	}
	times.Conversations = time.Since(t).Seconds()

	t = time.Now()
	onDrop := client.OnDisconnect(func(error) { r.disconnects.Add(1) })
	reconnect := client.WithAutoReconnect(100*time.Millisecond, 2*time.Second)
	r.agents = make([]*client.Conn, cfg.agents)
	err = parallel(ctx, cfg.agents, 8, func(ctx context.Context, j int) error {
		conn, err := r.admin.Connect(ctx, reconnect, onDrop)
		if err != nil {
			return fmt.Errorf("bench: agent connection: %w", err)
		}
		r.agents[j] = conn
		for i := j; i < cfg.conversations; i += cfg.agents {
			if _, err := conn.Subscribe(ctx, r.convs[i], 0); err != nil {
				return fmt.Errorf("bench: agent connection: subscribe: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	r.visitors = make([]*client.Conn, cfg.conversations)
	err = parallel(ctx, cfg.conversations, 64, func(ctx context.Context, i int) error {
		conn, err := r.admin.WithToken(r.tokens[i%cfg.visitors]).Connect(ctx, reconnect, onDrop, client.WithBuffer(64))
		if err != nil {
			return fmt.Errorf("bench: visitor connection: %w", err)
		}
		r.visitors[i] = conn
		return nil
	})
	times.Connections = time.Since(t).Seconds()
	return err
}

// visitorSession starts a guest session, waiting out the server's
// per-address rate limit (bounded by ctx).
func (r *benchRun) visitorSession(ctx context.Context) (*client.VisitorSession, error) {
	for {
		sess, err := r.admin.WithToken("").CreateVisitorSession(ctx, r.cfg.inbox)
		var e *client.Error
		if !errors.As(err, &e) || e.Code != client.CodeRateLimited {
			return sess, err
		}
		wait := max(e.RetryAfter, time.Second)
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("%w (waiting for the rate limit on new visitor sessions; use fewer --visitors)", err)
		case <-time.After(wait):
		}
	}
}

// load sends total messages, paced, and waits for their acks and deliveries.
func (r *benchRun) load(ctx context.Context, total int64, progress io.Writer) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	r.padding = strings.Repeat("x", r.cfg.size)
	var receivers sync.WaitGroup
	for _, conn := range r.agents {
		receivers.Go(func() { r.receive(ctx, conn) })
	}
	defer receivers.Wait()
	defer cancel()

	stopProgress := r.startProgress(progress)
	defer stopProgress()

	r.start = time.Now()
	for next := int64(0); next < total; {
		elapsed := time.Since(r.start)
		due := min(total, int64(elapsed/r.interval)+1)
		for ; next < due; next++ {
			r.dispatch(ctx, next)
		}
		if next < total {
			if err := sleepCtx(ctx, time.Duration(next)*r.interval-time.Since(r.start)); err != nil {
				return err
			}
		}
	}
	r.sends.Wait()
	deadline := time.Now().Add(r.cfg.drain)
	for r.delivered.Load() < r.acked.Load() && time.Now().Before(deadline) {
		if err := sleepCtx(ctx, 10*time.Millisecond); err != nil {
			return err
		}
	}
	return nil
}

// dispatch sends message n on its own goroutine.
func (r *benchRun) dispatch(ctx context.Context, n int64) {
	select {
	case r.inFlight <- struct{}{}:
	default:
		r.fail("bench_overloaded") // more than benchMaxInFlight sends outstanding
		return
	}
	r.sent.Add(1)
	if n >= r.warmupN {
		r.measuredSent.Add(1)
	}
	r.sends.Go(func() {
		defer func() { <-r.inFlight }()
		k := int(n % int64(len(r.convs)))
		intended := time.Duration(n) * r.interval
		actual := time.Since(r.start)
		body := benchBodyPrefix + strconv.FormatInt(n, 10) + ":" + strconv.FormatInt(int64(actual), 10) + ":"
		body += r.padding[:max(0, r.cfg.size-len(body))]
		sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		_, err := r.visitors[k].Send(sctx, r.convs[k], client.SendInput{
			ClientID: "bench-" + strconv.FormatInt(n, 10), Body: body,
		})
		now := time.Since(r.start)
		if err != nil {
			code := client.ErrorCode(err)
			if code == "" {
				code = "connection"
				if errors.Is(err, context.DeadlineExceeded) {
					code = "timeout"
				}
			}
			r.fail(code)
			return
		}
		r.acked.Add(1)
		if n >= r.warmupN {
			r.mu.Lock()
			r.ack.record(now - intended)
			r.lag.record(actual - intended)
			r.mu.Unlock()
		}
	})
}

func (r *benchRun) fail(code string) {
	r.mu.Lock()
	r.errors[code]++
	r.mu.Unlock()
}

// receive reads an agent connection's frames and records deliveries.
func (r *benchRun) receive(ctx context.Context, conn *client.Conn) {
	for {
		f, err := conn.Next(ctx)
		if err != nil {
			return
		}
		if f.Type != client.FrameMessage || f.Message == nil || f.Message.Sender.Type != client.ParticipantContact {
			continue
		}
		now := time.Since(r.start)
		n, sentAt, ok := parseBenchBody(f.Message.Body)
		if !ok || n < 0 || n/64 >= int64(len(r.seen)) {
			continue
		}
		bit := uint64(1) << (n % 64)
		if r.seen[n/64].Or(bit)&bit != 0 {
			r.duplicates.Add(1)
			continue
		}
		r.delivered.Add(1)
		if n < r.warmupN {
			continue
		}
		intended := time.Duration(n) * r.interval
		r.mu.Lock()
		r.delivery.record(now - intended)
		r.window.record(now - intended)
		r.service.record(now - sentAt)
		r.mu.Unlock()
	}
}

// parseBenchBody reads "bench:<n>:<actual send offset>:…".
func parseBenchBody(body string) (n int64, sentAt time.Duration, ok bool) {
	rest, ok := strings.CutPrefix(body, benchBodyPrefix)
	if !ok {
		return 0, 0, false
	}
	parts := strings.SplitN(rest, ":", 3)
	if len(parts) < 3 {
		return 0, 0, false
	}
	n, err1 := strconv.ParseInt(parts[0], 10, 64)
	at, err2 := strconv.ParseInt(parts[1], 10, 64)
	return n, time.Duration(at), err1 == nil && err2 == nil
}

// startProgress prints a progress line every cfg.progress until stopped.
func (r *benchRun) startProgress(w io.Writer) (stop func()) {
	if r.cfg.progress <= 0 {
		return func() {}
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(r.cfg.progress)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
			}
			r.mu.Lock()
			win := r.window
			r.window = newHistogram()
			errs := int64(0)
			for _, n := range r.errors {
				errs += n
			}
			r.mu.Unlock()
			fmt.Fprintf(w, "[%5.0fs] sent %d  acked %d  delivered %d  errors %d  disconnects %d  delivery %s\n",
				time.Since(r.start).Seconds(), r.sent.Load(), r.acked.Load(), r.delivered.Load(), errs,
				r.disconnects.Load(), win.summary())
		}
	})
	return func() { close(done); wg.Wait() }
}

func (r *benchRun) report(rep *benchReport) {
	r.mu.Lock()
	defer r.mu.Unlock()
	rep.Sent, rep.Acked, rep.Delivered = r.sent.Load(), r.acked.Load(), r.delivered.Load()
	rep.Duplicates, rep.Disconnects = r.duplicates.Load(), r.disconnects.Load()
	rep.Missing = max(0, rep.Acked-rep.Delivered)
	rep.Errors = r.errors
	measured := r.cfg.duration.Seconds()
	rep.SentRate = float64(r.measuredSent.Load()) / measured
	rep.DeliveredRate = float64(r.delivery.count) / measured
	rep.Ack, rep.Delivery, rep.Service, rep.Lag = r.ack.summary(), r.delivery.summary(), r.service.summary(), r.lag.summary()
}

// measureIdle opens cfg.idle idle visitor connections and reads the
// server's memory before and after.
func (r *benchRun) measureIdle(ctx context.Context, progress io.Writer) (*idleReport, error) {
	cfg := r.cfg
	rep := &idleReport{Connections: cfg.idle, Subscribed: cfg.idleSubscribe}
	before, err := r.settledMetrics(ctx)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(progress, "bench: opening %d idle connections\n", cfg.idle)
	conns := make([]*client.Conn, cfg.idle)
	var failed atomic.Int64
	parallel(ctx, cfg.idle, 64, func(ctx context.Context, i int) error {
		k := i % len(r.convs)
		conn, err := r.admin.WithToken(r.tokens[k%cfg.visitors]).Connect(ctx, client.WithBuffer(16))
		if err == nil && cfg.idleSubscribe {
			_, err = conn.Subscribe(ctx, r.convs[k], 1<<62) // nothing to replay
		}
		if err != nil {
			if failed.Add(1) == 1 {
				fmt.Fprintf(progress, "bench: idle connection: %v\n", err)
			}
			if conn != nil {
				conn.Close()
			}
			return nil
		}
		conns[i] = conn
		return nil
	})
	defer parallel(context.Background(), len(conns), 256, func(_ context.Context, i int) error {
		if conns[i] != nil {
			conns[i].Close()
		}
		return nil
	})
	rep.Failed = int(failed.Load())
	after, err := r.settledMetrics(ctx)
	if err != nil {
		return nil, err
	}
	open := float64(cfg.idle - rep.Failed)
	rep.RSSBefore, rep.RSSAfter = before["process_resident_memory_bytes"], after["process_resident_memory_bytes"]
	rep.HeapBefore, rep.HeapAfter = before["go_memstats_heap_inuse_bytes"], after["go_memstats_heap_inuse_bytes"]
	rep.StackBefore, rep.StackAfter = before["go_memstats_stack_inuse_bytes"], after["go_memstats_stack_inuse_bytes"]
	rep.GoroutinesBf, rep.GoroutinesAf = before["go_goroutines"], after["go_goroutines"]
	if open > 0 {
		rep.RSSPerConn = (rep.RSSAfter - rep.RSSBefore) / open
		rep.HeapStackPerConn = (rep.HeapAfter + rep.StackAfter - rep.HeapBefore - rep.StackBefore) / open
		rep.GoroutinesPerConn = (rep.GoroutinesAf - rep.GoroutinesBf) / open
	}
	return rep, nil
}

// settledMetrics reads the server's /metrics until its resident memory
// changes by less than 1% between two reads a second apart (at most 15 s).
func (r *benchRun) settledMetrics(ctx context.Context) (map[string]float64, error) {
	prev, err := r.metrics(ctx)
	if err != nil {
		return nil, err
	}
	for range 15 {
		if err := sleepCtx(ctx, time.Second); err != nil {
			return nil, err
		}
		cur, err := r.metrics(ctx)
		if err != nil {
			return nil, err
		}
		a, b := prev["process_resident_memory_bytes"], cur["process_resident_memory_bytes"]
		prev = cur
		if a > 0 && math.Abs(b-a)/a < 0.01 {
			break
		}
	}
	return prev, nil
}

// metrics reads the unlabelled samples of the server's /metrics.
func (r *benchRun) metrics(ctx context.Context) (map[string]float64, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimRight(r.cfg.url, "/")+"/metrics", nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("bench: read the server's metrics: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("bench: read the server's metrics: %s", resp.Status)
	}
	out := map[string]float64{}
	sc := bufio.NewScanner(io.LimitReader(resp.Body, 16<<20))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' || strings.ContainsRune(line, '{') {
			continue
		}
		name, value, ok := strings.Cut(line, " ")
		if !ok {
			continue
		}
		if v, err := strconv.ParseFloat(strings.TrimSpace(value), 64); err == nil {
			out[name] = v
		}
	}
	if _, ok := out["process_resident_memory_bytes"]; !ok {
		return nil, errors.New("bench: the server's /metrics has no process_resident_memory_bytes")
	}
	return out, sc.Err()
}

func (r *benchRun) closeAll() {
	conns := append(append([]*client.Conn{}, r.agents...), r.visitors...)
	parallel(context.Background(), len(conns), 256, func(_ context.Context, i int) error {
		if conns[i] != nil {
			conns[i].Close()
		}
		return nil
	})
}

// parallel runs f(0) … f(n-1), at most width at a time, and returns the
// first error (the others are then cancelled).
func parallel(ctx context.Context, n, width int, f func(ctx context.Context, i int) error) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	sem := make(chan struct{}, width)
	var wg sync.WaitGroup
	for i := range n {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
		wg.Go(func() {
			defer func() { <-sem }()
			if err := f(ctx, i); err != nil {
				cancel(err)
			}
		})
	}
	wg.Wait()
	if err := context.Cause(ctx); err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	return ctx.Err()
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// histogram records durations in log-linear buckets: 64 per power of two,
// so each percentile is within about 1.5% of the true value.
type histogram struct {
	counts [64 * 64]int64
	count  int64
	sum    time.Duration
	max    time.Duration
}

func newHistogram() *histogram { return &histogram{} }

func (h *histogram) record(d time.Duration) {
	if d < 0 {
		d = 0
	}
	h.counts[bucketOf(uint64(d))]++
	h.count++
	h.sum += d
	h.max = max(h.max, d)
}

// bucketOf returns the bucket of v: values below 64 have one each; above,
// the power of two picks 64 buckets and the next six bits one of them.
func bucketOf(v uint64) int {
	if v < 64 {
		return int(v)
	}
	shift := bits.Len64(v) - 7 // keep 7 significant bits: 1xxxxxx
	return (shift+1)*64 + int(v>>shift) - 64
}

// bucketValue returns the middle of bucket b's range.
func bucketValue(b int) float64 {
	if b < 64 {
		return float64(b)
	}
	shift := b/64 - 1
	low := uint64(b%64+64) << shift
	return float64(low) + float64(uint64(1)<<shift)/2
}

func (h *histogram) quantile(q float64) time.Duration {
	if h.count == 0 {
		return 0
	}
	rank := int64(math.Ceil(q * float64(h.count)))
	var seen int64
	for b, n := range h.counts {
		seen += n
		if seen >= rank {
			return min(time.Duration(bucketValue(b)), h.max)
		}
	}
	return h.max
}

func (h *histogram) summary() latencySummary {
	toMS := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	s := latencySummary{Count: h.count}
	if h.count > 0 {
		s.Mean = toMS(h.sum / time.Duration(h.count))
		s.P50, s.P95, s.P99 = toMS(h.quantile(0.50)), toMS(h.quantile(0.95)), toMS(h.quantile(0.99))
		s.P999, s.Max = toMS(h.quantile(0.999)), toMS(h.max)
	}
	return s
}
