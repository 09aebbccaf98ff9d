// Package testutil finds the shared material (seeds, FRUS corpus) that CI places
// beside the checkout, so tests that need it run there and skip, saying why, elsewhere.
package testutil

import (
	"os"
	"path/filepath"
	"testing"
)

// Shared returns the path of ../shared/<sub> relative to the repository root, or
// skips the test with a message naming what is missing.
func Shared(t testing.TB, sub string) string {
	t.Helper()
	if dir := os.Getenv("FOND_SHARED"); dir != "" {
		p := filepath.Join(dir, sub)
		if _, err := os.Stat(p); err == nil {
			return p
		}
		t.Skipf("FOND_SHARED=%s has no %s", dir, sub)
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			p := filepath.Join(filepath.Dir(dir), "shared", sub)
			if _, err := os.Stat(p); err != nil {
				t.Skipf("skipping: %s not found (the shared seeds and corpus sit beside the checkout in CI)", p)
			}
			return p
		}
		if filepath.Dir(dir) == dir {
			t.Skip("skipping: repository root (go.mod) not found")
		}
	}
}

// Seed returns the path of the seed file whose name starts with prefix ("000").
func Seed(t testing.TB, prefix string) string {
	t.Helper()
	dir := Shared(t, "seeds")
	matches, _ := filepath.Glob(filepath.Join(dir, prefix+"_*"))
	if len(matches) != 1 {
		t.Fatalf("expected one seed %s_* in %s, found %d", prefix, dir, len(matches))
	}
	return matches[0]
}

// RepoRoot returns the repository root (the directory holding go.mod).
func RepoRoot(t testing.TB) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		if filepath.Dir(dir) == dir {
			t.Fatal("repository root (go.mod) not found")
		}
	}
}
