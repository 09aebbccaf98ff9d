package web

import (
	"encoding/csv"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"fond/internal/redact"
)

// TestReleaseStats: the fixture's 1995 release withheld 3 paragraphs (14
// lines) that a later release showed, the 2008 release 1 paragraph (4 lines);
// past --max-stats-records the count stops and says so.
func TestReleaseStats(t *testing.T) {
	srv, ts, _ := releasesServer(t)
	code, _, js := get(t, ts.URL+"/api/releases/stats")
	var st struct {
		Rows        []redact.StatsRow `json:"rows"`
		ByBody      []redact.StatsRow `json:"by_body"`
		ByYear      []redact.StatsRow `json:"by_year"`
		Read, Total int
	}
	if err := json.Unmarshal([]byte(js), &st); err != nil || code != 200 {
		t.Fatalf("status %d, %v: %s", code, err, js)
	}
	const nara = "National Archives and Records Administration"
	want := []redact.StatsRow{
		{Body: nara, Year: "1995", Documents: 1, Spans: 3, Lines: 14, Paragraphs: 3, LaterReleased: 1, LinesReleased: 14, MedianYears: 43},
		{Body: nara, Year: "2008", Documents: 1, Spans: 1, Lines: 4, Paragraphs: 1, LaterReleased: 1, LinesReleased: 4, MedianYears: 56},
	}
	if st.Read != 2 || st.Total != 2 || len(st.Rows) != 2 || !reflect.DeepEqual(st.Rows, want) {
		t.Errorf("stats = %+v, want rows %+v", st, want)
	}
	wantBody := []redact.StatsRow{{Body: nara, Documents: 2, Spans: 4, Lines: 18, Paragraphs: 4, LaterReleased: 2, LinesReleased: 18, MedianYears: 49.5}}
	if !reflect.DeepEqual(st.ByBody, wantBody) || len(st.ByYear) != 2 || st.ByYear[0].Body != "" || st.ByYear[0].Lines != 14 {
		t.Errorf("by body %+v, want %+v; by year %+v", st.ByBody, wantBody, st.ByYear)
	}
	code, _, body := get(t, ts.URL+"/releases/stats")
	if code != 200 || !strings.Contains(body, "<td>"+nara+"</td><td>1995</td><td>1</td><td>14</td><td>3</td><td>0</td><td>1</td><td>14</td><td>43</td>") {
		t.Errorf("status %d, the 1995 row missing:\n%s", code, body)
	}
	if err := checkHTML(body); err != nil {
		t.Error(err)
	}
	// The chart: two bars a year, the tallest (1995's 14 lines) full height,
	// each saying its figure; the totals table after it says the same.
	for _, want := range []string{`<svg role="img" aria-labelledby="chart-title"`,
		`height="160"><title>1995: 14 lines withheld</title>`, `<title>2008: 4 of them released later</title>`,
		"<td>1995</td><td>1</td><td>14</td>", "<td>" + nara + "</td><td>2</td><td>18</td>", `href="/releases/stats.csv"`} {
		if !strings.Contains(body, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if strings.Contains(body, "<script") {
		t.Error("the statistics page uses a script; the chart is drawn on the server")
	}
	srv.Limits.MaxStatsRecords = 1
	_, _, body = get(t, ts.URL+"/releases/stats")
	if !strings.Contains(body, "Counted the first 1 of 2 withheld releases") {
		t.Errorf("over --max-stats-records, the page does not say what it left out")
	}
}

// TestReleaseStatsCSV: the CSV has the JSON's rows and columns, reads back
// with encoding/csv, says what it counted in its headers, and a text cell a
// spreadsheet would take for a formula is written with an apostrophe first.
func TestReleaseStatsCSV(t *testing.T) {
	srv, ts, _ := releasesServer(t)
	code, h, body := get(t, ts.URL+"/releases/stats.csv")
	if code != 200 || h.Get("Content-Type") != "text/csv; charset=utf-8" || !strings.HasPrefix(h.Get("Content-Disposition"), "attachment") {
		t.Fatalf("status %d, %q %q", code, h.Get("Content-Type"), h.Get("Content-Disposition"))
	}
	rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not read back: %v\n%s", err, body)
	}
	want := [][]string{releaseStatsColumns,
		{"", "National Archives and Records Administration", "1995", "1", "3", "14", "3", "0", "1", "14", "43"},
		{"", "National Archives and Records Administration", "2008", "1", "1", "4", "1", "0", "1", "4", "56"}}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("csv = %q, want %q", rows, want)
	}
	if h.Get("X-Stats-Read") != "2" || h.Get("X-Stats-Total") != "2" {
		t.Errorf("counted headers %q of %q", h.Get("X-Stats-Read"), h.Get("X-Stats-Total"))
	}
	srv.Limits.MaxStatsRecords = 1
	if _, h, body = get(t, ts.URL+"/releases/stats.csv"); h.Get("X-Stats-Read") != "1" || h.Get("X-Stats-Total") != "2" || strings.Count(body, "\n") != 2 {
		t.Errorf("over --max-stats-records: read %q of %q, csv:\n%s", h.Get("X-Stats-Read"), h.Get("X-Stats-Total"), body)
	}
	got := releaseStatsRecord(redact.StatsRow{Collection: "@SUM(A1)", Body: "=HYPERLINK(\"http://x\")", Year: "-1"})
	if got[0] != "'@SUM(A1)" || got[1] != "'=HYPERLINK(\"http://x\")" || got[2] != "'-1" {
		t.Errorf("formula cells written as %q", got[:3])
	}
}
