package editions

import (
	"hash/fnv"
	"unicode"
	"unicode/utf8"
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
//
// The words are read one at a time and only the last four kept: a whole
// volume's body split into words and lowercased would cost several times
// the text.
func Signature(text string) []uint64 {
	sig := make([]uint64, SignatureSize)
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	words := eachShingle(text, func(h uint64) { addShingle(sig, h) })
	if words < MinWords {
		return nil
	}
	return sig
}

// eachShingle calls fn with the hash of each word 4-shingle of text and
// returns how many words it has.
func eachShingle(text string, fn func(uint64)) int {
	var ring [shingle][]byte // the last words, lowercased
	words := 0
	eachWord(text, func(w []byte) {
		slot := &ring[words%shingle]
		*slot = append((*slot)[:0], w...)
		words++
		if words >= shingle {
			fn(shingleHash(&ring, words))
		}
	})
	return words
}

// eachWord calls fn with each word of text, lowercased (the slice is reused).
func eachWord(text string, fn func([]byte)) {
	var word []byte
	flush := func() {
		if len(word) > 0 {
			fn(word)
			word = word[:0]
		}
	}
	for _, r := range text {
		// Lowercased before the letter test, as strings.ToLower of the whole
		// text was.
		if l := unicode.ToLower(r); unicode.IsLetter(l) {
			word = utf8.AppendRune(word, l)
		} else {
			flush()
		}
	}
	flush()
}

// shingleHash is FNV-1a of the last four words joined by spaces, oldest first.
func shingleHash(ring *[shingle][]byte, words int) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for k := range shingle {
		if k > 0 {
			h ^= ' '
			h *= prime
		}
		for _, c := range ring[(words+k)%shingle] {
			h ^= uint64(c)
			h *= prime
		}
	}
	return h
}

func addShingle(sig []uint64, base uint64) {
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
