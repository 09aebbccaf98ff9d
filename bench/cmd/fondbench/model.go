package main

import (
	"encoding/gob"
	"fmt"
	"math/rand/v2"
	"os"
	"sort"
	"strings"
	"unicode"
)

// sentenceStart is word id 0: the state a sentence begins from, so sampled text
// starts sentences with the words real sentences start with.
const sentenceStart = "<s>"

// Model is a word-bigram language model in a compact form: for every word, the ids
// of the words seen after it and cumulative counts for weighted sampling. Slices of
// int32 rather than maps keep a FRUS-sized model at a few tens of MB, which matters
// because every engine's child process loads it and it counts in their RSS.
type Model struct {
	Words []string
	Count []uint32 // unigram counts, for choosing query terms by frequency
	Start []int32  // Next[Start[w]:Start[w+1]] are w's successors
	Next  []int32  //
	Cum   []uint32 // cumulative successor counts, parallel to Next
	Src   string   // "frus" or "builtin"
}

// trainer accumulates bigram counts before compaction.
type trainer struct {
	ids    map[string]int32
	words  []string
	count  []uint32
	bigram map[uint64]uint32
}

func newTrainer() *trainer {
	t := &trainer{ids: map[string]int32{}, bigram: map[uint64]uint32{}}
	t.id(sentenceStart)
	return t
}

func (t *trainer) id(w string) int32 {
	if id, ok := t.ids[w]; ok {
		return id
	}
	id := int32(len(t.words))
	t.ids[w] = id
	t.words = append(t.words, w)
	t.count = append(t.count, 0)
	return id
}

// add feeds one paragraph. Tokens are words (letters and digits, with inner
// apostrophes) and sentence punctuation; everything else is dropped so the output
// tokenizes the same way in every engine.
func (t *trainer) add(par string) {
	prev := int32(0)
	for _, tok := range tokens(par) {
		id := t.id(tok)
		t.count[id]++
		t.bigram[uint64(prev)<<32|uint64(id)]++
		prev = id
		if isSentenceEnd(tok) {
			prev = 0
		}
	}
}

func isSentenceEnd(tok string) bool { return tok == "." || tok == "?" || tok == "!" }

func isPunct(tok string) bool { return len(tok) == 1 && strings.ContainsAny(tok, ".,;:?!") }

func tokens(s string) []string {
	var out []string
	rs := []rune(s)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + 1
			for j < len(rs) {
				if unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j]) {
					j++
					continue
				}
				if (rs[j] == '\'' || rs[j] == '’') && j+1 < len(rs) && unicode.IsLetter(rs[j+1]) {
					j += 2
					continue
				}
				break
			}
			out = append(out, strings.ReplaceAll(string(rs[i:j]), "’", "'"))
			i = j
		case strings.ContainsRune(".,;:?!", r):
			out = append(out, string(r))
			i++
		default:
			i++
		}
	}
	return out
}

// compact turns the counts into the sampling tables. Successors are ordered by id,
// which is the order words were first seen: deterministic for a given corpus.
func (t *trainer) compact(src string) *Model {
	m := &Model{Words: t.words, Count: t.count, Src: src}
	keys := make([]uint64, 0, len(t.bigram))
	for k := range t.bigram {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	m.Start = make([]int32, len(t.words)+1)
	m.Next = make([]int32, len(keys))
	m.Cum = make([]uint32, len(keys))
	var cum uint32
	prev := int32(-1)
	for i, k := range keys {
		from, to := int32(k>>32), int32(uint32(k))
		if from != prev {
			for w := prev + 1; w <= from; w++ {
				m.Start[w] = int32(i)
			}
			prev, cum = from, 0
		}
		cum += t.bigram[k]
		m.Next[i], m.Cum[i] = to, cum
	}
	for w := prev + 1; w <= int32(len(t.words)); w++ {
		m.Start[w] = int32(len(keys))
	}
	return m
}

// next samples a successor of w; a word never followed by anything restarts a
// sentence.
func (m *Model) next(rng *rand.Rand, w int32) int32 {
	lo, hi := m.Start[w], m.Start[w+1]
	if lo == hi {
		lo, hi = m.Start[0], m.Start[1]
	}
	r := uint32(rng.Uint64N(uint64(m.Cum[hi-1])))
	i := sort.Search(int(hi-lo), func(i int) bool { return m.Cum[lo+int32(i)] > r })
	return m.Next[lo+int32(i)]
}

// sentences appends sampled sentences to b until it holds at least n more bytes,
// breaking paragraphs every few sentences as documents do.
func (m *Model) sentences(rng *rand.Rand, b *strings.Builder, n int, paragraphs bool) {
	target := b.Len() + n
	w := int32(0)
	inSentence := 0
	sentencesInPar := 0
	parLen := 3 + rng.IntN(5)
	for b.Len() < target || w != 0 {
		w = m.next(rng, w)
		tok := m.Words[w]
		if isPunct(tok) {
			b.WriteString(tok)
		} else {
			if b.Len() > 0 && !strings.HasSuffix(b.String(), "\n") {
				b.WriteByte(' ')
			}
			b.WriteString(tok)
		}
		inSentence++
		if inSentence > 120 && !isSentenceEnd(tok) { // a runaway chain: end it
			b.WriteByte('.')
			w = 0
		}
		if isSentenceEnd(tok) || w == 0 {
			w, inSentence = 0, 0
			sentencesInPar++
			if paragraphs && sentencesInPar >= parLen && b.Len() < target {
				b.WriteString("\n\n")
				sentencesInPar, parLen = 0, 3+rng.IntN(5)
			}
		}
	}
}

func saveModel(path string, m *Model) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	if err := gob.NewEncoder(f).Encode(m); err != nil {
		f.Close()
		return fmt.Errorf("save model: %w", err)
	}
	return f.Close()
}

func loadModel(path string) (*Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load model: %w", err)
	}
	defer f.Close()
	var m Model
	if err := gob.NewDecoder(f).Decode(&m); err != nil {
		return nil, fmt.Errorf("load model %s: %w", path, err)
	}
	return &m, nil
}
