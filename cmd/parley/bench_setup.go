package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/parleychat/parley/client"
)

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
	if cfg.visitors == 0 {
		// The realistic case: one visitor per conversation.
		r.tokens = make([]string, cfg.conversations)
		if err := r.mintVisitors(ctx, r.tokens); err != nil {
			return err
		}
	} else {
		r.tokens = make([]string, cfg.visitors)
		for i := range r.tokens {
			sess, err := r.visitorSession(ctx)
			if err != nil {
				return fmt.Errorf("bench: visitor session: %w", err)
			}
			r.tokens[i] = sess.Token
		}
	}
	times.Sessions = time.Since(t).Seconds()

	t = time.Now()
	r.convs = make([]string, cfg.conversations)
	err := parallel(ctx, cfg.conversations, 32, func(ctx context.Context, i int) error {
		conv, err := r.admin.WithToken(r.tokens[i%len(r.tokens)]).CreateConversation(ctx, client.CreateConversationInput{})
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
		conn, err := r.admin.WithToken(r.tokens[i%len(r.tokens)]).Connect(ctx, reconnect, onDrop, client.WithBuffer(64))
		if err != nil {
			return fmt.Errorf("bench: visitor connection: %w", err)
		}
		r.visitors[i] = conn
		return nil
	})
	times.Connections = time.Since(t).Seconds()
	return err
}

// mintVisitors fills tokens with the tokens of new visitors, each a new
// guest contact with a session of its own (POST /api/v1/visitor-tokens,
// which the bench's token may call without the per-address limit on new
// guest sessions). The tokens outlive the run.
func (r *benchRun) mintVisitors(ctx context.Context, tokens []string) error {
	ttl := min(24*time.Hour, max(time.Minute, r.cfg.warmup+r.cfg.duration+r.cfg.drain+30*time.Minute))
	return parallel(ctx, len(tokens), 32, func(ctx context.Context, i int) error {
		tok, err := r.admin.CreateVisitorToken(ctx, client.VisitorTokenInput{InboxID: r.cfg.inbox, TTL: ttl.Truncate(time.Second)})
		if err != nil {
			return fmt.Errorf("bench: mint a visitor token (the token needs visitors:write; or give --visitors N): %w", err)
		}
		tokens[i] = tok.Token
		return nil
	})
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

func (r *benchRun) closeAll() {
	conns := append(append([]*client.Conn{}, r.agents...), r.visitors...)
	parallel(context.Background(), len(conns), 256, func(_ context.Context, i int) error {
		if conns[i] != nil {
			conns[i].Close()
		}
		return nil
	})
}
