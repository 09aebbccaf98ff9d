package sqlstore

import (
	"context"
	"errors"
	"testing"
)

// A search behind an index update that does not end gives up when its context
// does, and waits as before once the update is done.
func TestApplierWaitContext(t *testing.T) {
	a := newApplier()
	release, started := make(chan struct{}), make(chan struct{})
	a.enqueue(func() { close(started); <-release })
	<-started
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- a.waitContext(ctx) }()
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("wait behind a running update, context canceled: %v", err)
	}
	close(release)
	if err := a.waitContext(context.Background()); err != nil {
		t.Errorf("wait after the update: %v", err)
	}
	a.stop()
}
