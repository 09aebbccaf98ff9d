package editions

import (
	"strings"
	"testing"

	"fond/internal/record"
	"fond/internal/redact"
)

func TestSameRelease(t *testing.T) {
	vocab := strings.Fields("ambassador minister talks treaty zone costs cabinet winter oil police reserve strike answer department figures weeks source mission moscow command assembly deputies london")
	para := func(n int) string {
		var w []string
		for i := range 30 {
			w = append(w, vocab[(n*31+i*7+i*i)%len(vocab)])
		}
		return strings.Join(w, " ") + "."
	}
	full := []string{para(0), para(1), para(2), para(3), para(4)}
	withheld := []string{para(0), "[1 paragraph (5 lines) not declassified]", para(2), "[1 paragraph (4 lines) not declassified]", para(4)}
	mk := func(id string, paras []string) record.Record {
		body := strings.Join(paras, "\n\n")
		r := record.Record{ID: id, Category: record.Primary, Body: body, Date: record.Date{Earliest: "1952-03-15", Latest: "1952-03-15"}}
		r.Redactions = redact.Find(body)
		return r
	}
	a, b := mk("a", withheld), mk("b", full)
	if ok, why := SameRelease(&a, &b); !ok || why == "" {
		t.Errorf("a release withholding two paragraphs of five is not found the same document")
	}
	other := mk("c", []string{"an unrelated dispatch on tariffs " + strings.Repeat("wheat barley oats rye maize millet ", 12)})
	if ok, _ := SameRelease(&a, &other); ok {
		t.Errorf("unrelated text taken for a release of the same document")
	}
	plain, plainToo := mk("d", full), mk("e", full)
	if ok, _ := SameRelease(&plain, &plainToo); ok {
		t.Errorf("records showing no declassification taken as releases (Same and MinHash decide those)")
	}
	later := b
	later.Date = record.Date{Earliest: "1953-01-01", Latest: "1953-01-01"}
	if ok, _ := SameRelease(&a, &later); ok {
		t.Errorf("incompatible dates accepted")
	}
}
