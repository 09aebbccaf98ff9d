package main

import (
	"path/filepath"
	"strings"
	"testing"

	"fond/internal/testutil"
)

func TestEvalPrintedLayoutsFlags(t *testing.T) {
	for _, args := range [][]string{{"--layouts", "telegram,fax"}, {"--layout-every", "-1"}} {
		_, errs, code := fond(t, filepath.Join(t.TempDir(), "fond.db"), append(append([]string{"eval", "printed"}, args...), t.TempDir())...)
		if code == 0 || !strings.Contains(errs, args[0]) {
			t.Errorf("%q: exit %d, %s", args, code, errs)
		}
	}
}

// The layouts run beside the edition's modes, and only those asked for.
func TestEvalPrintedLayouts(t *testing.T) {
	dir := testutil.Shared(t, "corpus/frus")
	out, errs, code := fond(t, filepath.Join(t.TempDir(), "fond.db"), "eval", "printed", "--text-every", "0", "--pdf-every", "0",
		"--layouts", "cia", "--layout-every", "10", "--volumes", "frus1902app1", dir)
	if code != 0 || !strings.Contains(out, "\ncia ") || strings.Contains(out, "\ntelegram ") {
		t.Errorf("exit %d, %s\n%s", code, errs, out)
	}
}
