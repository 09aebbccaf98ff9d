package web

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

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
