package client_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/parleychat/parley/internal/testenv"
)

// installApp installs an app with scopes on node 0 as the workspace's
// admin and returns its ID and an access token of it.
func (e *env) installApp(t *testing.T, scopes ...string) (id, token string) {
	t.Helper()
	return e.installManifest(t, map[string]any{"name": "App " + testenv.Unique(), "scopes": scopes})
}

// installManifest installs the app of manifest m on node 0 and returns
// its ID and an access token of it.
func (e *env) installManifest(t *testing.T, m map[string]any) (id, token string) {
	t.Helper()
	a := e.rest(t, 0, "POST", "/api/v1/apps", e.token, m, 201)
	id, _ = a["id"].(string)
	form := url.Values{"grant_type": {"client_credentials"}, "client_id": {a["client_id"].(string)}, "client_secret": {a["client_secret"].(string)}}
	req, err := http.NewRequestWithContext(t.Context(), "POST", e.nodes[0].url+"/api/v1/oauth/token", strings.NewReader(form.Encode()))
	must(t, err)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := e.hc.Do(req)
	must(t, err)
	defer resp.Body.Close()
	var ans struct {
		AccessToken string `json:"access_token"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&ans); err != nil || resp.StatusCode != 200 || ans.AccessToken == "" {
		t.Fatalf("token request: %d %v", resp.StatusCode, err)
	}
	return id, ans.AccessToken
}
