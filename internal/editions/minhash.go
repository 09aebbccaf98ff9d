package editions

import (
	"hash/fnv"
	"strings"
	"unicode"
)

// Signature length and banding: 64 minimum hashes in 16 bands of 4 find pairs
// whose shingle sets overlap by about half or more with high probability.
const (
	SignatureSize = 64
	Bands         = 16
	rowsPerBand   = SignatureSize / Bands
	shingle       = 4
	// MinWords is the shortest text worth comparing: short texts share
	// shingles by chance ("Kim answers that there are none").
	MinWords = 80
)

// Signature is a MinHash signature of a text's word 4-shingles, after folding
// case, punctuation and footnote digits, so two printings or close translations of
// one document come out alike.
func Signature(text string) []uint64 {
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
		base := h.Sum64()
		for j := range sig {
			// One hash family from one base: multiply-xorshift with per-row seeds.
			x := base ^ (uint64(j+1) * 0x9E3779B97F4A7C15)
			x ^= x >> 31
			x *= 0xBF58476D1CE4E5B9
			x ^= x >> 29
			if x < sig[j] {
				sig[j] = x
			}
		}
	}
	return sig
}

// Similarity estimates the Jaccard similarity of the texts behind two signatures.
func Similarity(a, b []uint64) float64 {
	if len(a) != SignatureSize || len(b) != SignatureSize {
		return 0
	}
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / SignatureSize
}

// BandKeys are the locality-sensitive hashes of a signature: texts that share any
// band key are candidates to compare.
func BandKeys(sig []uint64) []uint64 {
	if len(sig) != SignatureSize {
		return nil
	}
	keys := make([]uint64, Bands)
	for b := 0; b < Bands; b++ {
		h := fnv.New64a()
		for _, v := range sig[b*rowsPerBand : (b+1)*rowsPerBand] {
			var buf [8]byte
			for i := range buf {
				buf[i] = byte(v >> (8 * i))
			}
			h.Write(buf[:])
		}
		keys[b] = h.Sum64()&^(0xFF<<56) | uint64(b)<<56 // the band number keeps bands apart
	}
	return keys
}

// NearIdentical is the estimated similarity above which two dated-compatible
// texts are taken as editions of one document.
const NearIdentical = 0.5
