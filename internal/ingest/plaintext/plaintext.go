// Package plaintext reads any text fond has no better reader for: a title from the
// first heading-like line, a date from a dateline near the top, a genre, a
// classification, editorial notes in brackets, and the rest as paragraphs.
package plaintext

import (
	"strings"

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
	if m, ok := datefind.DocumentDate(strings.Join(firstN(paras, 8), "\n\n")); ok {
		r.Date = extract.DateOf(m)
	}
	start := 0
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
		if extract.LooksLikeHeading(p) && len(p) < 160 {
			r.Title = p
			start = i + 1
		}
		break
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
	r.Authors, r.Recipients = extract.TitleFromTo(r.Title)
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
		cut = n
	}
	return s[:cut] + "…"
}
