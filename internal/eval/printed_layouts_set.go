package eval

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fond/internal/archref"
	"fond/internal/ingest/tei"
)

// SetTelegram sets a document as a typed State Department telegram: the
// header block (DEPARTMENT OF STATE, INCOMING or OUTGOING TELEGRAM, the file
// number stamped on it, FROM:, TO:, NO: with the date-time group), the
// classification, the text, the signature in capitals, and on each further
// page the continuation line typists put atop it. Half give the date-time
// group its year; the other half print it without, as most telegrams did,
// and a received stamp a day later carries the year.
//
// A telegram prints no heading. What a reader should make of it is what the
// editions and finding aids call it, "Telegram 1234 from Moscow": the truth
// for the title is that, built from the number and the FROM line. A document
// without a place (no post to send it from) is not set as a telegram.
func SetTelegram(d *tei.Document) (string, PrintedGold, bool) {
	g := d.Gold()
	if g.Place == "" {
		return "", PrintedGold{}, false
	}
	seed := layoutSeed(d, LayoutTelegram)
	no := strconv.Itoa(1 + int(seed%2400))
	hour := []string{"9 a.m.", "noon", "2 p.m.", "6 p.m.", "8 p.m.", "midnight"}[seed/7%6]
	gold := PrintedGold{Title: "Telegram " + no + " from " + g.Place, Place: g.Place}
	head := []string{"DEPARTMENT OF STATE", "INCOMING TELEGRAM"}
	to := "Secretary of State"
	if g.Place == "Washington" {
		head[1] = "OUTGOING TELEGRAM"
		to = "American Embassy"
	}
	blocks := []string{strings.Join(head, "\n")}
	if ref := goldReference(d); ref != "" {
		if f := archref.Parse(ref).File; f != "" {
			blocks = append(blocks, f)
			gold.Reference = ref
		}
	}
	dtg := "NO: " + no
	var received string
	if day := longDate(g.Date); day != "" {
		gold.Date = g.Date
		if seed/3%2 == 0 {
			dtg += ", " + day + ", " + hour
		} else {
			month, _, _ := strings.Cut(day, ",")
			dtg += ", " + month + ", " + hour
			received = "Rec'd " + longDate(nextDay(g.Date)) + ", 9:14 a.m."
		}
	}
	blocks = append(blocks, "FROM: "+g.Place+"\nTO: "+to+"\n"+dtg)
	blocks = append(blocks, classificationOf(d, seed))
	if received != "" {
		blocks = append(blocks, "Control "+strconv.Itoa(1000+int(seed/11%9000))+"\n"+received)
	}
	body := bodyBlocks(d, 69)
	if n := len(body); n > 0 && !strings.Contains(body[n-1], "\n") && len(body[n-1]) < 60 {
		body[n-1] = strings.ToUpper(body[n-1]) // the signature, as typed
	}
	blocks = append(blocks, body...)
	var b strings.Builder
	for i, page := range paginate(blocks, 50) {
		if i > 0 {
			// Typists head a further page with its number and the
			// telegram's date-time group and post.
			fmt.Fprintf(&b, "\n\n-%d- %s, from %s\n\n", i+1, strings.TrimPrefix(dtg, "NO: "), g.Place)
		}
		b.WriteString(strings.Join(page, "\n"))
	}
	return b.String(), gold, true
}

// nextDay is the day after a YYYY-MM-DD day.
func nextDay(day string) string {
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		return day
	}
	return t.AddDate(0, 0, 1).Format("2006-01-02")
}

