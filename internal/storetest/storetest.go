// Package storetest is the conformance suite of parley.Store. Every
// implementation runs the same tests (internal/store runs them on SQLite and
// on PostgreSQL), so the engines cannot drift apart: same results, same
// error codes, same tenant isolation, same behaviour under concurrency.
package storetest

import (
	"crypto/rand"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parleychat/parley"
)

// Run runs the whole suite. open must return a fresh, empty, migrated store
// on every call and close it when the test ends.
func Run(t *testing.T, open func(t *testing.T) parley.Store) {
	groups := []struct {
		name string
		run  func(t *testing.T, open func(t *testing.T) parley.Store)
	}{
		{"Workspaces", testWorkspaces},
		{"Agents", testAgents},
		{"Presence", testPresence},
		{"PresenceLeases", testPresenceLeases},
		{"ConversationAgents", testConversationAgents},
		{"Inboxes", testInboxes},
		{"ModifyInbox", testModifyInbox},
		{"APITokens", testAPITokens},
		{"Credentials", testCredentials},
		{"Sessions", testSessions},
		{"LoginThrottle", testLoginThrottle},
		{"Audit", testAudit},
		{"TenantIsolation", testTenantIsolation},
		{"Concurrency", testConcurrency},
		{"Contacts", testContacts},
		{"VisitorSessions", testVisitorSessions},
		{"ContactOps", testContactOps},
		{"ContactSeen", testContactSeen},
		{"ContactSetAttributes", testContactSetAttributes},
		{"ContactNotes", testContactNotes},
		{"Ratings", testRatings},
		{"Reports", testReports},
		{"LiveState", testLiveState},
		{"Identify", testIdentify},
		{"Merges", testMerges},
		{"ResumeTokens", testResumeTokens},
		{"Conversations", testConversations},
		{"ConversationLists", testConversationLists},
		{"Search", testSearch},
		{"SnoozeAndPriority", testSnoozeAndPriority},
		{"Messages", testMessages},
		{"BadRows", testBadRows},
		{"Attachments", testAttachments},
		{"AttachmentQuotas", testAttachmentQuotas},
		{"AttachmentSweep", testAttachmentSweep},
		{"ReadState", testReadState},
		{"VisitorSequence", testVisitorSequence},
		{"Events", testEvents},
		{"ConversationRaces", testConversationRaces},
		{"AgentRelease", testAgentRelease},
		{"LastAdmin", testLastAdmin},
		{"ConversationTenantIsolation", testConversationTenantIsolation},
		{"SignIn", testSignIn},
		{"Branding", testBranding},
		{"SenderAvatars", testSenderAvatars},
		{"Labels", testLabels},
		{"CannedResponses", testCannedResponses},
		{"Webhooks", testWebhooks},
		{"Routing", testRouting},
		{"ContextEndpoints", testContextEndpoints},
		{"EventFeed", testEventFeed},
		{"RoutingBadIDs", testRoutingBadIDs},
		{"Escalation", testEscalation},
		{"Apps", testApps},
		{"PingClose", testPingClose},
	}
	for _, g := range groups {
		t.Run(g.name, func(t *testing.T) {
			t.Parallel()
			g.run(t, open)
		})
	}
}

// actor performs every audited change in the suite.
var actor = parley.Actor{Type: parley.ActorAgent, ID: "01900000-0000-7000-8000-000000000001", Name: "admin@example.com"}

// unique returns a short random lower-case string for slugs and emails.
func unique() string { return strings.ToLower(rand.Text()[:12]) }

func randomBytes() []byte {
	b := make([]byte, 32)
	rand.Read(b)
	return b
}

func ptr[T any](v T) *T { return &v }

// wantCode fails the test unless err carries code.
func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := parley.ErrorCode(err); got != code {
		t.Fatalf("error code = %q (%v), want %q", got, err, code)
	}
}

// must fails the test on err.
func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// diff reports a difference between want and got.
func diff(t *testing.T, want, got any) {
	t.Helper()
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("mismatch (-want +got):\n%s", d)
	}
}

// checkStamp checks a time the store set: in UTC, at microsecond precision,
// not before before and not in the future.
func checkStamp(t *testing.T, name string, got, before time.Time) {
	t.Helper()
	switch {
	case got.Location() != time.UTC:
		t.Errorf("%s = %v, want UTC", name, got)
	case got.Nanosecond()%1000 != 0:
		t.Errorf("%s = %v, want microsecond precision", name, got)
	case got.Before(before.Truncate(time.Microsecond)) || got.After(time.Now()):
		t.Errorf("%s = %v, want between %v and now", name, got, before)
	}
}

func mustWorkspace(t *testing.T, s parley.Store) *parley.Workspace {
	t.Helper()
	w := &parley.Workspace{Slug: "ws-" + unique(), Name: "Workspace"}
	must(t, s.CreateWorkspace(t.Context(), actor, w))
	return w
}

