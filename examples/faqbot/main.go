// Command faqbot is a rule-based FAQ bot for Parley (docs/bots.md): an app's
// bot agent that takes the new conversations of its queue, answers the
// questions it knows, and hands the conversation off to people when the
// visitor asks for a human (or it has no answer twice).
//
// It authenticates with the app's client credentials — no password, no
// browser — asking for an access token that acts as its bot agent, and
// works over the WebSocket: the workspace feed tells it of new
// conversations, each conversation's messages arrive as frames, and it
// replies and hands off over the same connection.
//
//	PARLEY_URL=http://localhost:8080 CLIENT_ID=… CLIENT_SECRET=… BOT_ID=… \
//	HUMAN_QUEUE_ID=… go run ./examples/faqbot
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"strings"

	"github.com/parleychat/parley/client"
)

// Config is what the bot needs.
type Config struct {
	URL          string // Parley's base URL
	ClientID     string // the app's client ID
	ClientSecret string // the app's client secret
	BotID        string // the bot agent the app created
	HumanQueueID string // where conversations go to people
	HTTPClient   *http.Client
}

// faq maps a keyword of the visitor's message to the answer.
var faq = []struct{ keyword, answer string }{
	{"hours", "We are open Monday to Friday, 9:00 to 17:00."},
	{"shipping", "Shipping takes 2 to 4 working days."},
	{"return", "You can return anything within 30 days."},
}

// answer returns the bot's reply to text, or handoff true when a person
// should take over.
func answer(text string) (reply string, handoff bool) {
	t := strings.ToLower(text)
	if strings.Contains(t, "human") || strings.Contains(t, "person") || strings.Contains(t, "agent") {
		return "", true
	}
	for _, f := range faq {
		if strings.Contains(t, f.keyword) {
			return f.answer, false
		}
	}
	return "I can tell you about our hours, shipping and returns. Type \"human\" to talk to a person.", false
}

// Token asks Parley for an access token of the app acting as its bot
// (the OAuth 2.0 client credentials grant, with agent_id).
func Token(ctx context.Context, cfg Config) (string, error) {
	form := url.Values{"grant_type": {"client_credentials"}, "client_id": {cfg.ClientID},
		"client_secret": {cfg.ClientSecret}, "agent_id": {cfg.BotID}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, cfg.URL+"/api/v1/oauth/token", strings.NewReader(form.Encode()))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	hc := cfg.HTTPClient
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var ans struct {
		AccessToken string `json:"access_token"`
		Error       string `json:"error"`
		Description string `json:"error_description"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&ans); err != nil {
		return "", err
	}
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("token: %s: %s", ans.Error, ans.Description)
	}
	return ans.AccessToken, nil
}

// Run runs the bot until ctx ends. ready, if not nil, is called once the
// bot follows the feed.
func Run(ctx context.Context, cfg Config, ready func()) error {
	tok, err := Token(ctx, cfg)
	if err != nil {
		return err
	}
	opts := []client.Option{client.WithToken(tok)}
	if cfg.HTTPClient != nil {
		opts = append(opts, client.WithHTTPClient(cfg.HTTPClient))
	}
	c, err := client.New(cfg.URL, opts...)
	if err != nil {
		return err
	}
	conn, err := c.Connect(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if err := conn.SubscribeFeed(ctx); err != nil {
		return err
	}
	if ready != nil {
		ready()
	}
	transcript := map[string][]string{} // what each visitor asked
	for {
		f, err := conn.Next(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		switch {
		case f.Type == "event" && f.FeedEvent != nil && f.FeedEvent.Type == "conversation.queued":
			// The feed tells of a new conversation waiting; in the bot's
			// queue (not the people's), the bot takes it.
			change, err := f.FeedEvent.ConversationChange()
			if err != nil || change.Conversation == nil {
				continue
			}
			conv := change.Conversation
			if conv.Status == "pending" && conv.AssigneeID == "" && conv.QueueID != cfg.HumanQueueID {
				if _, err := c.Assign(ctx, conv.ID, cfg.BotID); err != nil {
					continue // another bot or person took it
				}
				if _, err := conn.Subscribe(ctx, conv.ID, 0); err != nil {
					return err
				}
			}
		case f.Type == "message" && f.Message != nil && f.Message.Sender.Type == "contact":
			m := f.Message
			transcript[m.ConversationID] = append(transcript[m.ConversationID], m.Body)
			reply, handoff := answer(m.Body)
			if handoff {
				_, err := conn.Request(ctx, "handoff", map[string]any{
					"conversation_id": m.ConversationID, "queue_id": cfg.HumanQueueID,
					"reason":  "asked for a person",
					"summary": "The visitor wrote: " + strings.Join(transcript[m.ConversationID], " / "),
				})
				if err != nil {
					log.Printf("hand off %s: %v", m.ConversationID, err)
				}
				delete(transcript, m.ConversationID)
				continue
			}
			if _, err := conn.Send(ctx, m.ConversationID, client.SendInput{Body: reply, ClientID: "re-" + m.ID}); err != nil {
				log.Printf("reply in %s: %v", m.ConversationID, err)
			}
		}
	}
}

func main() {
	cfg := Config{URL: os.Getenv("PARLEY_URL"), ClientID: os.Getenv("CLIENT_ID"), ClientSecret: os.Getenv("CLIENT_SECRET"),
		BotID: os.Getenv("BOT_ID"), HumanQueueID: os.Getenv("HUMAN_QUEUE_ID")}
	if cfg.URL == "" || cfg.ClientID == "" || cfg.ClientSecret == "" || cfg.BotID == "" || cfg.HumanQueueID == "" {
		log.Fatal("set PARLEY_URL, CLIENT_ID, CLIENT_SECRET, BOT_ID and HUMAN_QUEUE_ID")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := Run(ctx, cfg, func() { log.Print("faqbot: following the feed") }); err != nil && !errors.Is(err, context.Canceled) {
		log.Fatal(err)
	}
}
