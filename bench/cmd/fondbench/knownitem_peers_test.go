package main

import (
	"slices"
	"testing"

	"fond/internal/record"
)

// kiPeerRecords are three despatches, one with a Russian name in the
// period's spelling and a place the others lack.
func kiPeerRecords() []record.Record {
	mk := func(id, title, body, place, year string, authors ...string) record.Record {
		r := record.Record{ID: id, Title: title, Body: body, Place: place, Authors: authors}
		r.Date.Display = year
		return r
	}
	return []record.Record{
		mk("semenoff", "The Consul at Harbin to the Secretary of State",
			"The Cossack leader Semenoff crossed the frontier near Manchuli with his detachment.", "Harbin", "1918", "Moser"),
		mk("loan", "The Ambassador in Japan to the Secretary of State",
			"The cabinet discussed the loan negotiations at length with the bankers.", "Tokyo", "1918", "Morris"),
		mk("canal", "The Minister in Nicaragua to the Secretary of State",
			"The canal concession was debated by the assembly for a week.", "Managua", "1894", "Baker"),
	}
}

// TestKnownItemPeersModes runs Sphinx's and Xapian's known-item modes on
// three records, where installed (bench/search.sh installs them): words all
// present are found in every mode; a name misspelled is found by any-word
// modes through the other word, and by the engines' spelling aids alone.
func TestKnownItemPeersModes(t *testing.T) {
	type want struct {
		mode, query string
		first       string // "" = the record must not be found
	}
	cases := map[string][]want{
		"sphinx": {
			{"or", "cabinet loan bankers", "loan"},
			{"and", "cabinet loan bankers", "loan"},
			{"and", "Semenov Manchuli", ""},
			{"or", "Semenov Manchuli", "semenoff"},
			// Metaphone codes Semenov as Semenoff: the name alone finds it.
			{"or+metaphone", "Semenov", "semenoff"},
			{"or", "Semenov", ""},
		},
		"xapian": {
			{"or+spelling", "cabinet loan bankers", "loan"},
			{"and", "Semenof Manchuli", ""},
			// The absent word is replaced by the nearest the index holds.
			{"or+spelling", "Semenof", "semenoff"},
			{"or", "Semenof", ""},
			// A word the index holds stays as typed, however rare.
			{"or+spelling", "Moser 1918", "semenoff"},
		},
	}
	recs := kiPeerRecords()
	for _, name := range []string{"sphinx", "xapian"} {
		t.Run(name, func(t *testing.T) {
			if err := peerMissing(name); err != nil {
				t.Skipf("%s not installed (bench/search.sh installs it): %v", name, err)
			}
			e, err := newKIEngine(t.Context(), name, t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			defer e.close()
			if err := e.load(t.Context(), nil, recs); err != nil {
				t.Fatal(err)
			}
			for _, c := range cases[name] {
				if !slices.Contains(e.modes(), c.mode) {
					t.Fatalf("mode %q not among %v", c.mode, e.modes())
				}
				top, err := e.topIDs(t.Context(), c.mode, c.query, 10)
				if err != nil {
					t.Fatalf("%s %q: %v", c.mode, c.query, err)
				}
				switch {
				case c.first == "" && slices.Contains(top, "semenoff"):
					t.Errorf("%s %q found %v, want not the Semenoff despatch", c.mode, c.query, top)
				case c.first != "" && (len(top) == 0 || top[0] != c.first):
					t.Errorf("%s %q: %v, want %s first", c.mode, c.query, top, c.first)
				}
			}
		})
	}
}
