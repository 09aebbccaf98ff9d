package tei

import (
	"strings"

	"fond/internal/record"
)

// Volume is the printed edition the documents belong to, from the teiHeader.
type Volume struct {
	ID          string // the TEI root's xml:id, else the header's idno type="frus"
	Title       string // title type="complete"
	Series      string
	Subseries   string // usually the year ("1934"); empty in several volumes
	VolumeTitle string // title type="volume" ("The American Republics")
	Number      string // title type="volumenumber" ("Volume IV", "Part III")
	Publisher   string
	PubPlace    string
	Year        string // publication year, not the year the documents were written
	// Releases are the declassification releases the header lists
	// (<revisionDesc><change type="release">, as fond's TEI export writes
	// them): the file's text is theirs.
	Releases []record.Release
}

// readHeader fills v from the teiHeader. The volumes spell the title types two
// ways ("subseries" and the older "sub-series", "volumenumber" and
// "volume-number"), so both are read.
func (v *Volume) readHeader(h *node) {
	h.walk(func(x *node) bool {
		switch x.name {
		case "revisionDesc":
			v.readReleases(x)
			return false
		case "sourceDesc", "encodingDesc", "profileDesc":
			return false // their titles and dates are about the encoding, not the book
		case "title":
			t := inline(x)
			switch strings.ReplaceAll(strings.ToLower(x.get("type")), "-", "") {
			case "complete":
				v.Title = t
			case "series":
				v.Series = t
			case "subseries":
				v.Subseries = t
			case "volume":
				v.VolumeTitle = t
			case "volumenumber":
				v.Number = t
			case "", "main":
				if v.Title == "" {
					v.Title = t
				}
			}
			return false
		case "publisher":
			if v.Publisher == "" {
				v.Publisher = inline(x)
			}
			return false
		case "pubPlace":
			if v.PubPlace == "" {
				v.PubPlace = inline(x)
			}
			return false
		case "date":
			if v.Year == "" {
				v.Year = firstYear(x.get("when") + " " + inline(x))
			}
			return false
		case "idno":
			if x.get("type") == "frus" && v.ID == "" {
				v.ID = inline(x)
			}
			return false
		}
		return true
	})
}

// readReleases reads the changes of type "release": the date, the releasing
// body (orgName), authority (idno type="authority") and classification
// before release (term type="classification") fond's export marks in them.
func (v *Volume) readReleases(rd *node) {
	rd.walk(func(x *node) bool {
		if x.name != "change" {
			return true
		}
		if x.get("type") != "release" {
			return false
		}
		rel := record.Release{Date: x.get("when"), Stamp: inline(x)}
		x.walk(func(y *node) bool {
			switch {
			case y.name == "orgName" && rel.Body == "":
				rel.Body = inline(y)
			case y.name == "idno" && y.get("type") == "authority" && rel.Authority == "":
				rel.Authority = inline(y)
			case y.name == "term" && y.get("type") == "classification" && rel.Classification == "":
				rel.Classification = inline(y)
			}
			return true
		})
		if rel.Date != "" {
			v.Releases = append(v.Releases, rel)
		}
		return false
	})
}

// firstYear is the first run of four digits in s.
func firstYear(s string) string {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			run++
			if run == 4 && (i+1 == len(s) || s[i+1] < '0' || s[i+1] > '9') {
				return s[i-3 : i+1]
			}
			continue
		}
		run = 0
	}
	return ""
}
