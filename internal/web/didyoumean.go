package web

import (
	"context"
	"strings"
	"unicode"

	"fond/internal/search"
)

// correctedQuery rewrites q with each word the search also matched in a near
// spelling replaced by that spelling (authority variants are not mistakes and
// stay as typed), or returns "" when nothing would change.
func correctedQuery(q string, cs []search.Correction) string {
	fix := map[string]string{}
	for _, c := range cs {
		if !c.Variant && c.Near != "" && !strings.ContainsFunc(c.Near, unicode.IsSpace) {
			fix[strings.ToLower(c.Word)] = c.Near
		}
	}
	if len(fix) == 0 {
		return ""
	}
	var b strings.Builder
	changed := false
	inWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '-' }
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := q[start:end]
		if near, ok := fix[strings.ToLower(w)]; ok && !strings.EqualFold(near, w) {
			w, changed = near, true
		}
		b.WriteString(w)
		start = -1
	}
	for i, r := range q {
		if inWord(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
		b.WriteRune(r)
	}
	flush(len(q))
	if !changed {
		return ""
	}
	return b.String()
}

// didYouMean is the link to the corrected query when it finds at least as
// many documents as the query as typed (the near spellings already matched
// them; the corrected query ranks them without the guess): one more search,
// and only for a query the index has already corrected.
func (s *Server) didYouMean(ctx context.Context, p searchParams, q search.Query, res search.Result) (text, link string) {
	fixed := correctedQuery(p.Q, res.Corrected)
	if fixed == "" {
		return "", ""
	}
	c := p.clone()
	c.Page, c.Q = 1, fixed
	q2 := c.query()
	q2.Limit, q2.Facets = 1, false
	other, err := s.search(ctx, q2)
	if err != nil || other.Total < res.Total || other.Total == 0 {
		return "", ""
	}
	return fixed, c.url()
}
