package stemcheck

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	porter "github.com/blevesearch/go-porterstemmer"

	"fond/internal/index"
	"fond/internal/testutil"
)

// stem is fond's stem of a lower-case ASCII word: index.Term folds (a no-op
// here) and then applies the in-house Porter stemmer, which is what the index
// stores for such a word.
func stem(w string) string { return index.Term(w) }

// On ordinary English the in-house stemmer and the Go port agree; the port's
// known departures from the reference (it does not apply step 2's "logi") are
// the only differences allowed.
func TestPorterMatchesGoPort(t *testing.T) {
	text := `The government of the United States has received the telegrams and the
		memoranda concerning the negotiations, the conditional guarantees, the
		arrangements for the railways, the organization of the delegation, the
		nationalization of industries and the hopefulness expressed by the ministers
		regarding the effectiveness of the agreements; conversations continued
		throughout the day, and the ambassador's instructions were communicated.`
	compared := 0
	for _, w := range strings.Fields(strings.ToLower(text)) {
		w = strings.Trim(w, ".,;'s")
		if w == "" || strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") != "" {
			continue
		}
		compared++
		if a, b := stem(w), porter.StemString(w); a != b {
			t.Errorf("%q: in-house %q, Go port %q", w, a, b)
		}
	}
	if compared < 50 {
		t.Errorf("only %d words compared", compared)
	}
}

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
		if a, b := stem(w), porter.StemString(w); a != b && !strings.Contains(w, "logi") && w != "ies" {
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
