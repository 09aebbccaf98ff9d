package eval

import (
	"context"
	"fmt"
	"hash/fnv"
	"path/filepath"
	"strings"
	"time"

	"fond/internal/ingest"
	"fond/internal/ingest/tei"
	"fond/internal/record"
)

// Other publishers' layouts: each FRUS document set as an archive, not an
// edition, would give it out. The edition's document number is not printed on
// any of them (an archive's copy has none), so it is not scored.
const (
	LayoutTelegram = "telegram" // a typed State Department telegram
	LayoutCIA      = "cia"      // a CIA release with its stamp on every page
	LayoutWilson   = "wilson"   // a Wilson Center Digital Archive PDF as text
)

// Layouts are the layouts in the order they are reported.
var Layouts = []string{LayoutTelegram, LayoutCIA, LayoutWilson}

// LayoutOptions chooses what the layouts' evaluation runs.
type LayoutOptions struct {
	Layouts []string
	// Every n-th document of each volume, counted across volumes (0: none).
	Every   int
	Volumes []string
	Samples int
}

// PrintedLayouts sets sampled FRUS documents in other publishers' layouts,
// reads each as a text file through fond's ingest (the text mode's path) and
// scores the fields the layout prints against the TEI markup, dev and
// held-out volumes apart, as Printed does.
func PrintedLayouts(ctx context.Context, dir string, opt LayoutOptions) (*PrintedReport, error) {
	files, err := volumeFiles(dir)
	if err != nil {
		return nil, err
	}
	for _, l := range opt.Layouts {
		if layoutSetters[l] == nil {
			return nil, fmt.Errorf("unknown layout %q (want %s)", l, strings.Join(Layouts, ", "))
		}
	}
	want, rep := newPrintedReport(opt.Volumes)
	type key struct{ layout, split string }
	runs := map[key]*layoutRun{}
	seq := 0
	for _, path := range files {
		volName := strings.TrimSuffix(filepath.Base(path), ".xml")
		if len(want) > 0 && !want[volName] || opt.Every <= 0 {
			continue
		}
		rep.Volumes = append(rep.Volumes, volName)
		split := splitOf(volName)
		docs, err := readVolume(ctx, path)
		if err != nil {
			return nil, err
		}
		for i := range docs {
			seq++
			if (seq-1)%opt.Every != 0 {
				continue
			}
			for _, l := range opt.Layouts {
				text, gold, ok := layoutSetters[l](&docs[i])
				if !ok {
					continue
				}
				name := volName + "#" + docs[i].XMLID
				got, err := readLayout(ctx, name, text)
				if err != nil {
					return nil, fmt.Errorf("%s %s: %w", l, name, err)
				}
				k := key{l, split}
				if runs[k] == nil {
					runs[k] = newLayoutRun(l, split)
				}
				// Held-out failures are not shown, as in Printed.
				var fails map[string][]Failure
				if split == "dev" {
					fails = rep.Failures
				}
				runs[k].add(l+" "+name, gold, got, fails, opt.Samples)
			}
		}
	}
	for _, l := range Layouts {
		for _, split := range []string{"dev", "held-out"} {
			if r := runs[key{l, split}]; r != nil {
				rep.Runs = append(rep.Runs, r.done())
			}
		}
	}
	return rep, ctx.Err()
}

func readLayout(ctx context.Context, name, text string) (record.Record, error) {
	res, err := ingest.Extract(ctx, name+".txt", []byte(text))
	if err != nil || len(res.Records) == 0 {
		return record.Record{}, err
	}
	return res.Records[0], nil
}

// layoutRun counts one layout's fields over one split.
type layoutRun struct {
	run    PrintedRun
	counts map[string]*Score
}

func newLayoutRun(layout, split string) *layoutRun {
	r := &layoutRun{run: PrintedRun{Mode: layout, Split: split}, counts: map[string]*Score{}}
	for _, f := range PrintedFields {
		r.counts[f] = &Score{Field: f}
	}
	return r
}

