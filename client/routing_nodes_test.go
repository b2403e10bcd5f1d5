package client_test

import (
	"cmp"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/client"
	"github.com/parleychat/parley/internal/testenv"
)

// The figures of TestRoutingSurvivesANodeKill.
const (
	killAgents        = 21   // a third on node 0, a third on node 1 (killed), a third on both
	killCapacity      = 48   // the queue's capacity: killAgents*killCapacity >= killConversations
	killConversations = 1000 // arriving before the kill
	killLater         = 50   // arriving after it
	killResolved      = 5    // resolved per agent after the kill, to make room
	killGrace         = 4 * time.Second
	// killOffline is the documented bound on how long after its node dies
	// an agent connected only to it stays online: the grace period, plus
	// the interval of the presence sweep (grace/4).
	killOffline = killGrace + killGrace/4
)

// Two nodes on one PostgreSQL database and one NATS server — one of them
// a separate "parley serve" process — and agents with WebSocket
// connections to one node or to both, online. 1,000 conversations arrive
// through the visitor API of both nodes at once, in a least-busy queue
// whose capacity leaves room for all of them: every conversation is
// assigned exactly once (one conversation.assigned event each), no agent
// is ever over capacity (replaying the event feed in commit order, and
// through the API at the end), nothing waits. Then the process is killed
// with SIGKILL: the agents connected only to it go offline within the
// grace period plus one presence sweep (docs/routing.md, "Several nodes"),
// as the surviving node's API and the event feed say, while those
// connected to the survivor — alone or also to the dead node — stay
// online. Room is then made for every agent, and the conversations that
// arrive next all go to the agents still online.
func TestRoutingSurvivesANodeKill(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs a server process")
	}
	db, nats := testenv.PostgresURL(t), testenv.NATSURL(t)
	bin := make(chan string, 1)
	go func() { bin <- buildParley(t) }() // while node 0 starts
	cfg := nodeConfig(t)
	cfg.DatabaseURL, cfg.NATSURL, cfg.PresenceGrace = db, nats, killGrace
	e := setupEnv(t, startNode(t, cfg))
	proc := startProcessNode(t, <-bin, map[string]string{
		"PARLEY_DATABASE_URL": db, "PARLEY_NATS_URL": nats, "PARLEY_PRESENCE_GRACE": killGrace.String(),
	})
	e.nodes = append(e.nodes, proc)
	ctx := t.Context()
	admin := e.admin(t, 0)

	// The agents, each connected to the nodes of its third, online.
	ids := make([]string, killAgents)
	survives := map[string]bool{}
	for i := range ids {
		nodes := [][]int{{0}, {1}, {0, 1}}[i*3/killAgents]
		c, ag := e.agent(t, nodes[0], parley.RoleAgent)
		ids[i], survives[ag.ID] = ag.ID, slices.Contains(nodes, 0)
		drain(t, connect(t, c))
		if len(nodes) == 2 {
			drain(t, connect(t, e.session(t, nodes[1], ag)))
		}
		must(t, c.SetPresence(ctx, "online"))
	}
	team := e.rest(t, 0, "POST", "/api/v1/teams", e.token, map[string]any{"name": "Everyone", "agent_ids": ids}, http.StatusCreated)
	queue := e.rest(t, 0, "POST", "/api/v1/queues", e.token, map[string]any{
		"name": "Support", "team_id": team["id"], "strategy": "least_busy", "capacity": killCapacity,
	}, http.StatusCreated)
	e.rest(t, 0, "PUT", "/api/v1/inboxes/"+e.inbox.ID+"/queue", e.token, map[string]any{"queue_id": queue["id"]}, http.StatusOK)
	waitPresence(t, admin, ids, func(string) string { return "online" }, wait, false)

	f := &feed{e: e}
	f.read(t)
	before := f.count()
	convs := arrive(t, e, killConversations, []int{0, 1})
	f.await(t, before, killConversations, time.Minute)
	for _, id := range convs {
		if n := f.assigned[id]; n != 1 {
			t.Errorf("conversation %s: %d conversation.assigned events, want 1", id, n)
		}
	}
	f.checkCapacity(t)
	held := holdings(t, admin, ids, killConversations)
	t.Logf("%d conversations assigned; the busiest agent peaked at %d (capacity %d)", len(convs), f.peak, killCapacity)

	// Under that load presence held: each agent changed once, to online.
	f.read(t)
	presenceBefore := len(f.presence)
	changes := map[string][]string{}
	for _, p := range f.presence {
		changes[p.agent] = append(changes[p.agent], p.presence)
	}
	for _, id := range ids {
		if !equal(changes[id], []string{"online"}) {
			t.Errorf("agent %s: presence went %v before the kill, want [online]", id, changes[id])
		}
	}

	// Kill node 1: its agents go offline, through node 0.
	killed := time.Now()
	proc.stop()
	waitPresence(t, admin, ids, func(id string) string {
		if survives[id] {
			return "online"
		}
		return "offline"
	}, killOffline+2*time.Second, true)
	t.Logf("the agents of the killed node were offline %v after the kill (documented bound %v)",
		time.Since(killed).Round(10*time.Millisecond), killOffline)

	// Room for every agent, then more conversations: none for the
	// agents now offline.
	var toResolve []string
	for _, id := range ids {
		toResolve = append(toResolve, held[id][:killResolved]...)
	}
	must(t, parallel(len(toResolve), 8, func(i int) error {
		_, err := admin.Resolve(ctx, toResolve[i])
		return err
	}))
	f.read(t)
	before = f.count()
	later := arrive(t, e, killLater, []int{0})
	f.await(t, before, killLater, wait)
	for _, id := range later {
		if n := f.assigned[id]; n != 1 {
			t.Errorf("conversation %s: %d conversation.assigned events, want 1", id, n)
		}
		if a := f.holder[id]; !survives[a] {
			t.Errorf("conversation %s went to agent %s, offline since its node was killed", id, a)
		}
	}
	f.checkCapacity(t)
	holdings(t, admin, ids, killConversations-killResolved*killAgents+killLater)
	waitPresence(t, admin, ids, func(id string) string {
		if survives[id] {
			return "online"
		}
		return "offline"
	}, 0, true)

	// The feed tells the same story: after the kill, one offline event
	// for each agent of the dead node, none for the others.
	f.read(t)
	offline := map[string]int{}
	for _, p := range f.presence[presenceBefore:] {
		if survives[p.agent] || p.presence != "offline" {
			t.Errorf("after the kill, agent %s (surviving: %v) became %s", p.agent, survives[p.agent], p.presence)
		}
		offline[p.agent]++
	}
	for _, id := range ids {
		if want := map[bool]int{true: 0, false: 1}[survives[id]]; offline[id] != want {
			t.Errorf("agent %s (surviving: %v): %d agent.presence_changed events to offline, want %d", id, survives[id], offline[id], want)
		}
	}
}

