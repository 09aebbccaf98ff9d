package article

import (
	"strings"
	"testing"

	"fond/internal/testutil"
)

// FuzzExtract: any blocks of valid text read to records of valid text, never
// a panic; text detected as an article yields at least one record (callers
// read the first).
func FuzzExtract(f *testing.F) {
	f.Add("Soviet-North Korean Relations, 1947-1950\nby Some One\nPosted on March 3, 2010\nIn February 1950, Kim asked Stalin for a loan.\nDocument 1: Telegram, Moscow, 5 March 1949\nText of the document.\n[Source: AVP RF, f. 059a, op. 5a]")
	f.Add("Article\nBy A. Author and B. Author\nAbstract\nDocument 2: Memorandum\n")
	f.Fuzz(func(t *testing.T, text string) {
		if !testutil.ReaderInput(text) {
			return
		}
		blocks := strings.Split(text, "\n")
		detected := Detect(blocks)
		recs := Extract(blocks)
		if detected && len(recs) == 0 {
			t.Fatal("an article with no records")
		}
		if bad := testutil.BadText(recs); bad != "" {
			t.Fatalf("records from valid text: %s", bad)
		}
	})
}
