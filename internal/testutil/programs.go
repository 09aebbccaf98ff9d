package testutil

import (
	"os"
	"os/exec"
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
