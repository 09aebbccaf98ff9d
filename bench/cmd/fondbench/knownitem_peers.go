package main

import (
	"context"
	"database/sql"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"fond/internal/record"
)

// The known-item evaluation's Sphinx and Xapian: the search benchmark's
// engines (engine_sphinx.go, engine_xapian.go) indexing kiFields, each asked
// as its users ask it (any word, the engine's own ranking) with the spelling
// aids it has switched on.

// sphinxKISchema is kiFields as xmlpipe2 full-text fields.
const sphinxKISchema = `<?xml version="1.0" encoding="utf-8"?>
<sphinx:docset>
<sphinx:schema>
<sphinx:field name="title"/>
<sphinx:field name="body"/>
<sphinx:field name="notes"/>
<sphinx:field name="people"/>
<sphinx:field name="places"/>
<sphinx:field name="archive"/>
<sphinx:field name="date"/>
</sphinx:schema>
`

// sphinxKIPhonetic is a second index of the same documents whose words
// Sphinx 2.2 also reduces to their Metaphone code where the stemmer leaves
// them alone: the nearest it has to typo tolerance (it has no edit-distance
// matching, and its suggestion tool is a sample script outside the server).
const sphinxKIPhonetic = `index phon : main
{
	path = %s/idx/phon
	morphology = stem_en, metaphone
}
`

// sphinxKIRank is Sphinx's default ranker (proximity_bm25: the longest run
// of query words in order in a field, times the field's weight, then BM25),
// with every field weighing the same, as Sphinx has it. fond's column
// weights (title 10) made a title holding two common words of a remembered
// phrase outrank the body holding all of it (phrases 72% -> 15% success@10,
// seed 1); the bm25 ranker, with idf plain or not, found 2% of them (its
// BM25 is the rough one Sphinx documents as the fastest).
const sphinxKIRank = `OPTION ranker=proximity_bm25`

type sphinxKI struct {
	e   *sphinxEngine
	ids []string // Sphinx id n is ids[n-1]
}

func openSphinxKI(ctx context.Context, dir string) (*sphinxKI, error) {
	e, err := openSphinxWith(ctx, dir, sphinxKISchema, fmt.Sprintf(sphinxKIPhonetic, dir))
	if err != nil {
		return nil, err
	}
	return &sphinxKI{e: e}, nil
}

// load writes the stream, runs indexer and starts searchd.
func (s *sphinxKI) load(ctx context.Context, _ []string, recs []record.Record) error {
	for i := range recs {
		s.ids = append(s.ids, recs[i].ID)
		if err := writeSphinxKIDoc(s.e.w, len(s.ids), kiFields(&recs[i])); err != nil {
			return err
		}
	}
	if err := s.e.finish(ctx); err != nil {
		return err
	}
	return s.e.reopen(ctx)
}

func writeSphinxKIDoc(w io.Writer, n int, m map[string]string) error {
	fmt.Fprintf(w, "<sphinx:document id=\"%d\">", n)
	for _, f := range kiFieldNames {
		fmt.Fprintf(w, "<%s>", f)
		if err := xml.EscapeText(w, []byte(m[f])); err != nil {
			return fmt.Errorf("sphinx: write %s: %w", f, err)
		}
		fmt.Fprintf(w, "</%s>", f)
	}
	_, err := io.WriteString(w, "</sphinx:document>\n")
	return err
}

// modes: any word (Sphinx's | between the words), the same on the
// Metaphone index, and every word (its default, a bare list of words).
func (s *sphinxKI) modes() []string { return []string{"or", "or+metaphone", "and"} }

func (s *sphinxKI) topIDs(ctx context.Context, mode, text string, k int) ([]string, error) {
	// Lower case: Sphinx's operators (MAYBE, NEAR, SENTENCE…) are upper-case
	// words, and its charset folds case anyway.
	words := plainWords(strings.ToLower(text))
	if len(words) == 0 {
		return nil, nil
	}
	from, match := "main", strings.Join(words, " | ")
	switch mode {
	case "or+metaphone":
		from = "phon"
	case "and":
		match = strings.Join(words, " ")
	}
	rows, err := s.e.db.QueryContext(ctx, `SELECT id FROM `+from+` WHERE MATCH(?) LIMIT ? `+sphinxKIRank, match, k)
	if err != nil {
		return nil, fmt.Errorf("sphinx: %q: %w", match, err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var n sql.NullInt64
		if err := rows.Scan(&n); err != nil {
			return nil, fmt.Errorf("sphinx: %w", err)
		}
		if n.Int64 < 1 || int(n.Int64) > len(s.ids) {
			return nil, fmt.Errorf("sphinx: id %d out of range", n.Int64)
		}
		ids = append(ids, s.ids[n.Int64-1])
	}
	return ids, rows.Err()
}

func (s *sphinxKI) close() error { return s.e.close() }

// xapianKI is the Xapian worker in its known-item modes (kiindex, kiserve).
type xapianKI struct{ e *xapianEngine }

func openXapianKI(ctx context.Context, dir string) (*xapianKI, error) {
	e, err := openXapianIn(ctx, dir, "kiindex")
	if err != nil {
		return nil, err
	}
	return &xapianKI{e: e}, nil
}

// load sends the documents in batches, commits, and restarts the worker to
// serve.
func (x *xapianKI) load(ctx context.Context, _ []string, recs []record.Record) error {
	for len(recs) > 0 {
		if err := ctx.Err(); err != nil {
			return err
		}
		n := min(batchSize, len(recs))
		batch := make([]map[string]string, n)
		for i := range recs[:n] {
			batch[i] = kiFields(&recs[i])
			batch[i]["id"] = recs[i].ID
		}
		var ok struct{ OK bool }
		if err := x.e.call(map[string]any{"docs": batch}, &ok); err != nil {
			return err
		}
		recs = recs[n:]
	}
	if err := x.e.finish(ctx); err != nil {
		return err
	}
	return x.e.start(ctx, "kiserve")
}

// modes: QueryParser's default (any word) with its spelling correction on,
// the same without it, and every word.
func (x *xapianKI) modes() []string { return []string{"or+spelling", "or", "and"} }

func (x *xapianKI) topIDs(_ context.Context, mode, text string, k int) ([]string, error) {
	var r struct{ IDs []string }
	if err := x.e.call(map[string]any{"text": text, "mode": mode, "k": k}, &r); err != nil {
		return nil, err
	}
	return r.IDs, nil
}

func (x *xapianKI) close() error { return x.e.stop() }
