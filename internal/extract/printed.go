package extract

import (
	"fond/internal/datefind"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Footnote is a note printed at the foot of a page, with the mark that calls it
// ("1", "*"; superscript digits are read as plain ones).
type Footnote struct{ Mark, Text string }

// Printed is text made from printed pages with the pages' own furniture taken
// out: running heads and page numbers removed, paragraphs that a page break cut
// joined again, and the notes printed at the foot of each page set apart.
type Printed struct {
	Text      string
	Footnotes []Footnote
	// Paged reports that the text showed page furniture (a running head or a
	// page number); without it the footnotes are not looked for here.
	Paged bool
}

var (
	// "218 FOREIGN RELATIONS, 1934, VOLUME IV", "CHINA 219", "- 12 -", "219".
	headLeft   = regexp.MustCompile(`^(\d{1,4})\s+(\S.{2,90})$`)
	headRight  = regexp.MustCompile(`^(\S.{2,90}?)\s+(\d{1,4})$`)
	pageNumber = regexp.MustCompile(`^[-–—\s]*\d{1,4}[-–—\s]*$`)
	// A footnote begins with its mark: superscript or plain digits, or stars
	// (a long document's fifth note is "*****") and daggers, then the note. "68. Referring to …" (a telegram's number)
	// and "1. The …" (a numbered paragraph) carry a period and are not notes.
	// OCR glues a raised 1 to the file number it calls ("1724.3415/4434"):
	// decimal files are three digits, a point, more, then a slash.
	gluedFile = regexp.MustCompile(`^([1-9])(\d{3}\.\d[^\s/]*(?:\s[A-Z][\w.]*)*/\S.*)$`)
	// OCR reads a raised star as a plus ("+ File No. …", "++ In a despatch"),
	// and on a grainy page as "=" or ">".
	noteStart = regexp.MustCompile(`^(?:([⁰¹²³⁴⁵⁶⁷⁸⁹]+|\*{1,6}|[†‡])\s*|(\+{1,6}|[=>]|\d{1,2})\s+)([^\s.)].*)$`)
)

// RunningHead reports whether a line is a page's running head or page number:
// a page number alone, or beside a line of capitals (OCR may misread a few).
func RunningHead(line string) bool {
	l := strings.TrimSpace(line)
	// Most lines neither start nor end with a page number: let them go
	// before any pattern runs, as every line of every file comes here.
	if l == "" || len(l) > 100 || !edgeDigit(l) {
		return false
	}
	if pageNumber.MatchString(l) {
		return true
	}
	for _, re := range []*regexp.Regexp{headLeft, headRight} {
		if m := re.FindStringSubmatch(l); m != nil {
			words := m[2]
			if re == headRight {
				words = m[1]
			}
			if UpperShare(words) >= 0.85 && letterCount(words) >= 4 {
				return true
			}
		}
	}
	return false
}

func edgeDigit(l string) bool {
	first, last := strings.TrimLeft(l, "-–— "), strings.TrimRight(l, "-–— ")
	return first != "" && first[0] >= '0' && first[0] <= '9' || last != "" && last[len(last)-1] >= '0' && last[len(last)-1] <= '9'
}

// paged reports whether any line of text is a running head or page number,
// without copying the text.
func paged(text string) bool {
	for text != "" {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		if RunningHead(line) {
			return true
		}
	}
	return false
}

// UpperShare is the share of letters that are capitals: headings and running
// heads set in capitals are such whatever their punctuation.
func UpperShare(s string) float64 {
	up, all := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			all++
			if unicode.IsUpper(r) {
				up++
			}
		}
	}
	if all == 0 {
		return 0
	}
	return float64(up) / float64(all)
}

func letterCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// ReadPrinted takes the furniture of printed pages out of text. The foot of a
// page is the run of blocks just above a running head (or the end of the
// text) whose first line starts with a note mark; each such line begins a note,
// and other lines continue the note above.
func ReadPrinted(text string) Printed {
	// OCR with Russian models reads "No." as "№." (Russian prints no point
	// after "№").
	text = strings.ReplaceAll(text, "№.", "No.")
	if !paged(text) {
		return Printed{Text: text}
	}
	norm := strings.ReplaceAll(text, "\r\n", "\n")
	norm = strings.ReplaceAll(norm, "\f", "\n\n")
	var blocks [][]string
	for _, raw := range strings.Split(norm, "\n\n") {
		var lines []string
		for _, l := range strings.Split(raw, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
		if len(lines) > 0 {
			blocks = append(blocks, lines)
		}
	}
	// A page break: a running head standing as its own block, or as the first
	// or last line of one (OCR does not always leave a gap around it).
	type block struct {
		lines []string
		brk   bool // a page break follows this block
	}
	var out []block
	paged := false
	for _, b := range blocks {
		// A PDF's reader may give the page number and the head's words as
		// two lines ("96" / "FOREIGN RELATIONS, 1864").
		if len(b) > 1 && len(b[0])+len(b[1]) < 100 && RunningHead(b[0]+" "+b[1]) && (RunningHead(b[0]) || RunningHead(b[1])) {
			b = b[2:]
			paged = true
			if len(out) > 0 {
				out[len(out)-1].brk = true
			}
		}
		if len(b) > 0 && RunningHead(b[0]) && (len(b) == 1 || len(b[0]) > 4) {
			b = b[1:]
			paged = true
			if len(out) > 0 {
				out[len(out)-1].brk = true
			}
		}
		if n := len(b); n > 1 && RunningHead(b[n-1]) && len(b[n-1]) > 4 {
			b = b[:n-1]
			paged = true
			if len(b) > 0 {
				out = append(out, block{lines: b, brk: true})
			}
			continue
		}
		if len(b) > 0 {
			out = append(out, block{lines: b})
		}
	}
	if !paged {
		return Printed{Text: text}
	}
	if len(out) > 0 {
		out[len(out)-1].brk = true // the foot of the last page
	}
	// Notes: the blocks just above each page break that start with a mark.
	var notes []Footnote
	isNote := make([]bool, len(out))
	for i := range out {
		if !out[i].brk {
			continue
		}
		j := i
		for j > 0 && (noteStart.MatchString(out[j].lines[0]) || gluedFile.MatchString(out[j].lines[0])) {
			isNote[j] = true
			j--
		}
	}
	var paras []string
	joinNext := false
	for i, b := range out {
		if isNote[i] {
			for _, l := range b.lines {
				if m := gluedFile.FindStringSubmatch(l); m != nil {
					notes = append(notes, Footnote{Mark: m[1], Text: m[2]})
				} else if m := noteStart.FindStringSubmatch(l); m != nil {
					notes = append(notes, splitNotes(Footnote{Mark: plainMark(m[1] + m[2]), Text: m[3]})...)
				} else if len(notes) > 0 {
					notes[len(notes)-1].Text += " " + l
				}
			}
			// The text above the notes may go on over the page.
			joinNext = joinNext || b.brk
			continue
		}
		if len(paras) < 3 {
			// OCR leaves no gap between the number, the heading and the
			// dateline of a document's opening; their lines tell them apart.
			if parts := splitOpening(b.lines); len(parts) > 1 {
				for _, part := range parts {
					paras = append(paras, strings.Join(part, "\n"))
				}
				joinNext = b.brk
				continue
			}
		}
		p := strings.Join(b.lines, "\n")
		if joinNext && len(paras) > 0 && continues(paras[len(paras)-1], p) {
			last := paras[len(paras)-1]
			if strings.HasSuffix(last, "-") {
				paras[len(paras)-1] = strings.TrimSuffix(last, "-") + p
			} else {
				paras[len(paras)-1] = last + "\n" + p
			}
		} else {
			paras = append(paras, p)
		}
		joinNext = b.brk
	}
	return Printed{Text: strings.Join(paras, "\n\n"), Footnotes: notes, Paged: true}
}

// splitOpening splits a block of a document's opening lines: a document number
// stands alone, and so does a dateline (a short line that opens with a place and
// a date), the lines before it being the heading, those after it the text.
func splitOpening(lines []string) [][]string {
	var out [][]string
	cur := []string{}
	flush := func() {
		if len(cur) > 0 {
			out = append(out, cur)
			cur = []string{}
		}
	}
	for i, l := range lines {
		if _, ok := DocumentNumber(l); ok && i == 0 {
			out = append(out, []string{l})
			continue
		}
		// A bracketed remark ("[Paraphrase]", OCR's "(Paraphrase]"), a
		// file number ("861b.6363/131") and a despatch's number ("No. 438")
		// are lines of their own.
		if i > 0 && (bracketed(l) || FileLine(l) || despatchLine.MatchString(l)) {
			flush()
			out = append(out, []string{l})
			continue
		}
		// The heading ends where its note's mark stands: what follows is
		// under it, though OCR left no gap.
		if len(out) <= 1 && i+1 < len(lines) && markEnd.MatchString(l) {
			cur = append(cur, l)
			flush()
			continue
		}
		// A heading wrapped before its date ("… Signed at Washington," /
		// "December 23, 1925") goes on; a dateline ends like one.
		goesOn := i > 0 && (strings.HasSuffix(lines[i-1], ",") || leadWords[strings.ToLower(lastWord(lines[i-1]))])
		if len(l) < 120 && (i > 0 || len(out) > 0) && !goesOn && datelineEnd.MatchString(l) {
			if m, ok := datefind.DocumentDate(l); ok && m.Start < 60 && m.Role == "" && m.End > len(l)-25 && PlaceLike(l[:m.Start]) {
				flush()
				out = append(out, []string{l})
				continue
			}
		}
		cur = append(cur, l)
	}
	flush()
	return out
}

// bracketed: a line in the editor's brackets, its first perhaps read by OCR
// as a parenthesis.
func bracketed(l string) bool {
	return (strings.HasPrefix(l, "[") || strings.HasPrefix(l, "(")) && strings.HasSuffix(l, "]")
}

var (
	// despatchLine is a despatch's or telegram's number standing alone
	// ("No. 438", "No. 26.]"; OCR's "No, 438").
	despatchLine = regexp.MustCompile(`^No[.,:]?\s*\d{1,5}[a-z]?[.,]?\]?$`)
	// markEnd is a footnote's mark set against a heading's last word: raised
	// or plain digits, stars, daggers, or what OCR reads them as (a plus, an
	// exclamation mark, a closing quote).
	markEnd = regexp.MustCompile(`[\p{L})\]](?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\d{1,2}|\s?(?:\*{1,3}|\+{1,3}|[!”’'"†‡]))$`)
)

// fileLine is a decimal file number as the State Department's volumes print
// it under a heading: "861b.6363/131", "500.A 15a3/747: Telegram", "710.G
// Commercial Agreement/29", "Paris Peace Conf. 182/4".
var fileLine = regexp.MustCompile(`^(?:Paris Peace Conf\.\s\d{3}[\w.]*|\d{3}[a-z]?\.[\w.]*)(?:\s[\w.]+){0,3}/[\w½¼¾.-]+(?::\s?\w+)?$`)

// FileLine reports whether a line is a file number and nothing else.
func FileLine(l string) bool { return len(l) < 80 && fileLine.MatchString(strings.TrimSpace(l)) }

var datelineEnd = regexp.MustCompile(`(?:\.|\]|\)|[ap]\.\s?m\.?|noon|midnight)$`)

func lastWord(s string) string { return s[strings.LastIndexAny(s, " \n")+1:] }

// PlaceLike: what precedes a dateline's date is a place ("Washington,",
// "Embassy of the United States, Berlin,"), not a sentence.
func PlaceLike(s string) bool {
	for _, w := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) && !placeWords[strings.Trim(w, ",.")] {
			return false
		}
	}
	return true
}

