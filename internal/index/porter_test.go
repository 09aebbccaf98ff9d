package index

import (
	"strings"
	"testing"
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

// FuzzPorterStem: any lower-case word stems without panicking, to a stem no
// longer than the word but one letter (step 1b may add an "e"). The comparison
// with the Go port Bleve uses is in the benchmark's module, bench/stemcheck, so
// the port stays out of fond's go.mod.
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
