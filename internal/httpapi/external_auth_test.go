package httpapi_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/account"
)

// companyAuth is a company's authentication endpoint with ChimpAssist's
// contract: POST {"email","password"}; 404 unknown, 401 wrong password,
// 200 with the attendant.
type companyAuth struct {
	mu       sync.Mutex
	accounts map[string]companyAccount // by email
	calls    int
}

type companyAccount struct {
	password string
	answer   map[string]any // the 200 body; "slow" in it blocks until the caller gives up
	status   int            // answered instead of 200 when set
}

func (c *companyAuth) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var in struct{ Email, Password string }
	if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json" || json.NewDecoder(r.Body).Decode(&in) != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	c.mu.Lock()
	c.calls++
	acc, ok := c.accounts[in.Email]
	c.mu.Unlock()
	switch {
	case !ok:
		w.WriteHeader(http.StatusNotFound)
	case acc.password != in.Password:
		w.WriteHeader(http.StatusUnauthorized)
	case acc.answer["slow"] != nil:
		<-r.Context().Done()
	case acc.status != 0:
		w.WriteHeader(acc.status)
	default:
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(acc.answer)
	}
}

func (c *companyAuth) set(email string, acc companyAccount) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.accounts[email] = acc
}

func TestExternalAuth(t *testing.T) {
	company := &companyAuth{accounts: map[string]companyAccount{}}
	endpoint := httptest.NewServer(company)
	t.Cleanup(endpoint.Close)
	ts := newServer(t, withOutbound(t, 300*time.Millisecond))
	admin := ts.token(t, ts.ws.ID, parley.ScopeAll)
	ts.do(t, "PUT", "/api/v1/sign-in", admin, map[string]any{
		"password": "external", "external": map[string]any{"url": endpoint.URL + "/chimpassist/auth", "create_agents": true},
	}).want(t, 200)

	attendant := func(id any, email, typ string) map[string]any {
		return map[string]any{"id": id, "name": "Tia " + typ, "email": email, "avatarURL": "https://cdn.example.com/tia.png", "type": typ}
	}
	login := func(email, password string) *result {
		return ts.do(t, "POST", "/api/v1/auth/login", nil, map[string]string{"email": email, "password": password})
	}
	meOf := func(t *testing.T, r *result) meBody {
		t.Helper()
		var body struct {
			CSRFToken string `json:"csrf_token"`
		}
		r.decode(t, &body)
		s := session{csrf: body.CSRFToken}
		for _, c := range (&http.Response{Header: r.header}).Cookies() {
			if c.Name == "parley_session" {
				s.secret = c.Value
			}
		}
		var me meBody
		ts.do(t, "GET", "/api/v1/me", s, nil).want(t, 200).decode(t, &me)
		return me
	}

	t.Run("200CreatesThenUpdates", func(t *testing.T) {
		company.set("tia@example.com", companyAccount{password: "tia-pw", answer: attendant(4711, "tia@example.com", "support/secondLevel")})
		me := meOf(t, login("tia@example.com", "tia-pw").want(t, 200))
		a := me.Agent
		if a.Role != "agent" || a.Attributes["tier"] != float64(2) || a.Attributes["external_id"] != "4711" ||
			a.Attributes["avatar_url"] != "https://cdn.example.com/tia.png" || a.Name != "Tia support/secondLevel" {
			t.Fatalf("agent = %+v, want agent, tier 2, external_id 4711", a)
		}
		// Promoted at the company: the next sign-in updates the same agent.
		company.set("tia@example.com", companyAccount{password: "tia-pw", answer: attendant(4711, "tia@example.com", "support/supervisor")})
		me = meOf(t, login("tia@example.com", "tia-pw").want(t, 200))
		if me.Agent.ID != a.ID || me.Agent.Role != "supervisor" || me.Agent.Attributes["tier"] != nil {
			t.Errorf("after promotion: %+v, want the same agent as supervisor without tier", me.Agent)
		}
		company.set("fay@example.com", companyAccount{password: "fay-pw", answer: attendant("fay-1", "fay@example.com", "support/firstLevel")})
		if me := meOf(t, login("fay@example.com", "fay-pw").want(t, 200)); me.Agent.Role != "agent" || me.Agent.Attributes["tier"] != float64(1) {
			t.Errorf("first level agent = %+v, want agent tier 1", me.Agent)
		}
	})

	t.Run("404And401", func(t *testing.T) {
		company.set("ann@example.com", companyAccount{password: "ann-pw", answer: attendant(1, "ann@example.com", "support/firstLevel")})
		for name, r := range map[string]*result{
			"UnknownEmail":  login("nobody@example.com", "whatever-pw"),
			"WrongPassword": login("ann@example.com", "not-ann-pw"),
		} {
			p := r.problem(t, 401, "unauthorized")
			if p.Detail != "Invalid email or password." {
				t.Errorf("%s: detail = %q", name, p.Detail)
			}
		}
		if _, err := ts.store.FindAgentByEmail(t.Context(), ts.ws.ID, "nobody@example.com"); parley.ErrorCode(err) != parley.ENOTFOUND {
			t.Errorf("an unknown email made an agent: %v", err)
		}
	})

	t.Run("RateLimitedLikeLocalLogins", func(t *testing.T) {
		company.set("rob@example.com", companyAccount{password: "rob-pw", answer: attendant(2, "rob@example.com", "support/firstLevel")})
		for range 5 {
			login("rob@example.com", "wrong-pw").problem(t, 401, "unauthorized")
		}
		company.mu.Lock()
		before := company.calls
		company.mu.Unlock()
		login("rob@example.com", "rob-pw").problem(t, 429, "rate_limited")
		company.mu.Lock()
		after := company.calls
		company.mu.Unlock()
		if after != before {
			t.Errorf("a locked-out login still called the endpoint (%d calls)", after-before)
		}
	})

	t.Run("Failures", func(t *testing.T) {
		company.set("slow@example.com", companyAccount{password: "slow-pw", answer: map[string]any{"slow": true}})
		company.set("down@example.com", companyAccount{password: "down-pw", status: 500})
		company.set("odd@example.com", companyAccount{password: "odd-pw", answer: map[string]any{"name": "No id", "type": "support/firstLevel"}})
		company.set("boss@example.com", companyAccount{password: "boss-pw", answer: attendant(9, "boss@example.com", "support/owner")})
		for _, tt := range []struct {
			email, password string
			status          int
			code, reason    string
		}{
			{"slow@example.com", "slow-pw", 503, "unavailable", account.ReasonExternalTimeout},
			{"down@example.com", "down-pw", 503, "unavailable", account.ReasonExternalFailed},
			{"odd@example.com", "odd-pw", 503, "unavailable", account.ReasonExternalAnswer},
			{"boss@example.com", "boss-pw", 403, "forbidden", account.ReasonExternalType},
		} {
			t.Run(tt.reason, func(t *testing.T) {
				r := login(tt.email, tt.password)
				r.problem(t, tt.status, tt.code)
				if got := reasonOf(t, r); got != tt.reason {
					t.Errorf("reason = %q, want %q", got, tt.reason)
				}
			})
		}
	})
}

