package web_test

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/account"
	"github.com/parleychat/parley/internal/browsertest"
	"github.com/parleychat/parley/internal/config"
	"github.com/parleychat/parley/internal/oidctest"
)

// signOutButton is the user menu's sign-out button.
const signOutButton = `//button[contains(., 'Sign out')]`

// TestConsoleSingleSignOn signs an agent in through a real OpenID provider
// run by the test: the console's button, the provider's own login page,
// back to the console as a supervisor (the groups claim), created on this
// first sign-in; with passwords off the form is gone and the API refuses
// them; signing out offers the provider's sign-out, which comes back.
func TestConsoleSingleSignOn(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t, func(c *config.Config) { c.OutboundAllow = "127.0.0.1/32" })
	idp := oidctest.Start(t, oidctest.Config{
		ClientID: "parley", ClientSecret: "client-secret-1",
		RedirectURIs:           []string{srv.URL + "/api/v1/auth/oidc/callback"},
		PostLogoutRedirectURIs: []string{srv.URL + "/console/"},
		Users: []oidctest.User{{Username: "lea", Password: "lea-password", Email: "lea@example.com", Name: "Lea Lead",
			Groups: []string{"staff", "support-leads"}}},
	})
	ctx := t.Context()
	secret := "client-secret-1"
	set := account.SignInInput{
		Password: parley.PasswordOff,
		OIDC: parley.OIDCSettings{
			Enabled: true, Issuer: idp.Issuer, ClientID: "parley", Scopes: []string{"profile", "email", "groups"},
			ButtonLabel: "Sign in with Example ID", Claim: "groups", CreateAgents: true,
			Mappings: []parley.ClaimMapping{{Value: "support-leads", Role: parley.RoleSupervisor, Tier: 2}},
		},
		ClientSecret: &secret,
	}
	if _, err := srv.App.Accounts.PutSignInSettings(ctx, parley.SystemActor, srv.WorkspaceID, set); err != nil {
		t.Fatal(err)
	}

	c := &console{t: t, tab: b.NewTab(t), url: srv.URL}
	c.do(chromedp.Navigate(srv.URL + "/console"))
	c.js(`document.querySelector('#sso-button')?.textContent.includes('Sign in with Example ID')`)
	// Passwords are off: no password field.
	c.js(`document.querySelector('input[name=password]') === null`)
	browsertest.RequireAccessible(t, c.tab, "the sign-in page with single sign-on")

	c.do(chromedp.Click(`#sso-button`))
	c.js(`location.href.startsWith(` + jsString(idp.Issuer+"/login") + `) && document.querySelector('#idp-username') !== null`)
	c.do(
		chromedp.SendKeys(`#idp-username`, "lea"),
		chromedp.SendKeys(`#idp-password`, "lea-password"),
		chromedp.Click(`#idp-submit`),
	)
	c.js(`location.origin === ` + jsString(srv.URL) + ` && document.querySelector('nav.nav') && document.querySelector('[data-connection=online]')`)

	lea, err := srv.App.Store.FindAgentByEmail(ctx, srv.WorkspaceID, "lea@example.com")
	if err != nil {
		t.Fatalf("the agent was not created on first sign-in: %v", err)
	}
	if lea.Role != parley.RoleSupervisor || lea.Name != "Lea Lead" || lea.Attributes["tier"] != float64(2) {
		t.Errorf("agent = %+v, want supervisor Lea Lead at tier 2", lea)
	}
	// A supervisor sees the audit log but not the admin pages.
	c.js(`document.querySelector('a[href="/console/admin/audit"]') !== null && document.querySelector('a[href="/console/admin/agents"]') === null`)

	// Passwords are refused by the API too, even the right one.
	browsertest.WaitJS(t, c.tab, `fetch('/api/v1/auth/login', {method: 'POST', headers: {'Content-Type': 'application/json'},
		body: JSON.stringify({email: `+jsString(srv.AdminEmail)+`, password: `+jsString(browsertest.AdminPassword)+`})})
		.then(r => r.status === 403).catch(() => false)`)

	// Sign out: the console offers the provider's sign-out, which sends the
	// browser back to the sign-in page.
	c.do(chromedp.Click(signOutButton))
	c.js(`document.querySelector('#signed-out-notice #provider-sign-out') !== null`)
	// Follow the link as a click on the element itself (not at its
	// coordinates, which a re-render of the notice may move).
	c.js(`(document.querySelector('#signed-out-notice #provider-sign-out').click(), true)`)
	// The sign-in page may already be at /console/, so wait for the
	// provider to count the sign-out before looking where the browser is.
	browsertest.WaitFor(t, func() string {
		if n := idp.SignedOut(); n != 1 {
			return fmt.Sprintf("the provider counted %d sign-outs, want 1 (the browser is at %s)", n,
				browsertest.Eval[string](t, c.tab, `location.href`))
		}
		return ""
	})
	c.js(`location.href === ` + jsString(srv.URL+"/console/") + ` && document.querySelector('#sso-button') !== null`)
	if got := browsertest.Eval[int](t, c.tab, `fetch('/api/v1/me').then(r => r.status)`); got != 401 {
		t.Errorf("GET /api/v1/me after signing out = %d, want 401", got)
	}
}

