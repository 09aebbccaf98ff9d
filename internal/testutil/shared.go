// Package testutil finds the shared material (seeds, FRUS corpus) that CI places
// beside the checkout, so tests that need it run there and skip, saying why, elsewhere.
package testutil

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
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
	root, err := Root()
	if err != nil {
		t.Skipf("skipping: %v", err)
	}
	p := filepath.Join(filepath.Dir(root), "shared", sub)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("skipping: %s not found (the shared seeds and corpus sit beside the checkout in CI)", p)
	}
	return p
}

// Root is the repository's root: the nearest directory at or above the working
// directory whose go.mod declares module fond. The benchmark's module (bench/,
// module fond/bench) has a go.mod of its own, so the first go.mod found is not
// always the root, and ../shared sits beside the root only.
func Root() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if data, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil && strings.HasPrefix(string(data), "module fond\n") {
			return dir, nil
		}
		if filepath.Dir(dir) == dir {
			return "", fmt.Errorf("no go.mod of module fond at or above %s", wd)
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

// RepoRoot returns the repository root (the directory holding fond's go.mod).
func RepoRoot(t testing.TB) string {
	t.Helper()
	root, err := Root()
	if err != nil {
		t.Fatal(err)
	}
	return root
}
