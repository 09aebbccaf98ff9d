package testutil

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// NeedPrograms skips the test, saying which program is missing, unless every one
// of progs is installed; where FOND_REQUIRE_TOOLS is set (CI, whose .ci/run
// installs them) a missing program fails the test instead.
func NeedPrograms(t testing.TB, progs ...string) {
	t.Helper()
	for _, p := range progs {
		if _, err := exec.LookPath(p); err != nil {
			if os.Getenv("FOND_REQUIRE_TOOLS") != "" {
				t.Fatalf("%s not installed; .ci/run should have installed it", p)
			}
			t.Skipf("skipping: %s not installed (apt-get install poppler-utils tesseract-ocr)", p)
		}
	}
}

// GoBuild builds the Go package at pkg (relative to the test's folder) into
// the binary out, as CI builds (CGO_ENABLED=0): for tests that run fond as a
// child process, to kill it or to run several.
func GoBuild(t testing.TB, pkg, out string) {
	t.Helper()
	build := exec.Command("go", "build", "-o", out, pkg)
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if b, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build %s: %v\n%s", pkg, err, b)
	}
}

// FakeTesseract writes a program that stands in for Tesseract: each run
// appends its arguments as a line to the file log and prints tsv, as
// Tesseract's TSV output. Tests count its runs or read what it was told.
func FakeTesseract(t testing.TB, tsv string) (program, log string) {
	t.Helper()
	dir := t.TempDir()
	program, log = filepath.Join(dir, "tesseract"), filepath.Join(dir, "runs")
	script := "#!/bin/sh\necho \"$@\" >> '" + log + "'\ncat >/dev/null\nprintf '%s' '" + strings.ReplaceAll(tsv, "'", `'\''`) + "'\n"
	if err := os.WriteFile(program, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return program, log
}
