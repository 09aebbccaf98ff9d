package web

import (
	"context"
	"net/url"
	"sort"
	"strings"
	"unicode/utf8"

	"fond/internal/i18n"
	"fond/internal/names"
	"fond/internal/record"
)

// segment is a run of a paragraph: plain text, or a name linked to its page.
type segment struct {
	Text, Link, Title string
	// Pieces, when set, is Text with the searched words marked (highlight.go).
	Pieces []piece
}

// linkedParagraphs splits body[lo:hi] (one part of the text, cut at paragraph
// breaks) into paragraphs with the names the authority file knows linked to
// their person or place pages. Suggestions and rejected mentions stay plain
// text: a link asserts who is meant.
func (s *Server) linkedParagraphs(ctx context.Context, p i18n.Printer, rec *record.Record, lo, hi int) [][]segment {
	body := rec.Body[lo:hi]
	type linked struct {
		start, end  int
		link, title string
	}
	var ms []linked
	if f, err := s.store.Authorities(ctx); err == nil {
		var decisions []names.Decision
		if ds, err := s.store.NameDecisions(ctx, rec.ID); err == nil {
			for _, d := range ds {
				// Decisions are placed in the whole text; this part starts at lo.
				if d.Start >= lo && d.End <= hi {
					decisions = append(decisions, names.Decision{Start: d.Start - lo, End: d.End - lo, Authority: d.Authority, Status: d.Status})
				}
			}
		}
		for _, m := range f.Apply(body, f.FindMentions(body), decisions) {
			if m.Status == "rejected" || m.Suggested || m.Confidence < 0.9 {
				continue
			}
			prefix := "/people/"
			if a, _ := f.ByID(m.Authority); a.Kind == "place" {
				prefix = "/places/"
			}
			ms = append(ms, linked{m.Start, m.End, prefix + url.PathEscape(m.Preferred), m.Preferred})
		}
	}
	// A withheld span's marker leads to what each release revealed, and says
	// its size and the exemptions cited.
	for _, red := range rec.Redactions {
		if red.Start >= lo && red.End <= hi {
			title := p.T("redaction.title")
			if e := extentText(p, red); e != "" {
				title = p.T("redaction.size", title, e)
			}
			if len(red.Exemptions) > 0 {
				title = p.T("redaction.exemptions", title, strings.Join(red.Exemptions, ", "))
			}
			ms = append(ms, linked{red.Start - lo, red.End - lo, "/documents/" + url.PathEscape(rec.ID) + "/releases", title})
		}
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].start < ms[j].start })
	var out [][]segment
	pos := 0
	for _, para := range strings.Split(body, "\n\n") {
		start, end := pos, pos+len(para)
		pos = end + 2
		if strings.TrimSpace(para) == "" {
			continue
		}
		var segs []segment
		at := start
		for _, m := range ms {
			if m.start < at || m.end > end {
				continue
			}
			if m.start > at {
				segs = append(segs, segment{Text: body[at:m.start]})
			}
			segs = append(segs, segment{Text: body[m.start:m.end], Link: m.link, Title: m.title})
			at = m.end
		}
		if at < end {
			segs = append(segs, segment{Text: body[at:end]})
		}
		out = append(out, segs)
	}
	return out
}

// textParts cuts a text into parts of about size bytes, at paragraph breaks
// where it can, else at a space, else between characters: a very long document
// is read a part per page, so no single answer grows with the text. It returns
// the parts' start offsets and the text's end.
func textParts(text string, size int) []int {
	cuts := []int{0}
	if size <= 0 {
		return append(cuts, len(text))
	}
	for lo := 0; len(text)-lo > size; {
		window := text[lo : lo+size]
		cut := strings.LastIndex(window, "\n\n")
		if cut <= 0 {
			cut = strings.LastIndexAny(window, " \n\t")
		}
		if cut <= 0 {
			cut = size
			for cut > 0 && !utf8.RuneStart(text[lo+cut]) {
				cut--
			}
			if cut == 0 { // a part smaller than one character: take the character
				_, cut = utf8.DecodeRuneInString(text[lo:])
			}
		}
		lo += cut
		cuts = append(cuts, lo)
	}
	return append(cuts, len(text))
}