// arrive has n visitors, spread over the given nodes, each start a
// conversation and write in it through the visitor API of its node, 16 at
// a time. Each visitor's token is minted by the admin's API token (POST
// /api/v1/visitor-tokens), as a site's back-end would, which the
// per-address limit on new guest sessions does not apply to. It returns
// the conversations' IDs.
func arrive(t *testing.T, e *env, n int, nodes []int) []string {
	t.Helper()
	ctx := t.Context()
	admins := make([]*client.Client, len(e.nodes))
	for i := range e.nodes {
		admins[i] = e.admin(t, i)
	}
	ids := make([]string, n)
	err := parallel(n, 16, func(i int) error {
		node := nodes[i%len(nodes)]
		tok, err := admins[node].CreateVisitorToken(ctx, client.VisitorTokenInput{InboxID: e.inbox.ID})
		if err != nil {
			return fmt.Errorf("visitor token: %w", err)
		}
		visitor := admins[node].WithToken(tok.Token)
		conv, err := visitor.CreateConversation(ctx, client.CreateConversationInput{})
		if err != nil {
			return fmt.Errorf("create conversation: %w", err)
		}
		if _, err := visitor.SendMessage(ctx, conv.ID, client.SendInput{Body: "Hello, I need help."}); err != nil {
			return fmt.Errorf("send: %w", err)
		}
		ids[i] = conv.ID
		return nil
	})
	must(t, err)
	return ids
}

