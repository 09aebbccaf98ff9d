// Package eval measures extraction against ground truth. FRUS renders every TEI
// document of the FRUS volumes as a printed page reads, runs the plain-text
// extractor on that text (through ingest's ordinary format detection), and
// compares each field with the TEI markup.
package eval

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"fond/internal/archref"
	"fond/internal/ingest"
	"fond/internal/ingest/tei"
	"fond/internal/record"
)

// Fields reported, in order.
var Fields = []string{"date", "title", "place", "authors", "recipients", "reference"}

// Failure is one wrong field, for reading.
type Failure struct {
	Field, Doc, Want, Got string
}

// Score counts one field.
type Score struct {
	Field   string  `json:"field"`
	Checked int     `json:"checked"`
	Correct int     `json:"correct"`
	Rate    float64 `json:"accuracy"`
}

// Report is the whole evaluation.
type Report struct {
	Volumes   int     `json:"volumes"`
	Documents int     `json:"documents"`
	Scores    []Score `json:"scores"`
	// ByVolume shows that the rules hold across 70 years of printing conventions:
	// no volume is far below the others.
	ByVolume map[string][]Score   `json:"by_volume"`
	Failures map[string][]Failure `json:"-"`
}

// FRUS evaluates every volume (*.xml) in dir.
func FRUS(ctx context.Context, dir string, samples int) (*Report, error) {
	files, err := volumeFiles(dir)
	if err != nil {
		return nil, err
	}
	rep := &Report{Volumes: len(files), Failures: map[string][]Failure{}, ByVolume: map[string][]Score{}}
	counts := map[string]*Score{}
	for _, f := range Fields {
		counts[f] = &Score{Field: f}
	}
	for _, path := range files {
		docs, err := readVolume(ctx, path)
		if err != nil {
			return nil, err
		}
		vol := map[string]*Score{}
		for _, f := range Fields {
			vol[f] = &Score{Field: f}
		}
		for i := range docs {
			d := &docs[i]
			rep.Documents++
			gold := d.Gold()
			name := filepath.Base(path) + "#" + d.XMLID
			res, err := ingest.Extract(ctx, name+".txt", []byte(d.PlainText()))
			if err != nil || len(res.Records) == 0 {
				for _, f := range Fields {
					counts[f].Checked++
				}
				continue
			}
			got := res.Records[0]
			check := func(field, want, have string, applies bool) {
				if !applies {
					return
				}
				c, v := counts[field], vol[field]
				c.Checked++
				v.Checked++
				if normalize(want) == normalize(have) {
					c.Correct++
					v.Correct++
				} else if len(rep.Failures[field]) < samples {
					rep.Failures[field] = append(rep.Failures[field], Failure{field, name, want, have})
				}
			}
			check("date", gold.Date, exactDay(got.Date), gold.Date != "")
			check("title", gold.Title, got.Title, gold.Title != "")
			check("place", gold.Place, got.Place, gold.Place != "")
			check("authors", names(gold.Authors), names(got.Authors), len(gold.Authors) > 0 || len(got.Authors) > 0)
			check("recipients", names(gold.Recipients), names(got.Recipients), len(gold.Recipients) > 0 || len(got.Recipients) > 0)
			ref := goldReference(d)
			check("reference", ref, matchingReference(got, ref), ref != "")
		}
		for _, f := range Fields {
			v := vol[f]
			if v.Checked > 0 {
				v.Rate = float64(v.Correct) / float64(v.Checked)
			}
			rep.ByVolume[filepath.Base(path)] = append(rep.ByVolume[filepath.Base(path)], *v)
		}
	}
	for _, f := range Fields {
		c := counts[f]
		if c.Checked > 0 {
			c.Rate = float64(c.Correct) / float64(c.Checked)
		}
		rep.Scores = append(rep.Scores, *c)
	}
	return rep, nil
}

// volumeFiles are the TEI volumes in dir, in name order.
func volumeFiles(dir string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.xml"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no TEI volumes (*.xml) in %s", dir)
	}
	sort.Strings(files)
	return files, nil
}

