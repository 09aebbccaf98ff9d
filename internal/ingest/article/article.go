// Package article reads secondary sources: articles and blog posts with a title and
// an author, and the primary documents an article quotes in full ("Document I: …").
package article

import (
	"regexp"
	"strings"

	"fond/internal/archref"
	"fond/internal/extract"
	"fond/internal/record"
)

var (
	byLineRe     = regexp.MustCompile(`^(?i:by)\s+([\p{Lu}][\p{L}.'’ -]{2,80}?)(?:\s*,.*)?$`)
	imageAuthor  = regexp.MustCompile(`^([\p{Lu}][\p{L}.'’-]+(?: [\p{Lu}][\p{L}.'’-]+){1,3}) (?:image|photo|portrait|headshot)$`)
	endMarkers   = regexp.MustCompile(`(?i)^(about the authors?|related (posts|articles|content)|more from|share this|tags?:|footnotes|notes|comments|leave a comment|read more)$`)
	docHeadingRe = regexp.MustCompile(`^Document\s+(?:No\.\s*|#\s*)?([IVXLC]+|\d+)\s*[:.]\s*(.+)$`)
)

// Detect reports whether blocks look like an article or blog post.
func Detect(blocks []string) bool {
	for i, b := range blocks {
		if i >= 8 {
			break
		}
		if g, ok := extract.Genre(b); ok && extract.SecondaryGenre(g) {
			return true
		}
		if byLineRe.MatchString(b) && i > 0 && extract.LooksLikeHeading(blocks[i-1]) {
			return true
		}
	}
	for _, b := range blocks {
		if strings.EqualFold(b, "About the Author") || strings.EqualFold(b, "About the Authors") {
			return true
		}
	}
	return false
}

// Extract reads a standalone article or blog post. Documents it quotes become
// records of their own, returned after the article and listed in its Contains by Key.
func Extract(blocks []string) []record.Record {
	blocks = extract.Dedupe(blocks)
	r := record.Record{Category: record.Secondary, Format: "article"}
	start := 0
	for i := 0; i < len(blocks) && i < 8; i++ {
		b := blocks[i]
		if extract.IsFurniture(b) {
			start = i + 1
			continue
		}
		if g, ok := extract.Genre(b); ok && r.Type == "" {
			r.Type = g
			start = i + 1
			continue
		}
		if d, ok := extract.ParseDate(b); ok && r.Date.IsZero() && r.Title == "" {
			r.Date = d
			start = i + 1
			continue
		}
		if r.Title == "" && extract.LooksLikeHeading(b) {
			r.Title = b
			start = i + 1
			continue
		}
		if r.Title != "" {
			if m := imageAuthor.FindStringSubmatch(b); m != nil {
				r.Authors = append(r.Authors, m[1])
				start = i + 1
				continue
			}
			if m := byLineRe.FindStringSubmatch(b); m != nil {
				r.Authors = append(r.Authors, extract.NameList(m[1])...)
				start = i + 1
				continue
			}
			if d, ok := extract.ParseDate(b); ok && r.Date.IsZero() {
				r.Date = d
				start = i + 1
				continue
			}
			break
		}
	}
	if r.Type == "" {
		r.Type = "Article"
	}
	rest := blocks[start:]
	end := len(rest)
	for i, b := range rest {
		if endMarkers.MatchString(b) {
			end = i
			if len(r.Authors) == 0 && strings.HasPrefix(strings.ToLower(b), "about the author") {
				for _, n := range rest[i+1:] {
					if m := imageAuthor.FindStringSubmatch(n); m != nil {
						r.Authors = append(r.Authors, m[1])
						break
					}
					if names := extract.NameList(n); len(names) == 1 && names[0] == n {
						r.Authors = append(r.Authors, n)
						break
					}
				}
			}
			break
		}
	}
	return Split(r, rest[:end])
}

