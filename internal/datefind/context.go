package datefind

import (
	"regexp"
	"unicode"
	"unicode/utf8"
)

// Words around a date that qualify it. Each regexp looks at the text just before
// a date (anchored at $) or just after it (anchored at ^); \b is ASCII-only in Go,
// so word starts are checked with [^\p{L}] instead.
var (
	approxBefore = regexp.MustCompile(`(?i)(?:^|[^\p{L}])((?:circa|about|around|approximately|approx\.|ca\.?|c\.|около|примерно|ок\.|vers|etwa|gegen|hacia)\s*)$`)
	thirdBefore  = regexp.MustCompile(`(?i)(?:^|[^\p{L}])((?:(?:the\s+)?(?:middle|end|beginning|start)\s+of|early|mid|late|начале|середине|конце|début|fin|anfang|mitte|ende)[\s-]*)$`)
	seasonBefore = regexp.MustCompile(`(?i)(?:^|[^\p{L}])((spring|summer|autumn|fall|winter|весной|летом|осенью|зимой)(?:\s+of)?\s+)$`)
	// Words after which a bare number is a year: "in 1949", "since 1945", "в 1950".
	yearCue = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:in|of|since|from|until|till|to|by|during|before|after|year|years|circa|early|mid|late|в|с|до|после|к|seit|im|jahr|jahre|en|depuis|année|desde|del|nel|dal)[\s-]+$`)
	// Russian writes "1946 г." or "1946 года" after a year.
	yearWordAfter = regexp.MustCompile(`^\s?(?:года|году|год|гг\.|г\.|г)`)
	timeAfter     = regexp.MustCompile(`(?i)^\s*[-–—,.]?\s*(?:at\s+)?(?:\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.\s?m\.?|[ap]m\b|h\b|hrs\b|o'clock)|\d{1,2}:\d\d(?::\d\d)?|noon|midnight)\.?`)
)

// thirds are the early, middle and late parts of a month (by day) or a year (by
// month), as the brief to this package fixes them.
var thirdWords = map[string]int{
	"early": 0, "beginning of": 0, "start of": 0, "начале": 0, "début": 0, "anfang": 0,
	"mid": 1, "middle of": 1, "середине": 1, "mitte": 1,
	"late": 2, "end of": 2, "конце": 2, "fin": 2, "ende": 2,
}

var seasonWords = map[string]int{
	"spring": 21, "весной": 21, "summer": 22, "летом": 22, "autumn": 23, "fall": 23, "осенью": 23, "winter": 24, "зимой": 24,
}

// isWordRune is a letter or digit of a script that separates words with spaces;
// CJK scripts do not, so a date may touch their characters.
func isWordRune(r rune) bool {
	if r == utf8.RuneError {
		return false
	}
	if unicode.IsDigit(r) {
		return true
	}
	if !unicode.IsLetter(r) {
		return false
	}
	return !unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana)
}

// bounded reports whether text[start:end] stands apart from its neighbours: it does
// not continue a word or number ("11950년", "Xmarch"), and a numeric date is not
// part of a longer dotted or slashed number ("1.08.02.1950").
func bounded(text string, start, end int) bool {
	if start > 0 {
		prev, n := utf8.DecodeLastRuneInString(text[:start])
		first, _ := utf8.DecodeRuneInString(text[start:])
		if isWordRune(prev) && isWordRune(first) {
			return false
		}
		if isDigit(first) && isSep(prev) && start-n > 0 && isDigit(rune(text[start-n-1])) {
			return false
		}
	}
	if end < len(text) {
		next, n := utf8.DecodeRuneInString(text[end:])
		last, _ := utf8.DecodeLastRuneInString(text[:end])
		if isWordRune(next) && isWordRune(last) {
			return false
		}
		if isDigit(last) && isSep(next) && end+n < len(text) && isDigit(rune(text[end+n])) {
			return false
		}
	}
	return true
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }
func isSep(r rune) bool   { return r == '.' || r == ',' || r == '/' || r == ':' }

// lookback is the text just before i, enough for the qualifying words above.
func lookback(text string, i int) string {
	from := max(0, i-40)
	for from < i && !utf8.RuneStart(text[from]) {
		from++
	}
	return text[from:i]
}