func readVolume(ctx context.Context, path string) ([]tei.Document, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	_, docs, err := tei.Read(ctx, fh, filepath.Base(path))
	return docs, err
}

func exactDay(d record.Date) string {
	if d.Earliest != "" && d.Earliest == d.Latest {
		return d.Earliest
	}
	return d.EDTF
}

var despatch = regexp.MustCompile(`(?i)^(?:No|Nos)\.\s*\d+`)

// isReference: source notes are also used for captions ("A.", "THE ALABAMA.") and
// translation remarks; only file and despatch numbers are archival references.
func isReference(s string) bool {
	if s == "" {
		return false
	}
	src := archref.Parse(s)
	return src.File != "" || src.Repository != "" || despatch.MatchString(s)
}

// goldReference is the document's first source note that is an archival
// reference; editions join several notes ("[Telegram]", "File No. …").
func goldReference(d *tei.Document) string {
	for _, n := range d.SourceNotes {
		if isReference(n) {
			return n
		}
	}
	return ""
}

// matchingReference returns the extracted reference equal to want, else the
// first one, so a document with several sources is right if it found the one.
func matchingReference(r record.Record, want string) string {
	for _, s := range r.Sources {
		if normalize(s.Reference) == normalize(want) {
			return s.Reference
		}
	}
	if len(r.Sources) == 0 {
		return ""
	}
	return r.Sources[0].Reference
}

var honorific = regexp.MustCompile(`(?i)^(mr|mrs|messrs|m|mm|sir|señor|senor|don|dr|baron|count|general|gen|admiral|hon|president|the)\.?\s+`)

// names compares people as sets, ignoring order and honorifics: the markup writes
// "Mr. Dayton" in one volume and "Osborn" in another.
func names(list []string) string {
	var out []string
	for _, n := range list {
		n = strings.TrimSpace(n)
		for {
			m := honorific.ReplaceAllString(n, "")
			if m == n {
				break
			}
			n = m
		}
		out = append(out, normalize(n))
	}
	sort.Strings(out)
	return strings.Join(out, "|")
}

// normalize folds case, whitespace and edge punctuation.
func normalize(s string) string {
	s = strings.Join(strings.Fields(strings.ToLower(s)), " ")
	return strings.Trim(s, " .,;:[]()")
}

// Print writes the report as a table with sample failures.
func (r *Report) Print(w *strings.Builder) {
	fmt.Fprintf(w, "FRUS evaluation: %d volumes, %d documents\n\n", r.Volumes, r.Documents)
	fmt.Fprintf(w, "%-11s %8s %8s %9s\n", "field", "checked", "correct", "accuracy")
	for _, s := range r.Scores {
		fmt.Fprintf(w, "%-11s %8d %8d %8.1f%%\n", s.Field, s.Checked, s.Correct, 100*s.Rate)
	}
	fmt.Fprintf(w, "\nby volume (accuracy %%; - where nothing to check):\n%-24s", "volume")
	for _, f := range Fields {
		fmt.Fprintf(w, " %10s", f)
	}
	vols := make([]string, 0, len(r.ByVolume))
	for v := range r.ByVolume {
		vols = append(vols, v)
	}
	sort.Strings(vols)
	for _, v := range vols {
		fmt.Fprintf(w, "\n%-24s", v)
		for _, s := range r.ByVolume[v] {
			if s.Checked == 0 {
				fmt.Fprintf(w, " %10s", "-")
			} else {
				fmt.Fprintf(w, " %9.1f%%", 100*s.Rate)
			}
		}
	}
	fmt.Fprintln(w)
	for _, f := range Fields {
		if len(r.Failures[f]) == 0 {
			continue
		}
		fmt.Fprintf(w, "\nsample %s failures:\n", f)
		for _, x := range r.Failures[f] {
			fmt.Fprintf(w, "  %s\n    want %q\n    got  %q\n", x.Doc, x.Want, x.Got)
		}
	}
}
