package web

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"

	"fond/internal/index"
)

// A search hit leads to its document with the words searched for (?hl=…);
// the page marks them and the first mark is the target of a "first match"
// link, so a reader lands where the document says what they looked for.

// piece is a run of a segment's text, marked when it is a searched word.
type piece struct {
	Text        string
	Mark, First bool
}

// maxHighlightWords bounds what ?hl= may ask: it is the client's to write.
const maxHighlightWords = 16

// highlightWords takes the plain words of a query: no operators, fields,
// quotes or prefixes' stars, folded as the index folds them.
func highlightWords(q string) []string {
	var out []string
	for _, f := range strings.Fields(q) {
		if i := strings.IndexByte(f, ':'); i >= 0 {
			f = f[i+1:]
		}
		f = strings.Trim(f, `"()*`)
		switch f {
		case "", "AND", "OR", "NOT":
			continue
		}
		if utf8.RuneCountInString(f) < 3 {
			continue
		}
		out = append(out, index.Fold(strings.ToLower(f)))
		if len(out) == maxHighlightWords {
			break
		}
	}
	return out
}

// markWords splits each segment's text into pieces, marking the words that
// begin with a searched word (so "telegram" marks "telegrams"); it reports
// whether anything was marked. The first mark of the page is flagged.
func markWords(paras [][]segment, words []string) bool {
	if len(words) == 0 {
		return false
	}
	first := true
	for pi := range paras {
		for si := range paras[pi] {
			seg := &paras[pi][si]
			seg.Pieces = markText(seg.Text, words, &first)
		}
	}
	return !first
}

func markText(text string, words []string, first *bool) []piece {
	var out []piece
	last := 0
	for i, end := range wordSpans(text) {
		w := index.Fold(strings.ToLower(text[i:end]))
		for _, q := range words {
			if strings.HasPrefix(w, q) {
				if i > last {
					out = append(out, piece{Text: text[last:i]})
				}
				out = append(out, piece{Text: text[i:end], Mark: true, First: *first})
				*first, last = false, end
				break
			}
		}
	}
	if last < len(text) {
		out = append(out, piece{Text: text[last:]})
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// wordSpans yields the start and end (bytes) of each run of letters and
// digits in text: its words, for marking and for search within a page.
func wordSpans(text string) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		for i := 0; i < len(text); {
			r, size := utf8.DecodeRuneInString(text[i:])
			if !isWordRune(r) {
				i += size
				continue
			}
			end := i
			for end < len(text) {
				r, n := utf8.DecodeRuneInString(text[end:])
				if !isWordRune(r) {
					break
				}
				end += n
			}
			if !yield(i, end) {
				return
			}
			i = end
		}
	}
}