// TestConsoleBranding: an admin sets a product name and a logo on the
// Branding page; the console's header and the sign-in page show them.
func TestConsoleBranding(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t)
	logo := filepath.Join(t.TempDir(), "acme-logo.png")
	img := image.NewRGBA(image.Rect(0, 0, 96, 32))
	for x := range 96 {
		for y := range 32 {
			img.Set(x, y, color.RGBA{R: 10, G: 124, B: 89, A: 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(logo, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}

	c := &console{t: t, tab: b.NewTab(t), url: srv.URL}
	c.do(chromedp.Navigate(srv.URL + "/console"))
	c.js(`document.querySelector('[data-product-name]')?.textContent === 'Parley'`)
	c.login(srv.AdminEmail, browsertest.AdminPassword)
	c.js(`document.querySelector('nav.nav') !== null`)
	c.do(chromedp.Click(`a[href="/console/admin/branding"]`))
	c.js(`document.querySelector('input[name=product_name]') !== null`)
	c.fill(`input[name=product_name]`, "Acme Help")
	c.fill(`input[name=sign_in_title]`, "Acme agents, welcome back")
	c.do(chromedp.Click(`#save-branding`))
	c.js(`document.querySelector('.nav [data-product-name]')?.textContent === 'Acme Help' && document.title === 'Acme Help console'`)
	c.do(chromedp.SetUploadFiles(`input[type=file][name=logo]`, []string{logo}))
	c.js(`(() => { const i = document.querySelector('.nav img[data-brand-logo]');
		return i && i.complete && i.naturalWidth === 96 && i.getAttribute('src').startsWith('/branding/'); })()`)
	browsertest.RequireAccessible(t, c.tab, "the branding page")
	browsertest.Screenshot(t, c.tab, "console-branding")

	branding, err := srv.App.Store.Branding(t.Context(), srv.WorkspaceID)
	if err != nil || branding.ProductName != "Acme Help" || branding.Logo == nil || branding.Logo.ContentType != "image/png" {
		t.Fatalf("stored branding = %+v, %v", branding, err)
	}

	// Signed out, the sign-in page carries the brand.
	c.do(chromedp.Click(signOutButton))
	c.js(`document.querySelector('#login-title')?.textContent === 'Acme agents, welcome back'
		&& document.querySelector('.login-brand [data-product-name]')?.textContent === 'Acme Help'`)
	c.js(`(() => { const i = document.querySelector('.login-brand img[data-brand-logo]'); return i && i.complete && i.naturalWidth === 96; })()`)
	// A fresh browser sees it too.
	c2 := &console{t: t, tab: b.NewTab(t), url: srv.URL}
	c2.do(chromedp.Navigate(srv.URL + "/console"))
	c2.js(`document.querySelector('.login-brand [data-product-name]')?.textContent === 'Acme Help' && document.querySelector('.login-brand img[data-brand-logo]') !== null`)
	browsertest.Screenshot(t, c2.tab, "console-sign-in-branded")
}
