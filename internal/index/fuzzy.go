package index

import (
	"cmp"
	"slices"
	"strings"

	"fond/internal/romanize"
	"fond/internal/search"
)

// Typo tolerance (search.MatchMost): a word no visible document holds is also
// matched in the spellings it holds most that are one edit away (two for long
// words, and for shorter ones that nothing is one edit from) or that are another romanization of it (romanize.Key, within three
// edits), each ranked as a word of its own at half weight, so that exact
// matches rank first. A word the archive holds, however rarely, is taken as
// meant: sources carry their own misspellings ("recuiting"), and a reader who
// copies one wants that document. Short words are exempt: at four letters
// every word is an edit from dozens of others.
const (
	fuzzyMinLen  = 5
	fuzzyLongLen = 8
	fuzzyLongMax = 2 // edits for a long word, or a short one nothing is one edit from
	fuzzyMax     = 8 // spellings added per word
	fuzzyWeight  = 0.5
	// keyMaxDist bounds the spellings compared by romanization key: another
	// transliteration of a name differs by a few letters ("Azbetev",
	// "Azbeteff"; "Miliukoff", "Milyukov"), and romanize.Key costs more than
	// the edit distance that screens for it.
	keyMaxDist = 3
)

// correct returns the near spellings of an absent word, each matched as a
// term of its own with half its weight, for the caller to rank and unite.
func (e *evaluator) correct(word string, mask uint8, cand docset) []termResult {
	toks := words(word, nil)
	if len(toks) != 1 || HasCJK(word) {
		return nil
	}
	term := toks[0].term
	// The caller found nothing for the word among what this search may see;
	// whether the word stands elsewhere (in a draft) is not this search's to say.
	if len([]rune(term)) < fuzzyMinLen || isYear(term) {
		return nil
	}
	maxDist := 1
	if len([]rune(term)) >= fuzzyLongLen {
		maxDist = fuzzyLongMax
	}
	type near struct {
		term string
		p    *plist
	}
	var found, farther []near
	key := romanize.Key(term)
	i := 0
	e.ix.eachTerm("", func(t termRef) bool {
		if i++; i%checkEvery == 0 && e.stopped() {
			return false
		}
		d := t.t
		ld := abs(len(d) - len(term))
		if d == term || ld > keyMaxDist {
			return true
		}
		dist := fuzzyLongMax + 1
		if ld <= fuzzyLongMax {
			dist = editDistance(term, d, fuzzyLongMax)
		}
		switch {
		case dist <= maxDist || e.ix.sameKey(term, d, key):
			if p := t.list(); p != nil && p.count() > 0 {
				found = append(found, near{strings.Clone(d), p})
			}
		case dist <= fuzzyLongMax:
			if p := t.list(); p != nil && p.count() > 0 {
				farther = append(farther, near{strings.Clone(d), p})
			}
		}
		return true
	})
	if e.err != nil {
		return nil
	}
	// The most frequent spellings first, each kept if this search may see a
	// document holding it: one held only in drafts (or outside the query's
	// dates) neither takes a place nor keeps a visible one out.
	pick := func(cands []near) []termResult {
		slices.SortFunc(cands, func(a, b near) int {
			if c := cmp.Compare(b.p.count(), a.p.count()); c != 0 {
				return c
			}
			return cmp.Compare(a.term, b.term)
		})
		var out []termResult
		for _, f := range cands {
			if len(out) == fuzzyMax || e.stopped() {
				break
			}
			x := e.single(f.p, mask, cand)
			if len(x.docs) == 0 {
				continue
			}
			for i := range x.wtf {
				x.wtf[i] *= fuzzyWeight
			}
			x.form = f.term
			out = append(out, x)
		}
		return out
	}
	out := pick(found)
	if len(out) == 0 && e.err == nil {
		// Nothing one edit from a shorter word: two, as a name typed from
		// memory loses two letters as often as one ("Haldea").
		out = pick(farther)
	}
	if e.err != nil {
		return nil
	}
	if len(out) > 0 {
		e.noteCorrection(search.Correction{Word: word, Near: out[0].form})
	}
	return out
}

// sameKey reports whether d, a word within keyMaxDist edits of term and
// starting with the same letter, is another romanization of the same name:
// the -off, -eff and -sky of the period's French and German spellings of
// Russian names, Wade–Giles and Pinyin (romanize.Key says which).
func (ix *Index) sameKey(term, d, key string) bool {
	if key == "" || d[0] != term[0] || editDistance(term, d, keyMaxDist) > keyMaxDist {
		return false
	}
	k, ok := ix.romKeys.Load(d)
	if !ok {
		k = romanize.Key(d)
		ix.romKeys.Store(strings.Clone(d), k) // d may lie in a segment, unmapped later
	}
	return k.(string) == key
}

func (e *evaluator) noteCorrection(c search.Correction) {
	for _, d := range e.corrected {
		if d.Word == c.Word {
			return
		}
	}
	e.corrected = append(e.corrected, c)
}

func appendRunes(buf []rune, s string) []rune {
	for _, r := range s {
		buf = append(buf, r)
	}
	return buf
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// editDistance is the optimal-string-alignment distance between a and b
// (insertions, deletions, substitutions and transpositions of neighbours,
// each one edit), or limit+1 as soon as it must exceed limit.
//
// Words are short: the runes and rows live in arrays on the stack up to 32
// letters, as the dictionary scan calls this for thousands of terms a query.
func editDistance(a, b string, limit int) int {
	var bufA, bufB [32]rune
	ra, rb := appendRunes(bufA[:0], a), appendRunes(bufB[:0], b)
	if abs(len(ra)-len(rb)) > limit {
		return limit + 1
	}
	var rows [3][33]int
	prev2, prev, cur := rows[0][:0], rows[1][:0], rows[2][:0]
	for range len(rb) + 1 {
		prev2, prev, cur = append(prev2, 0), append(prev, 0), append(cur, 0)
	}
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			best = min(best, v)
		}
		if best > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// variantWeight: another form of the name a reader typed counts for less than
// the form typed, so documents in the reader's spelling come first.
const variantWeight = 0.7

// variants matches, for a plain word that the authority file knows as a
// person's or place's form (Peking, Filippov, Chongjin), every other form the
// file lists, each as a word of its own at variantWeight: a reader searching
// "Beijing" finds the telegrams from Peking. Forms in CJK scripts are left to
// the names field (person:, place:), which holds them.
func (e *evaluator) variants(word string, mask uint8, cand docset) []termResult {
	if e.names == nil || len([]rune(word)) < 4 {
		return nil
	}
	m, ok := e.names.Resolve(word)
	if !ok || m.Confidence < 0.9 {
		return nil
	}
	typed := Fold(strings.ToLower(word))
	var out []termResult
	for _, f := range append([]string{m.Authority.Preferred}, m.Authority.Variants...) {
		if HasCJK(f) || Fold(strings.ToLower(f)) == typed {
			continue
		}
		x, ok := e.text(f, false, mask, cand)
		if !ok || len(x.docs) == 0 {
			continue
		}
		for i := range x.wtf {
			x.wtf[i] *= variantWeight
		}
		x.form = f
		out = append(out, x)
		e.noteCorrection(search.Correction{Word: word, Near: f, Variant: true})
	}
	return out
}
