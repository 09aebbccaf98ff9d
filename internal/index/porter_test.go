package index

import (
	"strings"
	"testing"

	porter "github.com/blevesearch/go-porterstemmer"
)

// Examples from Porter's paper, step by step.
func TestPorterStem(t *testing.T) {
	pairs := `caresses caress ponies poni ties ti caress caress cats cat feed feed agreed agre
		plastered plaster bled bled motoring motor sing sing conflated conflat troubled troubl
		sized size hopping hop tanned tan falling fall hissing hiss fizzed fizz failing fail
		filing file happy happi sky sky relational relat conditional condit rational ration
		valenci valenc hesitanci hesit digitizer digit conformabli conform radicalli radic
		differentli differ vileli vile analogousli analog vietnamization vietnam
		predication predic operator oper feudalism feudal decisiveness decis hopefulness hope
		callousness callous formaliti formal sensitiviti sensit sensibiliti sensibl
		triplicate triplic formative form formalize formal electriciti electr electrical electr
		hopeful hope goodness good revival reviv allowance allow inference infer airliner airlin
		gyroscopic gyroscop adjustable adjust defensible defens irritant irrit replacement replac
		adjustment adjust dependent depend adoption adopt homologou homolog communism commun
		activate activ angulariti angular homologous homolog effective effect bowdlerize bowdler
		probate probat rate rate cease ceas controll control roll roll
		generalizations gener oscillators oscil telegrams telegram asked ask`
	f := strings.Fields(pairs)
	for i := 0; i < len(f); i += 2 {
		if got := porterStem(f[i]); got != f[i+1] {
			t.Errorf("porterStem(%q) = %q, want %q", f[i], got, f[i+1])
		}
	}
}

// FuzzPorterStem: any lower-case word stems without panicking, to a prefix-ish
// stem no longer than the word, the same as the Go port Bleve uses where the two
// agree on the algorithm.
func FuzzPorterStem(f *testing.F) {
	for _, w := range []string{"a", "ye", "yyy", "sses", "ies", "eed", "ying", "bled", "generalizations"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if !stemmable(w) {
			return
		}
		if s := porterStem(w); len(s) > len(w)+1 {
			t.Fatalf("porterStem(%q) = %q: longer than the word", w, s)
		}
	})
}

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
	for _, w := range strings.Fields(strings.ToLower(text)) {
		w = strings.Trim(w, ".,;'s")
		if !stemmable(w) {
			continue
		}
		if a, b := porterStem(w), porter.StemString(w); a != b {
			t.Errorf("%q: in-house %q, Go port %q", w, a, b)
		}
	}
}
