package index

import (
	"strings"
	"sync"
	"sync/atomic"

	"fond/internal/names"
	"fond/internal/record"
	"fond/internal/romanize"
	"fond/internal/subjects"
)

// FromRecord is what the index keeps of a record.
func FromRecord(ref int64, r *record.Record) Doc {
	var notes, archive []string
	for _, n := range r.Notes {
		notes = append(notes, n.Text)
	}
	var fonds, repos []string
	for _, s := range r.Sources {
		archive = append(archive, s.Repository, s.Abbreviation, s.Reference)
		fonds = append(fonds, s.Fond)
		if s.Repository != "" {
			repos = append(repos, s.Repository)
		}
	}
	// The genre is searchable ("blog", "telegram") though it is not in the text.
	archive = append(archive, r.Type)
	people := r.Names()
	var places []string
	if r.Place != "" {
		places = append(places, r.Place)
	}
	d := Doc{
		Ref: ref, ID: r.ID,
		Text: [numFields - 1]string{r.Title, r.Summary, unmarked(r), strings.Join(notes, "\n"), strings.Join(people, "\n"),
			strings.Join(places, "\n"), strings.Join(archive, "\n")},
		Earliest: r.Date.Earliest, Latest: r.Date.Latest, Date: r.Date,
		Type: r.Type, Category: r.Category, Status: r.Status, Lang: r.Languages.Text, OrigLang: r.Languages.Original,
		Fonds: fonds, Repositories: repos, Persons: people, Places: places,
	}
	if r.Collection != nil {
		d.Collection, d.CollectionTitle = r.Collection.ID, r.Collection.Title
	}
	for _, p := range people {
		d.NameKeys = append(d.NameKeys, "person\x00"+nameKey(p))
	}
	for _, p := range places {
		d.NameKeys = append(d.NameKeys, "place\x00"+nameKey(p))
	}
	d.NameKeys = append(d.NameKeys, releaseKeys(r)...)
	// Subjects are derived here, not stored: a new vocabulary reaches every
	// record when the index is built again (its version is the snapshot's).
	for _, s := range subjects.Default().Of(r) {
		d.NameKeys = append(d.NameKeys, subjectKey+s)
	}
	if strings.ContainsAny(r.Body, "[(") {
		for _, p := range names.Pairs(r.Body) {
			d.NameKeys = append(d.NameKeys, "name\x00"+nameKey(p.A), "name\x00"+nameKey(p.B))
		}
	}
	return d
}

// subjectKey begins the key of a subject's set of documents.
const subjectKey = "subject\x00"

// unmarked is the body with each withheld span's marker blanked, byte for
// byte so that offsets into the body stay true for snippets: a marker's words
// ("paragraph", "declassified") are the release's, not the document's, and a
// search for them would find every withheld text. Filters find those.
func unmarked(r *record.Record) string {
	if len(r.Redactions) == 0 {
		return r.Body
	}
	b := []byte(r.Body)
	for _, red := range r.Redactions {
		if red.Start < 0 || red.End > len(b) || red.Start > red.End {
			continue // not spans of this body: leave the text as it is
		}
		for i := red.Start; i < red.End; i++ {
			b[i] = ' '
		}
	}
	return string(b)
}

// releasedLaterKey marks a release showing text an earlier release of the
// same document withheld (released_later:yes). The record alone cannot tell:
// the store, which reads the document's other releases, says so through
// FromLaterRelease.
const releasedLaterKey = "released_later\x00yes"

// FromLaterRelease is FromRecord for a release that shows text an earlier
// release of its document withheld.
func FromLaterRelease(ref int64, r *record.Record) Doc {
	d := FromRecord(ref, r)
	d.NameKeys = append(d.NameKeys, releasedLaterKey)
	return d
}

// releaseKeys are the keys the declassification filters look up (withheld:,
// exemption:, released:), kept with the name keys: sets of documents by a
// value, which the snapshot already stores.
func releaseKeys(r *record.Record) []string {
	var out []string
	if len(r.Redactions) > 0 {
		out = append(out, "withheld\x00yes")
	}
	for _, red := range r.Redactions {
		for _, c := range red.Exemptions {
			out = append(out, "exemption\x00"+c)
		}
	}
	for _, rel := range r.Releases {
		if len(rel.Date) >= 4 {
			out = append(out, "released\x00"+rel.Date[:4])
		}
	}
	return out
}

// SetStatus gives the analysed document the publication state the store
// decided, when it was analysed before the store knew it (a record that was
// stored before keeps its state). Status is metadata, not text: no word changes.
func (a *Analyzed) SetStatus(status string) { a.doc.Status = status }

// Names recur from record to record and their romanization key is costly, so
// keys are remembered (a bounded number).
var (
	nameKeys     sync.Map
	nameKeyCount atomic.Int64
)

func nameKey(name string) string {
	if k, ok := nameKeys.Load(name); ok {
		return k.(string)
	}
	k := romanize.Key(name)
	if nameKeyCount.Load() < maxStems {
		nameKeys.Store(strings.Clone(name), k)
		nameKeyCount.Add(1)
	}
	return k
}