// SetCIARelease sets a document as a CIA release: the release stamp
// ("Approved For Release 2003/08/21 : CIA-RDP80R01443R000100220001-7", or the
// later "Declassified in Part - Sanitized Copy Approved for Release …") atop
// and at the foot of every page, a declassification line, the
// classification, then the document: a memorandum's MEMORANDUM FOR: and
// SUBJECT: lines or its heading on a line, the dateline, the text, page
// numbers "- 2 -" on further pages. The truth: the heading is the title (as
// the subject line or the heading line), the release's CIA-RDP number is the
// reference the archive finds it by, the dateline gives date and place; the
// release date is no date of the document's.
func SetCIARelease(d *tei.Document) (string, PrintedGold, bool) {
	g := d.Gold()
	seed := layoutSeed(d, LayoutCIA)
	id := fmt.Sprintf("CIA-RDP%02d%c%05dR%06d%04d%02d-%d", 75+seed%20, "RTBMS"[seed/20%5], seed/100%100000,
		seed/7%1000000, seed/13%10000, seed/17%100, seed/19%10)
	released := fmt.Sprintf("%d/%02d/%02d", 1995+seed/23%18, 1+seed/29%12, 1+seed/31%28)
	stamp := "Approved For Release " + released + " : " + id
	if seed/37%3 == 0 {
		stamp = "Declassified in Part - Sanitized Copy " + stamp
	}
	decl := []string{"DECLASSIFIED Authority NND " + strconv.Itoa(900000+int(seed/41%99999)),
		"DECLASSIFIED E.O. 12958, Sec. 3.5", "Declassified by CIA under E.O. 13526, Sec. 3.3(b)(1)"}[seed/43%3]
	gold := PrintedGold{Title: g.Title, Reference: id}
	blocks := []string{decl, classificationOf(d, seed)}
	if g.Title != "" {
		if seed/47%2 == 0 {
			to := "The Director of Central Intelligence"
			if len(d.To) > 0 {
				to = d.To[0]
			}
			blocks = append(blocks, "MEMORANDUM FOR: "+to+"\n\nSUBJECT: "+g.Title)
		} else {
			blocks = append(blocks, strings.Join(wrapLine(g.Title, 69), "\n"))
		}
	}
	if dl := firstDateline(d); dl != "" {
		blocks = append(blocks, dl)
		gold.Date, gold.Place = g.Date, g.Place
	}
	blocks = append(blocks, bodyBlocks(d, 69)...)
	var b strings.Builder
	for i, page := range paginate(blocks, 44) {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(stamp + "\n\n")
		if i > 0 {
			fmt.Fprintf(&b, "- %d -\n\n", i+1)
		}
		b.WriteString(strings.TrimRight(strings.Join(page, "\n"), "\n"))
		b.WriteString("\n\n" + stamp)
	}
	return b.String(), gold, true
}

// SetWilson sets a document as text taken from a Wilson Center Digital
// Archive PDF: atop every page the archive's name and the record's title and
// date, at the foot of every page the archive's citation (title, date,
// archive, the original archive's reference, the record's address, wrapped
// as the PDF sets it), the original archive on a line of its own, and the
// page number. The document's dateline and text follow the header. The truth:
// the heading is the title, the date the record's, the source note the
// reference; a document without a heading (the archive gives every record a
// title) is not set.
func SetWilson(d *tei.Document) (string, PrintedGold, bool) {
	g := d.Gold()
	if g.Title == "" {
		return "", PrintedGold{}, false
	}
	seed := layoutSeed(d, LayoutWilson)
	// The original archive's reference is a file's; a despatch's number
	// ("No. 378.]") names no archive.
	ref := goldReference(d)
	if !isFileReference(ref) {
		ref = ""
	}
	gold := PrintedGold{Title: g.Title, Reference: ref}
	// The archive names the holding archive, not the edition's "Source:".
	ref = strings.TrimPrefix(ref, "Source: ")
	day := longDate(g.Date)
	if day != "" {
		gold.Date = g.Date
	}
	var blocks []string
	if dl := firstDateline(d); dl != "" {
		blocks = append(blocks, dl)
		gold.Place = g.Place
	}
	blocks = append(blocks, bodyBlocks(d, 90)...)
	cite := `"` + g.Title + `,"`
	if day != "" {
		cite += " " + day + ","
	}
	cite += " Wilson Center Digital Archive"
	if ref != "" {
		cite += ", " + strings.TrimRight(ref, ".")
	}
	cite += ". https://digitalarchive.wilsoncenter.org/document/" + strconv.Itoa(100000+int(seed%200000))
	foot := strings.Join(wrapLine("Citation: "+cite, 90), "\n")
	if ref != "" {
		foot += "\nOriginal Archive: " + ref
	}
	pages := paginate(blocks, 46)
	var b strings.Builder
	for i, page := range pages {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString("Wilson Center Digital Archive\n")
		if day != "" {
			b.WriteString(day + "\n")
		}
		b.WriteString(g.Title + "\n\n")
		b.WriteString(strings.TrimRight(strings.Join(page, "\n"), "\n"))
		fmt.Fprintf(&b, "\n\n%s\nPage %d of %d", foot, i+1, len(pages))
	}
	return b.String(), gold, true
}
