package web

import (
	"context"
	"net/http"

	"fond/internal/compare"
	"fond/internal/i18n"
	"fond/internal/names"
	"fond/internal/record"
	"fond/internal/redact"
)

// releaseChoice is a release the page's "compare two releases" form offers.
type releaseChoice struct {
	Record, Label string
}

// releaseChoices are the history's releases with a text, one per record,
// oldest first, and the form's defaults: the earliest and the latest.
func releaseChoices(p i18n.Printer, history []redact.Entry) (choices []releaseChoice, earliest, latest string) {
	seen := map[string]bool{}
	for _, e := range history {
		if e.Record == "" || seen[e.Record] {
			continue
		}
		seen[e.Record] = true
		label := releaseLine(p, e)
		if e.Release.Body != "" {
			label += " (" + e.Release.Body + ")"
		}
		choices = append(choices, releaseChoice{Record: e.Record, Label: label})
		if e.Release.Date != "" {
			if earliest == "" {
				earliest = e.Record
			}
			latest = e.Record
		}
	}
	if earliest == "" && len(choices) > 0 { // none dated: first and last as listed
		earliest, latest = choices[0].Record, choices[len(choices)-1].Record
	}
	return choices, earliest, latest
}

// releasePairData adds to data the form choosing two releases, and, when the
// reader chose them (?a=…&b=…), the two texts side by side as
// internal/compare aligns them: one comparison under --compare-budget, run
// only when asked, so the page's usual cost is unchanged. A record not among
// the document's releases is the reader's error, answered as such.
func (s *Server) releasePairData(ctx context.Context, r *http.Request, p i18n.Printer, history []redact.Entry, group []record.Record, data map[string]any) (*paramError, error) {
	choices, a, b := releaseChoices(p, history)
	if len(choices) < 2 {
		return nil, nil
	}
	q := r.URL.Query()
	asked := q.Has("a") || q.Has("b")
	byID := map[string]*record.Record{}
	for i := range group {
		byID[group[i].ID] = &group[i]
	}
	for _, p := range []struct {
		name string
		to   *string
	}{{"a", &a}, {"b", &b}} {
		v := q.Get(p.name)
		if v == "" {
			continue
		}
		if !containsRecord(choices, v) || byID[v] == nil {
			return &paramError{p.name, "param.release", nil}, nil
		}
		*p.to = v
	}
	data["Choices"], data["ChoiceA"], data["ChoiceB"] = choices, a, b
	if !asked {
		return nil, nil
	}
	res, err := compare.CompareTexts(ctx, compare.TextOf(*byID[a]), compare.TextOf(*byID[b]), names.Key, compare.Options{Budget: s.Limits.CompareBudget})
	if err != nil {
		return nil, err
	}
	data["Side"] = map[string]any{"A": *byID[a], "B": *byID[b], "Result": res, "ALabel": labelOf(choices, a), "BLabel": labelOf(choices, b)}
	return nil, nil
}

func containsRecord(choices []releaseChoice, id string) bool { return labelOf(choices, id) != "" }

// labelOf is how the form names record id's release ("" when not offered).
func labelOf(choices []releaseChoice, id string) string {
	for _, c := range choices {
		if c.Record == id {
			return c.Label
		}
	}
	return ""
}