var placeWords = map[string]bool{"of": true, "the": true, "de": true, "du": true, "la": true, "le": true, "and": true, "in": true, "at": true}

// continues reports whether a page's first paragraph goes on with the last one
// of the page before: that one stops mid-sentence and this one starts in lower
// case or with a hyphenated word's rest.
func continues(last, next string) bool {
	last = strings.TrimSpace(last)
	if last == "" || next == "" {
		return false
	}
	if strings.HasSuffix(last, "-") {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(last)
	if strings.ContainsRune(".!?:;”\"’)]", r) {
		return false
	}
	f, _ := utf8.DecodeRuneInString(next)
	if unicode.IsLower(f) || unicode.IsDigit(f) || f == ',' {
		return true
	}
	// "… of the" / "United States …": a sentence does not stop on a word
	// that only leads into the next.
	word := strings.ToLower(last[strings.LastIndexAny(last, " \n")+1:])
	return leadWords[word]
}

var leadWords = map[string]bool{"the": true, "of": true, "and": true, "to": true, "a": true, "an": true,
	"in": true, "for": true, "with": true, "by": true, "on": true, "at": true, "from": true, "that": true,
	"his": true, "her": true, "its": true, "their": true, "our": true, "your": true, "my": true, "or": true}

// splitNotes splits a note into the notes a reader ran together on one line:
// the next note starts where the next mark in sequence does, before a capital.
func splitNotes(f Footnote) []Footnote {
	n, err := strconv.Atoi(f.Mark)
	if err != nil {
		return []Footnote{f}
	}
	out := []Footnote{}
	for {
		next := strconv.Itoa(n + 1)
		re := regexp.MustCompile(`\s` + next + `\s+(\p{Lu}|\[)`)
		loc := re.FindStringIndex(f.Text)
		if loc == nil {
			return append(out, f)
		}
		out = append(out, Footnote{Mark: f.Mark, Text: strings.TrimSpace(f.Text[:loc[0]])})
		f = Footnote{Mark: next, Text: strings.TrimSpace(f.Text[loc[0]+1+len(next):])}
		n++
	}
}

// plainMark reads superscript digits as plain ones, as OCR and pdftotext do,
// and OCR's pluses (and "=", ">") as the stars they were.
func plainMark(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == '+' || r == '=' || r == '>' {
			r = '*'
		}
		if d := strings.IndexRune("⁰¹²³⁴⁵⁶⁷⁸⁹", r); d >= 0 {
			b.WriteRune('0' + rune(utf8.RuneCountInString("⁰¹²³⁴⁵⁶⁷⁸⁹"[:d])))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

var (
	// "No. 3." with its period is how the older volumes number a heading or a
	// despatch, so only "No. 285" and "285." are taken for the edition's number.
	// OCR with Russian models reads "No." as "№", and a bold point after a
	// number as a comma or colon ("54,", "No: 128"): a line that is nothing
	// else is still the number.
	docNumber = regexp.MustCompile(`^(?:(?:No[.,:]|№\.?)\s*(\d{1,5}[A-Z]?)|(\d{1,5}[A-Z]?)[.,:])$`)
)

// DocumentNumber reads a line that is an edition's number for the document
// ("285.", "No. 285"), not a page number (bare digits) nor a despatch's number
// ("No. 378.]").
func DocumentNumber(line string) (string, bool) {
	m := docNumber.FindStringSubmatch(strings.TrimSpace(line))
	if m == nil {
		return "", false
	}
	return m[1] + m[2], true
}

// trailingMark is a footnote mark set against the last word of a heading.
var trailingMark = regexp.MustCompile(`([^\s\d+])\s?([⁰¹²³⁴⁵⁶⁷⁸⁹]+|\d{1,2}|\*{1,3}|\+{1,3}|[†‡])$`)

// StripNoteMark removes a footnote mark from the end of a heading. Plain digits
// are taken for a mark only when a footnote of that number exists: a heading may
// end in a number of its own.
func StripNoteMark(heading string, notes []Footnote) (string, string) {
	m := trailingMark.FindStringSubmatchIndex(heading)
	if m == nil {
		// OCR reads a raised 1 or * as "!", "’" or "”": taken for the mark
		// when the page has notes, or when nothing in the heading opens
		// the quote it would close (OCR may have lost the notes themselves).
		r, size := utf8.DecodeLastRuneInString(heading)
		rest := heading[:len(heading)-size]
		if !strings.ContainsRune("!’”'\"|", r) || rest == "" || strings.HasSuffix(rest, " ") {
			return heading, ""
		}
		if len(notes) > 0 {
			return rest, notes[0].Mark
		}
		if opener := map[rune]string{'’': "‘", '”': "“", '\'': "'", '"': `"`}[r]; opener == "" || !strings.Contains(rest, opener) {
			return rest, ""
		}
		return heading, ""
	}
	mark := heading[m[4]:m[5]]
	plain := plainMark(mark)
	if mark[0] == '+' && len(notes) == 0 {
		return heading, "" // OCR's star, but no note to call
	}
	if plain == mark && mark[0] >= '0' && mark[0] <= '9' {
		found := false
		for _, n := range notes {
			if n.Mark == mark {
				found = true
			}
		}
		if !found {
			return heading, ""
		}
	}
	return strings.TrimSpace(heading[:m[4]]), plain
}

var (
	// OCR's readings of a title's "Mr." ("Mr:", "Mr,"). "Mr Hay" is left:
	// some volumes print it so.
	honorific = regexp.MustCompile(`\b(Mr|Mrs|Messrs|Dr)[,:]\s*(\p{Lu})`)
	openQuote = regexp.MustCompile(`^[‘'“"]\s*`)
)

// MendHeading undoes what OCR does to a printed heading's type: a speck
// before it read as an opening quote that nothing closes, and the point of
// "Mr." read as a comma or colon.
func MendHeading(h string) string {
	if loc := openQuote.FindStringIndex(h); loc != nil && !strings.ContainsAny(h[loc[1]:], "’”\"'") {
		h = h[loc[1]:]
	}
	return honorific.ReplaceAllString(h, "$1. $2")
}
