package web

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chrome drives one Chromium for a test: its first window's context, and
// steps that fail the test with what they were for.
type chrome struct {
	t     *testing.T
	shots string
}

// newBrowser starts Chromium (or skips, as chromium does) and returns the
// first window's context, bounded to two minutes.
func newBrowser(t *testing.T) (context.Context, *chrome) {
	t.Helper()
	return openBrowser(t, chromium(t), 120*time.Second), &chrome{t: t, shots: artifacts(t)}
}

// openBrowser starts chromium at exe for one test, with what a headless CI
// machine needs, and returns a tab's context ending after timeout (the
// browser closes with the test).
func openBrowser(t *testing.T, exe string, timeout time.Duration) context.Context {
	t.Helper()
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true), chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(1280, 1000))...)
	ctx, cancelTab := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, timeout)
	t.Cleanup(func() { cancelTime(); cancelTab(); cancelAlloc() })
	return ctx
}

func (b *chrome) run(ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
}

// follow runs an action that loads a page and returns the page's status.
func (b *chrome) follow(ctx context.Context, what string, act chromedp.Action[chromedp.Void]) int64 {
	b.t.Helper()
	resp, err := chromedp.RunResponse(ctx, act)
	if err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
	return resp.Status
}

func (b *chrome) text(ctx context.Context, sel string) string {
	b.t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		b.t.Fatalf("text of %s: %v", sel, err)
	}
	return s
}

// shot saves a screenshot of the whole page under the artifacts folder.
func (b *chrome) shot(name string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		png, err := chromedp.FullScreenshot(100)(ctx, tg)
		if err != nil {
			return err
		}
		return writeFile(b.shots, name+".png", png)
	})
}

// signIn fills and sends the sign-in form.
func (b *chrome) signIn(ctx context.Context, base, name string) {
	b.t.Helper()
	b.run(ctx, "sign-in form", chromedp.Navigate(base+"/login"), chromedp.WaitVisible(chromedp.CSS("#username")),
		chromedp.SendKeys(chromedp.CSS("#username"), name), chromedp.SendKeys(chromedp.CSS("#password"), staffPass))
	if status := b.follow(ctx, "sign in", chromedp.Submit(chromedp.CSS("#password"))); status != 200 {
		b.t.Fatalf("sign in: %d", status)
	}
}

func writeFile(dir, name string, b []byte) error {
	return os.WriteFile(filepath.Join(dir, name), b, 0o644)
}
