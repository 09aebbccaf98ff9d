package compare

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fond/internal/ingest/tei"
	"fond/internal/names"
	"fond/internal/record"
	"fond/internal/testutil"
)

// rowsOf is a comparison's rows written short: "A | B" with "ed:" before an
// editor's note alone and "fn N|M:" before a footnote row.
func rowsOf(res Result) []string {
	var out []string
	for _, p := range res.Pairs {
		row := strings.Join(p.ASentences, " ") + " | " + strings.Join(p.BSentences, " ")
		switch {
		case p.Editorial:
			row = "ed: " + row
		case p.Footnote:
			row = "fn " + p.ANote + "|" + p.BNote + ": " + row
		}
		out = append(out, row)
	}
	return out
}

// An editor's note only one edition prints gets a row of its own, its words
// apparatus, not joined to the sentence before it (which a 2:1 step did: one
// row changed from start to end), and is not taken for a changed sentence of
// the other edition.
func TestEditorialSentenceOwnRow(t *testing.T) {
	a := "The minister called at noon. [Here follows the text of the protocol, printed on page 12.] He left at one."
	b := "The minister called at noon. He left at one."
	res, err := Compare(context.Background(), a, b, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"The minister called at noon. | The minister called at noon.",
		"ed: [Here follows the text of the protocol, printed on page 12.] | ", "He left at one. | He left at one."}
	if got := rowsOf(res); !slices.Equal(got, want) {
		t.Fatalf("rows:\n%q\nwant\n%q", got, want)
	}
	if ops := res.Pairs[1].Ops; len(ops) != 1 || ops[0].Kind != Apparatus {
		t.Errorf("the note's ops = %v, want one apparatus run", ops)
	}
	if !res.Pairs[1].Differs() || res.Pairs[0].Differs() || res.Pairs[2].Differs() {
		t.Errorf("differs: %v %v %v, want false true false", res.Pairs[0].Differs(), res.Pairs[1].Differs(), res.Pairs[2].Differs())
	}
	if res.Stats[Deleted] != 0 || res.Stats[Changed] != 0 || res.Stats[Apparatus] != 11 {
		t.Errorf("stats %v: the note's 11 words belong to apparatus", res.Stats)
	}

	// Where the other edition has a sentence in its place, the note still
	// does not pair with it: they say different things.
	b = "The minister called at noon. The protocol was not signed. He left at one."
	res, _ = Compare(context.Background(), a, b, nil, Options{})
	want = []string{"The minister called at noon. | The minister called at noon.",
		" | The protocol was not signed.", "ed: [Here follows the text of the protocol, printed on page 12.] | ", "He left at one. | He left at one."}
	if got := rowsOf(res); !slices.Equal(got, want) {
		t.Errorf("rows:\n%q\nwant\n%q", got, want)
	}
}

