package eval

import (
	"context"
	"fmt"
	"html"
	"path/filepath"
	"reflect"
	"sort"
	"strings"

	"fond/internal/ingest"
	"fond/internal/record"
	"fond/internal/redact"
)

// Wording is one way releases mark withheld text, with the size it states.
type Wording struct {
	Marker string
	Want   record.Redaction // Amount, Unit, Lines, LessThan, Exemptions
}

// Wordings are the markers' wordings as FRUS volumes since the 1990s, NARA,
// presidential libraries and CIA releases print them (written here from their
// conventions; the local FRUS corpus, 1864-1934, predates them).
var Wordings = []Wording{
	{"[text not declassified]", record.Redaction{}},
	{"[name not declassified]", record.Redaction{}},
	{"[place not declassified]", record.Redaction{}},
	{"[handling restriction not declassified]", record.Redaction{}},
	{"[document number not declassified]", record.Redaction{}},
	{"[less than 1 line not declassified]", record.Redaction{Amount: 1, Unit: "line", Lines: 1, LessThan: true}},
	{"[less than 1 line of source text not declassified]", record.Redaction{Amount: 1, Unit: "line", Lines: 1, LessThan: true}},
	{"[1 line not declassified]", record.Redaction{Amount: 1, Unit: "line", Lines: 1}},
	{"[1 line of source text not declassified]", record.Redaction{Amount: 1, Unit: "line", Lines: 1}},
	{"[2 lines not declassified]", record.Redaction{Amount: 2, Unit: "line", Lines: 2}},
	{"[1½ lines not declassified]", record.Redaction{Amount: 1.5, Unit: "line", Lines: 1.5}},
	{"[2½ lines not declassified]", record.Redaction{Amount: 2.5, Unit: "line", Lines: 2.5}},
	{"[14 lines not declassified]", record.Redaction{Amount: 14, Unit: "line", Lines: 14}},
	{"[1 paragraph (5 lines) not declassified]", record.Redaction{Amount: 1, Unit: "paragraph", Lines: 5}},
	{"[1 paragraph (3½ lines) not declassified]", record.Redaction{Amount: 1, Unit: "paragraph", Lines: 3.5}},
	{"[1 paragraph (less than 1 line) not declassified]", record.Redaction{Amount: 1, Unit: "paragraph", Lines: 1}},
	{"[3 paragraphs (19 lines) not declassified]", record.Redaction{Amount: 3, Unit: "paragraph", Lines: 19}},
	{"[2 paragraphs (11 lines) of source text not declassified]", record.Redaction{Amount: 2, Unit: "paragraph", Lines: 11}},
	{"[Page not declassified]", record.Redaction{Amount: 1, Unit: "page"}},
	{"[1 page not declassified]", record.Redaction{Amount: 1, Unit: "page"}},
	{"[2 pages not declassified]", record.Redaction{Amount: 2, Unit: "page"}},
	{"[1½ pages not declassified]", record.Redaction{Amount: 1.5, Unit: "page"}},
	{"[1 page of source text not declassified]", record.Redaction{Amount: 1, Unit: "page"}},
	{"2 pages not declassified", record.Redaction{Amount: 2, Unit: "page"}},
	{"[redacted]", record.Redaction{}},
	{"[3 lines redacted]", record.Redaction{Amount: 3, Unit: "line", Lines: 3}},
	{"[withheld]", record.Redaction{}},
	{"[1 paragraph (5 lines) not declassified] (b)(1)", record.Redaction{Amount: 1, Unit: "paragraph", Lines: 5, Exemptions: []string{"b1"}}},
	{"(b)(1)", record.Redaction{Exemptions: []string{"b1"}}},
	{"(b)(1) (b)(3)", record.Redaction{Exemptions: []string{"b1", "b3"}}},
	{"(b)(6)", record.Redaction{Exemptions: []string{"b6"}}},
	{"(b)(7)(C)", record.Redaction{Exemptions: []string{"b7c"}}},
	{"(b) (3)", record.Redaction{Exemptions: []string{"b3"}}},
	{"25X1", record.Redaction{Exemptions: []string{"25x1"}}},
	{"50X1-HUM", record.Redaction{Exemptions: []string{"50x1-hum"}}},
	{"XXXXXXXXXX", record.Redaction{}},
	{"XXXX XXXXXXX", record.Redaction{}},
	{"XXXXXXX (b)(3)", record.Redaction{Exemptions: []string{"b3"}}},
	{"██████████", record.Redaction{}},
}

// Formats a marker is set in: how each file type carries it to the recognizer.
var Formats = []string{"text inline", "text paragraph", "text wrapped", "TEI printed", "TEI gap", "OCR fraction"}

// FormatScore is one format's score: markers found, and found with the size
// and codes they state.
type FormatScore struct {
	Format  string  `json:"format"`
	Checked int     `json:"checked"`
	Found   int     `json:"found"`
	Sized   int     `json:"sized"`
	Recall  float64 `json:"recall"`
	SizeAcc float64 `json:"size_accuracy"`
}

// RedactionReport is the recognizer's score: by format, and its false alarms
// on text that withholds nothing.
type RedactionReport struct {
	Formats []FormatScore `json:"formats"`
	// Documents and FalseAlarms count the FRUS documents read and those in
	// which a marker was found (the volumes withhold nothing).
	Documents   int      `json:"documents"`
	FalseAlarms int      `json:"false_alarms"`
	Alarms      []string `json:"alarms,omitempty"`
	Misses      []string `json:"misses,omitempty"`
}