// Split fills the article's body from blocks up to its first quoted document and
// makes a primary record of each "Document N: …" section after that.
func Split(r record.Record, blocks []string) []record.Record {
	var body []string
	var docs []record.Record
	var cur *record.Record
	var curBody []string
	flush := func() {
		if cur != nil {
			finishDocument(cur, curBody)
			docs = append(docs, *cur)
		}
	}
	for _, b := range blocks {
		if extract.IsFurniture(b) {
			continue
		}
		if m := docHeadingRe.FindStringSubmatch(b); m != nil && len(b) < 300 {
			flush()
			cur = &record.Record{Category: record.Primary, Format: "quoted-document"}
			readHeading(cur, m[2])
			curBody = nil
			continue
		}
		if cur != nil {
			curBody = append(curBody, b)
		} else {
			body = append(body, b)
		}
	}
	flush()
	r.Body = strings.Join(body, "\n\n")
	r.Languages.Text = extract.Language(r.Body)
	r.Authors = extract.MergeNames(r.Authors)
	out := []record.Record{r}
	for i := range docs {
		docs[i].Key = docKey(i)
		out[0].Contains = append(out[0].Contains, docs[i].Key)
		docs[i].Parent = "0"
	}
	return append(out, docs...)
}

// docKey is a quoted document's position among the article's documents; the
// caller turns positions into ids.
func docKey(i int) string { return "doc" + string(rune('1'+i)) }

// readHeading splits "Stalin's Meeting with Kim Il Sung, Moscow, 5 March 1949" into
// title, place and date.
func readHeading(r *record.Record, h string) {
	h = strings.TrimSpace(h)
	parts := strings.Split(h, ",")
	// Peel a trailing date (which may itself contain a comma) and then a place.
	for n := 1; n <= 2 && n < len(parts); n++ {
		tail := strings.TrimSpace(strings.Join(parts[len(parts)-n:], ","))
		if d, ok := extract.ParseDate(tail); ok {
			r.Date = d
			parts = parts[:len(parts)-n]
			break
		}
	}
	if len(parts) > 1 {
		last := strings.TrimSpace(parts[len(parts)-1])
		if isPlace(last) {
			r.Place = last
			parts = parts[:len(parts)-1]
		}
	}
	r.Title = strings.TrimSpace(strings.Join(parts, ","))
}

func isPlace(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		if w == "and" || w == "with" || !(w[0] >= 'A' && w[0] <= 'Z') {
			return false
		}
	}
	return true
}

var (
	sourceRe     = regexp.MustCompile(`\[Sources?:\s*([^\]]+)\]\s*$`)
	translatorRe = regexp.MustCompile(`(?i);?\s*(?:all\s+)?translations?\s+by\s+([^;\]]+?)\.?\s*$|;?\s*translated\s+by\s+([^;\]]+?)\.?\s*$`)
)

func finishDocument(r *record.Record, body []string) {
	if n := len(body); n > 0 {
		last := body[n-1]
		if m := sourceRe.FindStringSubmatchIndex(last); m != nil {
			src := last[m[2]:m[3]]
			if t := translatorRe.FindStringSubmatch(src); t != nil {
				r.Translators = extract.NameList(t[1] + t[2])
				src = translatorRe.ReplaceAllString(src, "")
			}
			r.Sources = archref.ParseList(strings.TrimSpace(src))
			body[n-1] = strings.TrimSpace(last[:m[0]])
			if body[n-1] == "" {
				body = body[:n-1]
			}
		}
	}
	for _, b := range body {
		if n, ok := extract.EditorialNote(b); ok {
			r.Notes = append(r.Notes, n)
		}
	}
	var kept []string
	for _, b := range body {
		if _, ok := extract.EditorialNote(b); !ok {
			kept = append(kept, b)
		}
	}
	r.Body = strings.Join(kept, "\n\n")
	r.Type = extract.InferType(r.Title, extract.FirstOf(kept))
	parties := extract.TitleParties(r.Title)
	if strings.Contains(r.Type, "Conversation") || len(parties) > 0 {
		opening := extract.FirstOf(kept)
		if len(opening) > 1500 {
			opening = opening[:1500]
		}
		present := extract.PresentLists(opening)
		r.Participants = extract.MergeNames(parties, present, extract.SpeakersKnown(kept, present))
	}
	from, to := extract.TitleFromTo(r.Title)
	r.Authors, r.Recipients = from, to
	r.Languages.Text = extract.Language(r.Body)
}
