package extract

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"fond/internal/record"
)

// VolumePart is one document of a printed volume: its share of each page it
// stands on, set out again as pages of its own (the page's running head on top,
// the document's lines, the notes at the foot that are its own), so that the
// page reader reads it as it reads a document printed alone. First and Last are
// the pages it spans, counted from 0.
type VolumePart struct {
	Number      string
	Text        string
	First, Last int
}

// SplitPages cuts text made from printed pages into its pages: a new page starts
// at a running head or page number standing as a block of its own (or as the
// first line of one), and at a form feed. Text before the first head is a page.
func SplitPages(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var pages []string
	var cur []string
	prevBlank := true
	for _, l := range strings.Split(strings.ReplaceAll(text, "\f", "\n\f\n"), "\n") {
		t := strings.TrimSpace(l)
		brk := t == "\f" || prevBlank && len(t) > 4 && RunningHead(t)
		if brk {
			if strings.TrimSpace(strings.Join(cur, "")) != "" {
				pages = append(pages, strings.Join(cur, "\n"))
			}
			cur = nil
			if t == "\f" {
				prevBlank = true
				continue
			}
		}
		cur = append(cur, l)
		prevBlank = t == ""
	}
	if strings.TrimSpace(strings.Join(cur, "")) != "" {
		pages = append(pages, strings.Join(cur, "\n"))
	}
	return pages
}

// volumePage is a page taken apart: the running head, the body's lines ("" between
// paragraphs), the notes at its foot (each a block), and where documents start.
type volumePage struct {
	head   []string
	body   []string
	notes  [][]string
	starts []int    // indexes into body where a document's number stands
	nums   []string // the numbers, one per start
}

// inlineNumber is a modern volume's heading, number and title on one line
// ("285. Telegram From the Embassy in Japan to the Department of State¹").
var inlineNumber = regexp.MustCompile(`^(\d{1,5}[A-Z]?)\.\s+(\p{Lu}.*)$`)

// headingOpeners are the words a modern volume's heading starts with: a
// numbered paragraph ("2. The Chinese will …") is told from a numbered heading
// by them, and by standing in a short block.
var headingOpeners = regexp.MustCompile(`^(?:Telegram|Memorandum|Letter|Despatch|Dispatch|Instruction|Editorial Note|Note|Minutes|Paper|Report|Circular|Airgram|Message|Record|Notes|Summary|Draft|Intelligence|National|Special|Briefing|Telephone|Editorial)\b`)

const (
	// openingBlocks: a document's number, heading, and what stands under the
	// heading (a despatch's number, the dateline) before its text starts.
	openingBlocks = 3
	// maxNumberGap: how far one document's number may be above the last one
	// found; a despatch's or telegram's number far above it is not taken,
	// which would lose every document after it.
	maxNumberGap = 100
)