// parallel calls f(0) … f(n-1) on the given number of goroutines and
// returns the first error.
func parallel(n, workers int, f func(i int) error) error {
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
		next  int
	)
	for range workers {
		wg.Go(func() {
			for {
				mu.Lock()
				i := next
				next++
				stop := first != nil
				mu.Unlock()
				if i >= n || stop {
					return
				}
				if err := f(i); err != nil {
					mu.Lock()
					first = cmp.Or(first, err)
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	return first
}

// holdings lists through the API the conversations each agent holds,
// checks none holds more than the capacity and that they hold total in
// all, and returns them by agent.
func holdings(t *testing.T, admin *client.Client, agents []string, total int) map[string][]string {
	t.Helper()
	held := map[string][]string{}
	sum := 0
	for _, id := range agents {
		page, err := admin.ListConversations(t.Context(), client.ConversationFilter{Status: []string{"assigned"}, AssigneeID: id, Limit: 200})
		must(t, err)
		for _, c := range page.Items {
			held[id] = append(held[id], c.ID)
		}
		if len(held[id]) > killCapacity {
			t.Errorf("agent %s holds %d conversations, capacity %d", id, len(held[id]), killCapacity)
		}
		sum += len(held[id])
	}
	if sum != total {
		t.Errorf("the agents hold %d conversations, want %d", sum, total)
	}
	pending, err := admin.ListConversations(t.Context(), client.ConversationFilter{Status: []string{"pending"}})
	must(t, err)
	if len(pending.Items) > 0 {
		t.Errorf("%d conversations wait while agents have room", len(pending.Items))
	}
	return held
}

// waitPresence polls node 0's API until every agent's presence is
// want(agent), failing after within (0: the first look decides). With
// steady, the agents want says are online must be online at every look.
func waitPresence(t *testing.T, admin *client.Client, agents []string, want func(string) string, within time.Duration, steady bool) {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		var wrong []string
		for _, id := range agents {
			a, err := admin.Agent(t.Context(), id)
			must(t, err)
			if a.Presence == want(id) {
				continue
			}
			if steady && want(id) == "online" {
				t.Fatalf("agent %s is %s, want online throughout", id, a.Presence)
			}
			wrong = append(wrong, fmt.Sprintf("%s is %s, want %s", id, a.Presence, want(id)))
		}
		if len(wrong) == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("after %v: %s", within, strings.Join(wrong, "; "))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// feed follows the workspace's event feed (GET /api/v1/events on node 0)
// in commit order, replaying assignments and resolutions into each
// agent's load.
type feed struct {
	e        *env
	cursor   string
	assigned map[string]int    // conversation → conversation.assigned events
	holder   map[string]string // conversation → the agent holding it
	load     map[string]int    // agent → conversations held
	peak     int               // the highest load seen
	over     []string          // loads over capacity, as seen
	presence []presenceChange
}

type presenceChange struct{ agent, presence string }

// read reads the feed to its end.
func (f *feed) read(t *testing.T) {
	t.Helper()
	if f.assigned == nil {
		f.assigned, f.holder, f.load = map[string]int{}, map[string]string{}, map[string]int{}
	}
	for {
		q := url.Values{"types": {"conversation.assigned,conversation.resolved,agent.presence_changed"}, "limit": {"200"}}
		if f.cursor != "" {
			q.Set("cursor", f.cursor)
		}
		page := f.e.rest(t, 0, "GET", "/api/v1/events?"+q.Encode(), f.e.token, nil, http.StatusOK)
		raw, err := json.Marshal(page["items"])
		must(t, err)
		var items []struct {
			Type string `json:"type"`
			Data struct {
				Conversation struct {
					ID         string `json:"id"`
					AssigneeID string `json:"assignee_id"`
				} `json:"conversation"`
				AgentID  string `json:"agent_id"`
				Presence string `json:"presence"`
			} `json:"data"`
		}
		must(t, json.Unmarshal(raw, &items))
		f.cursor, _ = page["next_cursor"].(string)
		if len(items) == 0 {
			return
		}
		for _, ev := range items {
			conv := ev.Data.Conversation
			switch ev.Type {
			case string(parley.EventConversationAssigned):
				f.assigned[conv.ID]++
				if prev := f.holder[conv.ID]; prev != "" {
					f.load[prev]--
				}
				f.holder[conv.ID] = conv.AssigneeID
				f.load[conv.AssigneeID]++
				f.peak = max(f.peak, f.load[conv.AssigneeID])
				if f.load[conv.AssigneeID] > killCapacity {
					f.over = append(f.over, fmt.Sprintf("agent %s held %d", conv.AssigneeID, f.load[conv.AssigneeID]))
				}
			case string(parley.EventConversationResolved):
				if prev := f.holder[conv.ID]; prev != "" {
					f.load[prev]--
				}
				delete(f.holder, conv.ID)
			case string(parley.EventAgentPresenceChanged):
				f.presence = append(f.presence, presenceChange{ev.Data.AgentID, ev.Data.Presence})
			}
		}
	}
}

// count returns how many conversation.assigned events the feed has had.
func (f *feed) count() int {
	n := 0
	for _, k := range f.assigned {
		n += k
	}
	return n
}

// await reads the feed until it has had n more conversation.assigned
// events than before, failing after within.
func (f *feed) await(t *testing.T, before, n int, within time.Duration) {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		f.read(t)
		got := f.count() - before
		if got >= n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("after %v: %d of %d conversations assigned", within, got, n)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// checkCapacity fails the test if the feed ever showed an agent over
// capacity.
func (f *feed) checkCapacity(t *testing.T) {
	t.Helper()
	if len(f.over) > 0 {
		t.Errorf("over capacity, replaying the feed in commit order: %s", strings.Join(f.over, "; "))
	}
}

// drain reads and drops conn's frames until the test ends, so that the
// server never finds it a slow consumer.
func drain(t *testing.T, conn *client.Conn) {
	go func() {
		for {
			if _, err := conn.Next(t.Context()); err != nil {
				return
			}
		}
	}()
}

// buildParley compiles cmd/parley into the test's temporary directory; it
// returns "" and marks the test failed if that fails (it may run on
// another goroutine than the test's).
func buildParley(t *testing.T) string {
	bin := filepath.Join(t.TempDir(), "parley")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/parleychat/parley/cmd/parley").CombinedOutput(); err != nil {
		t.Errorf("go build: %v\n%s", err, out)
		return ""
	}
	return bin
}

// startProcessNode starts "parley serve" on a free port of 127.0.0.1 with
// its own data directory and the PARLEY_* settings of vars, and waits
// until it is ready. Its stop kills it with SIGKILL, at the latest when
// the test ends.
func startProcessNode(t *testing.T, bin string, vars map[string]string) *node {
	t.Helper()
	if bin == "" {
		t.FailNow()
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	must(t, err)
	addr := ln.Addr().String()
	ln.Close()
	cmd := exec.Command(bin, "serve")
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.Getenv("HOME"),
		"PARLEY_ADDR=" + addr, "PARLEY_DATA_DIR=" + t.TempDir(), "PARLEY_LOG_LEVEL=warn"}
	for k, v := range vars {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	stderr := &lockedBuffer{}
	cmd.Stderr = stderr
	must(t, cmd.Start())
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	n := &node{url: "http://" + addr, stop: sync.OnceFunc(func() {
		cmd.Process.Kill()
		<-exited
	})}
	t.Cleanup(n.stop)
	deadline := time.Now().Add(wait)
	for {
		resp, err := http.Get(n.url + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return n
			}
		}
		select {
		case <-exited:
			t.Fatalf("parley serve exited: %s", stderr)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("parley serve is not ready after %v: %v; stderr:\n%s", wait, err, stderr)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// lockedBuffer is a strings.Builder safe for one writer and concurrent
// readers.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}
