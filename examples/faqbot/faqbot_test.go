package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/app"
	"github.com/parleychat/parley/internal/config"
)

const wait = 15 * time.Second

// server starts a Parley node and returns its URL and an admin's API token.
func server(t *testing.T) (string, string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	cfg := config.Default()
	cfg.Addr, cfg.PublicURL, cfg.DataDir, cfg.ShutdownTimeout = addr, "http://"+addr, t.TempDir(), 5*time.Second
	ctx, cancel := context.WithCancel(context.Background())
	a, err := app.Open(ctx, cfg, slog.New(slog.DiscardHandler), "test")
	if err != nil {
		t.Fatal(err)
	}
	boot, err := a.Accounts.Bootstrap(ctx, cfg.AdminEmail, "admin-password-for-tests")
	if err != nil {
		t.Fatal(err)
	}
	_, token, err := a.Accounts.CreateToken(ctx, nil, boot.Workspace.ID, "test", []parley.Scope{parley.ScopeAll})
	if err != nil {
		t.Fatal(err)
	}
	ready, served := make(chan string, 1), make(chan error, 1)
	go func() { served <- a.Serve(ctx, func(url string) { ready <- url }) }()
	var url string
	select {
	case url = <-ready:
	case err := <-served:
		t.Fatalf("serve: %v", err)
	case <-time.After(wait):
		t.Fatal("the server did not start")
	}
	t.Cleanup(func() {
		cancel()
		<-served
		a.Close()
	})
	return url, token
}

// call sends a JSON request and decodes the answer into out (if not nil).
func call(t *testing.T, method, url, token string, body, out any, want int) {
	t.Helper()
	var b []byte
	if body != nil {
		b, _ = json.Marshal(body)
	}
	req, err := http.NewRequest(method, url, bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var raw json.RawMessage
	json.NewDecoder(resp.Body).Decode(&raw)
	if resp.StatusCode != want {
		t.Fatalf("%s %s: %d %s, want %d", method, url, resp.StatusCode, raw, want)
	}
	if out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			t.Fatal(err)
		}
	}
}