func mustAgent(t *testing.T, s parley.Store, workspaceID string, mods ...func(*parley.Agent)) *parley.Agent {
	t.Helper()
	a := &parley.Agent{WorkspaceID: workspaceID, Email: unique() + "@example.com", Name: "Agent", Role: parley.RoleAgent}
	for _, mod := range mods {
		mod(a)
	}
	must(t, s.CreateAgent(t.Context(), actor, a, "hash-of-"+a.Email))
	return a
}

func mustInbox(t *testing.T, s parley.Store, workspaceID string) *parley.Inbox {
	t.Helper()
	in := &parley.Inbox{WorkspaceID: workspaceID, Name: "Website"}
	must(t, s.CreateInbox(t.Context(), actor, in))
	return in
}

// mustToken creates a token and returns it with the hash of its secret.
func mustToken(t *testing.T, s parley.Store, workspaceID string) (*parley.APIToken, []byte) {
	t.Helper()
	tok := &parley.APIToken{WorkspaceID: workspaceID, Name: "CRM", Scopes: []parley.Scope{parley.ScopeAgentsRead}, Prefix: "pk_" + unique()[:6]}
	hash := randomBytes()
	must(t, s.CreateAPIToken(t.Context(), actor, tok, hash))
	return tok, hash
}

// mustSession creates a session of an agent expiring in an hour and
// returns it with the hash of its secret.
func mustSession(t *testing.T, s parley.Store, workspaceID, agentID string) (*parley.Session, []byte) {
	t.Helper()
	sess := &parley.Session{
		WorkspaceID: workspaceID, AgentID: agentID, CSRFToken: unique(), UserAgent: "test", IP: "127.0.0.1",
		ExpiresAt: time.Now().Add(time.Hour),
	}
	hash := randomBytes()
	must(t, s.CreateSession(t.Context(), sess, hash))
	return sess, hash
}

// sessionAlive reports whether the session with hash can be found now.
func sessionAlive(t *testing.T, s parley.Store, hash []byte) bool {
	t.Helper()
	_, err := s.FindSessionByHash(t.Context(), hash, time.Now())
	if code := parley.ErrorCode(err); code != "" && code != parley.ENOTFOUND {
		t.Fatal(err)
	}
	return err == nil
}

// auditEntries returns the workspace's whole audit log, newest first.
func auditEntries(t *testing.T, s parley.Store, workspaceID string) []*parley.AuditEntry {
	t.Helper()
	var all []*parley.AuditEntry
	opt := parley.ListOptions{Limit: parley.MaxListLimit}
	for {
		l, err := s.ListAuditEntries(t.Context(), workspaceID, opt)
		must(t, err)
		all = append(all, l.Items...)
		if l.Next == "" {
			return all
		}
		opt.After = l.Next
	}
}

// wantAudit checks that the newest audit entry of the workspace records
// action on the target by the suite's actor, and returns it.
func wantAudit(t *testing.T, s parley.Store, workspaceID, action, targetType, targetID string) *parley.AuditEntry {
	t.Helper()
	l, err := s.ListAuditEntries(t.Context(), workspaceID, parley.ListOptions{Limit: 1})
	must(t, err)
	if len(l.Items) == 0 {
		t.Fatalf("no audit entry, want %s", action)
	}
	e := l.Items[0]
	want := parley.AuditEntry{
		ID: e.ID, WorkspaceID: workspaceID, Actor: actor, Action: action, TargetType: targetType, TargetID: targetID,
		Details: e.Details, CreatedAt: e.CreatedAt,
	}
	diff(t, &want, e)
	return e
}

// checkPages lists everything with list, limit items a page, and checks
// that the pages hold wantIDs in order, that there are wantPages of them,
// and that only the last has no Next.
func checkPages[T any](t *testing.T, wantIDs []string, limit, wantPages int,
	list func(parley.ListOptions) (parley.List[T], error), id func(T) string) {
	t.Helper()
	var got []string
	opt := parley.ListOptions{Limit: limit}
	for pages := 1; ; pages++ {
		l, err := list(opt)
		must(t, err)
		if len(l.Items) > opt.EffectiveLimit() {
			t.Fatalf("page %d holds %d items, limit %d", pages, len(l.Items), limit)
		}
		for _, item := range l.Items {
			got = append(got, id(item))
		}
		if l.Next == "" {
			if pages != wantPages {
				t.Errorf("got %d pages, want %d", pages, wantPages)
			}
			break
		}
		if l.Next != id(l.Items[len(l.Items)-1]) {
			t.Fatalf("page %d: Next = %q, want the last item's ID", pages, l.Next)
		}
		if pages > len(wantIDs)+1 {
			t.Fatal("pagination does not end")
		}
		opt.After = l.Next
	}
	diff(t, wantIDs, got)
}

// auditUnchanged counts the workspace's audit entries now and returns a
// check, to call later, that their number has not changed.
func auditUnchanged(t *testing.T, s parley.Store, workspaceID string) func() {
	t.Helper()
	entries := len(auditEntries(t, s, workspaceID))
	return func() {
		t.Helper()
		if n := len(auditEntries(t, s, workspaceID)); n != entries {
			t.Errorf("audit entries = %d, want %d", n, entries)
		}
	}
}