// SplitVolume finds the documents of a printed volume in its pages: each starts
// at its edition number ("285.", "No. 285", or "285. Telegram From …" on one
// line), standing first in its block. Numbers must rise through the volume, so
// a numbered paragraph is not taken for a document. It returns nil when the
// pages hold fewer than two documents: the page reader reads them as one.
func SplitVolume(pages []string) []VolumePart {
	var vp []volumePage
	last := numKey{n: -1}
	found := 0
	blocksSince := 0 // blocks since the last document's number
	for _, p := range pages {
		pg := takeApart(p)
		for i := 0; i < len(pg.body); i++ {
			l := pg.body[i]
			if i > 0 && pg.body[i-1] != "" || l == "" {
				continue // not first in its block
			}
			blocksSince++
			num, ok := DocumentNumber(l)
			var inline []string
			if !ok {
				if m := inlineNumber.FindStringSubmatch(l); m != nil && headingOpeners.MatchString(m[2]) && blockLen(pg.body[i:]) < 400 {
					num, ok, inline = m[1], true, m
				}
			}
			if !ok {
				continue
			}
			k := parseNumKey(num)
			// A despatch's number ("No. 228") stands under the heading, in
			// the first blocks of a document: there only the next number is
			// taken (a short document may end that soon). Elsewhere a
			// number a little above the last is (some documents of the
			// older volumes are printed without one).
			if !k.after(last) || found > 0 && k.n > last.n+maxNumberGap ||
				found > 0 && blocksSince <= openingBlocks && !(k.n == last.n+1 && k.suffix == "") {
				continue
			}
			if inline != nil {
				// Set as the older volumes set it, the number on a line of
				// its own above the heading.
				rest := append([]string{inline[1] + ".", "", inline[2]}, pg.body[i+1:]...)
				pg.body = append(pg.body[:i], rest...)
			}
			last = k
			blocksSince = 0
			pg.starts = append(pg.starts, i)
			pg.nums = append(pg.nums, num)
			found++
		}
		vp = append(vp, pg)
	}
	if found < 2 {
		return nil
	}
	type portion struct {
		page  int
		lines []string
		notes [][]string
	}
	var docs [][]portion
	var nums []string
	var front []portion
	for pi, pg := range vp {
		// The page's portions: the document going on from the page before
		// (if any lines or notes are its), then each that starts here.
		bounds := append([]int{0}, pg.starts...)
		bounds = append(bounds, len(pg.body))
		var here []*portion
		owner := make([]int, 0, len(bounds)-1) // index into docs, -1 for the front matter
		for b := 0; b+1 < len(bounds); b++ {
			lines := trimBlank(pg.body[bounds[b]:bounds[b+1]])
			if b == 0 && len(pg.starts) > 0 && bounds[1] == 0 {
				continue // the page opens with a document
			}
			if b > 0 {
				docs = append(docs, nil)
				nums = append(nums, pg.nums[b-1])
			}
			here = append(here, &portion{page: pi, lines: lines})
			owner = append(owner, len(docs)-1)
		}
		assignNotes(pg, func(i int) []string {
			return here[i].lines
		}, len(here), func(i int, note []string) {
			here[i].notes = append(here[i].notes, note)
		}, len(pg.starts) > 0 && len(here) > len(pg.starts))
		for i, p := range here {
			if len(p.lines) == 0 && len(p.notes) == 0 {
				continue
			}
			if owner[i] < 0 {
				front = append(front, *p)
				continue
			}
			docs[owner[i]] = append(docs[owner[i]], *p)
		}
	}
	write := func(ps []portion) string {
		var b strings.Builder
		for i, p := range ps {
			if i > 0 {
				b.WriteString("\n\n")
			}
			if h := vp[p.page].head; len(h) > 0 {
				b.WriteString(strings.Join(h, "\n") + "\n\n")
			}
			b.WriteString(strings.Join(p.lines, "\n"))
			for _, n := range p.notes {
				b.WriteString("\n\n" + strings.Join(n, "\n"))
			}
		}
		b.WriteByte('\n')
		return b.String()
	}
	var out []VolumePart
	if len(front) > 0 {
		out = append(out, VolumePart{Text: write(front), First: front[0].page, Last: front[len(front)-1].page})
	}
	for i, ps := range docs {
		if len(ps) == 0 {
			continue
		}
		out = append(out, VolumePart{Number: nums[i], Text: write(ps), First: ps[0].page, Last: ps[len(ps)-1].page})
	}
	return out
}

// assignNotes gives each note at a page's foot to the portion of the page it
// belongs to. Notes are numbered afresh in each document, so a mark that does
// not follow the one before begins the next portion's notes; a group whose first
// mark is called in a later portion's lines (a heading's ¹) goes there.
// continuing reports that the first portion goes on from the page before.
func assignNotes(pg volumePage, lines func(int) []string, n int, give func(int, []string), continuing bool) {
	if n == 0 {
		return
	}
	// As many runs of notes as portions: one each, in order, whatever calls
	// them (a call in the text may be lost, or read as a plain digit).
	runs, prev := 0, 0
	for _, note := range pg.notes {
		v := markValue(noteMark(note[0]))
		if v <= prev || prev == 0 {
			runs++
		}
		prev = v
	}
	if runs == n {
		p, prev := -1, 0
		for _, note := range pg.notes {
			v := markValue(noteMark(note[0]))
			if v <= prev || prev == 0 {
				p++
			}
			prev = v
			give(p, note)
		}
		return
	}
	p := 0
	prev = 0
	for _, note := range pg.notes {
		mark := noteMark(note[0])
		v := markValue(mark)
		if v <= prev || prev == 0 {
			// A new group: find the portion that calls its first mark.
			from := p
			if prev > 0 && p+1 < n {
				from = p + 1 // the portion before has its notes
			}
			q := -1
			for i := from; i < n; i++ {
				if calls(lines(i), mark) {
					q = i
					break
				}
			}
			if q < 0 {
				q = from
				// A first note on a page where a document starts, and the
				// document going on does not call it: the new document's.
				if prev == 0 && v == 1 && continuing && n > 1 {
					q = 1
				}
			}
			p = q
		}
		prev = v
		give(p, note)
	}
}

