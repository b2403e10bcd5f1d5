package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/parleychat/parley/client"
	"github.com/parleychat/parley/internal/browsertest"
)

// Notes leave no trace in the widget: the messages a visitor is shown are
// numbered 1, 2, 3 with notes written between them (the visitor sequence),
// and an agent who read up to a note marks "Seen" on the visitor's last
// message before it.
func TestWidgetVisitorSequence(t *testing.T) {
	c := startChat(t, "First question") // seq 1; the visitor's 1
	ctx := t.Context()
	note := func(body string) {
		t.Helper()
		if _, err := c.ac.SendMessage(ctx, c.conv.ID, client.SendInput{Kind: client.KindNote, Body: body}); err != nil {
			t.Fatalf("agent writes a note: %v", err)
		}
	}
	note("SECRET one") // seq 2
	if _, err := c.ac.MarkRead(ctx, c.conv.ID, 2); err != nil {
		t.Fatal(err)
	}
	browsertest.WaitJS(t, c.tab, shadow+`.querySelector('.msg.me[data-seq="1"] .seen')?.textContent === 'Seen'`)
	c.reply(t, "An answer")   // seq 3; the visitor's 2
	note("SECRET two")        // seq 4
	write(t, c.tab, "Thanks") // seq 5; the visitor's 3
	browsertest.WaitJS(t, c.tab, shadow+`.querySelector('.msg.me[data-seq="3"]')`)
	if _, err := c.ac.MarkRead(ctx, c.conv.ID, 4); err != nil { // up to the second note
		t.Fatal(err)
	}
	browsertest.WaitFor(t, func() string {
		seqs := browsertest.Eval[string](t, c.tab, `[...`+shadow+`.querySelectorAll('.msg[data-seq]')].map(m => m.dataset.seq).filter(Boolean).join(',')`)
		seen := browsertest.Eval[string](t, c.tab, `[...`+shadow+`.querySelectorAll('.msg')].filter(m => m.querySelector('.seen')).map(m => m.dataset.seq).join(',')`)
		if seqs != "1,2,3" || seen != "1" {
			return fmt.Sprintf("messages numbered %q, seen %q; want 1,2,3 and 1", seqs, seen)
		}
		return ""
	})
	if text := browsertest.Eval[string](t, c.tab, shadow+`.textContent`); strings.Contains(text, "SECRET") {
		t.Errorf("the widget shows a note: %q", text)
	}
	noBrowserErrors(t, c.b)
}
