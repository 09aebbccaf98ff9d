package eval

import (
	"context"

	"fond/internal/ingest"
	"fond/internal/ingest/tei"
	"fond/internal/record"
)

// Whole-volume modes: every document of a volume set one after another on
// shared pages, as a volume is printed, read as one file (text, or typeset as
// one PDF), which ingest must split into one record per document.
const (
	ModeVolumeText = "volume-text"
	ModeVolumePDF  = "volume-pdf"
)

// PrintedVolume is a volume set on pages, and what each document should give.
type PrintedVolume struct {
	Page  *PrintedPage // all the volume's pages; its Gold is unused
	Golds []PrintedGold
}

// minLinesLeft: a document starts on a new page when fewer lines than this are
// left on the current one, as printers keep a heading with its first lines.
const minLinesLeft = 8

// LayOutVolume sets a volume's documents one after another: each starts under
// the last, a blank line between, on a new page only when the page is nearly
// full. A document's source note stands at the foot of the page its heading is
// on, its other notes at the foot of the page where it ends.
func LayOutVolume(docs []tei.Document) *PrintedVolume {
	v := &PrintedVolume{Page: &PrintedPage{}}
	if len(docs) == 0 {
		return v
	}
	first := setDocument(&docs[0]).firstPage
	vol := docs[0].Volume
	cur := Page{Head: runningHead(vol, first), CenterAt: map[int]bool{}}
	flush := func() {
		v.Page.Pages = append(v.Page.Pages, cur)
		cur = Page{Head: runningHead(vol, first+len(v.Page.Pages)), CenterAt: map[int]bool{}}
	}
	for i := range docs {
		s := setDocument(&docs[i])
		v.Golds = append(v.Golds, s.gold)
		if len(cur.Lines) > 0 && pageLines-len(cur.Lines) < minLinesLeft {
			flush()
		}
		if len(cur.Lines) > 0 {
			cur.Lines = append(cur.Lines, "")
		}
		placedFeet := false
		for j, l := range s.lines {
			if len(cur.Lines) >= pageLines {
				flush()
			}
			if len(cur.Lines) == 0 && l == "" {
				continue
			}
			if j < s.centered {
				cur.CenterAt[len(cur.Lines)] = true
			}
			cur.Lines = append(cur.Lines, l)
			if !placedFeet && j >= s.centered-1 {
				// The heading is set: its note at this page's foot.
				cur.Feet = append(cur.Feet, s.feet...)
				placedFeet = true
			}
		}
		if !placedFeet {
			cur.Feet = append(cur.Feet, s.feet...)
		}
		cur.Feet = append(cur.Feet, s.lastFeet...)
	}
	if len(cur.Lines) > 0 || len(cur.Feet) > 0 {
		flush()
	}
	return v
}

// volumeScores reads a whole volume in one mode and scores it: every document
// printed with a number is looked for among the records by that number; one not
// found is wrong in every field.
func volumeScores(ctx context.Context, mode, volName string, v *PrintedVolume) (records int, got map[string]record.Record, err error) {
	var data []byte
	name := volName + ".txt"
	switch mode {
	case ModeVolumeText:
		data = []byte(v.Page.Text())
	case ModeVolumePDF:
		if data, err = v.Page.PDF(ctx); err != nil {
			return 0, nil, err
		}
		name = volName + ".pdf"
	}
	res, err := ingest.Extract(ctx, name, data)
	if err != nil {
		return 0, nil, err
	}
	got = map[string]record.Record{}
	for _, r := range res.Records {
		if r.DocNumber != "" {
			if _, dup := got[r.DocNumber]; !dup {
				got[r.DocNumber] = r
			}
		}
	}
	return len(res.Records), got, nil
}
