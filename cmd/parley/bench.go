package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
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

By default every conversation is its own visitor's: --conversations
visitors, each with its own session (minted with POST /api/v1/visitor-tokens)
and its own conversation and WebSocket connection, as real widgets are; with
--visitors N, N guest sessions (rate-limited per IP) share the conversations.
--agents staff connections (authenticated with --token) follow every
conversation between them. Visitors then send --rate messages a second in
total, paced open-loop (each message has an intended send time, and latency
counts from it, so a slow server cannot hide its delays), for --warmup plus
--duration. The report gives throughput, errors, and latency percentiles of
the ack (visitor send → durable) and of delivery (visitor send → an agent
connection receives the message).

With --idle N, it then opens N more visitor connections that stay idle (by
default each its own visitor, with its own session and conversation) and
reports the server's memory per connection, read from its /metrics before
and after (for a meaningful figure, run it against a freshly started
server, alone on the machine).

With --webhook, a webhook receiver on 127.0.0.1 is subscribed to
message.created for the run (and unsubscribed after): the report adds the
events it received per second and their lag, from the message's
created_at to the request's arrival. The server must be on this machine
and allowed to reach it (PARLEY_OUTBOUND_ALLOW=127.0.0.1/32), and the
token needs webhooks:write.

The token needs conversations:read, conversations:write and
visitors:write (and inboxes:write when --inbox is not given); an "all" token will do. It is
read from PARLEY_BENCH_TOKEN when --token is not given. Only --url is
contacted.`

// benchConfig is the parsed command line of "parley bench".
type benchConfig struct {
	url, token, inbox                           string
	conversations, visitors, agents, size, idle int
	rate                                        float64
	duration, warmup, progress, drain           time.Duration
	idleSubscribe, jsonOut, webhook             bool
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
	fs.IntVar(&cfg.visitors, "visitors", 0, "0: every conversation (and idle connection) its own visitor, with its own minted session (the realistic case); N: N guest sessions the conversations are spread over (new ones are rate-limited per IP)")
	fs.IntVar(&cfg.agents, "agents", 1, "staff connections following the conversations between them")
	fs.Float64Var(&cfg.rate, "rate", 2000, "messages per second, in total")
	fs.DurationVar(&cfg.duration, "duration", 30*time.Second, "how long to measure")
	fs.DurationVar(&cfg.warmup, "warmup", 2*time.Second, "load before measuring, left out of the figures")
	fs.IntVar(&cfg.size, "size", 64, "bytes of each message body")
	fs.DurationVar(&cfg.progress, "progress", 5*time.Second, "interval of progress lines on standard error (0: none)")
	fs.DurationVar(&cfg.drain, "drain", 10*time.Second, "how long to wait, after the last send, for outstanding acks and deliveries")
	fs.IntVar(&cfg.idle, "idle", 0, "idle visitor connections to open after the load, to measure server memory per connection")
	fs.BoolVar(&cfg.idleSubscribe, "idle-subscribe", false, "make each idle connection follow one conversation and its contact's feed, as a widget does")
	fs.BoolVar(&cfg.webhook, "webhook", false, "subscribe a local receiver (on 127.0.0.1, so the server must allow it: PARLEY_OUTBOUND_ALLOW=127.0.0.1/32) to message.created, and report the events received per second and their lag")
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
	check(cfg.visitors >= 0, "--visitors must not be negative")
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
	if cfg.visitors > 0 {
		cfg.visitors = min(cfg.visitors, cfg.conversations)
	}
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
	var hook *benchWebhook
	if cfg.webhook {
		if hook, err = r.startWebhook(ctx); err != nil {
			return nil, err
		}
		defer hook.stop(context.WithoutCancel(ctx))
	}
	if err := r.load(ctx, total, progress); err != nil {
		return nil, err
	}
	if hook != nil {
		if err := hook.drain(ctx); err != nil {
			return nil, err
		}
		rep.Webhook = hook.report()
	}
	r.report(rep)
	if cfg.idle > 0 {
		if rep.Idle, err = r.measureIdle(ctx, progress); err != nil {
			return nil, err
		}
	}
	return rep, nil
}
