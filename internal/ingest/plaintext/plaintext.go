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
	conf := map[string]float64{}
	// Printed pages: running heads and page numbers out, the notes at the foot
	// of each page apart, wherever the page breaks fall.
	page := extract.ReadPrinted(text)
	text = page.Text
	paras := extract.Paragraphs(text)
	if len(paras) == 0 {
		return r
	}
	paras = stamps(&r, paras)
	// An archive's copy names the record in its own citation.
	paras = archiveCopy(&r, paras, conf)
	cited := r.Title != ""
	var notes []footnote
	if page.Paged {
		notes = pageNotes(&r, page.Footnotes)
	} else {
		paras, notes = footnoteBlock(text, paras)
	}
	for i, n := range notes {
		if i == 0 && n.N == "" {
			// An unnumbered first footnote is the source note (the file number
			// editions print under the heading).
			r.Sources = archref.ParseList(n.Text)
			continue
		}
		r.Notes = append(r.Notes, record.Note{Kind: record.NoteFootnote, N: n.N, Text: n.Text})
	}
	if len(r.Sources) > 0 {
		conf["sources"] = 0.9
	}
	// The edition's number for the document stands first, above its heading
	// (extract.DocumentNumber tells it from a numbered heading, "No. 3.").
	if len(paras) > 1 {
		if n, ok := extract.DocumentNumber(paras[0]); ok {
			r.DocNumber = n
			conf["doc_number"] = 0.95
			paras = paras[1:]
		}
	}
	fromDateline := false
	topDated := false // dated by a dateline at the top, not a closing one
	if m, ok := datefind.DocumentDate(strings.Join(firstN(paras, 8), "\n\n")); ok {
		r.Date = extract.DateOf(m)
		conf["date"] = 0.6
	}
	start := 0
	headed := false
	numberHead := ""
	typed := false
	for i, p := range paras {
		if i >= 4 || cited {
			break
		}
		if extract.IsFurniture(p) || telegramBanner.MatchString(p) || typedHeader(p) {
			// A typed header block's lines are read by headerBlock.
			start = i + 1
			typed = typed || typedHeader(p)
			continue
		}
		if c, ok := extract.Classification(p); ok {
			// A marking typed above the text is no heading.
			if r.Classification == "" {
				r.Classification = c
			}
			start = i + 1
			continue
		}
		if src := archref.Parse(p); src.File != "" && src.File == strings.TrimSpace(p) {
			// A file number stamped above a typed copy's text.
			r.Sources = append(r.Sources, src)
			start = i + 1
			continue
		}
		if typed {
			// Under a typed header block the text begins: its SUBJECT, or
			// a telegram's number and post, name the document.
			break
		}
		if _, ok := extract.ParseDate(p); ok {
			continue
		}
		if page.Paged {
			p, _ = extract.StripNoteMark(p, page.Footnotes)
		}
		if despatchAlone.MatchString(p) {
			// A despatch's number where the book prints no heading: a source
			// line. Without the bracket the older volumes also print it as
			// the heading itself ("No. 2."): the title if no other follows.
			r.Sources = append(r.Sources, archref.Parse(p))
			if !strings.HasSuffix(p, "]") && numberHead == "" {
				numberHead = p
			}
			start = i + 1
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
		if len(p) < 160 && extract.LooksLikeHeading(p) || len(p) < 400 && next != "" && (isDateline(next) || sourceLine(next) || extract.UpperShare(p) > 0.6) ||
			len(p) < 250 && next != "" && len(from) > 0 && len(to) > 0 {
			r.Title = strings.TrimLeft(p, "* ")
			if page.Paged {
				r.Title = extract.MendHeading(r.Title)
			}
			start = i + 1
			headed = true
			conf["title"] = 0.9
			if !extract.LooksLikeHeading(p) && len(from) == 0 {
				conf["title"] = 0.7
			}
		}
		break
	}
	// Under the heading: the dateline and the file or despatch numbers, in
	// whichever order the edition sets them.
	for k := 0; k < 4 && start < len(paras); k++ {
		p := paras[start]
		switch {
		case len(p) < 120 && receivedLine.MatchString(p):
			// A telegram's control number and received stamp.
		case r.Place == "" && isDateline(p):
			r.Place = datelinePlace(p)
			if m, ok := datefind.DocumentDate(p); ok {
				r.Date = extract.DateOf(m)
				fromDateline = true
				topDated = true
			}
		case sourceLine(p):
			if src := archref.Parse(p); src.Repository != "" || src.File != "" || despatchNo.MatchString(p) || extract.FileLine(p) {
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
		if extract.IsFurniture(p) || continuation.MatchString(p) {
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
	if page.Paged {
		raiseCalls(body, r.Notes)
	}
	if !fromDateline {
		// A letter may close with its place and date ("Washington, September
		// 7, 1934."), above or below the signature: the first such line, as
		// enclosures that follow close with their own.
		for i := range body {
			if p := body[i]; len(p) < 150 && isDateline(p) {
				// A closing may name the post before the place ("Legation
				// of the United States of America, Petropolis, Brazil,
				// April 2, 1901."): a longer lead is taken when it is all
				// names and the date ends the line.
				if m, ok := datefind.DocumentDate(p); ok && (m.Start < 60 || m.Start < 110 && m.End > len(p)-25 && extract.PlaceLike(p[:m.Start])) {
					r.Date = extract.DateOf(m)
					fromDateline = true
					if r.Place == "" {
						r.Place = datelinePlace(p)
					}
					break
				}
			}
		}
	}
	if fromDateline {
		conf["date"] = 0.95
	}
	if r.Place != "" {
		conf["place"] = 0.85
	}
	r.Body = strings.Join(body, "\n\n")
	switch {
	case r.Title == "" && numberHead != "":
		r.Title = numberHead
		conf["title"] = 0.5
	case r.Title == "" && len(body) > 0:
		r.Title = truncate(body[0], 80)
		conf["title"] = 0.3
	}
	r.Type = extract.InferType(r.Title, extract.FirstOf(body))
	if extract.SecondaryGenre(r.Type) {
		r.Category = record.Secondary
	}
	if headed {
		r.Authors, r.Recipients = extract.HeadingParties(r.Title)
	}
	headerBlock(&r, firstN(paras, 8), conf, topDated)
	r.Languages.Text = extract.Language(r.Body)
	if r.Date.IsZero() {
		delete(conf, "date")
	}
	if len(conf) > 0 {
		r.Confidence = conf
	}
	return r
}

// pageNotes sorts the notes at the feet of printed pages: the first that is an
// archival reference ("Source: Department of State, Central Files, …", "File No.
// …", a decimal file) is the source note, the rest stay footnotes.
func pageNotes(r *record.Record, notes []extract.Footnote) []footnote {
	var out []footnote
	found := false
	for _, n := range notes {
		if !found {
			n.Text = ocrFile.ReplaceAllString(n.Text, "$1.$2")
			n.Text = ocrFileGap.ReplaceAllStringFunc(n.Text, closeFileGap)
			src := archref.Parse(n.Text)
			if src.File != "" || src.Repository != "" || despatchNo.MatchString(n.Text) {
				r.Sources = archref.ParseList(n.Text)
				if len(r.Sources) == 0 {
					r.Sources = []record.Source{src}
				}
				found = true
				continue
			}
		}
		out = append(out, footnote{N: n.Mark, Text: n.Text})
	}
	return out
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
	if typedHeader(p) {
		return false // a telegram's date-time group is read by headerBlock
	}
	m, ok := datefind.DocumentDate(p)
	// What stands before the date is a place or a post, not a sentence that
	// mentions a date ("I certify that … the October 31, 1864, number of …"),
	// nor a received stamp, which is not the day the text was written.
	return ok && m.Start < 120 && !sentence(p[:m.Start]) && !receivedStamp.MatchString(p[:m.Start])
}

// sentence: words in lower case, more than a post or a place has ("Legation of
// France to the United States", "On board the Sémiramis").
func sentence(s string) bool {
	n := 0
	for _, w := range strings.Fields(s) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) && !smallWords[strings.Trim(w, ",.;:")] {
			n++
		}
	}
	return n >= 3
}

var smallWords = map[string]bool{"of": true, "the": true, "to": true, "and": true, "in": true, "at": true, "on": true, "de": true, "du": true, "la": true, "le": true}

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

// ocrFile mends a decimal file number whose point OCR read as a comma or a
// raised dot ("721,23/2303"): the file numbers are all three digits, a point,
// then the rest, before a slash.
var ocrFile = regexp.MustCompile(`\b(\d{3})[,·](\d+[A-Za-z]?(?: [A-Z][\w]*)*/)`)

// ocrFileGap is a decimal file number OCR may have cut with a space ("81
// 1.512341", "851 .00S/2"); closeFileGap closes the gap when the digits
// before the point are three, as the file numbers' are.
var ocrFileGap = regexp.MustCompile(`\b\d[\d ]{1,4}\.\d+[A-Za-z]?(?: [A-Z]\w*)*/`)

func closeFileGap(s string) string {
	head, rest, _ := strings.Cut(s, ".")
	if joined := strings.ReplaceAll(head, " ", ""); joined != head && len(joined) == 3 {
		return joined + "." + rest
	}
	return s
}

var despatchAlone = regexp.MustCompile(`^No\.\s*\d+[a-z]?(?:\.\]?|\])$`)

var despatchNo = regexp.MustCompile(`(?i)^(?:No|Nos)\.\s*\d+`)

// sourceLine recognises a file or despatch number standing alone under the
// dateline: an archival reference, "No. 378.]", or a bracketed source remark.
func sourceLine(p string) bool {
	if len(p) > 150 {
		return false
	}
	if src := archref.Parse(p); src.File != "" || src.Repository != "" || extract.FileLine(p) {
		return true
	}
	return despatchNo.MatchString(p) && len(p) < 40 || strings.HasPrefix(p, "[") && strings.HasSuffix(p, "]") || strings.HasSuffix(p, ".]")
}

// A declassification stamp repeats on every page of a released document
// ("Approved For Release 2005/03/24 : CIA-RDP80R01443R000100220001-7"): it is
// not the document's title or date. It is kept once as a note, and the release's
// document number as the reference the archive finds it by.
var (
	releaseStamp = regexp.MustCompile(`(?i)^(?:declassified in (?:part|full)\s*-\s*)?(?:sanitized copy )?approved for release\b|^declassified\b.{0,60}\b(?:authority|nnd\s*\d|e\.\s?o\.)`)
	releaseID    = regexp.MustCompile(`\bCIA-RDP[0-9A-Z-]+`)
)

func stamps(r *record.Record, paras []string) []string {
	out := paras[:0:0]
	seen := false
	for _, p := range paras {
		if len(p) > 200 || !releaseStamp.MatchString(p) {
			out = append(out, p)
			continue
		}
		if !seen {
			seen = true
			r.Notes = append(r.Notes, record.Note{Kind: record.NoteMarginalia, Text: p})
			if id := releaseID.FindString(p); id != "" {
				r.Sources = append(r.Sources, record.Source{File: id, Reference: id})
			}
		}
	}
	return out
}

// headerLabel is a label of a typed header block: a memorandum's "SUBJECT:",
// a telegram's "FROM:" and "TO:". Plain text may run the block's lines together.
var headerLabel = regexp.MustCompile(`(?:^|\s)(FROM|TO|SUBJECT|SUBJ|MEMORANDUM FOR|NO|DATE|REF)\s*:\s*`)

// headerBlock reads a typed header block: the subject is the document's title,
// better than a letterhead or a marking; FROM names the post it was sent from.
// A telegram's date-time group and post stand over a closing dateline (an
// enclosure's), not over a dateline at the top (dated).
func headerBlock(r *record.Record, paras []string, conf map[string]float64, dated bool) {
	var from, no string
	subject := false
	for _, p := range paras {
		locs := headerLabel.FindAllStringSubmatchIndex(p, -1)
		for i, m := range locs {
			end := len(p)
			if i+1 < len(locs) {
				end = locs[i+1][0]
			}
			label, value := p[m[2]:m[3]], strings.TrimSpace(p[m[1]:end])
			if value == "" || len(value) > 200 {
				continue
			}
			switch label {
			case "SUBJECT", "SUBJ":
				// The subject names the document better than a marking or a
				// letterhead in capitals taken for the heading; a heading
				// of its own ("Memorandum for the Record") stays.
				c, marking := extract.Classification(r.Title)
				if !marking && conf["title"] > 0.5 && extract.UpperShare(r.Title) < 0.8 {
					continue
				}
				if marking && r.Classification == "" {
					r.Classification = c
				}
				r.Title = value
				conf["title"] = 0.85
				subject = true
			case "NO":
				no = telegramNumber.FindString(value)
				// The date-time group is the day it was sent; a date read
				// from a dateline stands.
				if d, ok := telegramDate(value, paras); ok && !dated {
					r.Date = d
					conf["date"] = 0.9
				}
			case "FROM":
				from = strings.Trim(value, " .,")
				if r.Place == "" && len(value) < 100 {
					r.Place = strings.Trim(value, " .,")
					conf["place"] = 0.7
				}
			case "TO", "MEMORANDUM FOR":
				if len(r.Recipients) == 0 {
					r.Recipients = []string{strings.Trim(value, " .,")}
				}
			}
		}
	}
	// A telegram prints no heading: it is known by its number and post, as
	// the editions cite it ("telegram 1234 from Moscow").
	if from != "" && no != "" && !subject && conf["title"] <= 0.5 {
		r.Title = "Telegram " + no + " from " + from
		conf["title"] = 0.8
	}
	if from != "" && no != "" && !dated && len(from) < 100 {
		r.Place = from
		conf["place"] = 0.8
	}
}

var telegramNumber = regexp.MustCompile(`^\d+`)

// typedHeader: a paragraph that opens with a typed header block's label.
func typedHeader(p string) bool {
	loc := headerLabel.FindStringIndex(p)
	return loc != nil && loc[0] == 0
}

// Volume reads the documents of a printed volume (extract.SplitVolume), one
// record each. A record's key is its edition number, so that the same volume
// read again gives each document the id it had; text before the first
// document (a title page, a preface) is a record of its own, "front".
func Volume(parts []extract.VolumePart) []record.Record {
	out := make([]record.Record, 0, len(parts))
	for _, p := range parts {
		r := Extract(p.Text)
		r.Key = "front"
		if p.Number != "" {
			r.Key = "no-" + p.Number
			r.DocNumber = p.Number
		}
		out = append(out, r)
	}
	return out
}

// raiseCalls writes a footnote's call printed as a plain digit ("telegram2 of",
// as OCR and many PDFs give a raised 2) as the raised digit, when a footnote of
// that number exists: the call then ties its paragraph to the note
// (record.NoteParagraph). A digit after a space, a digit or a dash is a
// number, not a call.
func raiseCalls(paras []string, notes []record.Note) {
	for _, n := range notes {
		if n.Kind != record.NoteFootnote || n.N == "" || strings.Trim(n.N, "0123456789") != "" {
			continue
		}
		call := record.NoteCall(n.N)
		for i, p := range paras {
			if strings.Contains(p, call) {
				continue
			}
			var b strings.Builder
			rest := p
			for {
				j := strings.Index(rest, n.N)
				if j < 0 {
					b.WriteString(rest)
					break
				}
				end := j + len(n.N)
				before, _ := utf8.DecodeLastRuneInString(rest[:j])
				if j == 0 && b.Len() > 0 {
					before, _ = utf8.DecodeLastRuneInString(b.String())
				}
				afterDigit := end < len(rest) && rest[end] >= '0' && rest[end] <= '9'
				if (j > 0 || b.Len() > 0) && (unicode.IsLetter(before) || strings.ContainsRune(")”’\"]", before)) && !afterDigit {
					b.WriteString(rest[:j] + call)
				} else {
					b.WriteString(rest[:end])
				}
				rest = rest[end:]
			}
			paras[i] = b.String()
		}
	}
}
