package dacapture

import (
	"strings"
	"testing"

	"fond/internal/testutil"
)

// FuzzExtract: any page of valid text lines reads to a record of valid text,
// never a panic.
func FuzzExtract(f *testing.F) {
	f.Add("Digital Archive International History Declassified\nMeeting between Stalin and Kim Il Sung\nMarch 05, 1949\nDocument Information\nSource\nAVP RF, Fond 059a, Opis 5a, Delo 3, Papka 11, listy 10-20.\nOriginal Language\nRussian\nTranslated by Gary Goldberg\nThis document was made possible with support from the Korea Foundation.\n\"Meeting between Stalin and Kim Il Sung,\" March 05, 1949, History and Public Policy Program Digital Archive, AVP RF, f. 059a.")
	f.Add("Document Information\nRights\nThe History and Public Policy Program welcomes reuse.\nTo Comrade Vyshinsky\nFrom Pyongyang, 7.II.1950")
	f.Fuzz(func(t *testing.T, text string) {
		if !testutil.ReaderInput(text) {
			return
		}
		blocks := strings.Split(text, "\n")
		Detect(blocks)
		r := Extract(Page{Blocks: blocks, Title: blocks[0], Date: blocks[len(blocks)-1]})
		if bad := testutil.BadText(r); bad != "" {
			t.Fatalf("record from valid text: %s", bad)
		}
	})
}
