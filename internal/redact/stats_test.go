package redact

import (
	"reflect"
	"testing"
)

// TestStatsBy: releases of two bodies in two collections are summed per
// collection, body and year, and as totals per body and per year, each
// total's median taken over its own releases.
func TestStatsBy(t *testing.T) {
	rs := []Released{
		{Collection: "frus", Body: "Central Intelligence Agency", Year: "2010", DocYear: "1960", Withheld: Withheld{Spans: 2, Lines: 6}, LaterYear: "2015", Later: Withheld{Spans: 1, Lines: 2}},
		{Collection: "frus", Body: "National Archives and Records Administration", Year: "2010", DocYear: "1950", Withheld: Withheld{Spans: 1, Lines: 4}},
		{Collection: "nsc", Body: "Central Intelligence Agency", Year: "2012", DocYear: "1970", Withheld: Withheld{Spans: 1, Pages: 1}},
		{Collection: "frus", Body: "Central Intelligence Agency", Year: "2010", DocYear: "1970", Withheld: Withheld{Spans: 1, Lines: 1}},
	}
	full := Stats(rs)
	want := []StatsRow{
		{Collection: "frus", Body: "Central Intelligence Agency", Year: "2010", Documents: 2, Spans: 3, Lines: 7, LaterReleased: 1, LinesReleased: 4, MedianYears: 45},
		{Collection: "frus", Body: "National Archives and Records Administration", Year: "2010", Documents: 1, Spans: 1, Lines: 4, MedianYears: 60},
		{Collection: "nsc", Body: "Central Intelligence Agency", Year: "2012", Documents: 1, Spans: 1, Pages: 1, MedianYears: 42},
	}
	if !reflect.DeepEqual(full, want) {
		t.Errorf("Stats =\n%+v\nwant\n%+v", full, want)
	}
	byBody := StatsBy(rs, ByBody)
	wantBody := []StatsRow{
		{Body: "Central Intelligence Agency", Documents: 3, Spans: 4, Lines: 7, Pages: 1, LaterReleased: 1, LinesReleased: 4, MedianYears: 42},
		{Body: "National Archives and Records Administration", Documents: 1, Spans: 1, Lines: 4, MedianYears: 60},
	}
	if !reflect.DeepEqual(byBody, wantBody) {
		t.Errorf("StatsBy(ByBody) =\n%+v\nwant\n%+v", byBody, wantBody)
	}
	byYear := StatsBy(rs, ByYear)
	if len(byYear) != 2 || byYear[0].Year != "2010" || byYear[0].Documents != 3 || byYear[0].MedianYears != 50 || byYear[1].Year != "2012" {
		t.Errorf("StatsBy(ByYear) = %+v", byYear)
	}
}
