package index

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	porter "github.com/blevesearch/go-porterstemmer"

	"fond/internal/testutil"
)

// Over every word of the FRUS corpus, the in-house stemmer and the Go port agree,
// but for where the port departs from the reference implementation: it lacks
// step 2's "logi" → "log", and stems the bare word "ies" to "ie", not "i".
func TestPorterOnFRUS(t *testing.T) {
	dir := testutil.Shared(t, "corpus/frus")
	files, _ := filepath.Glob(filepath.Join(dir, "*.xml"))
	tag := regexp.MustCompile(`<[^>]*>`)
	seen := map[string]bool{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range strings.FieldsFunc(strings.ToLower(tag.ReplaceAllString(string(data), " ")), func(r rune) bool { return r < 'a' || r > 'z' }) {
			seen[w] = true
		}
	}
	var differ []string
	for w := range seen {
		if a, b := porterStem(w), porter.StemString(w); a != b && !strings.Contains(w, "logi") && w != "ies" {
			differ = append(differ, w+": "+a+" / "+b)
		}
	}
	sort.Strings(differ)
	if len(differ) > 0 {
		t.Errorf("%d of %d words stem differently (in-house / port), e.g. %v", len(differ), len(seen), differ[:min(20, len(differ))])
	}
	if len(seen) < 10000 {
		t.Errorf("only %d distinct words read", len(seen))
	}
}
