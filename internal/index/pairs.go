package index

import (
	_ "embed"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
)

// Pair lists make a phrase of two common words cost what a rare word costs.
// A phrase walks the rarer word's list and, at each of its documents, seeks
// the other word and compares positions; when both words stand in a few
// percent of the archive ("united states", "foreign minister") that is tens
// of thousands of documents at 1M, and the slowest phrases were five times
// the slowest terms. So every place where two pair words stand side by side
// in a field is also indexed as one more term, the pair, at the first word's
// position; the phrase then reads that one short list (docs/decisions.md,
// "Pair lists for phrases of common words").
//
// The pair words are a fixed list, not the archive's own frequent words: an
// archive's frequencies change as it grows, and a pair list is only complete
// if every document was analysed with the same words. The list is the stems
// of letters only, stopwords excepted, that stand in at least pairShare of
// the FRUS corpus's documents (TestPairWords makes it, -update writes it).
// Stopwords are left out because pairs with them ("of the", "secretary of")
// would add four times the postings (TestPairWords logs both). The share is
// 3% (1,037 words): at 1M the phrase class's p99 is 14 ms, where 10% (289
// words) left it at 35 and no pairs at 119. It costs the index a fifth more
// postings and the ingest a tenth to a fifth of its rate, and it fits the 4 GB a 1M
// ingest must stay within only under fond's soft memory limit
// (internal/memlimit; docs/decisions.md, "Pair words from 3% of documents").

//go:embed pairwords.txt
var pairWordsText string

// pairShare is the share of documents from which a word is a pair word.
const pairShare = 0.03

// pairMark begins every pair term: no word holds it, and it sorts before
// every word, so the pairs are one run at the head of the dictionary that
// scans of words (prefixes, corrections) start after.
const (
	pairMark = "\x01"
	pairEnd  = "\x02" // the first term past the pairs
)

var (
	pairTerms = map[string]bool{}
	// pairRank[id] is term id's place in the list plus one, 0 for a word
	// not in it: the analyzer asks for every word it reads. Written once,
	// before any analysis.
	pairRank []uint16
	// pairTable[ra*len(pairTerms)+rb] is the number plus one of the pair of
	// the words ranked ra and rb, 0 until one is met: one table for every
	// analyzer, read without a lock, where a map per analyzer held the same
	// numbers several times over.
	pairTable     []atomic.Uint32
	pairTableOnce sync.Once
)

func init() {
	words := strings.Fields(pairWordsText)
	if len(words) >= 1<<16 {
		panic("index: pairwords.txt holds more words than pairRank numbers")
	}
	for i, w := range words {
		pairTerms[w] = true
		id := termID(w)
		if int(id) >= len(pairRank) {
			pairRank = append(pairRank, make([]uint16, int(id)+1-len(pairRank))...)
		}
		pairRank[id] = uint16(i + 1)
	}
}

func isPairID(id uint32) bool { return int(id) < len(pairRank) && pairRank[id] != 0 }

// pairKey is the term of word a followed by word b.
func pairKey(a, b string) string { return pairMark + a + " " + b }

// pairID numbers the pair of pair words a and b.
func pairID(a, b uint32) uint32 {
	pairTableOnce.Do(func() { pairTable = make([]atomic.Uint32, len(pairTerms)*len(pairTerms)) })
	slot := &pairTable[int(pairRank[a]-1)*len(pairTerms)+int(pairRank[b]-1)]
	if v := slot.Load(); v != 0 {
		return v - 1
	}
	id := termID(pairKey(termText(a), termText(b)))
	slot.Store(id + 1)
	return id
}

// usePairs says whether phrases read pair lists; tests turn it off to
// compare with the phrase walked word by word.
var usePairs = true

// pairPhrases counts the phrases answered from pair lists, for tests to see
// that they were.
var pairPhrases atomic.Int64

// pairPhrase matches a phrase of words with pair lists where two pair words
// stand side by side. ok is false when no two do, and the phrase is walked
// word by word.
func (e *evaluator) pairPhrase(toks []token, lists []wordLists, mask uint8, cand docset) (termResult, bool) {
	if !usePairs {
		return termResult{}, false
	}
	var parts []phrasePart
	covered := make([]bool, len(toks))
	for i := 0; i+1 < len(toks); i++ {
		a, b := toks[i].term, toks[i+1].term
		if !pairTerms[a] || !pairTerms[b] {
			continue
		}
		p := e.ix.term(pairKey(a, b))
		if p == nil || p.count() == 0 {
			return termResult{}, true // both indexed as a pair, never side by side
		}
		parts = append(parts, phrasePart{p, uint32(i)})
		covered[i], covered[i+1] = true, true
	}
	if len(parts) == 0 {
		return termResult{}, false
	}
	for i, c := range covered {
		if !c {
			parts = append(parts, phrasePart{lists[i][0], uint32(i)})
		}
	}
	sort.Slice(parts, func(a, b int) bool { return parts[a].off < parts[b].off })
	pairPhrases.Add(1)
	// The score's document frequency stays the rarest word's, as when the
	// words are walked: pair lists change the cost of a phrase, not its rank.
	return e.phraseOfParts(parts, rarest(lists), mask, cand), true
}
