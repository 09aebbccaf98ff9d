package plaintext

import (
	"testing"

	"fond/internal/testutil"
)

// FuzzExtract: any valid text reads to a record of valid text, never a panic.
func FuzzExtract(f *testing.F) {
	f.Add("Memorandum of Conversation\n\nWashington, October 27, 1962.\n\n[Source: AVP RF, f. 059a, op. 5a, d. 3]\n\nThe tanker may pass.\n\n1 A footnote.")
	f.Add("TOP SECRET\n\nТелеграмма\n\nМосква, 7 февраля 1950 г.\n\nТекст телеграммы.")
	f.Add("No. 378.]\n\n" + "ЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖ.")
	f.Fuzz(func(t *testing.T, text string) {
		if !testutil.ReaderInput(text) {
			return
		}
		r := Extract(text)
		if bad := testutil.BadText(r); bad != "" {
			t.Fatalf("record from valid text: %s", bad)
		}
	})
}
