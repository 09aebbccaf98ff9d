package redact

import (
	"regexp"
	"sort"
	"strings"

	"fond/internal/record"
)

// Kinds of marker.
const (
	KindBracket   = "bracket"
	KindExemption = "exemption"
	KindOCR       = "ocr"
)

// maxInner bounds what a bracketed marker may hold before its keyword: FRUS's
// longest ("2 paragraphs (11 lines) of source text") is well under it, and a
// bound keeps a stray "[" from reaching across a page.
var (
	// bracket is an editor's note of withheld text, in square brackets; the
	// keyword may be broken across a line.
	bracket = regexp.MustCompile(`(?i)\[([^\[\]]{0,80}?)\s*\b(not\s+declassified|not\s+released|withheld(?:\s+from\s+release)?|redacted|excised|sanitized|exempted)\b([^\[\]]{0,40})\]`)
	// bare is the same note standing alone on its line without brackets, as
	// some editions print whole pages: "2 pages not declassified".
	bare = regexp.MustCompile(`(?im)^[ \t]*((?:less than |one |a |\d+(?:[.,]\d+)?[½¼¾]? ?)(?:full )?(?:pages?|paragraphs?|lines?)(?: \([^()\n]{1,30}\))?) not declassified\.?[ \t]*$`)
	// exemption is one FOIA or E.O. exemption code: (b)(1), (b) (3), (b)(7)(C),
	// 25X1, 50X1-HUM. A code glued to a number or word ("552(b)(1)") is a
	// statute being cited, not a withheld span; the caller checks what precedes.
	exemption = regexp.MustCompile(`\([bB]\)\s?\((\d)\)(?:\(([A-Fa-f])\))?|\b(25X[1-9]|50X[1-9](?:-(?:HUM|WMD))?)\b`)
	// ocrRun is what OCR reads a blacked-out span as: four or more X's (no
	// Roman numeral has four in a row) or two or more solid blocks, runs of
	// them joined by spaces.
	ocrRun = regexp.MustCompile(`\b[Xx]{4,}(?:[ \t]+[Xx]{4,})*\b|[█■▇▆▉▊▌▓]{2,}(?:[ \t]*[█■▇▆▉▊▌▓]{2,})*`)
)

// typedCode is a code as NormalizeExemption leaves what a reader typed.
var typedCode = regexp.MustCompile(`^(b[1-9][a-f]?|25x[1-9]|50x[1-9](-hum|-wmd)?)$`)

// Find returns the redaction spans text shows, in order of position, each with
// its byte offsets in text. Exemption codes beside a bracketed marker or an
// OCR'd run join that span; codes standing alone mark a span of their own.
func Find(text string) []record.Redaction {
	var out []record.Redaction
	// Each expression runs only where the text holds what it needs: most
	// texts withhold nothing, and finding the brackets is many times cheaper
	// than running the expression over the whole text (BenchmarkFindFRUS).
	for c := 0; ; {
		i := strings.IndexByte(text[c:], ']')
		if i < 0 {
			break
		}
		end := c + i + 1
		from := max(0, end-maxBracket)
		if o := strings.LastIndexByte(text[from:end-1], '['); o >= 0 {
			start := from + o
			if m := bracket.FindStringSubmatchIndex(text[start:end]); m != nil && m[0] == 0 && m[1] == end-start {
				for k := range m {
					m[k] += start
				}
				r := record.Redaction{Start: m[0], End: m[1], Marker: text[m[0]:m[1]], Kind: KindBracket}
				size(&r, text[m[2]:m[3]], text[m[6]:m[7]])
				out = append(out, r)
			}
		}
		c = end
	}
	if containsAny(text, []string{"eclassified", "ECLASSIFIED"}) {
		for _, m := range bare.FindAllStringSubmatchIndex(text, -1) {
			if inside(out, m[2]) {
				continue
			}
			r := record.Redaction{Start: m[2], End: m[1], Marker: strings.TrimSpace(text[m[2]:m[1]]), Kind: KindBracket}
			r.End = r.Start + len(r.Marker)
			size(&r, text[m[2]:m[3]], "")
			out = append(out, r)
		}
	}
	return attachCodes(text, ocrRuns(text, out))
}

// maxBracket is the longest bracketed note bracket can match, in bytes: "["
// and 80 characters, the keyword, 40 more and "]" (4 bytes a character).
const maxBracket = 4 * (1 + 80 + 30 + 40 + 1)

func containsAny(text string, subs []string) bool {
	for _, s := range subs {
		if strings.Contains(text, s) {
			return true
		}
	}
	return false
}

