package tei

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// corpusDir finds shared/corpus/frus beside the checkout (CI) by walking up from
// the package directory; FOND_SHARED overrides. It skips when the corpus is absent:
// the project must build and test without it.
func corpusDir(t testing.TB) string {
	t.Helper()
	const sub = "shared/corpus/frus"
	if dir := os.Getenv("FOND_SHARED"); dir != "" {
		p := filepath.Join(dir, "corpus", "frus")
		if _, err := os.Stat(p); err != nil {
			t.Skipf("FOND_SHARED/corpus/frus not found: %v", err)
		}
		return p
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Skipf(".../%s not found: %v", sub, err)
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		p := filepath.Join(dir, sub)
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return p
		}
		if filepath.Dir(dir) == dir {
			t.Skipf(".../%s not found: no directory above %s holds it (CI places shared/ beside the checkout)", sub, wd)
		}
	}
}

func corpusFiles(t testing.TB) []string {
	dir := corpusDir(t)
	files, err := filepath.Glob(filepath.Join(dir, "*.xml"))
	if err != nil || len(files) != 13 {
		t.Fatalf("%d volumes in %s, want 13 (%v)", len(files), dir, err)
	}
	return files
}

func readVolume(t testing.TB, path string) (*Volume, []Document) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	vol, docs, err := Read(context.Background(), f, filepath.Base(path))
	if err != nil {
		t.Fatal(err)
	}
	return vol, docs
}

func TestCorpus(t *testing.T) {
	total, dated, exact := 0, 0, 0
	keys := map[string]bool{}
	for _, path := range corpusFiles(t) {
		vol, docs := readVolume(t, path)
		if vol.ID == "" || vol.Title == "" || vol.Publisher == "" || vol.Year == "" {
			t.Errorf("%s: volume %+v", filepath.Base(path), *vol)
		}
		for i := range docs {
			d := &docs[i]
			r := d.Record()
			if r.Key == "" || r.Title == "" || d.XMLID == "" {
				t.Errorf("%s: document %d: key %q title %q", filepath.Base(path), i, r.Key, r.Title)
			}
			if keys[r.Key] {
				t.Errorf("duplicate key %s", r.Key)
			}
			keys[r.Key] = true
			if r.Date.EDTF != "" {
				dated++
			}
			if d.Gold().Date != "" {
				exact++
			}
			if d.PlainText() == "\n" {
				t.Errorf("%s: empty page", r.Key)
			}
			total++
		}
	}
	if total != 5825 {
		t.Errorf("%d documents, want 5825", total)
	}
	// The editors dated 92.7% of the documents on their datelines (@when); the
	// printed text dates 1.5% more (a heading's date, a received stamp as the
	// upper bound). The other 5.8% (399 mostly untitled 1864-1872 enclosures and
	// newspaper extracts) print no date at all, so the brief's 95% is out of reach
	// without inventing dates, which the record model forbids.
	// A date printed at the end (a closing "Peking, December 1, 1863.", "Given
	// at Turin, 6th April, 1864.") dates 111 of the 346 once undated: 235
	// remain, which print no date of their own.
	if total-dated > 235 {
		t.Errorf("%d documents undated, want at most 235", total-dated)
	}
	if float64(exact) < 0.925*float64(total) || float64(dated) < 0.935*float64(total) {
		t.Errorf("%d of %d documents dated (%d to the day from @when)", dated, total, exact)
	}
	t.Logf("%d documents, %d dated, %d to the day by the editors", total, dated, exact)
}

func BenchmarkReadCorpus(b *testing.B) {
	files := corpusFiles(b)
	var data [][]byte
	var size int64
	for _, p := range files {
		buf, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		data = append(data, buf)
		size += int64(len(buf))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for i, buf := range data {
			if _, _, err := Read(context.Background(), bytesReader(buf), filepath.Base(files[i])); err != nil {
				b.Fatal(err)
			}
		}
	}
}
