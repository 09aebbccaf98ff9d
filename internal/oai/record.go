package oai

import (
	"fond/internal/record"
)

// FromRecord describes a record in Dublin Core; link is its permanent page.
// Translators are contributors, the people a document involves its subjects,
// its archival references its sources; the date is the record's EDTF string.
func FromRecord(r record.Record, link string) DC {
	d := DC{
		Title:       []string{r.Title},
		Creator:     r.Authors,
		Subject:     append(append([]string{}, r.Participants...), r.Recipients...),
		Description: []string{r.Summary},
		Publisher:   []string{r.Publisher},
		Contributor: r.Translators,
		Date:        []string{r.Date.EDTF},
		Type:        []string{"Text", r.Type},
		Identifier:  []string{link, r.ID},
		Language:    []string{r.Languages.Text},
		Coverage:    []string{r.Place},
		Rights:      []string{r.Rights},
	}
	for _, s := range r.Sources {
		d.Source = append(d.Source, s.Reference)
	}
	if r.Collection != nil {
		d.Relation = append(d.Relation, r.Collection.Title)
	}
	return d
}
