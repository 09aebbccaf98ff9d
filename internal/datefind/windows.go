package datefind

import (
	"unicode"
	"unicode/utf8"
)

// Every date form holds a year, so the regexps run only on windows of text around
// things that look like years: a run of four digits, or 年/년 (which follow a year
// written in Chinese numerals or digits). This keeps Find linear in practice and
// fast on long prose, where the month-name alternations are costly to run
// everywhere.
const (
	windowBack    = 110 // bytes before a year: "September 30 through December 25, "
	windowForward = 64  // bytes after: "年十二月三十一日", "–1953", "T10:00:00+05:00"
)

type window struct{ start, end int }

func yearWindows(text string) []window {
	var out []window
	add := func(at, end int) {
		start := snapBack(text, max(0, at-windowBack))
		stop := min(len(text), end+windowForward)
		for stop < len(text) && !utf8.RuneStart(text[stop]) {
			stop++
		}
		if n := len(out); n > 0 && start <= out[n-1].end {
			out[n-1].end = max(out[n-1].end, stop)
			return
		}
		out = append(out, window{start, stop})
	}
	run, runStart := 0, 0
	for i, r := range text {
		if isAnyDigit(r) {
			if run == 0 {
				runStart = i
			}
			run++
			continue
		}
		if run == 4 {
			add(runStart, i)
		}
		run = 0
		if r == '年' || r == '년' {
			add(i, i+utf8.RuneLen(r))
		}
	}
	if run == 4 {
		add(runStart, len(text))
	}
	return out
}

func isAnyDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// snapBack moves a window's start to the start of a word, so that no regexp sees
// half a word ("ember 5, 1949") as the text's edge.
func snapBack(text string, i int) int {
	for i > 0 && !utf8.RuneStart(text[i]) {
		i--
	}
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if unicode.IsSpace(r) {
			break
		}
		i -= n
		if i < 0 {
			return 0
		}
	}
	return i
}
