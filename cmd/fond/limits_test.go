package main

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"fond/internal/memlimit"
)

// TestMemoryLimitFlag: every command runs under the soft memory limit, the
// default's or the flag's, and a bad one is refused before any work.
func TestMemoryLimitFlag(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(before) })
	t.Setenv("GOMEMLIMIT", "")
	db := filepath.Join(t.TempDir(), "fond.db")
	for _, c := range []struct {
		args []string
		want int64
	}{
		{nil, memlimit.DefaultMB << 20},
		{[]string{"--memory-limit-mb", "200"}, 200 << 20},
		{[]string{"--memory-limit-mb", "0"}, memlimit.None},
	} {
		if _, errs, code := fond(t, db, append(c.args, "search", "numbat")...); code != 0 {
			t.Fatalf("%v: exit %d, %s", c.args, code, errs)
		}
		if got := debug.SetMemoryLimit(-1); got != c.want {
			t.Errorf("%v: the runtime's limit is %d, want %d", c.args, got, c.want)
		}
	}
	debug.SetMemoryLimit(123 << 20)
	if _, errs, code := fond(t, db, "--memory-limit-mb", "-5", "search", "numbat"); code != 2 || !strings.Contains(errs, "--memory-limit-mb") {
		t.Errorf("--memory-limit-mb -5: exit %d, %q", code, errs)
	}
	if got := debug.SetMemoryLimit(-1); got != 123<<20 {
		t.Errorf("a refused limit changed the runtime's: %d", got)
	}
}

func TestMaxFileSizeFlag(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	os.WriteFile(big, []byte("Memorandum\n\nWashington, October 27, 1962.\n\n"+strings.Repeat("The tanker may pass. ", 100)), 0o644)
	db := filepath.Join(t.TempDir(), "fond.db")
	for _, cmd := range [][]string{{"ingest"}, {"extract"}} {
		_, errs, code := fond(t, db, append(cmd, "--max-file-size", "1KB", big)...)
		if code != 1 || !strings.Contains(errs, "big.txt") || !strings.Contains(errs, "over the 1000-byte limit") {
			t.Errorf("%s --max-file-size 1KB: exit %d, stderr %q", cmd[0], code, errs)
		}
	}
	if out, errs, code := fond(t, db, "ingest", "--max-file-size", "4KiB", big); code != 0 || !strings.Contains(out, "added") {
		t.Errorf("--max-file-size 4KiB: exit %d: %s %s", code, out, errs)
	}
	if _, errs, code := fond(t, db, "ingest", "/dev/zero"); code != 1 || !strings.Contains(errs, "/dev/zero") || !strings.Contains(errs, "character device") {
		t.Errorf("ingest /dev/zero: exit %d, stderr %q", code, errs)
	}
}

func TestByteSize(t *testing.T) {
	for in, want := range map[string]int64{"1000": 1000, "64MiB": 64 << 20, "2kb": 2000, "1G": 1 << 30, "3 MB": 3e6} {
		var b byteSize
		if err := b.Set(in); err != nil || int64(b) != want {
			t.Errorf("%q: %d, %v; want %d", in, b, err, want)
		}
	}
	for _, in := range []string{"", "-1", "0", "x", "1TB", "99999999999999GiB"} {
		var b byteSize
		if err := b.Set(in); err == nil {
			t.Errorf("%q accepted as %d", in, b)
		}
	}
}

// A file read in another encoding than it declares is ingested with a warning
// naming it, in both output forms.
func TestIngestPrintsEncodingWarnings(t *testing.T) {
	// "Телеграмма из Москвы…" in windows-1251, with no encoding declared.
	text := "\xd2\xe5\xeb\xe5\xe3\xf0\xe0\xec\xec\xe0\n\n" + strings.Repeat("\xd1\xe5\xe3\xee\xe4\xed\xff \xe2\xe5\xf7\xe5\xf0\xee\xec \xef\xee\xf1\xee\xeb \xe2\xf1\xf2\xf0\xe5\xf2\xe8\xeb\xf1\xff \xf1 \xec\xe8\xed\xe8\xf1\xf2\xf0\xee\xec. ", 3)
	path := filepath.Join(t.TempDir(), "cp1251.txt")
	os.WriteFile(path, []byte(text), 0o644)
	out, errs, code := fond(t, filepath.Join(t.TempDir(), "fond.db"), "ingest", path)
	if code != 0 || !strings.Contains(errs, "warning  "+path+": is not UTF-8") || !strings.Contains(out, "added") {
		t.Errorf("exit %d, stdout %q, stderr %q: want the record added and a warning naming the file", code, out, errs)
	}
	out, _, _ = fond(t, filepath.Join(t.TempDir(), "fond.db"), "ingest", "--json", path)
	if !strings.Contains(out, `"warning":"`+path+`: is not UTF-8`) {
		t.Errorf("--json: %s", out)
	}
}

// A shutdown grace of 5 s or less would cut off connections net/http keeps
// for 5 s before closing them: refused before the server starts.
func TestShutdownGraceFlag(t *testing.T) {
	db := filepath.Join(t.TempDir(), "fond.db")
	_, stderr, code := fond(t, db, "serve", "--addr", "127.0.0.1:0", "--shutdown-grace", "5s")
	if code != 2 || !strings.Contains(stderr, "--shutdown-grace") {
		t.Errorf("--shutdown-grace 5s: exit %d, %q", code, stderr)
	}
}