// calls reports whether a mark is set against a word in lines: "Japan¹",
// "telegram1 of", "Johnson)*", "May 28, 1925*".
func calls(lines []string, mark string) bool {
	if mark == "" {
		return false
	}
	// A raised number or stars are a call wherever they stand against
	// something; a plain digit only against a word.
	plain := mark[0] >= '0' && mark[0] <= '9'
	for _, l := range lines {
		if !plain {
			if record.CallsNote(l, mark) {
				return true
			}
			continue
		}
		for i := strings.Index(l, mark); i >= 0; {
			end := i + len(mark)
			before, _ := utf8.DecodeLastRuneInString(l[:i])
			after, _ := utf8.DecodeRuneInString(l[end:])
			markRune, _ := utf8.DecodeRuneInString(mark)
			// Set against a word or its closing punctuation, not a dash or
			// a number ("1934—2 p.m.").
			if i > 0 && (unicode.IsLetter(before) || strings.ContainsRune(").,;:”’\"]", before)) && (end == len(l) || !sameKind(after, markRune)) {
				return true
			}
			j := strings.Index(l[end:], mark)
			if j < 0 {
				break
			}
			i = end + j
		}
	}
	return false
}

func sameKind(a, b rune) bool {
	digit := func(r rune) bool { return r >= '0' && r <= '9' }
	sup := func(r rune) bool { return strings.ContainsRune("⁰¹²³⁴⁵⁶⁷⁸⁹", r) }
	return digit(a) && digit(b) || sup(a) && sup(b) || a == b
}

// noteMark is the mark a note's first line starts with, as printed.
func noteMark(line string) string {
	if m := gluedFile.FindStringSubmatch(line); m != nil {
		return m[1]
	}
	if m := noteStart.FindStringSubmatch(line); m != nil {
		return m[1] + m[2]
	}
	return ""
}

// markValue is a mark's place in its sequence: 1 for "1", "¹", "*" or "†".
func markValue(mark string) int {
	if mark == "" {
		return 0
	}
	if n, err := strconv.Atoi(plainMark(mark)); err == nil {
		return n
	}
	switch mark {
	case "†":
		return 1
	case "‡":
		return 2
	}
	return strings.Count(mark, "*")
}

// takeApart finds a page's running head (first), the notes at its foot (blocks
// at the end whose first line starts with a mark) and the body between.
func takeApart(page string) volumePage {
	var lines []string
	for _, l := range strings.Split(page, "\n") {
		lines = append(lines, strings.TrimSpace(l))
	}
	lines = trimBlank(lines)
	var pg volumePage
	switch {
	case len(lines) > 0 && RunningHead(lines[0]) && (len(lines[0]) > 4 || len(lines) == 1 || lines[1] == ""):
		pg.head, lines = lines[:1], lines[1:]
	case len(lines) > 1 && len(lines[0])+len(lines[1]) < 100 && RunningHead(lines[0]+" "+lines[1]) && (RunningHead(lines[0]) || RunningHead(lines[1])):
		pg.head, lines = lines[:2], lines[2:]
	}
	lines = trimBlank(lines)
	// The foot: blocks from the end while each starts with a mark.
	end := len(lines)
	for end > 0 {
		start := end
		for start > 0 && lines[start-1] != "" {
			start--
		}
		if start == end || start == 0 || !(noteStart.MatchString(lines[start]) || gluedFile.MatchString(lines[start])) {
			break
		}
		var block [][]string
		for _, l := range lines[start:end] {
			if noteMark(l) != "" || len(block) == 0 {
				block = append(block, []string{l})
			} else {
				block[len(block)-1] = append(block[len(block)-1], l)
			}
		}
		pg.notes = append(block, pg.notes...)
		end = start
		for end > 0 && lines[end-1] == "" {
			end--
		}
	}
	pg.body = lines[:end]
	return pg
}

func trimBlank(lines []string) []string {
	for len(lines) > 0 && lines[0] == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

func blockLen(lines []string) int {
	n := 0
	for _, l := range lines {
		if l == "" {
			break
		}
		n += len(l) + 1
	}
	return n
}

// numKey orders edition numbers: 12 < 12A < 13.
type numKey struct {
	n      int
	suffix string
}

func parseNumKey(s string) numKey {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	n, _ := strconv.Atoi(s[:i])
	return numKey{n, s[i:]}
}

func (k numKey) after(o numKey) bool {
	return k.n > o.n || k.n == o.n && k.suffix > o.suffix
}