// poll calls cond until it returns "" or the deadline passes.
func poll(t *testing.T, cond func() string) {
	t.Helper()
	deadline := time.Now().Add(wait)
	for {
		msg := cond()
		if msg == "" {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal(msg)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

type message struct {
	Kind   string `json:"kind"`
	Body   string `json:"body"`
	AppID  string `json:"app_id"`
	Sender struct {
		Type string `json:"type"`
		ID   string `json:"id"`
	} `json:"sender"`
}

// TestFAQBot runs the sample bot against a real server: it takes a
// visitor's new conversation, answers a question it knows, and on
// "human" hands the conversation off to the people's queue with a
// summary, which agents see as a note, while the visitor is shown the
// hand-off line.
func TestFAQBot(t *testing.T) {
	base, admin := server(t)
	api := base + "/api/v1"
	var inbox struct {
		ID string `json:"id"`
	}
	call(t, "POST", api+"/inboxes", admin, map[string]any{"name": "Shop"}, &inbox, 201)
	b := startBot(t, base, admin)
	humans, installed, bot := b.humansID, b.app, b.botID

	// A visitor asks a question the bot knows.
	var sess struct {
		Token string `json:"token"`
	}
	call(t, "POST", api+"/visitor/sessions", "", map[string]any{"inbox_id": inbox.ID}, &sess, 201)
	var conv struct {
		ID      string `json:"id"`
		Status  string `json:"status"`
		QueueID string `json:"queue_id"`
	}
	call(t, "POST", api+"/conversations", sess.Token, map[string]any{}, &conv, 201)
	say := func(text string) {
		call(t, "POST", api+"/conversations/"+conv.ID+"/messages", sess.Token, map[string]any{"body": text}, nil, 201)
	}
	messages := func(token string) []message {
		var list struct {
			Items []message `json:"items"`
		}
		call(t, "GET", api+"/conversations/"+conv.ID+"/messages?limit=200", token, nil, &list, 200)
		return list.Items
	}
	say("What are your opening hours?")
	poll(t, func() string {
		for _, m := range messages(sess.Token) {
			if m.Sender.Type == "bot" && m.Sender.ID == bot && strings.Contains(m.Body, "Monday to Friday") {
				return ""
			}
		}
		return fmt.Sprintf("the bot did not answer: %+v", messages(sess.Token))
	})
	// Staff see which app the bot's answer came from.
	for _, m := range messages(admin) {
		if m.Sender.Type == "bot" && m.AppID != installed {
			t.Errorf("bot message app_id = %q, want %q", m.AppID, installed)
		}
	}

	say("I want to talk to a human")
	poll(t, func() string {
		call(t, "GET", api+"/conversations/"+conv.ID, admin, nil, &conv, 200)
		if conv.Status != "pending" || conv.QueueID != humans {
			return fmt.Sprintf("conversation %+v, want pending in the humans' queue %s", conv, humans)
		}
		return ""
	})
	poll(t, func() string {
		for _, m := range messages(sess.Token) {
			if m.Kind == "event" && m.Body == parley.HandoffLine {
				return ""
			}
		}
		return "the visitor was not shown the hand-off line"
	})
	var note *message
	for _, m := range messages(admin) {
		if m.Kind == "note" {
			note = &m
		}
	}
	if note == nil || !strings.Contains(note.Body, "asked for a person") || !strings.Contains(note.Body, "opening hours") {
		t.Errorf("the agents' note = %+v, want the reason and the summary", note)
	}
	for _, m := range messages(sess.Token) {
		if m.Kind == "note" || strings.Contains(m.Body, "asked for a person") {
			t.Errorf("the visitor was shown the summary: %+v", m)
		}
	}
	var feed struct {
		Items []struct {
			Type string         `json:"type"`
			Data map[string]any `json:"data"`
		} `json:"items"`
	}
	call(t, "GET", api+"/events?types=conversation.*", admin, nil, &feed, 200)
	var handoffs []map[string]any
	for _, e := range feed.Items {
		if e.Type == "conversation.handed_off" {
			handoffs = append(handoffs, e.Data)
		}
	}
	if len(handoffs) != 1 {
		t.Fatalf("handed_off events = %v", handoffs)
	}
	h, _ := handoffs[0]["handoff"].(map[string]any)
	if h == nil || h["queue_id"] != humans || h["reason"] != "asked for a person" || !strings.Contains(fmt.Sprint(h["summary"]), "opening hours") {
		t.Errorf("event data = %v", handoffs[0])
	}
}

// runningBot is the sample bot started by startBot.
type runningBot struct {
	humansID string // the people's queue it hands off to
	app      string // the app's ID
	botID    string // its bot agent
}

// startBot installs the FAQ bot's app with the admin's token, lets the app
// create its bot agent, and runs the bot until the test ends.
func startBot(t *testing.T, base, admin string) runningBot {
	t.Helper()
	api := base + "/api/v1"
	var humans struct {
		ID string `json:"id"`
	}
	call(t, "POST", api+"/queues", admin, map[string]any{"name": "Humans"}, &humans, 201)
	var installed struct {
		ID           string `json:"id"`
		ClientID     string `json:"client_id"`
		ClientSecret string `json:"client_secret"`
	}
	scopes := append(parley.RoleScopes(parley.RoleAgent), parley.ScopeAgentsWrite)
	call(t, "POST", api+"/apps", admin, map[string]any{"name": "FAQ bot", "scopes": scopes}, &installed, 201)

	// The app creates its bot agent with its own token.
	cfg := Config{URL: base, ClientID: installed.ClientID, ClientSecret: installed.ClientSecret, HumanQueueID: humans.ID}
	tok, err := Token(t.Context(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	var bot struct {
		ID string `json:"id"`
	}
	call(t, "POST", api+"/agents", tok, map[string]any{"email": "faq@bots.example", "name": "FAQ bot",
		"role": "agent", "bot": true}, &bot, 201)
	cfg.BotID = bot.ID

	ctx, stop := context.WithCancel(t.Context())
	ready, done := make(chan struct{}), make(chan error, 1)
	go func() { done <- Run(ctx, cfg, func() { close(ready) }) }()
	t.Cleanup(func() {
		stop()
		if err := <-done; err != nil {
			t.Errorf("bot: %v", err)
		}
	})
	select {
	case <-ready:
	case err := <-done:
		t.Fatalf("bot: %v", err)
	case <-time.After(wait):
		t.Fatal("the bot did not start")
	}
	return runningBot{humansID: humans.ID, app: installed.ID, botID: bot.ID}
}
