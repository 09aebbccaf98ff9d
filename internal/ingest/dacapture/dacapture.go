// Package dacapture reads document pages in the layout of the Wilson Center's
// Digital Archive, as text captures or as blocks taken from saved HTML: a date line,
// the title, the document's text, a one-line summary, a citation, and a "Document
// Information" block (source, rights, uploaded date, type, record id, donors).
package dacapture

import (
	"regexp"
	"strings"

	"fond/internal/archref"
	"fond/internal/extract"
	"fond/internal/record"
)

// Detect reports whether text blocks look like a Digital Archive document page.
func Detect(blocks []string) bool {
	for _, b := range blocks {
		if strings.EqualFold(b, "document information") || daBanner.MatchString(b) {
			return true
		}
		if citationRe.MatchString(b) && strings.Contains(b, "Digital Archive") {
			return true
		}
	}
	return false
}

// daBanner is the site's name as its pages show it, found in any case without
// lowercasing every block.
var daBanner = regexp.MustCompile(`(?i)digital archive international history declassified`)

// citationRe matches the page's ready-made citation: "Title," Date, Publisher, Ref.
var citationRe = regexp.MustCompile(`^"(.+?)[,.]?"\s*,?\s+(.+)$`)

var (
	donorRe      = regexp.MustCompile(`(?i)^this document was made possible (?:with|by|through) (?:the )?(?:generous )?support (?:from|of) (?:the )?(.+?)\.?$`)
	translatedRe = regexp.MustCompile(`(?i)\b(?:translated|translation)(?: for [^.]*?)? by ([^.;\]]+?)\s*(?:[.;\]]|$)`)
	urlRe        = regexp.MustCompile(`https?://\S+`)
	fromPlaceRe  = regexp.MustCompile(`^From ([\p{Lu}][\p{L}-]+(?: [\p{Lu}][\p{L}-]+)?)[,.]`)
	toLineRe     = regexp.MustCompile(`^To:?\s+((?:Cde\.|Comrade)?\s*[\p{Lu}][\p{L}.' -]{1,60})$`)
	orgRe        = regexp.MustCompile(`\b(Foundation|Fund|Trust|Endowment|Institute|Corporation|Society|Council|Ministry|Program|Programme|University|Center|Centre)\b`)
	idRe         = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,40}$`)
)

// Info labels of the Document Information block as the site prints them.
var infoLabels = map[string]string{
	"source": "source", "original archive": "source", "rights": "rights", "original uploaded date": "uploaded",
	"uploaded": "uploaded", "type": "type", "language": "language", "original language": "language",
	"record id": "record_id", "donors": "donors", "donor": "donors", "funders": "donors",
	"translated by": "translators", "translator": "translators", "original classification": "classification",
	"subjects discussed": "skip", "subjects": "skip", "associated people & organizations": "skip",
	"associated places": "skip", "associated topics": "skip", "theme": "skip", "collection": "skip", "date": "skip",
}

// Page is what the layout yields before it becomes a record.
type Page struct {
	Blocks []string
	// Hints from HTML metadata (citation_* tags), used when the text lacks them.
	Title, Summary, Date, Publisher, URL string
}

// Extract turns a page into a record. It returns the record without id; Key is
// left for the caller.
func Extract(p Page) record.Record {
	blocks := extract.Dedupe(p.Blocks)
	r := record.Record{Category: record.Primary, Format: "digital-archive", Publisher: p.Publisher, URL: record.WebURL(p.URL)}

	infoAt := -1
	citeAt := -1
	for i, b := range blocks {
		if strings.EqualFold(b, "document information") && infoAt < 0 {
			infoAt = i
		}
		if citeAt < 0 && citationRe.MatchString(b) && (strings.Contains(b, "Archive") || strings.Contains(b, "Program")) && len(b) < 1500 {
			citeAt = i
		}
	}
	end := len(blocks)
	if infoAt >= 0 {
		end = infoAt
	}

	var cite citation
	if citeAt >= 0 {
		cite = parseCitation(blocks[citeAt])
		r.Title = cite.title
		if cite.publisher != "" {
			r.Publisher = cite.publisher
		}
		if cite.url != "" {
			r.URL = record.WebURL(cite.url)
		}
		r.Translators = append(r.Translators, cite.translators...)
	}

	// The header: date line, title, donor line, summary and citation, in some order,
	// before the document's own text starts.
	bodyStart := 0
	var dateBlock string
	for i := 0; i < end && i < 12; i++ {
		b := blocks[i]
		switch {
		case extract.IsFurniture(b):
			continue
		case i == citeAt:
			bodyStart = i + 1
			if i > 0 && r.Summary == "" && !extract.IsFurniture(blocks[i-1]) && !extract.LooksLikeHeading(blocks[i-1]) {
				r.Summary = blocks[i-1]
			}
		case dateBlock == "" && r.Title == "" || dateBlock == "" && i < 4:
			if d, ok := extract.ParseDate(b); ok {
				dateBlock = b
				r.Date = d
				bodyStart = i + 1
				continue
			}
			fallthrough
		default:
			if m := donorRe.FindStringSubmatch(b); m != nil {
				r.Donors = append(r.Donors, m[1])
				bodyStart = i + 1
				continue
			}
			if b == r.Title {
				bodyStart = i + 1
				continue
			}
			if r.Title == "" && extract.LooksLikeHeading(b) && !isHeaderLabel(b) {
				r.Title = b
				bodyStart = i + 1
			}
		}
	}
	if r.Title == "" && p.Title != "" {
		r.Title = p.Title
	}

	// The summary sits just before "Document Information" when the page has no
	// citation block above the text.
	if r.Summary == "" && infoAt > bodyStart+1 {
		cand := blocks[infoAt-1]
		if _, isNote := extract.EditorialNote(cand); !isNote && !extract.IsFurniture(cand) {
			r.Summary = cand
			end = infoAt - 1
		}
	}
	if r.Summary == "" {
		r.Summary = p.Summary
	}

	var body []string
	for i := bodyStart; i < end; i++ {
		b := blocks[i]
		if i == citeAt || extract.IsFurniture(b) || b == r.Summary {
			continue
		}
		if n, ok := extract.EditorialNote(b); ok {
			r.Notes = append(r.Notes, n)
			continue
		}
		if extract.IsRights(b) {
			r.Rights = joinPara(r.Rights, b)
			continue
		}
		body = append(body, b)
	}
	r.Body = strings.Join(body, "\n\n")

	if infoAt >= 0 {
		readInfo(&r, blocks[infoAt+1:])
	}
	if len(r.Sources) == 0 && cite.reference != "" {
		r.Sources = archref.ParseList(cite.reference)
	}
	if r.Publisher == "" && strings.Contains(r.Rights, "Digital Archive") && strings.Contains(r.Rights, "History and Public Policy Program") {
		r.Publisher = "History and Public Policy Program Digital Archive"
	}

	finishDate(&r, cite, p)
	finishPeople(&r, body)
	if r.Type == "" {
		r.Type = extract.InferType(r.Title, extract.FirstOf(body))
	}
	if extract.SecondaryGenre(r.Type) {
		r.Category = record.Secondary
	}
	for _, b := range body[:min(len(body), 6)] {
		if c, ok := extract.Classification(b); ok && r.Classification == "" {
			r.Classification = c
		}
		if m := fromPlaceRe.FindStringSubmatch(b); m != nil && r.Place == "" {
			r.Place = m[1]
		}
	}
	r.Languages.Text = extract.Language(r.Body)
	r.Languages.Original = originalLanguage(r)
	r.Translators = extract.MergeNames(r.Translators)
	r.Donors = extract.MergeNames(r.Donors)
	return r
}

func isHeaderLabel(b string) bool {
	if _, ok := extract.Genre(b); ok {
		return true
	}
	if _, ok := extract.Classification(b); ok {
		return true
	}
	return false
}

// readInfo reads the Document Information block, with or without its labels (text
// captures often lose them, so unlabelled blocks are recognised by their content).
func readInfo(r *record.Record, blocks []string) {
	label := ""
	afterRecordID := false
	for _, b := range blocks {
		if extract.IsFurniture(b) {
			continue
		}
		if l, ok := infoLabels[strings.ToLower(strings.TrimSuffix(b, ":"))]; ok {
			label = l
			if l == "donors" || l == "record_id" {
				afterRecordID = true
			}
			continue
		}
		switch {
		case label == "record_id" && idRe.MatchString(b):
			r.RecordID = b
		case label == "uploaded":
			if d, ok := extract.ParseDate(b); ok {
				r.Uploaded = d.EDTF
			} else if g, ok := extract.Genre(b); ok && r.Type == "" {
				r.Type = g // the uploaded date was empty; this is the next field
			}
		case label == "type":
			if g, ok := extract.Genre(b); ok {
				r.Type = g
			} else {
				r.Type = b
			}
		case label == "language":
			r.Languages.Original = b
		case label == "translators":
			r.Translators = append(r.Translators, extract.NameList(b)...)
		case label == "classification":
			r.Classification = b
		case label == "skip":
		case label == "rights" || extract.IsRights(b):
			r.Rights = joinPara(r.Rights, b)
		case label == "donors" || afterRecordID && orgRe.MatchString(b) || containsFold(r.Donors, b):
			if !containsFold(r.Donors, b) {
				r.Donors = append(r.Donors, b)
			}
		default:
			if g, ok := extract.Genre(b); ok {
				if r.Type == "" {
					r.Type = g
				}
				continue
			}
			if label == "source" || len(r.Sources) == 0 && r.Rights == "" {
				addSource(r, b)
			}
		}
	}
}

func addSource(r *record.Record, b string) {
	for _, m := range translatedRe.FindAllStringSubmatch(b, -1) {
		r.Translators = append(r.Translators, extract.NameList(m[1])...)
	}
	ref := strings.TrimSpace(translatedRe.ReplaceAllString(b, ""))
	ref = strings.Trim(ref, "\"“” ")
	if ref != "" {
		r.Sources = append(r.Sources, archref.ParseList(ref)...)
	}
}

type citation struct {
	title, date, publisher, reference, url string
	translators                            []string
}

// parseCitation splits the Digital Archive's citation line. The date is found by
// the date finder, the publisher is the next comma-separated part, the archival
// reference the rest; "Translated by" and a URL may follow.
func parseCitation(line string) citation {
	m := citationRe.FindStringSubmatch(line)
	if m == nil {
		return citation{}
	}
	c := citation{title: strings.TrimSpace(m[1])}
	rest := m[2]
	if u := urlRe.FindString(rest); u != "" {
		c.url = strings.TrimRight(u, ".")
		rest = strings.Replace(rest, u, "", 1)
	}
	for _, t := range translatedRe.FindAllStringSubmatch(rest, -1) {
		c.translators = append(c.translators, extract.NameList(t[1])...)
	}
	rest = translatedRe.ReplaceAllString(rest, "")
	parts := strings.SplitN(rest, ",", 2)
	// A date like "March 05, 1949" has its own comma.
	if len(parts) == 2 {
		if _, ok := extract.ParseDate(parts[0]); !ok {
			if yearParts := strings.SplitN(parts[1], ",", 2); len(yearParts) == 2 {
				if _, ok := extract.ParseDate(parts[0] + "," + yearParts[0]); ok {
					parts = []string{parts[0] + "," + yearParts[0], yearParts[1]}
				}
			}
		}
	}
	if len(parts) == 2 {
		if _, ok := extract.ParseDate(parts[0]); ok {
			c.date = strings.TrimSpace(parts[0])
			rest = parts[1]
		}
	}
	pub := strings.SplitN(rest, ",", 2)
	c.publisher = strings.TrimSpace(pub[0])
	if len(pub) == 2 {
		c.reference = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(pub[1]), "."))
	}
	return c
}

var dateNoteRe = regexp.MustCompile(`(?i)\bdate\b[^.]*\b(not given|not known|unknown|undated|not indicated|not specified|missing|inferred|estimated|approximate|uncertain)\b|\b(may|might|probably|likely) (indeed )?ha(ve|s) taken place\b`)

func finishDate(r *record.Record, cite citation, p Page) {
	if r.Date.IsZero() && cite.date != "" {
		r.Date, _ = extract.ParseDate(cite.date)
	}
	if r.Date.IsZero() && p.Date != "" {
		r.Date, _ = extract.ParseDate(p.Date)
	}
	for _, n := range r.Notes {
		if dateNoteRe.MatchString(n.Text) && !r.Date.IsZero() {
			if r.Date.Qualifier == record.Exact || r.Date.Qualifier == "" {
				r.Date.Qualifier = record.Inferred
			}
			r.Date.Note = n.Text
			break
		}
	}
}

func finishPeople(r *record.Record, body []string) {
	from, to := extract.TitleFromTo(r.Title)
	r.Authors = extract.MergeNames(r.Authors, from)
	r.Recipients = extract.MergeNames(r.Recipients, to)
	for _, b := range body[:min(len(body), 8)] {
		if m := toLineRe.FindStringSubmatch(b); m != nil {
			r.Recipients = extract.MergeNames(r.Recipients, extract.NameList(m[1]))
		}
	}
	kind := r.Type
	if kind == "" {
		kind = extract.InferType(r.Title, extract.FirstOf(body))
	}
	parties := extract.TitleParties(r.Title)
	if strings.Contains(kind, "Conversation") || strings.Contains(kind, "Minutes") || len(parties) > 0 {
		opening := strings.Join(body[:min(len(body), 3)], " ")
		present := extract.PresentLists(opening)
		r.Participants = extract.MergeNames(parties, present, extract.SpeakersKnown(body, present))
	}
}

func originalLanguage(r record.Record) string {
	for _, s := range r.Sources {
		if repo, ok := archref.LookupRepository(s.Abbreviation); ok {
			if l := countryLanguage[repo.Country]; l != "" {
				return l
			}
		}
		if repo, ok := archref.LookupRepository(s.Repository); ok {
			if l := countryLanguage[repo.Country]; l != "" {
				return l
			}
		}
	}
	return r.Languages.Original
}

// countryLanguage maps an archive's country to the language its documents are
// mostly written in: a default for translated records, not a certainty.
var countryLanguage = map[string]string{
	"Russia": "ru", "Russian Federation": "ru", "USSR": "ru", "China": "zh", "North Korea": "ko", "South Korea": "ko",
	"Germany": "de", "Poland": "pl", "Hungary": "hu", "Czech Republic": "cs", "Czechia": "cs", "Romania": "ro",
	"Bulgaria": "bg", "Japan": "ja", "United States": "en", "USA": "en", "United Kingdom": "en", "Mongolia": "mn",
	"Vietnam": "vi", "Albania": "sq", "Serbia": "sr", "Yugoslavia": "sr", "Italy": "it", "France": "fr",
}

func joinPara(a, b string) string {
	if a == "" {
		return b
	}
	return a + "\n\n" + b
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