// ocrRuns adds to out the OCR'd blackouts outside its spans, in order.
func ocrRuns(text string, out []record.Redaction) []record.Redaction {
	// The blocks (U+2588–U+25A0) all begin E2 96 in UTF-8.
	if containsAny(text, []string{"XXXX", "xxxx", "\xe2\x96"}) {
		for _, m := range ocrRun.FindAllStringIndex(text, -1) {
			if inside(out, m[0]) {
				continue
			}
			out = append(out, record.Redaction{Start: m[0], End: m[1], Marker: text[m[0]:m[1]], Kind: KindOCR})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

func inside(rs []record.Redaction, at int) bool {
	for _, r := range rs {
		if at >= r.Start && at < r.End {
			return true
		}
	}
	return false
}

// attachCodes finds runs of exemption codes and gives each to the span it
// stands beside (only spaces and list punctuation between), or makes it a span
// of its own: a code printed over a blacked-out passage is all the text shows.
func attachCodes(text string, spans []record.Redaction) []record.Redaction {
	type run struct {
		start, end int
		codes      []string
	}
	var runs []run
	if !containsAny(text, []string{"(b)", "(B)", "25X", "50X"}) {
		return spans
	}
	for _, m := range exemption.FindAllStringSubmatchIndex(text, -1) {
		if inside(spans, m[0]) || gluedBefore(text, m[0]) {
			continue
		}
		code := normalizeCode(text, m)
		if n := len(runs); n > 0 && between(text, runs[n-1].end, m[0]) {
			runs[n-1].end = m[1]
			runs[n-1].codes = appendNew(runs[n-1].codes, code)
			continue
		}
		runs = append(runs, run{start: m[0], end: m[1], codes: []string{code}})
	}
	for _, c := range runs {
		joined := false
		for i := range spans {
			s := &spans[i]
			if between(text, s.End, c.start) || between(text, c.end, s.Start) {
				s.Exemptions = appendNew(s.Exemptions, c.codes...)
				s.Marker = text[min(s.Start, c.start):max(s.End, c.end)]
				s.Start, s.End = min(s.Start, c.start), max(s.End, c.end)
				joined = true
				break
			}
		}
		if !joined {
			spans = append(spans, record.Redaction{Start: c.start, End: c.end, Marker: text[c.start:c.end], Kind: KindExemption, Exemptions: c.codes})
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	return spans
}

// between reports whether text[from:to] is only what separates codes from
// one another or from their span: spaces, a line break, list punctuation.
func between(text string, from, to int) bool {
	if from > to || to-from > 8 {
		return false
	}
	return strings.Trim(text[from:to], " \t\n,;/&") == ""
}

// gluedBefore reports whether the code at i belongs to a citation of a
// statute, not to a withheld span: glued to a word or number ("552(b)(1)"),
// or after a section number or the word for one on the same line ("section
// 213 (b) (8) of the revenue act", as FRUS prints).
func gluedBefore(text string, i int) bool {
	if i == 0 {
		return false
	}
	if c := text[i-1]; isWordByte(c) || c == ')' || c == '\xa7' {
		return true
	}
	j := i
	for j > 0 && (text[j-1] == ' ' || text[j-1] == '\t') {
		j--
	}
	if j == i || j == 0 {
		return false
	}
	if c := text[j-1]; c >= '0' && c <= '9' {
		return true
	}
	k := j
	for k > 0 && isWordByte(text[k-1]) || k > 0 && text[k-1] == '.' {
		k--
	}
	return statuteWords[strings.ToLower(strings.TrimSuffix(text[k:j], "."))]
}

func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// statuteWords name the part of a law a following "(b)(1)" subdivides.
var statuteWords = map[string]bool{"section": true, "sec": true, "subsection": true, "paragraph": true, "par": true,
	"clause": true, "article": true, "art": true, "subparagraph": true, "title": true, "u.s.c": true, "usc": true}

// normalizeCode writes a code as "b1", "b7c", "25x1", "50x1-hum".
func normalizeCode(text string, m []int) string {
	if m[2] >= 0 {
		c := "b" + text[m[2]:m[3]]
		if m[4] >= 0 {
			c += strings.ToLower(text[m[4]:m[5]])
		}
		return c
	}
	return strings.ToLower(text[m[6]:m[7]])
}

// NormalizeExemption is the form Find gives a code a reader typed: "(b)(1)",
// "b1", "B-1" and "b(1)" are all "b1". It returns "" for what is no code.
func NormalizeExemption(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if m := exemption.FindStringSubmatchIndex(strings.ToUpper(s)); m != nil && m[0] == 0 && m[1] == len(s) {
		return normalizeCode(strings.ToUpper(s), m)
	}
	var b strings.Builder
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' && b.Len() > 2 {
			b.WriteRune(r)
		}
	}
	c := b.String()
	switch {
	case typedCode.MatchString(c):
		return c
	}
	return ""
}

func appendNew(list []string, add ...string) []string {
	for _, a := range add {
		found := false
		for _, x := range list {
			if x == a {
				found = true
			}
		}
		if !found {
			list = append(list, a)
		}
	}
	return list
}

// ExemptionCodes are every code Find and NormalizeExemption give, in order:
// FOIA's b1–b9 with their parts (b7c), and E.O. 12958/13526's 25X1–25X9 and
// 50X1–50X9 (-HUM, -WMD). The search page counts its exemption facet by
// looking these up, so the list is small and closed.
func ExemptionCodes() []string {
	var out []string
	for d := '1'; d <= '9'; d++ {
		out = append(out, "b"+string(d))
		for p := 'a'; p <= 'f'; p++ {
			out = append(out, "b"+string(d)+string(p))
		}
	}
	for _, pre := range []string{"25x", "50x"} {
		for d := '1'; d <= '9'; d++ {
			out = append(out, pre+string(d))
			if pre == "50x" {
				out = append(out, pre+string(d)+"-hum", pre+string(d)+"-wmd")
			}
		}
	}
	return out
}