// A bracketed headnote that the other edition prints as text is the same
// text: paired sentence by sentence (seed 000 brackets the opening the
// second translation prints plainly), with the names it brackets inside as
// apparatus.
func TestBracketedHeadnotePairs(t *testing.T) {
	a := "[Notes of the conversation between Stalin and a delegation. Present were Vyshinsky, Pak Heon-yeong [Pak Hon Yong].]\n\nStalin asks how they travelled."
	b := "Notes of the conversation between Stalin and a delegation. Present were Vyshinsky,15 Pak Heon-yeong. Stalin asks how they travelled."
	res, err := Compare(context.Background(), a, b, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range res.Pairs {
		if p.Editorial || len(p.ASentences) != 1 || len(p.BSentences) != 1 || p.Differs() {
			t.Errorf("row %q | %q: editorial %v, differs %v, ops %v", p.ASentences, p.BSentences, p.Editorial, p.Differs(), p.Ops)
		}
	}
	if len(res.Pairs) != 3 {
		t.Errorf("%d rows, want 3", len(res.Pairs))
	}
}

// Inline insertions and footnote calls, in digits or raised, are apparatus;
// "[T]he" is a word whose capital the editor supplied.
func TestTokenizeBrackets(t *testing.T) {
	for _, c := range []struct{ in, apparatus, keys string }{
		{"[T]he treaty [sic] was signed.", "[sic]", "the treaty was signed"},
		{"He [Stalin] said so.", "[Stalin]", "he said so"},
		{"Telegram²³ from Vienna.⁴", "²³ ⁴", "telegram from vienna"},
		{"[Here follows text of the note [not printed].]", "[not printed].]", "here follows text of the note"},
		{"[1 paragraph (5 lines) not declassified]", "", "1 paragraph 5 lines not declassified"},
	} {
		var app, keys []string
		for _, tok := range Tokenize(c.in) {
			if tok.Apparatus {
				app = append(app, tok.Text)
			} else {
				keys = append(keys, tok.Key)
			}
		}
		if strings.Join(app, " ") != c.apparatus || strings.Join(keys, " ") != c.keys {
			t.Errorf("%q: apparatus %q, words %q; want %q, %q", c.in, app, keys, c.apparatus, c.keys)
		}
	}
}

// Footnotes are rows of their own after the text, each beside the note of
// the other edition that says the same thing whatever its number, alone
// when none does, and never joined to another note.
func TestFootnoteRows(t *testing.T) {
	a := Text{Body: "The treaty was signed.¹ It was ratified.²", Notes: []Note{
		{"1", "Not printed."}, {"2", "Ratified by the Senate on March 15, 1926, and proclaimed on July 12."}}}
	b := Text{Body: "The treaty was signed.¹⁴ It was ratified.¹⁶", Notes: []Note{
		{"14", "Not printed."}, {"15", "The Minister's reply of May 3 is printed on page 40."},
		{"16", "Ratified by the Senate on March 15, 1926, and proclaimed on July 14."}}}
	res, err := CompareTexts(context.Background(), a, b, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"The treaty was signed.¹ | The treaty was signed.¹⁴", "It was ratified.² | It was ratified.¹⁶",
		"fn 1|14: Not printed. | Not printed.", "fn |15:  | The Minister's reply of May 3 is printed on page 40.",
		"fn 2|16: Ratified by the Senate on March 15, 1926, and proclaimed on July 12. | Ratified by the Senate on March 15, 1926, and proclaimed on July 14."}
	if got := rowsOf(res); !slices.Equal(got, want) {
		t.Fatalf("rows:\n%q\nwant\n%q", got, want)
	}
	var differs []bool
	for _, p := range res.Pairs {
		differs = append(differs, p.Differs())
	}
	// The calls' numbers differ; the sentences do not.
	if !slices.Equal(differs, []bool{false, false, false, true, true}) {
		t.Errorf("differs = %v", differs)
	}
	if last := res.Pairs[4].Ops; !slices.ContainsFunc(last, func(op Op) bool { return op.Kind == Changed && op.A[0] == "12." && op.B[0] == "14." }) {
		t.Errorf("the notes' difference: %v", last)
	}

	// Out of budget in the text, the notes are shown unaligned after it.
	res, _ = CompareTexts(context.Background(), a, b, nil, Options{Budget: 1})
	if !res.Truncated || res.Unaligned != 4+5 || !res.Pairs[len(res.Pairs)-1].Footnote {
		t.Errorf("truncated %v, %d unaligned, last %+v", res.Truncated, res.Unaligned, res.Pairs[len(res.Pairs)-1])
	}
}

// frusRecords reads the named documents of one FRUS volume.
func frusRecords(t *testing.T, volume string, keys ...string) []record.Record {
	t.Helper()
	path := filepath.Join(testutil.Shared(t, "corpus/frus"), volume+".xml")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, docs, err := tei.Read(context.Background(), f, filepath.Base(path))
	if err != nil {
		t.Fatal(err)
	}
	out := make([]record.Record, len(keys))
	for i := range docs {
		r := docs[i].Record()
		if k := slices.Index(keys, r.Key); k >= 0 {
			out[k] = r
		}
	}
	for k, r := range out {
		if r.Key == "" {
			t.Fatalf("%s not in %s", keys[k], path)
		}
	}
	return out
}

func footnotes(r record.Record) Text {
	t := Text{Body: r.Body}
	for _, n := range r.Notes {
		if n.Kind == record.NoteFootnote {
			t.Notes = append(t.Notes, Note{n.N, n.Text})
		}
	}
	return t
}

// Two conventions FRUS 1925 prints from one model (the Cameroons and
// Togoland mandates): the ratification footnote is note 2 of one and note 6
// of the other, and is one row, alike; the body's raised calls differ in
// number and are apparatus, so no row differs by a call alone. A letter
// printed twice in FRUS 1872, once with a footnote: the note is a row of its
// own.
func TestFootnoteRowsFRUS(t *testing.T) {
	recs := frusRecords(t, "frus1925v02", "frus1925v02/d172", "frus1925v02/d174")
	res, err := CompareTexts(context.Background(), footnotes(recs[0]), footnotes(recs[1]), names.Key, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var notes []Pair
	for _, p := range res.Pairs {
		if p.Footnote {
			notes = append(notes, p)
			continue
		}
		if !p.Differs() {
			continue
		}
		for _, op := range p.Ops {
			if op.Kind != Same && op.Kind != Apparatus && strings.ContainsAny(strings.Join(append(op.A, op.B...), ""), superscripts) {
				t.Errorf("a call counted as a difference: %v", p.Ops)
			}
		}
	}
	if len(notes) != 1 || notes[0].ANote != "2" || notes[0].BNote != "6" || notes[0].Differs() {
		t.Errorf("footnote rows: %+v", notes)
	}

	recs = frusRecords(t, "frus1872p2v5", "frus1872p2v5/d64", "frus1872p2v5/d118")
	res, _ = CompareTexts(context.Background(), footnotes(recs[0]), footnotes(recs[1]), names.Key, Options{})
	last := res.Pairs[len(res.Pairs)-1]
	if !last.Footnote || last.ANote != "" || last.BNote != "1" || !strings.Contains(last.BSentences[0], "officially printed") {
		t.Errorf("the second printing's note: %+v", last)
	}
}
