package web

import (
	"encoding/json"
	"fmt"

	"fond/internal/record"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// Every parameter of the search endpoints, with values that must be refused:
// the API answers 400 naming the parameter, the page 400 saying the same.
func TestBadParametersAreRefused(t *testing.T) {
	ts, _ := limitedServer(t, DefaultLimits)
	bad := map[string][]string{
		"page":   {"abc", "-1", "0", "1e3", "2.5", "99999999"},
		"limit":  {"x", "0", "-5", "1001"},
		"from":   {"banana", "1950-13", "1950..1951", "19500"},
		"to":     {"banana", "1950-02-30"},
		"sort":   {"wrong", "DATE"},
		"dates":  {"sideways"},
		"facets": {"maybe"},
		"colour": {"red"},
	}
	for param, values := range bad {
		for _, v := range values {
			q := url.Values{"q": {"credit"}, param: {v}}.Encode()
			code, _, body := get(t, ts.URL+"/api/search?"+q)
			var e apiError
			if code != http.StatusBadRequest || json.Unmarshal([]byte(body), &e) != nil || e.Param != param || e.Code != "invalid_parameter" || e.Error == "" {
				t.Errorf("/api/search %s=%q: %d %s", param, v, code, body)
			}
			if param == "facets" || param == "colour" {
				continue // the page ignores what only the API takes
			}
			code, _, body = get(t, ts.URL+"/search?"+q)
			if code != http.StatusBadRequest || !strings.Contains(body, "“"+param+"”") {
				t.Errorf("/search %s=%q: %d, want 400 naming the parameter", param, v, code)
			}
		}
	}
	for _, good := range []string{"from=1950&to=1950-04", "sort=-date", "dates=within", "facets=1", "limit=5&page=1"} {
		if code, _, body := get(t, ts.URL+"/api/search?q=credit&"+good); code != http.StatusOK {
			t.Errorf("/api/search?%s: %d %s", good, code, body)
		}
	}
}

func TestUnknownAddresses(t *testing.T) {
	ts, _ := limitedServer(t, DefaultLimits)
	code, h, body := get(t, ts.URL+"/api/nothing/here")
	var e apiError
	if code != http.StatusNotFound || !strings.HasPrefix(h.Get("Content-Type"), "application/json") || json.Unmarshal([]byte(body), &e) != nil || e.Code != "not_found" {
		t.Errorf("unknown API address: %d %s %s", code, h.Get("Content-Type"), body)
	}
	code, _, body = get(t, ts.URL+"/api/documents/nope")
	if code != http.StatusNotFound || json.Unmarshal([]byte(body), &e) != nil || e.Param != "id" {
		t.Errorf("unknown document in the API: %d %s", code, body)
	}
	code, h, body = get(t, ts.URL+"/no/such/page")
	if code != http.StatusNotFound || !strings.HasPrefix(h.Get("Content-Type"), "text/html") || !strings.Contains(body, "</html>") {
		t.Errorf("unknown page: %d %s", code, h.Get("Content-Type"))
	}
}

// The search limits reach every search the server makes: a query over them is
// a 400 that says why, and a prefix cut short says so on the page.
func TestQueryLimitsOnThePage(t *testing.T) {
	l := DefaultLimits
	l.Search.MaxPrefixExpansion = 1
	ts, _ := limitedServer(t, l,
		record.Record{ID: "x1", Title: "Telegram on credit", Category: record.Primary, Body: "Credit and cotton and coal."},
		record.Record{ID: "x2", Title: "Report on credit", Category: record.Primary, Body: "Credit was discussed."})
	huge := strings.Repeat("credit ", 1000)
	code, _, body := get(t, ts.URL+"/search?q="+url.QueryEscape(huge))
	if code != http.StatusBadRequest || !strings.Contains(body, "“q”") {
		t.Errorf("a 1000-word query on the page: %d", code)
	}
	code, _, body = get(t, ts.URL+"/api/search?q="+url.QueryEscape(huge))
	var e apiError
	if code != http.StatusBadRequest || json.Unmarshal([]byte(body), &e) != nil || e.Param != "q" || !strings.Contains(e.Error, "at most") {
		t.Errorf("a 1000-word query in the API: %d %s", code, body)
	}
	deep := strings.Repeat("(", 40) + "credit" + strings.Repeat(")", 40)
	if code, _, _ := get(t, ts.URL+"/api/search?q="+url.QueryEscape(deep)); code != http.StatusBadRequest {
		t.Errorf("40 levels of parentheses: %d", code)
	}
	// "c*" reaches credit, cotton and coal; one word is searched.
	code, _, body = get(t, ts.URL+"/search?q="+url.QueryEscape("c*"))
	if code != http.StatusOK || !strings.Contains(body, "only the 1 most frequent") {
		t.Errorf("a capped prefix: %d, no notice", code)
	}
	if code, _, _ := get(t, ts.URL+"/api/search?q=credit&limit=1000&page=11"); code != http.StatusBadRequest {
		t.Errorf("a page past the search's offset limit: %d", code)
	}
}

// The reading room never answers nothing when most words match, and says so.
func TestPartialMatchesSaidOnThePage(t *testing.T) {
	ts, _ := limitedServer(t, DefaultLimits)
	code, _, body := get(t, ts.URL+"/search?q="+url.QueryEscape("credit telegram zanzibar"))
	if code != http.StatusOK || !strings.Contains(body, "No document has all of these words") || !strings.Contains(body, "/documents/x1") {
		t.Errorf("partial matches: %d", code)
	}
	code, _, body = get(t, ts.URL+"/search?match=all&q="+url.QueryEscape("credit telegram zanzibar"))
	if code != http.StatusOK || strings.Contains(body, "/documents/x1") {
		t.Errorf("match=all: %d, still lists partial matches", code)
	}
	_, _, body = get(t, ts.URL+"/search?q="+url.QueryEscape("credti"))
	if !strings.Contains(body, "spelled <q>credit</q>") || !strings.Contains(body, "/documents/x1") {
		t.Error("a misspelt word is not matched in its near spelling, or not said")
	}
	if !strings.Contains(body, `Did you mean <a href="/search?q=credit"><q>credit</q></a>?`) {
		t.Error("no did-you-mean link to the corrected query")
	}
	if _, _, body = get(t, ts.URL+"/search?q=credit"); strings.Contains(body, "Did you mean") {
		t.Error("did-you-mean offered for a query spelled right")
	}
	code, _, body = get(t, ts.URL+"/api/search?q="+url.QueryEscape("credit telegram zanzibar"))
	var res struct{ Total, Exact int }
	if code != http.StatusOK || json.Unmarshal([]byte(body), &res) != nil || res.Exact != 0 || res.Total == 0 {
		t.Errorf("API: %d %s", code, body)
	}
}

// The result page says when it mixes documents with every word and those
// with most of them, and when a word matched another form of a name.
func TestMixedAndVariantMatchesSaidOnThePage(t *testing.T) {
	recs := []record.Record{
		{ID: "p1", Title: "Telegram from Peking", Type: "Telegram", Category: record.Primary, Body: "The legation at Peking asks for credit."},
		{ID: "p2", Title: "Report on credit", Type: "Report", Category: record.Primary, Body: "Credit and the cotton loan were discussed."},
		{ID: "p3", Title: "Report on cotton", Type: "Report", Category: record.Primary, Body: "The cotton loan was refused."},
	}
	// Filler, so that the words searched are rare enough to decide a tier.
	for i := range 40 {
		recs = append(recs, record.Record{ID: fmt.Sprintf("f%d", i), Title: "Weather report", Type: "Report",
			Category: record.Primary, Body: "The weather was fine."})
	}
	ts, _ := limitedServer(t, DefaultLimits, recs...)
	_, _, body := get(t, ts.URL+"/search?q="+url.QueryEscape("credit cotton loan"))
	if !strings.Contains(body, "1 document has every word; after it, documents with most of them.") {
		t.Errorf("a page with one exact match and partial ones after it does not say so:\n%s", body)
	}
	if strings.Contains(body, "No document has all of these words") {
		t.Error("says no document has every word, though one has")
	}
	_, _, body = get(t, ts.URL+"/search?q=Beijing")
	if !strings.Contains(body, "/documents/p1") || !strings.Contains(body, "<q>Beijing</q> written <q>") {
		t.Errorf("Beijing does not find Peking, or the page does not say it matched another form:\n%s", body)
	}
	_, _, body = get(t, ts.URL+"/search?q=credit")
	if strings.Contains(body, "Also matched") || strings.Contains(body, "most of them") {
		t.Error("a query every hit matches exactly carries a notice of partial or corrected matches")
	}
}
