package web

import (
	"context"
	"net/url"
	"sort"
	"strings"

	"fond/internal/names"
	"fond/internal/record"
)

// segment is a run of a paragraph: plain text, or a name linked to its page.
type segment struct {
	Text, Link, Title string
}

// linkedParagraphs splits the body into paragraphs with the names the authority
// file knows linked to their person or place pages. Suggestions and rejected
// mentions stay plain text: a link asserts who is meant.
func (s *Server) linkedParagraphs(ctx context.Context, rec *record.Record) [][]segment {
	type linked struct {
		start, end  int
		link, title string
	}
	var ms []linked
	if f, err := s.store.Authorities(ctx); err == nil {
		var decisions []names.Decision
		if ds, err := s.store.NameDecisions(ctx, rec.ID); err == nil {
			for _, d := range ds {
				decisions = append(decisions, names.Decision{Start: d.Start, End: d.End, Authority: d.Authority, Status: d.Status})
			}
		}
		for _, m := range f.Apply(rec.Body, f.FindMentions(rec.Body), decisions) {
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
	sort.Slice(ms, func(i, j int) bool { return ms[i].start < ms[j].start })
	var out [][]segment
	body := rec.Body
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
