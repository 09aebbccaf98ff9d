package web

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"fond/internal/compare"
	"fond/internal/names"
	"fond/internal/record"
)

// The original beside its translation, paragraph against paragraph. The
// alignment is /compare's (sentences, bounded by --compare-budget); the page
// groups its pairs into runs of whole paragraphs, since a translator keeps
// paragraphs far more faithfully than sentences, and shows each run as one
// row. A row pointed at or focused marks the original's paragraphs and,
// where the original was read from a scan, their region on its page: CSS
// only (the row holds both), so it works without JavaScript.

// sbsUnit is one row: paragraphs of the original against the paragraphs of
// the translation that say the same.
type sbsUnit struct {
	N           int
	Orig, Trans []string // paragraphs, their sentences joined
	Regions     []textRegion
	// Unaligned marks the rest the budget left unaligned, shown as it is.
	Unaligned bool
}

// sbsHead is a column's heading: what the edition is, and the edition.
type sbsHead struct {
	Label string // a message key: Original, Translation or Edition
	R     record.Record
}

// handleSideBySide shows the path's record beside another edition (?with=),
// the original on the left whichever of the two is named in the path.
func (s *Server) handleSideBySide(w http.ResponseWriter, r *http.Request) {
	rec, ok := s.pathRecord(w, r)
	if !ok {
		return
	}
	with := r.URL.Query().Get("with")
	if with == "" || with == rec.ID {
		s.badRequest(w, &paramError{Param: "with", Key: "param.with"})
		return
	}
	other, ok := s.visibleRecord(w, r, with)
	if !ok {
		return
	}
	orig, trans, known := originalAndTranslation(rec, other)
	res, err := compare.Compare(r.Context(), orig.Body, trans.Body, names.Key, compare.Options{Budget: s.Limits.CompareBudget})
	if errors.Is(r.Context().Err(), context.Canceled) {
		return // the client left
	}
	if err != nil {
		s.serverError(w, err)
		return
	}
	units := paragraphUnits(res, compare.Paragraphs(orig.Body), compare.Paragraphs(trans.Body))
	passages := make([]string, len(units))
	for i, u := range units {
		passages[i] = strings.Join(u.Orig, " ")
	}
	for i, regions := range passageRegions(orig, passages) {
		units[i].Regions = regions
	}
	heads := [2]sbsHead{{"sbs.edition", orig}, {"sbs.edition", trans}}
	if known {
		heads[0].Label, heads[1].Label = "sbs.original", "sbs.translation"
	}
	s.render(w, http.StatusOK, "side_by_side", map[string]any{"Title": printer(w).T("sbs.title", trans.Title),
		"Orig": orig, "Trans": trans, "Known": known, "Heads": heads, "Units": units, "Result": res})
}

// originalAndTranslation orders two editions: the original first. The
// translation is the one whose languages say it was translated from the
// other's language; failing that, a scan is the original; failing that, the
// order is as given and known is false (the page then says "edition").
func originalAndTranslation(a, b record.Record) (orig, trans record.Record, known bool) {
	switch {
	case translatedFrom(b, a):
		return a, b, true
	case translatedFrom(a, b):
		return b, a, true
	case b.TextFrom != "" && a.TextFrom == "":
		return b, a, false
	}
	return a, b, false
}

// translatedFrom says t is a translation from o's language: t was translated
// (its original language is not its own) from the language o is written in,
// or o, a scan with no language recorded, is the only candidate.
func translatedFrom(t, o record.Record) bool {
	from := t.Languages.Original
	if from == "" || from == t.Languages.Text {
		return false
	}
	return o.Languages.Text == from || (o.Languages.Text == "" && o.TextFrom != "")
}

// sideBySideLabel is the document page's link text for showing rec beside
// an edition, or "" when the two are not an original and its translation.
func sideBySideLabel(rec, edition record.Record) string {
	orig, _, known := originalAndTranslation(rec, edition)
	switch {
	case !known:
		return ""
	case orig.ID == rec.ID:
		return "sbs.withtranslation" // message keys: the page says them in its language
	}
	return "sbs.withoriginal"
}

// paragraphUnits groups a comparison's pairs into rows of whole paragraphs:
// a pair whose first sentence is in the paragraph the row ended with, on
// either side, joins that row. Alignment is monotone, so each paragraph
// lands in exactly one row. pa and pb are the texts' Paragraphs.
func paragraphUnits(res compare.Result, pa, pb [][]string) []sbsUnit {
	paraOf := func(paras [][]string) []int {
		var out []int
		for k, p := range paras {
			for range p {
				out = append(out, k)
			}
		}
		return out
	}
	ofA, ofB := paraOf(pa), paraOf(pb)
	var units []sbsUnit
	lastA, lastB := -1, -1
	for _, p := range res.Pairs {
		var as, bs []int
		for _, i := range p.AIdx {
			if i < len(ofA) {
				as = append(as, ofA[i])
			}
		}
		for _, i := range p.BIdx {
			if i < len(ofB) {
				bs = append(bs, ofB[i])
			}
		}
		if len(as)+len(bs) == 0 {
			continue
		}
		if len(units) == 0 || !(len(as) > 0 && as[0] == lastA || len(bs) > 0 && bs[0] == lastB) {
			units = append(units, sbsUnit{N: len(units) + 1})
		}
		u := &units[len(units)-1]
		for _, k := range as {
			if k != lastA {
				u.Orig, lastA = append(u.Orig, strings.Join(pa[k], " ")), k
			}
		}
		for _, k := range bs {
			if k != lastB {
				u.Trans, lastB = append(u.Trans, strings.Join(pb[k], " ")), k
			}
		}
		u.Unaligned = u.Unaligned || p.Unaligned
	}
	return units
}
