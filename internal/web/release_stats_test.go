package web

import (
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
		Read, Total int
	}
	if err := json.Unmarshal([]byte(js), &st); err != nil || code != 200 {
		t.Fatalf("status %d, %v: %s", code, err, js)
	}
	want := []redact.StatsRow{
		{Year: "1995", Documents: 1, Spans: 3, Lines: 14, Paragraphs: 3, LaterReleased: 1, LinesReleased: 14, MedianYears: 43},
		{Year: "2008", Documents: 1, Spans: 1, Lines: 4, Paragraphs: 1, LaterReleased: 1, LinesReleased: 4, MedianYears: 56},
	}
	if st.Read != 2 || st.Total != 2 || len(st.Rows) != 2 || !reflect.DeepEqual(st.Rows, want) {
		t.Errorf("stats = %+v, want rows %+v", st, want)
	}
	code, _, body := get(t, ts.URL+"/releases/stats")
	if code != 200 || !strings.Contains(body, "<td>1995</td><td>1</td><td>14</td><td>3</td><td>0</td><td>1</td><td>14</td><td>43</td>") {
		t.Errorf("status %d, the 1995 row missing:\n%s", code, body)
	}
	if err := checkHTML(body); err != nil {
		t.Error(err)
	}
	srv.Limits.MaxStatsRecords = 1
	_, _, body = get(t, ts.URL+"/releases/stats")
	if !strings.Contains(body, "Counted the first 1 of 2 withheld releases") {
		t.Errorf("over --max-stats-records, the page does not say what it left out")
	}
}
