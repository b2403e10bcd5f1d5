package storetest

import (
	"sync"
	"testing"
	"time"

	"github.com/parleychat/parley"
)

func testSignIn(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)

	t.Run("Defaults", func(t *testing.T) {
		ws := mustWorkspace(t, s)
		got, err := s.SignInSettings(t.Context(), ws.ID)
		must(t, err)
		diff(t, &parley.SignInSettings{WorkspaceID: ws.ID, Password: parley.PasswordLocal}, got)
	})

	t.Run("UnknownWorkspace", func(t *testing.T) {
		_, err := s.SignInSettings(t.Context(), "01900000-0000-7000-8000-0000000000ff")
		wantCode(t, err, parley.ENOTFOUND)
		err = s.PutSignInSettings(t.Context(), actor, &parley.SignInSettings{
			WorkspaceID: "01900000-0000-7000-8000-0000000000ff", Password: parley.PasswordOff,
		})
		wantCode(t, err, parley.ENOTFOUND)
	})

	t.Run("PutAndRead", func(t *testing.T) {
		ws := mustWorkspace(t, s)
		other := mustWorkspace(t, s)
		before := time.Now()
		set := &parley.SignInSettings{
			WorkspaceID: ws.ID,
			Password:    parley.PasswordOff,
			OIDC: parley.OIDCSettings{
				Enabled: true, Issuer: "https://id.example.com", ClientID: "parley", ClientSecret: "s3cret",
				Scopes: []string{"profile", "email", "groups"}, ButtonLabel: "Sign in with Example", Claim: "groups",
				Mappings: []parley.ClaimMapping{
					{Value: "support-leads", Role: parley.RoleSupervisor, Tier: 2},
					{Value: "support", Role: parley.RoleAgent, Tier: 1},
				},
				DefaultRole: parley.RoleAgent, CreateAgents: true,
			},
			External: parley.ExternalAuthSettings{URL: "https://auth.example.com/chimpassist/auth", CreateAgents: true},
		}
		must(t, s.PutSignInSettings(t.Context(), actor, set))
		checkStamp(t, "UpdatedAt", set.UpdatedAt, before)
		got, err := s.SignInSettings(t.Context(), ws.ID)
		must(t, err)
		diff(t, set, got)
		e := wantAudit(t, s, ws.ID, "workspace.sign_in_update", "workspace", ws.ID)
		if _, ok := e.Details["client_secret"]; ok {
			t.Errorf("the audit entry holds the client secret: %v", e.Details)
		}

		// Replacing keeps one row; the other workspace keeps its defaults.
		set.Password = parley.PasswordLocal
		set.OIDC.Mappings = nil
		must(t, s.PutSignInSettings(t.Context(), actor, set))
		got, err = s.SignInSettings(t.Context(), ws.ID)
		must(t, err)
		diff(t, set, got)
		got, err = s.SignInSettings(t.Context(), other.ID)
		must(t, err)
		diff(t, parley.PasswordLocal, got.Password)
		diff(t, false, got.OIDC.Enabled)
	})

	t.Run("StatesAreTakenOnce", func(t *testing.T) {
		ws := mustWorkspace(t, s)
		hash := randomBytes()
		st := &parley.SignInState{WorkspaceID: ws.ID, Nonce: "n-" + unique(), Verifier: "v-" + unique(), ExpiresAt: time.Now().Add(10 * time.Minute)}
		must(t, s.CreateSignInState(t.Context(), hash, st))
		wantCode(t, s.CreateSignInState(t.Context(), hash, st), parley.ECONFLICT)

		var (
			wg   sync.WaitGroup
			mu   sync.Mutex
			took []*parley.SignInState
		)
		for range 8 {
			wg.Go(func() {
				got, err := s.TakeSignInState(t.Context(), hash, time.Now())
				if code := parley.ErrorCode(err); code != "" && code != parley.ENOTFOUND {
					t.Error(err)
				}
				if err == nil {
					mu.Lock()
					took = append(took, got)
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		if len(took) != 1 {
			t.Fatalf("%d takes of one state succeeded, want 1", len(took))
		}
		diff(t, st, took[0])
	})

	t.Run("ExpiredStates", func(t *testing.T) {
		ws := mustWorkspace(t, s)
		hash := randomBytes()
		expires := time.Now().Add(time.Minute)
		must(t, s.CreateSignInState(t.Context(), hash, &parley.SignInState{WorkspaceID: ws.ID, Nonce: "n", Verifier: "v", ExpiresAt: expires}))
		_, err := s.TakeSignInState(t.Context(), hash, expires)
		wantCode(t, err, parley.ENOTFOUND)
		_, err = s.TakeSignInState(t.Context(), hash, time.Now())
		wantCode(t, err, parley.ENOTFOUND) // an expired take still uses it up

		// Creating a state forgets the expired ones.
		old := randomBytes()
		must(t, s.CreateSignInState(t.Context(), old, &parley.SignInState{WorkspaceID: ws.ID, Nonce: "n", Verifier: "v", ExpiresAt: time.Now().Add(-time.Second)}))
		must(t, s.CreateSignInState(t.Context(), randomBytes(), &parley.SignInState{WorkspaceID: ws.ID, Nonce: "n", Verifier: "v", ExpiresAt: time.Now().Add(time.Minute)}))
		_, err = s.TakeSignInState(t.Context(), old, time.Now().Add(-time.Hour))
		wantCode(t, err, parley.ENOTFOUND)
	})

	t.Run("StateOfUnknownWorkspace", func(t *testing.T) {
		err := s.CreateSignInState(t.Context(), randomBytes(), &parley.SignInState{
			WorkspaceID: "01900000-0000-7000-8000-0000000000ff", Nonce: "n", Verifier: "v", ExpiresAt: time.Now().Add(time.Minute),
		})
		wantCode(t, err, parley.ENOTFOUND)
	})
}
