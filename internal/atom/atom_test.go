package atom

import (
	"encoding/xml"
	"strings"
	"testing"
	"time"
)

func TestWrite(t *testing.T) {
	when := time.Date(2026, 12, 4, 18, 0, 0, 0, time.FixedZone("x", 3600))
	f := Feed{ID: "https://a.example/feed.atom", Title: "New <documents> & more", Self: "https://a.example/feed.atom",
		Alternate: "https://a.example/", Updated: when, Entries: []Entry{{
			ID: "https://a.example/documents/1", Title: "Telegram\x01 \"to\" <Moscow>", Link: "https://a.example/documents/1",
			Updated: when, Published: when, Summary: "A & B", Categories: []string{"Telegram", ""}}}}
	b, err := Write(f)
	if err != nil {
		t.Fatal(err)
	}
	var back struct {
		XMLName xml.Name
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Entries []struct {
			Title    string `xml:"title"`
			Updated  string `xml:"updated"`
			Category []struct {
				Term string `xml:"term,attr"`
			} `xml:"category"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(b, &back); err != nil {
		t.Fatalf("not well-formed: %v\n%s", err, b)
	}
	if back.XMLName.Space != Namespace || back.Title != "New <documents> & more" || back.Updated != "2026-12-04T17:00:00Z" {
		t.Errorf("feed: %+v", back)
	}
	if len(back.Entries) != 1 || back.Entries[0].Title != `Telegram "to" <Moscow>` || len(back.Entries[0].Category) != 1 {
		t.Errorf("entries: %+v", back.Entries)
	}
	if strings.Contains(string(b), "\x01") {
		t.Error("a control character reached the feed")
	}
	for _, bad := range []Feed{{Title: "x", Updated: when}, {ID: "x", Updated: when}, {ID: "x", Title: "x"},
		{ID: "x", Title: "x", Updated: when, Entries: []Entry{{Title: "no id", Updated: when}}}} {
		if _, err := Write(bad); err == nil {
			t.Errorf("Write(%+v) accepted", bad)
		}
	}
}
