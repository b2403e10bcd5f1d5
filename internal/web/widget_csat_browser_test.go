package web_test

import (
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/parleychat/parley/internal/browsertest"
)

// When the agent resolves the conversation, the widget asks the visitor
// for a rating: skippable, asked again only if the visitor's browser
// forgot the skip, never once the conversation is rated; the agent sees
// the rating in the console, and the reports page counts it.
func TestWidgetSatisfactionRating(t *testing.T) {
	c := startChat(t, "My parcel is late")
	t.Cleanup(func() { noBrowserErrors(t, c.b) })
	c.reply(t, "It leaves today, sorry!")
	waitText(t, c.tab, "It leaves today")
	if _, err := c.ac.Resolve(t.Context(), c.conv.ID); err != nil {
		t.Fatal(err)
	}
	form := shadow + `.querySelector('form.rating')`
	browsertest.WaitJS(t, c.tab, `!!`+form+` && `+form+`.querySelector('legend').textContent === 'How was this conversation?'`)
	browsertest.RequireAccessible(t, c.tab, "the widget's rating form")

	// Skip: the form goes, and stays gone after a reload.
	browsertest.Eval[bool](t, c.tab, form+`.querySelector('.skip').click(), true`)
	browsertest.WaitJS(t, c.tab, `!`+form)
	reopen := func(forget bool) {
		t.Helper()
		if forget {
			browsertest.Eval[bool](t, c.tab, `Object.keys(localStorage).filter(k => k.includes(':rated:')).forEach(k => localStorage.removeItem(k)), true`)
		}
		openDemo(t, c.tab, c.srv)
		browsertest.Eval[bool](t, c.tab, shadow+`.querySelector('.launcher').click(), true`)
		browsertest.WaitJS(t, c.tab, shadow+`.querySelector('.panel.open') && (`+shadow+`.querySelector('.conv-item') || `+shadow+`.querySelector('.log .msg'))`)
		browsertest.Eval[bool](t, c.tab, `(`+shadow+`.querySelector('.conv-item')?.click(), true)`)
		browsertest.WaitJS(t, c.tab, `(`+shadow+`.querySelector('.log')?.innerText || '').includes('It leaves today')`)
	}
	reopen(false)
	// The skip is remembered in the browser: the form is not drawn at all.
	if browsertest.Eval[bool](t, c.tab, `!!`+form) {
		t.Fatal("the widget asks again for a rating the visitor skipped")
	}

	// A browser that forgot the skip asks again; the visitor rates 4 of 5.
	reopen(true)
	browsertest.WaitJS(t, c.tab, `!!`+form)
	browsertest.Eval[bool](t, c.tab, form+`.querySelector('button[aria-label="4 of 5"]').click(), true`)
	browsertest.WaitJS(t, c.tab, form+`.querySelector('button[aria-label="4 of 5"]').getAttribute('aria-pressed') === 'true' && !!`+form+`.querySelector('textarea')`)
	browsertest.Eval[bool](t, c.tab, `(() => {
		const ta = `+form+`.querySelector('textarea');
		ta.value = 'Quick and kind';
		ta.dispatchEvent(new Event('input', {bubbles: true}));
		return true;
	})()`)
	browsertest.Eval[bool](t, c.tab, form+`.querySelector('button[type=submit]').click(), true`)
	browsertest.WaitJS(t, c.tab, shadow+`.querySelector('.rating-thanks')?.textContent === 'Thank you for your rating!'`)
	r, err := c.srv.App.Store.FindRating(t.Context(), c.srv.WorkspaceID, c.conv.ID)
	if err != nil || r.Score != 4 || r.Comment != "Quick and kind" || r.AgentID != c.agent.ID {
		t.Fatalf("the stored rating = %+v, %v", r, err)
	}

	// Rated: never asked again, even by a browser that forgot.
	reopen(true)
	// The widget asks the server whether it is rated: wait for the answer
	// (and its rendering) before looking.
	browsertest.WaitJS(t, c.tab, `performance.getEntriesByType('resource').some(e => e.name.endsWith('/rating') && e.responseEnd > 0)`)
	browsertest.WaitJS(t, c.tab, `new Promise(r => requestAnimationFrame(() => setTimeout(() => r(true))))`)
	if browsertest.Eval[bool](t, c.tab, `!!`+form) {
		t.Fatal("the widget asks for a rating of a conversation already rated")
	}

	// The agent sees it in the console.
	con := openConsole(t, c.b, c.srv, c.srv.AdminEmail, browsertest.AdminPassword)
	con.do(chromedp.Navigate(c.srv.URL + "/console/resolved/" + c.conv.ID))
	con.js(`document.querySelector('.conv-head .csat')?.dataset.score === '4' && document.querySelector('.csat-comment')?.textContent === 'Quick and kind'`)
	browsertest.RequireAccessible(t, con.tab, "a rated conversation in the console")

	// The rating counts in the reports page, split by agent too.
	con.nav("reports")
	row := `document.querySelector('.report-table tbody tr')`
	con.js(row + `?.querySelector('.report-count')?.textContent === '1' && ` + row + `.querySelector('.report-csat').textContent === '4.0 / 5'`)
	browsertest.RequireAccessible(t, con.tab, "the reports page")
	con.selectValue(`#report-group`, "agent")
	con.js(`document.querySelector('.report-table tbody tr[data-key="` + c.agent.ID + `"] th')?.textContent === 'Ann Lee'`)

	// By day: a chart (an image with its numbers as text) over the table;
	// times within business hours; the same report as CSV.
	con.selectValue(`#report-group`, "day")
	today := `new Intl.DateTimeFormat('en-CA', {year: 'numeric', month: '2-digit', day: '2-digit'}).format(new Date())`
	con.js(`document.querySelectorAll('.report-chart svg[role=img] rect.report-chart-bar').length === 1 && ` +
		`document.querySelector('rect.report-chart-bar').dataset.key === ` + today + ` && ` +
		`document.querySelector('rect.report-chart-bar title').textContent.endsWith(': 1') && ` +
		`document.querySelector('#report-chart-title').textContent.startsWith('Conversations per day: 1 in 1 day')`)
	con.js(`document.querySelector('.report-table tbody tr')?.dataset.key === ` + today)
	con.do(chromedp.Click(`#report-hours`))
	con.js(`document.querySelector('#report-csv').getAttribute('href').includes('business_hours=true') && ` +
		`document.querySelector('.report-table tbody tr .report-count')?.textContent === '1'`)
	con.js(`fetch(document.querySelector('#report-csv').href).then(r => r.ok && r.headers.get('Content-Type').startsWith('text/csv') ? r.text() : '')` +
		`.then(t => t.startsWith('key,conversations,resolved,abandoned'))`)
	browsertest.RequireAccessible(t, con.tab, "the reports page by day")
	browsertest.Screenshot(t, con.tab, "console-report")
}
