package browsertest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

// Browser is one headless Chromium process for a test.
type Browser struct {
	ctx context.Context // the browser's first tab; new tabs derive from it

	mu   sync.Mutex
	logs []string // console errors and uncaught exceptions of every tab
}

// NewBrowser starts Chromium (headless, no sandbox, a temporary profile)
// until the test ends. It skips the test unless PARLEY_TEST_BROWSER is set.
func NewBrowser(t testing.TB) *Browser {
	t.Helper()
	Require(t)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(ChromiumPath),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("mute-audio", true),
		chromedp.Flag("lang", "en-US"),
		chromedp.WindowSize(1280, 800),
	)
	ctx, cancel := chromedp.NewContext(allocCtx)
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		cancelAlloc()
		t.Fatalf("start %s: %v", ChromiumPath, err)
	}
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	return &Browser{ctx: ctx}
}

// NewTab opens a tab in a new browser context — its own cookies, storage
// and cache, like a separate browser profile — closed when the test ends.
// The tab's console errors and uncaught exceptions are collected (Errors).
func (b *Browser) NewTab(t testing.TB) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx, chromedp.WithNewBrowserContext())
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		t.Fatalf("open a tab: %v", err)
	}
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				b.log(m.String())
			}
		}
	}()
	t.Cleanup(cancel)
	return ctx
}

func (b *Browser) log(s string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.logs = append(b.logs, s)
}

// Errors returns the console errors and uncaught exceptions seen so far.
func (b *Browser) Errors() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.logs...)
}

// UnexpectedErrors is Errors without the 401 answers a page expects: the
// console asks /api/v1/me before anyone has signed in, and Chromium logs
// the 401 (without its URL) as an error.
func (b *Browser) UnexpectedErrors() []string {
	var errs []string
	for _, e := range b.Errors() {
		if !strings.Contains(e, "Failed to load resource") || !strings.Contains(e, "status of 401") {
			errs = append(errs, e)
		}
	}
	return errs
}

// Do runs chromedp actions in tab and fails the test on error.
func Do(t testing.TB, tab context.Context, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tab, Wait)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("browser: %v", err)
	}
}

// Eval evaluates a JavaScript expression in tab, awaiting it if it is a
// promise, and returns its value decoded as T. It fails the test on error.
func Eval[T any](t testing.TB, tab context.Context, expr string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(tab, Wait)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("browser: evaluate %.200s: %v", expr, err)
	}
	return v
}

// WaitJS polls a JavaScript expression in tab until it is truthy (a
// promise's value, once settled), and fails the test after Wait.
func WaitJS(t testing.TB, tab context.Context, expr string) {
	t.Helper()
	WaitFor(t, func() string {
		ctx, cancel := context.WithTimeout(tab, Wait)
		defer cancel()
		// A promise is awaited: its value, not the promise, must be truthy.
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("(async () => !!(await ("+expr+")))()", chromedp.EvalAwaitPromise))
		if err != nil {
			return "evaluate " + expr + ": " + err.Error()
		}
		if !ok {
			return "still false: " + expr
		}
		return ""
	})
}

// Screenshot saves a PNG of the tab's viewport as docs/screenshots/NAME.png.
func Screenshot(t testing.TB, tab context.Context, name string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tab, Wait)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	dir := filepath.Join(RepoRoot(), "docs", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// Viewport sets the tab's viewport, e.g. 390×844 with mobile for a phone.
func Viewport(t testing.TB, tab context.Context, width, height int64, mobile bool) {
	t.Helper()
	opts := []chromedp.EmulateViewportOption{chromedp.EmulateScale(1)}
	if mobile {
		opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateTouch)
	}
	Do(t, tab, chromedp.EmulateViewport(width, height, opts...))
}