// add scores one document: a field the gold leaves empty is not printed by
// the layout, and not counted.
func (r *layoutRun) add(name string, g PrintedGold, got record.Record, fails map[string][]Failure, samples int) {
	r.run.Documents++
	ref, refOK := referenceFound(got, g.Reference)
	fields := []struct {
		name, want, have string
		right            bool
	}{
		{"title", g.Title, got.Title, normalize(g.Title) == normalize(got.Title)},
		{"date", g.Date, exactDay(got.Date), g.Date == exactDay(got.Date)},
		{"doc_number", g.DocNumber, got.DocNumber, g.DocNumber == got.DocNumber},
		{"reference", g.Reference, ref, refOK},
		{"place", g.Place, got.Place, normalize(g.Place) == normalize(got.Place)},
	}
	for _, f := range fields {
		if f.want == "" {
			continue
		}
		c := r.counts[f.name]
		c.Checked++
		if f.right {
			c.Correct++
			continue
		}
		k := r.run.Mode + "/" + f.name
		if fails != nil && len(fails[k]) < samples {
			fails[k] = append(fails[k], Failure{f.name, name, f.want, f.have})
		}
	}
}

func (r *layoutRun) done() PrintedRun {
	for _, f := range PrintedFields {
		c := r.counts[f]
		if c.Checked > 0 {
			c.Rate = float64(c.Correct) / float64(c.Checked)
		}
		r.run.Scores = append(r.run.Scores, *c)
	}
	return r.run
}

// A layoutSetter sets a document in its layout as text, with what a reader
// should recover from it; false when the document cannot be so set.
type layoutSetter func(d *tei.Document) (string, PrintedGold, bool)

var layoutSetters = map[string]layoutSetter{
	LayoutTelegram: SetTelegram,
	LayoutCIA:      SetCIARelease,
	LayoutWilson:   SetWilson,
}

// layoutSeed draws a document's layout choices, the same in every run.
func layoutSeed(d *tei.Document, layout string) uint32 {
	h := fnv.New32a()
	if d.Volume != nil {
		h.Write([]byte(d.Volume.ID))
	}
	h.Write([]byte(d.XMLID + "\x00" + layout))
	return h.Sum32()
}

// longDate writes a YYYY-MM-DD day as "January 2, 2006"; "" if it is not one.
func longDate(day string) string {
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		return ""
	}
	return t.Format("January 2, 2006")
}

// bodyBlocks are the document's text below its heading and dateline: the
// paragraphs, closings and enclosures, wrapped as a typist or a PDF sets them.
func bodyBlocks(d *tei.Document, width int) []string {
	var out []string
	for _, b := range d.Blocks() {
		switch b.Kind {
		case "head", "source", "dateline":
			continue
		case "closer":
			out = append(out, strings.TrimSpace(b.Text))
		default:
			out = append(out, strings.Join(wrapLine(b.Text, width), "\n"))
		}
	}
	return out
}

// firstDateline is the dateline as printed under the heading, if any.
func firstDateline(d *tei.Document) string {
	for _, b := range d.Blocks() {
		if b.Kind == "dateline" {
			return strings.TrimSpace(b.Text)
		}
	}
	return ""
}

// classificationOf is the marking the source note closes with ("… Secret.
// Priority."), else one drawn from the seed, as a typed copy carries one.
func classificationOf(d *tei.Document, seed uint32) string {
	for _, c := range []string{"Top Secret", "Secret", "Confidential", "Restricted"} {
		if strings.Contains(d.Source, c+".") {
			return strings.ToUpper(c)
		}
	}
	return []string{"SECRET", "CONFIDENTIAL", "RESTRICTED"}[seed%3]
}

// paginate cuts blocks (joined by blank lines) into pages of about n lines,
// between blocks or, for a long block, between its lines.
func paginate(blocks []string, n int) [][]string {
	var pages [][]string
	var cur []string
	lines := 0
	for _, b := range blocks {
		for _, l := range strings.Split(b, "\n") {
			if lines >= n {
				pages = append(pages, cur)
				cur, lines = nil, 0
			}
			cur = append(cur, l)
			lines++
		}
		cur = append(cur, "")
		lines++
	}
	if len(cur) > 0 || len(pages) == 0 {
		pages = append(pages, cur)
	}
	return pages
}

// Merge adds another printed report's runs and failures (the layouts' to the
// edition's modes), so that one table shows them.
func (r *PrintedReport) Merge(o *PrintedReport) {
	r.Runs = append(r.Runs, o.Runs...)
	for k, v := range o.Failures {
		r.Failures[k] = append(r.Failures[k], v...)
	}
}