// TestExternalAuthRefusedAtDialTime: an endpoint saved while allowed but
// reached through a server without the allow-list is refused when dialled.
func TestExternalAuthPrivateAddress(t *testing.T) {
	company := &companyAuth{accounts: map[string]companyAccount{"a@example.com": {password: "pw"}}}
	endpoint := httptest.NewServer(company)
	t.Cleanup(endpoint.Close)
	ts := newServer(t) // no allow-list
	admin := ts.token(t, ts.ws.ID, parley.ScopeAll)
	p := ts.do(t, "PUT", "/api/v1/sign-in", admin, map[string]any{
		"password": "external", "external": map[string]any{"url": endpoint.URL + "/chimpassist/auth"},
	}).problem(t, 422, "invalid")
	if strings.Join(p.locations(), ",") != "body.external.url" {
		t.Errorf("locations = %v", p.locations())
	}
	// Saved behind the API's back (as if the address changed since), the
	// call is refused when it dials.
	set, err := ts.store.SignInSettings(t.Context(), ts.ws.ID)
	if err != nil {
		t.Fatal(err)
	}
	set.Password, set.External.URL = parley.PasswordExternal, endpoint.URL+"/chimpassist/auth"
	if err := ts.store.PutSignInSettings(t.Context(), parley.SystemActor, set); err != nil {
		t.Fatal(err)
	}
	r := ts.do(t, "POST", "/api/v1/auth/login", nil, map[string]string{"email": "a@example.com", "password": "pw"})
	r.problem(t, 503, "unavailable")
	if reasonOf(t, r) != account.ReasonExternalFailed || company.calls != 0 {
		t.Errorf("reason %q, %d calls reached the endpoint; want %s and none", reasonOf(t, r), company.calls, account.ReasonExternalFailed)
	}
}
