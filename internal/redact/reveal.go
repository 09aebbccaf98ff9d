package redact

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"fond/internal/compare"
	"fond/internal/record"
)

// Segment is a piece of a sentence of the latest release: its own words, or a
// marker of text that release still withholds.
type Segment struct {
	Text string
	// Still is the span still withheld when the segment is a marker.
	Still *record.Redaction
}

// Passage is one sentence of the latest release's text.
type Passage struct {
	Segments []Segment
	// WithheldIn are the dates of the earlier releases that withheld it;
	// Until is the date of the first release that showed it after the last
	// of those ("" when no earlier release withheld it).
	WithheldIn []string
	Until      string
	// RunEnd marks the last passage of a run withheld until the same date
	// within a paragraph: where a page says it once for the run.
	RunEnd bool
}

// UntilYear is Until's year, as a page shows it ("withheld until 2019").
func (p Passage) UntilYear() string { return year(p.Until) }

func year(d string) string {
	if len(d) >= 4 {
		return d[:4]
	}
	return d
}

// Revealed is the latest release's text marked with what earlier releases
// withheld: the release comparison.
type Revealed struct {
	Latest     Entry
	Earlier    []Entry
	Paragraphs [][]Passage
	// Truncated says a comparison ran past its budget: passages past that
	// point are shown without what the earlier release withheld.
	Truncated bool
}

// Reveal compares each earlier release's text with the latest's, sentence by
// sentence (internal/compare), and marks each sentence of the latest text
// that an earlier release withheld: one aligned with a sentence holding a
// marker, or aligned with nothing in a release that withholds something.
// history is the document's History (the latest is its last dated entry)
// and texts maps its records' ids to their bodies. Each comparison is
// bounded by opt; the whole by the number of entries the caller passes.
func Reveal(ctx context.Context, history []Entry, texts map[string]string, key compare.NameKey, opt compare.Options) (Revealed, error) {
	latest := -1
	for i, e := range history {
		if e.Release.Date != "" {
			latest = i
		}
	}
	if latest < 0 {
		return Revealed{}, fmt.Errorf("reveal: no dated release to compare with")
	}
	out := Revealed{Latest: history[latest]}
	body := texts[out.Latest.Record]
	var sentences []*Passage
	for _, para := range strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n\n") {
		var ps []Passage
		for _, s := range compare.Sentences(para) {
			ps = append(ps, Passage{Segments: segments(s)})
		}
		if len(ps) > 0 {
			out.Paragraphs = append(out.Paragraphs, ps)
		}
	}
	for i := range out.Paragraphs {
		for j := range out.Paragraphs[i] {
			sentences = append(sentences, &out.Paragraphs[i][j])
		}
	}
	// Earlier releases, oldest first, each with the release that followed it.
	for i := 0; i < latest; i++ {
		e := history[i]
		if e.Release.Date == "" || e.Record == out.Latest.Record {
			continue
		}
		out.Earlier = append(out.Earlier, e)
		next := history[latest].Release.Date
		for k := i + 1; k <= latest; k++ {
			if history[k].Release.Date > e.Release.Date {
				next = history[k].Release.Date
				break
			}
		}
		res, err := compare.Compare(ctx, texts[e.Record], body, key, opt)
		if err != nil {
			return out, err
		}
		withholds := e.Withheld.Spans > 0
		for _, p := range res.Pairs {
			if p.Unaligned {
				out.Truncated = true
				continue
			}
			if !withholds || !(len(p.ASentences) == 0 || anyMarker(p.ASentences)) {
				continue
			}
			for _, b := range p.BIdx {
				if b < len(sentences) {
					s := sentences[b]
					s.WithheldIn = append(s.WithheldIn, e.Release.Date)
					s.Until = next
				}
			}
		}
	}
	for i := range out.Paragraphs {
		ps := joinNumbers(out.Paragraphs[i])
		for j := range ps {
			ps[j].RunEnd = ps[j].Until != "" && (j+1 == len(ps) || ps[j+1].Until != ps[j].Until)
		}
		out.Paragraphs[i] = ps
	}
	return out, nil
}

// listNumber is a paragraph's number ("3.", "(4)"), which the sentence
// splitter leaves as a sentence of its own.
var listNumber = regexp.MustCompile(`^\(?\d{1,3}[.)]$`)

// joinNumbers puts a paragraph number into the sentence after it, which it
// numbers: it was withheld or shown with that sentence.
func joinNumbers(ps []Passage) []Passage {
	var out []Passage
	for j := 0; j < len(ps); j++ {
		p := ps[j]
		if j+1 < len(ps) && len(p.Segments) == 1 && p.Segments[0].Still == nil && listNumber.MatchString(p.Segments[0].Text) {
			next := ps[j+1]
			next.Segments = append([]Segment{{Text: p.Segments[0].Text + " "}}, next.Segments...)
			out = append(out, next)
			j++
			continue
		}
		out = append(out, p)
	}
	return out
}

// segments cuts a sentence at the markers it holds.
func segments(s string) []Segment {
	var out []Segment
	from := 0
	for _, r := range Find(s) {
		if r.Start > from {
			out = append(out, Segment{Text: s[from:r.Start]})
		}
		red := r
		out = append(out, Segment{Text: r.Marker, Still: &red})
		from = r.End
	}
	if from < len(s) {
		out = append(out, Segment{Text: s[from:]})
	}
	return out
}

func anyMarker(ss []string) bool {
	for _, s := range ss {
		if len(Find(s)) > 0 {
			return true
		}
	}
	return false
}
