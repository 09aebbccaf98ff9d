package editions

import (
	"hash/fnv"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// signatureWhole is Signature as it was first written, over the whole text
// split into words at once: stored signatures were made by it, so the
// streaming one must agree with it exactly.
func signatureWhole(text string) []uint64 {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) })
	if len(words) < MinWords {
		return nil
	}
	sig := make([]uint64, SignatureSize)
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	for i := 0; i+shingle <= len(words); i++ {
		h := fnv.New64a()
		h.Write([]byte(strings.Join(words[i:i+shingle], " ")))
		addShingle(sig, h.Sum64())
	}
	return sig
}

func TestSignatureMatchesWholeTextSplit(t *testing.T) {
	long := strings.Repeat("The Ambassador SAID that the Government of the U.S.S.R. (1) would consider Kim's proposal; Штыков сообщил ВЫШИНСКОМУ о встрече. ", 12)
	for _, text := range []string{"", "a b c", long, long + "\xff\xfeİstanbul ǅemal ΣΊΣΥΦΟΣ", strings.Repeat("x ", MinWords-1), strings.Repeat("x ", MinWords)} {
		if got, want := Signature(text), signatureWhole(text); !slices.Equal(got, want) {
			t.Errorf("Signature(%.40q…) differs from the whole-text split", text)
		}
	}
}

func FuzzSignatureMatchesWholeTextSplit(f *testing.F) {
	f.Add(strings.Repeat("Kim asked Stalin for the loan in 1950. ", 30))
	f.Fuzz(func(t *testing.T, text string) {
		if !slices.Equal(Signature(text), signatureWhole(text)) {
			t.Fatalf("Signature(%q) differs from the whole-text split", text)
		}
	})
}

func BenchmarkSignature(b *testing.B) {
	text := strings.Repeat("The Ambassador said that the Government would consider the proposal. ", 30000)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Signature(text)
	}
}
