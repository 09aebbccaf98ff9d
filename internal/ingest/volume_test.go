package ingest

import (
	"context"
	"strings"
	"testing"

	"fond/internal/testutil"
)

// A small printed volume, written for this test: four documents one after
// another, two of them running over a page break, the source notes at the foot
// of the page where each heading calls them, numbered afresh in each document,
// and the three numbering styles volumes use ("285.", "No. 287", "288. Telegram
// From …" on one line).
var volumePages = [][]string{{
	"218 FOREIGN RELATIONS, 1953, VOLUME II", "",
	"285.", "",
	"The Secretary of State to the Embassy in Japan¹", "",
	"Washington, January 22, 1953.", "",
	"The Department has considered your message and the proposals of", "the", "",
	"¹ Source: Department of State, Central Files, 611.61/1-2053. Secret.",
}, {
	"JAPAN 219", "",
	"Government of Japan.", "",
	"Dulles", "",
	"286.", "",
	"The Ambassador in Japan (Murphy) to the Department of State¹", "",
	"Tokyo, January 24, 1953—5 p.m.", "",
	"2310. Your telegram² was received and", "",
	"¹ Source: Department of State, Central Files, 611.94/1-2453. Secret.",
	"² Not printed.",
}, {
	"220 FOREIGN RELATIONS, 1953, VOLUME II", "",
	"discussed with the Foreign Minister today.", "",
	"Murphy", "",
	"No. 287", "",
	"Memorandum of Conversation, by the Secretary of State¹", "",
	"Washington, February 2, 1953.", "",
	"1. The Ambassador called at his request.", "",
	"2. The Secretary said the matter would be studied.", "",
	"¹ File No. 794.00/2-253.",
}, {
	"JAPAN 221", "",
	"288. Telegram From the Department of State to the Embassy in Japan¹", "",
	"Washington, February 5, 1953.", "",
	"Your 2310 answered by separate message.", "",
	"Dulles", "",
	"¹ Source: Department of State, Central Files, 611.94/2-553. Confidential.",
}}

type wantDoc struct{ number, title, date, file, body, notBody, note string }

var volumeWant = []wantDoc{
	{"285", "The Secretary of State to the Embassy in Japan", "1953-01-22", "611.61/1-2053", "proposals of the Government of Japan", "Murphy", ""},
	{"286", "The Ambassador in Japan (Murphy) to the Department of State", "1953-01-24", "611.94/1-2453", "received and discussed with", "Memorandum", "Not printed."},
	{"287", "Memorandum of Conversation, by the Secretary of State", "1953-02-02", "794.00/2-253", "would be studied", "Telegram", ""},
	{"288", "Telegram From the Department of State to the Embassy in Japan", "1953-02-05", "611.94/2-553", "separate message", "studied", ""},
}

func checkVolume(t *testing.T, name string, data []byte) Result {
	t.Helper()
	res, err := Extract(context.Background(), name, data)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) != len(volumeWant) {
		for _, r := range res.Records {
			t.Logf("%s %q", r.DocNumber, r.Title)
		}
		t.Fatalf("%s: %d records, want %d", name, len(res.Records), len(volumeWant))
	}
	for i, w := range volumeWant {
		r := res.Records[i]
		if r.DocNumber != w.number || r.Key != "no-"+w.number || r.Title != w.title || r.Date.EDTF != w.date {
			t.Errorf("%s %d: number %q key %q title %q date %q", name, i, r.DocNumber, r.Key, r.Title, r.Date.EDTF)
		}
		if len(r.Sources) == 0 || r.Sources[0].File != w.file {
			t.Errorf("%s %s: sources %+v", name, w.number, r.Sources)
		}
		body := strings.Join(strings.Fields(r.Body), " ")
		if !strings.Contains(body, w.body) || strings.Contains(body, w.notBody) || strings.Contains(body, "FOREIGN RELATIONS") {
			t.Errorf("%s %s: body %q", name, w.number, body)
		}
		var notes []string
		for _, n := range r.Notes {
			notes = append(notes, n.Text)
		}
		if w.note != "" && (len(notes) != 1 || notes[0] != w.note) || w.note == "" && len(notes) != 0 {
			t.Errorf("%s %s: notes %q", name, w.number, notes)
		}
	}
	return res
}

func TestVolumeTextGivesARecordPerDocument(t *testing.T) {
	var pages []string
	for _, p := range volumePages {
		pages = append(pages, strings.Join(p, "\n"))
	}
	data := []byte(strings.Join(pages, "\n\n") + "\n")
	res := checkVolume(t, "volume.txt", data)
	// Keys are the edition's numbers: the same volume read again gives the
	// same ids, whatever else the file holds.
	again, err := Extract(context.Background(), "volume.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	for i := range res.Records {
		if again.Records[i].ID != res.Records[i].ID {
			t.Errorf("record %d: id %s, then %s", i, res.Records[i].ID, again.Records[i].ID)
		}
	}
}

func TestVolumePDFGivesARecordPerDocument(t *testing.T) {
	testutil.NeedPrograms(t, "pdftotext")
	// testutil.PDF sets Latin-1 only: the marks as plain digits, as a
	// reader of many PDFs and OCR gives them.
	ascii := strings.NewReplacer("¹", "1", "²", "2", "—", "-")
	var pages [][]string
	for _, p := range volumePages {
		var lines []string
		for _, l := range p {
			lines = append(lines, ascii.Replace(l))
		}
		pages = append(pages, lines)
	}
	res := checkVolume(t, "volume.pdf", testutil.PDF(pages...))
	// Each document keeps the pages it stands on.
	wantPages := [][]int{{1, 2}, {2, 3}, {3}, {4}}
	for i, r := range res.Records {
		var got []int
		for _, p := range r.Pages {
			got = append(got, p.N)
		}
		if len(got) != len(wantPages[i]) || got[0] != wantPages[i][0] || got[len(got)-1] != wantPages[i][len(wantPages[i])-1] {
			t.Errorf("%s: pages %v, want %v", r.DocNumber, got, wantPages[i])
		}
	}
}
