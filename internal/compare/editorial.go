package compare

import (
	"strings"
	"unicode"
)

// An editor's words stand in square brackets. Inside a sentence they are
// apparatus ("irrigation structures [at] Anju", "Dalny [Dairen]"): shown, not
// counted as a difference. A sentence wholly in brackets ("[Translation.]",
// "[Here follows the text of the treaty.]", a bracketed headnote running over
// several sentences) is the editor's note: it is aligned with a sentence of
// the other edition only when the two say the same thing (the headnote one
// edition brackets and the other prints as text), never joined to a
// neighbour in a 2:1 step, and otherwise stands in a row of its own. Joined
// to the sentence beside it, as before, it made that sentence's row a change
// from start to end.

// loneMatch is the similarity an editorial sentence or a footnote needs to
// share a row with one of the other edition: minAnchorSim, the level at
// which two sentences are taken to say the same thing.
const loneMatch = minAnchorSim

// sentence is one sentence of a text as the comparison reads it.
type sentence struct {
	text string
	// whole says the sentence lies wholly inside square brackets: carried
	// in from an earlier sentence of its paragraph, or opened at its start
	// and not closed before its last letter.
	whole bool
	// depth is the bracket depth the sentence starts at.
	depth int
}

// readSentences splits text into its sentences, marking those wholly in
// brackets.
func readSentences(text string) []sentence {
	var out []sentence
	for _, para := range Paragraphs(text) {
		depth := 0
		for _, s := range para {
			whole, end := bracketed(s, depth)
			out = append(out, sentence{text: s, whole: whole, depth: depth})
			depth = end
		}
	}
	return out
}

// bracketed walks s from bracket depth d and says whether every letter and
// digit of it is inside brackets that were open at its start or opened by its
// first character, and the depth at its end.
func bracketed(s string, d int) (whole bool, end int) {
	whole = d > 0 || strings.HasPrefix(s, "[")
	letters := false
	end = walkBrackets(s, d, func(depth int) {
		letters = true
		if depth == 0 {
			whole = false
		}
	})
	return whole && letters, end
}

// apparatusWord says whether every letter and digit of f lies inside brackets
// deeper than base, starting from depth d, and returns the depth after f.
// "[T]he" is a word (the editor supplied a capital), "[at]" is apparatus.
func apparatusWord(f string, d, base int) (bool, int) {
	inside, seen := true, false
	end := walkBrackets(f, d, func(depth int) {
		seen = true
		if depth <= base {
			inside = false
		}
	})
	// Brackets alone ("[", "]") are the edges of an insertion.
	if !seen {
		inside = d > base || strings.ContainsAny(f, "[]")
	}
	return inside, end
}

// walkBrackets follows the bracket depth through s from d, calling letter
// with the depth at each letter or digit, and returns the depth at the end.
func walkBrackets(s string, d int, letter func(depth int)) int {
	for _, r := range s {
		switch {
		case r == '[':
			d++
		case r == ']':
			d = max(d-1, 0)
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			letter(d)
		}
	}
	return d
}
