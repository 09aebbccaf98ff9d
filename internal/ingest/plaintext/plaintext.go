// Package plaintext reads any text fond has no better reader for: a title from the
// first heading-like line, a date from a dateline near the top, a genre, a
// classification, editorial notes in brackets, and the rest as paragraphs.
package plaintext

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"fond/internal/archref"
	"fond/internal/datefind"
	"fond/internal/extract"
	"fond/internal/record"
)

// Extract reads text as one document.
func Extract(text string) record.Record {
	r := record.Record{Category: record.Primary, Format: "text"}
	paras := extract.Paragraphs(text)
	if len(paras) == 0 {
		return r
	}
	paras, notes := footnoteBlock(text, paras)
	for i, n := range notes {
		if i == 0 && n.N == "" {
			// An unnumbered first footnote is the source note (the file number
			// editions print under the heading).
			r.Sources = archref.ParseList(n.Text)
			continue
		}
		r.Notes = append(r.Notes, record.Note{Kind: record.NoteFootnote, N: n.N, Text: n.Text})
	}
	if m, ok := datefind.DocumentDate(strings.Join(firstN(paras, 8), "\n\n")); ok {
		r.Date = extract.DateOf(m)
	}
	start := 0
	headed := false
	for i, p := range paras {
		if i >= 4 {
			break
		}
		if extract.IsFurniture(p) {
			start = i + 1
			continue
		}
		if _, ok := extract.ParseDate(p); ok {
			continue
		}
		// A heading: short and not a sentence; or anything short that a dateline
		// or a file number follows (editions end headings with a period); or a
		// short line that names sender and addressee.
		next := ""
		if i+1 < len(paras) {
			next = paras[i+1]
		}
		from, to := extract.HeadingParties(p)
		if len(p) < 160 && extract.LooksLikeHeading(p) || len(p) < 400 && next != "" && (isDateline(next) || sourceLine(next) || upperShare(p) > 0.6) ||
			len(p) < 250 && next != "" && len(from) > 0 && len(to) > 0 {
			r.Title = strings.TrimLeft(p, "* ")
			start = i + 1
			headed = true
		}
		break
	}
	// Under the heading: the dateline and the file or despatch numbers, in
	// whichever order the edition sets them.
	for k := 0; k < 4 && start < len(paras); k++ {
		p := paras[start]
		switch {
		case r.Place == "" && isDateline(p):
			r.Place = datelinePlace(p)
			if m, ok := datefind.DocumentDate(p); ok {
				r.Date = extract.DateOf(m)
			}
		case sourceLine(p):
			if src := archref.Parse(p); src.Repository != "" || src.File != "" || despatchNo.MatchString(p) {
				r.Sources = append(r.Sources, src)
			} else {
				r.Notes = append(r.Notes, record.Note{Kind: record.NoteEditor, Text: strings.Trim(p, "[] ")})
			}
		default:
			k = 4
			continue
		}
		start++
	}
	var body []string
	for _, p := range paras[start:] {
		if extract.IsFurniture(p) {
			continue
		}
		if n, ok := extract.EditorialNote(p); ok {
			r.Notes = append(r.Notes, n)
			continue
		}
		if c, ok := extract.Classification(p); ok && r.Classification == "" {
			r.Classification = c
		}
		body = append(body, p)
	}
	r.Body = strings.Join(body, "\n\n")
	if r.Title == "" && len(body) > 0 {
		r.Title = truncate(body[0], 80)
	}
	r.Type = extract.InferType(r.Title, extract.FirstOf(body))
	if extract.SecondaryGenre(r.Type) {
		r.Category = record.Secondary
	}
	if headed {
		r.Authors, r.Recipients = extract.HeadingParties(r.Title)
	}
	r.Languages.Text = extract.Language(r.Body)
	return r
}

func firstN(s []string, n int) []string {
	return s[:min(n, len(s))]
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndex(s[:n], " ")
	if cut < n/2 {
		// No space to cut at: cut between characters, not inside one.
		cut = n
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return s[:cut] + "…"
}

// isDateline: a short paragraph whose document date is its own (a place and a
// date, perhaps a time and a received stamp).
func isDateline(p string) bool {
	if len(p) > 250 {
		return false
	}
	m, ok := datefind.DocumentDate(p)
	return ok && m.Start < 120
}

var placeTrim = regexp.MustCompile(`^[\s\[(]+|[\s,;:.\])]+$`)

// datelinePlace is what precedes the date in a dateline ("Buenos Aires, April 21,
// 1934—noon." → "Buenos Aires").
func datelinePlace(p string) string {
	m, ok := datefind.DocumentDate(p)
	if !ok {
		return ""
	}
	place := placeTrim.ReplaceAllString(p[:m.Start], "")
	if place == "" || len(place) > 100 {
		return ""
	}
	return place
}

type footnote struct{ N, Text string }

var numbered = regexp.MustCompile(`^(\d{1,3})\s+(\S.*)$`)

// footnoteBlock splits off a final paragraph of footnotes: lines that each begin
// with a note number, the first possibly unnumbered (a source note). A lone
// unnumbered line counts only if it reads as an archival reference.
func footnoteBlock(text string, paras []string) ([]string, []footnote) {
	if len(paras) < 2 {
		return paras, nil
	}
	raw := strings.Split(strings.TrimSpace(strings.ReplaceAll(text, "\r\n", "\n")), "\n\n")
	var lines []string
	for _, l := range strings.Split(raw[len(raw)-1], "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		return paras, nil
	}
	var notes []footnote
	for i, l := range lines {
		if m := numbered.FindStringSubmatch(l); m != nil {
			notes = append(notes, footnote{N: m[1], Text: m[2]})
			continue
		}
		if i > 0 {
			return paras, nil
		}
		notes = append(notes, footnote{Text: l})
	}
	if len(notes) == 1 && notes[0].N == "" {
		src := archref.Parse(notes[0].Text)
		if src.Repository == "" && src.File == "" || len(notes[0].Text) > 200 {
			return paras, nil
		}
	}
	if len(notes) == 1 && notes[0].N != "" && len(paras) < 3 {
		return paras, nil // a numbered paragraph, not a footnote
	}
	return paras[:len(paras)-1], notes
}

var despatchNo = regexp.MustCompile(`(?i)^(?:No|Nos)\.\s*\d+`)

// sourceLine recognises a file or despatch number standing alone under the
// dateline: an archival reference, "No. 378.]", or a bracketed source remark.
func sourceLine(p string) bool {
	if len(p) > 150 {
		return false
	}
	if src := archref.Parse(p); src.File != "" || src.Repository != "" {
		return true
	}
	return despatchNo.MatchString(p) && len(p) < 40 || strings.HasPrefix(p, "[") && strings.HasSuffix(p, "]") || strings.HasSuffix(p, ".]")
}

// upperShare is the share of letters that are capitals: headings set in capitals
// are headings whatever their punctuation.
func upperShare(s string) float64 {
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
