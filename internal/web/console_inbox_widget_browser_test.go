package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/parleychat/parley/internal/browsertest"
)

// The demo inbox (stored with an empty widget position by earlier
// versions, which made every save fail) saves its origins and identity
// setting; the admin then edits every widget setting in the console,
// watching the live preview, saves, and the demo page's widget shows the
// change after a reload.
func TestConsoleEditsEveryWidgetSetting(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t)
	ctx := t.Context()
	inboxID := srv.DemoInboxID(t)
	visitor := b.NewTab(t)
	openDemo(t, visitor, srv)

	c := openConsole(t, b, srv, srv.AdminEmail, browsertest.AdminPassword)
	c.nav("admin/inboxes")
	card := `section[data-inbox="` + inboxID + `"]`
	c.js(`document.querySelector('` + card + ` .widget-settings')`)

	t.Run("DemoInboxSaves", func(t *testing.T) {
		c := c.in(t)
		origins := browsertest.Eval[string](t, c.tab, `document.querySelector('`+card+` .inbox-origins textarea').value`)
		c.fill(card+` .inbox-origins textarea`, origins+"\nhttps://shop.example")
		c.do(chromedp.Click(card + ` .inbox-origins button[type=submit]`))
		c.toast("Allowed origins saved")
		requireVerified := `//section[@data-inbox="` + inboxID + `"]//label[contains(., "Require verified visitors")]/input`
		c.do(chromedp.Click(requireVerified))
		c.toast("Identity settings saved")
		c.do(chromedp.Click(requireVerified)) // guests back, for the demo page below
		browsertest.WaitFor(t, func() string {
			in, err := srv.Admin.Inbox(ctx, inboxID)
			switch {
			case err != nil:
				return err.Error()
			case in.Identity.RequireVerified:
				return "the demo inbox still requires verified visitors"
			case !strings.Contains(strings.Join(in.AllowedOrigins, " "), "https://shop.example"):
				return "the demo inbox's origins: " + strings.Join(in.AllowedOrigins, " ")
			case in.Widget.Position != "right":
				return "the demo inbox's widget position reads " + in.Widget.Position
			}
			return ""
		})
	})

	form := card + ` .widget-settings `
	t.Run("EditWithPreview", func(t *testing.T) {
		c := c.in(t)
		c.js(`!document.querySelector('.toast')`) // the saves' toasts cover controls until they go
		preview := form + `.widget-preview`
		c.fill(form+`input[name=title]`, "Trail help desk")
		c.fill(form+`textarea[name=greeting]`, "Hello from the trail! Ask us anything.")
		c.fill(form+`input[name=color]`, "#b45309")
		c.do(chromedp.Click(`//section[@data-inbox="` + inboxID + `"]//form[contains(@class, "widget-settings")]//label[contains(., "Bottom left")]/input`))
		browsertest.Eval[bool](t, c.tab, `(() => {
			const s = document.querySelector('`+form+`select[name=locale]');
			s.value = 'de';
			s.dispatchEvent(new Event('change', {bubbles: true}));
			return true;
		})()`)
		c.do(chromedp.Click(form + `input[name=prechat]`))
		c.js(`document.querySelector('` + form + `input[name=prechat-email]')`)
		c.do(chromedp.Click(form + `input[name=prechat-email]`))

		// The preview shows all of it before anything is saved.
		c.js(`document.querySelector('` + preview + ` .wp-title')?.textContent === 'Trail help desk'`)
		c.js(`document.querySelector('` + preview + `').classList.contains('pos-left')`)
		c.js(`getComputedStyle(document.querySelector('` + preview + ` .wp-head')).backgroundColor === 'rgb(180, 83, 9)'`)
		c.js(`document.querySelector('` + preview + ` .wp-sub')?.textContent.includes('Wir antworten meist')`)
		c.js(`[...document.querySelectorAll('` + preview + ` .wp-input')].map(e => e.textContent).join() === 'Name'`)
		c.do(chromedp.Click(`//section[@data-inbox="` + inboxID + `"]//input[@name="prechat"]`)) // off: the greeting shows
		c.js(`document.querySelector('` + preview + ` .wp-msg')?.textContent === 'Hello from the trail! Ask us anything.'`)
		c.do(chromedp.Click(form + `input[name=prechat]`)) // on again
		c.js(`document.querySelector('` + form + `input[name=prechat-name]')?.checked && !document.querySelector('` + form + `input[name=prechat-email]')?.checked`)
		in, err := srv.Admin.Inbox(ctx, inboxID)
		if err != nil || in.Widget.Title == "Trail help desk" {
			t.Fatalf("the inbox changed before saving: %+v, %v", in.Widget, err)
		}

		browsertest.Eval[bool](t, c.tab, `(document.querySelector('`+form+`').scrollIntoView({block: 'center'}), true)`)
		browsertest.Screenshot(t, c.tab, "console-inbox-widget")
		browsertest.RequireAccessible(t, c.tab, "the inboxes page with the widget settings")

		c.click("Save widget")
		c.toast("Widget settings saved")
		in, err = srv.Admin.Inbox(ctx, inboxID)
		if err != nil {
			t.Fatal(err)
		}
		w := in.Widget
		if w.Title != "Trail help desk" || w.Greeting != "Hello from the trail! Ask us anything." || w.Color != "#b45309" ||
			w.Position != "left" || w.Locale != "de" || !w.Prechat.Enabled || strings.Join(w.Prechat.Fields, ",") != "name" {
			t.Errorf("the saved widget settings: %+v", w)
		}
		if !strings.Contains(strings.Join(in.AllowedOrigins, " "), "https://shop.example") {
			t.Errorf("saving the widget changed the origins: %v", in.AllowedOrigins)
		}
	})

	t.Run("DemoPageAfterReload", func(t *testing.T) {
		browsertest.Do(t, visitor, chromedp.Reload())
		browsertest.WaitJS(t, visitor, shadow+`?.querySelector('.launcher')`)
		host := `document.querySelector('#parley-widget')`
		if pos := browsertest.Eval[string](t, visitor, host+`.dataset.position`); pos != "left" {
			t.Errorf("the widget sits %q, want left", pos)
		}
		if label := browsertest.Eval[string](t, visitor, shadow+`.querySelector('.launcher').getAttribute('aria-label')`); label != "Chat öffnen" {
			t.Errorf("the launcher says %q, want German", label)
		}
		if bg := browsertest.Eval[string](t, visitor, `getComputedStyle(`+shadow+`.querySelector('.launcher')).backgroundColor`); bg != "rgb(180, 83, 9)" {
			t.Errorf("the launcher's colour is %s", bg)
		}
		browsertest.Eval[bool](t, visitor, shadow+`.querySelector('.launcher').click(), true`)
		browsertest.WaitJS(t, visitor, shadow+`.querySelector('.panel.open h2')?.textContent === 'Trail help desk'`)
		browsertest.WaitJS(t, visitor, `[...`+shadow+`.querySelectorAll('.prechat input')].map(i => i.name).join() === 'name'`)
		browsertest.WaitJS(t, visitor, shadow+`.activeElement?.name === 'name'`)
		browsertest.Do(t, visitor, chromedp.KeyEvent("Kari"), chromedp.KeyEvent("\r"))
		browsertest.WaitJS(t, visitor, shadow+`.querySelector('.greeting')?.textContent === 'Hello from the trail! Ask us anything.'`)
	})
	checkBrowserErrors(t, b)
}
