package client_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"strings"
	"time"

	"github.com/parleychat/parley/client"
)

// A visitor's chat: start a guest session and a conversation, follow it in
// real time, write, and print what arrives. The connection re-establishes
// itself after network failures and resumes where it was, so every message
// is printed once, in order.
//
// Run it against a server with PARLEY_URL (e.g. http://127.0.0.1:8080) and
// PARLEY_INBOX (an inbox ID) set.
func Example_visitor() {
	ctx := context.Background()
	anon, err := client.New(os.Getenv("PARLEY_URL"))
	if err != nil {
		log.Fatal(err)
	}
	sess, err := anon.CreateVisitorSession(ctx, os.Getenv("PARLEY_INBOX"))
	if err != nil {
		log.Fatal(err)
	}
	// Keep sess.Token on the device to come back as the same visitor.
	visitor := anon.WithToken(sess.Token)
	conv, err := visitor.CreateConversation(ctx, client.CreateConversationInput{})
	if err != nil {
		log.Fatal(err)
	}

	conn, err := visitor.Connect(ctx, client.WithAutoReconnect(time.Second, 30*time.Second))
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	// 0: from the beginning. A later process would pass the last seq it
	// showed (conn.LastSeq(conv.ID), saved).
	if _, err := conn.Subscribe(ctx, conv.ID, 0); err != nil {
		log.Fatal(err)
	}
	// The client ID makes the send safe to retry; Send retries by itself
	// across reconnections until the message is stored.
	if _, err := conn.Send(ctx, conv.ID, client.SendInput{ClientID: client.NewClientID(), Body: "Hello! Where is my order?"}); err != nil {
		log.Fatal(err)
	}
	for {
		f, err := conn.Next(ctx)
		if err != nil {
			log.Fatal(err) // the Conn ended: closed, or its credentials refused
		}
		switch f.Type {
		case client.FrameMessage:
			fmt.Printf("#%d %s: %s\n", f.Message.Seq, f.Message.Sender.Type, f.Message.Body)
			conn.MarkRead(ctx, conv.ID, f.Message.Seq)
		case client.FrameConversation:
			fmt.Println("the conversation is now", f.Conversation.Status)
		case client.FrameTyping:
			fmt.Println(f.By.Type, "is typing…")
		}
	}
}

// A bot (or any back-end) with an API token: follow the workspace's feed,
// join each conversation as it is queued, and answer every visitor message.
//
// Run it with PARLEY_URL and PARLEY_TOKEN (an API token with
// conversations:read and conversations:write) set.
func Example_bot() {
	ctx := context.Background()
	app, err := client.New(os.Getenv("PARLEY_URL"), client.WithToken(os.Getenv("PARLEY_TOKEN")))
	if err != nil {
		log.Fatal(err)
	}
	conn, err := app.Connect(ctx, client.WithAutoReconnect(time.Second, 30*time.Second))
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	if err := conn.SubscribeFeed(ctx); err != nil {
		log.Fatal(err)
	}
	for {
		f, err := conn.Next(ctx)
		if err != nil {
			log.Fatal(err)
		}
		switch {
		case f.Type == client.FrameEvent && f.FeedEvent.Type == "conversation.queued":
			// Follow it from the start: the first message is replayed.
			if _, err := conn.Subscribe(ctx, f.ConversationID, 0); err != nil {
				log.Print(err)
			}
		case f.Type == client.FrameMessage && f.Message.Sender.Type == client.ParticipantContact:
			// One reply per visitor message, whatever happens to the
			// connection: the client ID is derived from the message.
			_, err := conn.Send(ctx, f.ConversationID, client.SendInput{
				ClientID: "reply-" + f.Message.ID, Body: "Thanks, an agent will be with you shortly.",
				DisplayName: "Parley bot",
			})
			if err != nil {
				log.Print(err)
			}
		}
	}
}

// A bot that resumes the workspace's feed where its last run stopped: it
// saves the cursor of each event it has handled and, when started again,
// gets every conversation event committed meanwhile, then the live ones,
// each once, in order (also across reconnections).
//
// Run it with PARLEY_URL and PARLEY_TOKEN (an API token with
// conversations:read) set.
func Example_resumeFeed() {
	ctx := context.Background()
	bot, err := client.New(os.Getenv("PARLEY_URL"), client.WithToken(os.Getenv("PARLEY_TOKEN")))
	if err != nil {
		log.Fatal(err)
	}
	// Where the last run stopped; "0", the oldest event, the first time.
	const saved = "feed.cursor"
	cursor := "0"
	if b, err := os.ReadFile(saved); err == nil {
		cursor = strings.TrimSpace(string(b))
	}
	conn, err := bot.Connect(ctx, client.WithAutoReconnect(time.Second, 30*time.Second))
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	// A reconnection resumes by itself after the last event Next returned.
	if err := conn.SubscribeFeedAfter(ctx, cursor); err != nil {
		log.Fatal(err) // client.CodeInvalid: not a cursor of the event feed
	}
	for {
		f, err := conn.Next(ctx)
		if err != nil {
			log.Fatal(err)
		}
		if f.Type != client.FrameEvent {
			continue
		}
		fmt.Println(f.Cursor, f.FeedEvent.Type, f.ConversationID)
		// Handled: resume after it next time.
		if err := os.WriteFile(saved, []byte(f.Cursor), 0o600); err != nil {
			log.Fatal(err)
		}
	}
}

// Errors from the server carry Parley's error code.
func ExampleErrorCode() {
	ctx := context.Background()
	agent, err := client.New(os.Getenv("PARLEY_URL"), client.WithToken(os.Getenv("PARLEY_TOKEN")))
	if err != nil {
		log.Fatal(err)
	}
	_, err = agent.Assign(ctx, os.Getenv("PARLEY_CONVERSATION"), os.Getenv("PARLEY_AGENT"))
	switch client.ErrorCode(err) {
	case "":
		fmt.Println("assigned")
	case client.CodeConflict:
		fmt.Println("someone else took it first")
	default:
		log.Fatal(err)
	}
}