// Redactions scores the recognizer, through ingest's ordinary reading of each
// format, on every wording in every format it can take, and counts its false
// alarms on the FRUS volumes in dir ("" skips them).
func Redactions(ctx context.Context, dir string) (*RedactionReport, error) {
	rep := &RedactionReport{}
	for _, f := range Formats {
		s := FormatScore{Format: f}
		for _, w := range Wordings {
			name, data, ok := setIn(f, w.Marker)
			if !ok {
				continue
			}
			s.Checked++
			res, err := ingest.Extract(ctx, name, data)
			if err != nil {
				return nil, fmt.Errorf("%s in %s: %w", w.Marker, f, err)
			}
			var got []record.Redaction
			for _, r := range res.Records {
				got = append(got, r.Redactions...)
			}
			if len(got) != 1 {
				rep.Misses = append(rep.Misses, fmt.Sprintf("%s: %q: %d spans", f, w.Marker, len(got)))
				continue
			}
			s.Found++
			g := got[0]
			have := record.Redaction{Amount: g.Amount, Unit: g.Unit, Lines: g.Lines, LessThan: g.LessThan, Exemptions: g.Exemptions}
			if reflect.DeepEqual(have, w.Want) {
				s.Sized++
			} else {
				rep.Misses = append(rep.Misses, fmt.Sprintf("%s: %q: read as %+v", f, w.Marker, have))
			}
		}
		if s.Checked > 0 {
			s.Recall, s.SizeAcc = float64(s.Found)/float64(s.Checked), float64(s.Sized)/float64(s.Checked)
		}
		rep.Formats = append(rep.Formats, s)
	}
	if dir == "" {
		return rep, nil
	}
	files, err := volumeFiles(dir)
	if err != nil {
		return nil, err
	}
	for _, path := range files {
		docs, err := readVolume(ctx, path)
		if err != nil {
			return nil, err
		}
		for i := range docs {
			rep.Documents++
			r := docs[i].Record()
			var found []string
			for _, red := range redact.Find(r.Body) {
				found = append(found, red.Marker)
			}
			if len(found) > 0 {
				rep.FalseAlarms++
				if len(rep.Alarms) < 10 {
					rep.Alarms = append(rep.Alarms, filepath.Base(path)+"#"+docs[i].XMLID+": "+strings.Join(found, " | "))
				}
			}
		}
	}
	return rep, nil
}

const (
	before = "The Minister said that the talks would go on next week in London"
	after  = "and that the Ambassador should be told of it before anyone else in the Government here"
)

// setIn renders a marker in a format, as a file ingest reads.
func setIn(format, m string) (name string, data []byte, ok bool) {
	doc := func(body string) string {
		return "Telegram From the Embassy in Austria to the Department of State\n\nVienna, March 15, 1952.\n\n" + body + "\n\nDONNELLY\n"
	}
	tei := func(p string) string {
		return `<?xml version="1.0" encoding="UTF-8"?><TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="evalvol"><teiHeader><fileDesc><titleStmt><title>Eval</title></titleStmt><publicationStmt><publisher>x</publisher></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader><text><body><div type="document" xml:id="d1"><head>Telegram</head><p>` + before + `.</p><p>` + p + `</p><p>` + after + `.</p></div></body></text></TEI>`
	}
	sized := strings.Contains(m, "not declassified") && strings.HasPrefix(m, "[") && !strings.Contains(m, "(b)")
	switch format {
	case "text inline":
		return "w.txt", []byte(doc(before + " " + m + " " + after + ".")), true
	case "text paragraph":
		return "w.txt", []byte(doc(before + ".\n\n" + m + "\n\n" + after + ".")), true
	case "text wrapped":
		// A printed line ends inside the marker, at its last space.
		i := strings.LastIndex(m, " ")
		if i < 0 || !strings.HasPrefix(m, "[") {
			return "", nil, false
		}
		return "w.txt", []byte(doc(before + " " + m[:i] + "\n" + m[i+1:] + " " + after + ".")), true
	case "TEI printed":
		return "w.xml", []byte(tei(`<hi rend="italic">` + html.EscapeString(m) + `</hi>`)), true
	case "TEI gap":
		if !sized {
			return "", nil, false
		}
		extent := strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(m, "["), "not declassified]"))
		return "w.xml", []byte(tei(`<gap reason="not declassified" extent="` + html.EscapeString(extent) + `"/>`)), true
	case "OCR fraction":
		// OCR reads ½ as "?" (seen in FRUS text taken from scans); "1 1/2" is
		// how a transcriber types it.
		if !strings.Contains(m, "½") {
			return "", nil, false
		}
		return "w.txt", []byte(doc(before + " " + strings.Replace(m, "½", "?", 1) + " " + after + ".")), true
	}
	return "", nil, false
}

// Print writes the report as a table.
func (r *RedactionReport) Print(w *strings.Builder) {
	fmt.Fprintf(w, "withholding markers: %d wordings\n\n%-15s %8s %6s %6s %8s %8s\n", len(Wordings), "format", "checked", "found", "sized", "recall", "size ok")
	for _, s := range r.Formats {
		fmt.Fprintf(w, "%-15s %8d %6d %6d %7.1f%% %7.1f%%\n", s.Format, s.Checked, s.Found, s.Sized, 100*s.Recall, 100*s.SizeAcc)
	}
	if r.Documents > 0 {
		fmt.Fprintf(w, "\nFRUS documents (withholding nothing): %d, with a marker found: %d\n", r.Documents, r.FalseAlarms)
	}
	for _, a := range r.Alarms {
		fmt.Fprintf(w, "  false alarm %s\n", a)
	}
	sort.Strings(r.Misses)
	for _, m := range r.Misses {
		fmt.Fprintf(w, "  miss %s\n", m)
	}
}
