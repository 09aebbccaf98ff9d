package web

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"

	"fond/internal/record"
	"fond/internal/store"
)

// TestCompareOverBudget: a page past its budget still shows every sentence,
// says the rest was not aligned and why, and is valid HTML.
func TestCompareOverBudget(t *testing.T) {
	_, st := newServer(t)
	srv, err := New(st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	srv.Limits.CompareBudget = 1
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	code, _, body := get(t, ts.URL+"/compare?a=x1&b=x2")
	if code != 200 || !strings.Contains(body, "The rest was not aligned: over the comparison budget") {
		t.Fatalf("status %d, no notice:\n%s", code, body)
	}
	for _, s := range []string{"Second &lt;img src=x onerror=alert(1)&gt; paragraph.", "Credit was discussed."} {
		if !strings.Contains(body, s) {
			t.Errorf("sentence %q missing from the unaligned rest", s)
		}
	}
	if err := checkHTML(body); err != nil {
		t.Error(err)
	}
}

// ?only=differences shows the rows where the editions differ and says how
// many alike ones it hid; a row alike in both is gone, a changed one stays.
// The two views link to each other, and another value is refused.
func TestCompareOnlyDifferences(t *testing.T) {
	ts, st := newServer(t)
	ctx := context.Background()
	a := record.Record{ID: "d1", Title: "First edition", Type: "Telegram", Category: record.Primary,
		Body: "The train left Moscow at noon. The loan was agreed in full. Kim thanked the comrades warmly."}
	b := record.Record{ID: "d2", Title: "Second edition", Type: "Telegram", Category: record.Primary,
		Body: "The train left Moscow at noon. The loan was refused outright. Kim thanked the comrades warmly."}
	if _, err := st.PutFile(ctx, store.File{Path: "/in/d.txt", Format: "text", Records: []record.Record{a, b},
		Original: store.Original{Checksum: "sha256:d", Name: "d.txt", Data: []byte("d")}}); err != nil {
		t.Fatal(err)
	}
	_, _, all := get(t, ts.URL+"/compare?a=d1&b=d2")
	code, _, diff := get(t, ts.URL+"/compare?a=d1&b=d2&only=differences")
	if code != 200 || !strings.Contains(all, "The train left Moscow") || !strings.Contains(all, `href="/compare?a=d1&amp;b=d2&amp;only=differences"`) {
		t.Fatalf("the whole comparison lacks its rows or the link to the differences (%d)", code)
	}
	if strings.Contains(diff, "The train left Moscow") || strings.Contains(diff, "thanked the comrades") {
		t.Error("rows alike in both editions are shown among the differences")
	}
	if !strings.Contains(diff, "refused") || !strings.Contains(diff, "agreed") || !strings.Contains(diff, "2 rows where the editions are alike are hidden.") {
		t.Errorf("the differences view lacks the changed row or the count of hidden rows")
	}
	if !strings.Contains(diff, `<span aria-current="page">Only the differences</span>`) || !strings.Contains(diff, `href="/compare?a=d1&amp;b=d2"`) {
		t.Error("the differences view does not mark itself or link back to every row")
	}
	if err := checkHTML(diff); err != nil {
		t.Error(err)
	}
	if code, _, _ := get(t, ts.URL+"/compare?a=d1&b=d2&only=everything"); code != 400 {
		t.Errorf("only=everything: %d, want 400", code)
	}
}

// An editor's note one edition prints alone is a row of its own, labelled;
// the footnotes come after the text under their own heading, each row with
// the notes' numbers; inline insertions and calls are not differences, so
// the differences view keeps the note, the changed footnote and nothing
// else. In Russian the labels are Russian.
func TestCompareEditorialAndFootnoteRows(t *testing.T) {
	ts, st := newServer(t)
	ctx := context.Background()
	a := record.Record{ID: "e1", Title: "First printing", Type: "Telegram", Category: record.Primary,
		Body:  "The minister called [at] noon.¹ [Here follows the text of the protocol.] He left at one.",
		Notes: []record.Note{{Kind: record.NoteFootnote, N: "1", Text: "Telegram 45 of March 3, not printed."}}}
	b := record.Record{ID: "e2", Title: "Second printing", Type: "Telegram", Category: record.Primary,
		Body:  "The minister called noon.⁷ He left at one.",
		Notes: []record.Note{{Kind: record.NoteFootnote, N: "7", Text: "Telegram 45 of March 4, not printed."}}}
	if _, err := st.PutFile(ctx, store.File{Path: "/in/e.txt", Format: "text", Records: []record.Record{a, b},
		Original: store.Original{Checksum: "sha256:e", Name: "e.txt", Data: []byte("e")}}); err != nil {
		t.Fatal(err)
	}
	code, _, all := get(t, ts.URL+"/compare?a=e1&b=e2")
	if code != 200 {
		t.Fatalf("status %d", code)
	}
	for _, want := range []string{
		`<tr class="editorial">`, `<span class="row-kind">editor’s note, in one edition only</span> <span class="op-apparatus">[Here follows the text of the protocol.]</span>`,
		`<tbody class="footnotes">`, `<th colspan="2" scope="rowgroup">Footnotes</th>`,
		`<span class="note-n">note 1</span>`, `<span class="note-n">note 7</span>`, `<span class="op-changed">3,</span>`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the comparison lacks %s", want)
		}
	}
	if err := checkHTML(all); err != nil {
		t.Error(err)
	}
	_, _, diff := get(t, ts.URL+"/compare?a=e1&b=e2&only=differences")
	if strings.Contains(diff, "The minister called") || strings.Contains(diff, "He left at one") {
		t.Error("rows differing only by an insertion or a call are shown among the differences")
	}
	if !strings.Contains(diff, "Here follows the text") || !strings.Contains(diff, `<span class="op-changed">4,</span>`) || !strings.Contains(diff, "2 rows where the editions are alike are hidden.") {
		t.Error("the differences view lacks the editor's note or the changed footnote, or miscounts the hidden rows")
	}
	_, _, ru := get(t, ts.URL+"/compare?a=e1&b=e2&lang=ru")
	for _, want := range []string{">Примечания</th>", ">прим. 1</span>", ">примечание редактора, только в одном издании</span>"} {
		if !strings.Contains(ru, want) {
			t.Errorf("the Russian comparison lacks %s", want)
		}
	}
}
