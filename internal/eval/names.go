package eval

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	authority "fond/internal/names"
)

// NameReport is the mention → person linking evaluation.
type NameReport struct {
	Volumes   int      `json:"volumes"`   // volumes with a persons list
	Persons   int      `json:"persons"`   // people in the lists
	Mentions  int      `json:"mentions"`  // persName mentions pointing at them
	Resolved  int      `json:"resolved"`  // mentions fond resolved to some person
	Correct   int      `json:"correct"`   // ... to the person the markup names
	Precision float64  `json:"precision"` // correct / resolved
	Recall    float64  `json:"recall"`    // correct / mentions
	Wrong     []string `json:"wrong,omitempty"`
}

// FRUSNames builds an authority file from each volume's list of persons ("Stevens,
// John F.") by rule — inverted name, surname alone, initials — and resolves every
// `persName corresp` mention in the volume's text against it, the way fond
// resolves names in documents, scoring against the markup.
func FRUSNames(ctx context.Context, dir string, samples int) (*NameReport, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.xml"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	rep := &NameReport{}
	for _, path := range files {
		persons, mentions, err := readPersons(ctx, path)
		if err != nil {
			return nil, err
		}
		if len(persons) == 0 {
			continue
		}
		rep.Volumes++
		rep.Persons += len(persons)
		var list []authority.Authority
		for id, entry := range persons {
			list = append(list, authorityFor(id, entry))
		}
		sort.Slice(list, func(i, j int) bool { return list[i].ID < list[j].ID })
		file, err := authority.New(list)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Base(path), err)
		}
		for _, m := range mentions {
			rep.Mentions++
			got, ok := file.Resolve(m.text)
			if !ok {
				continue
			}
			rep.Resolved++
			if got.Authority.ID == m.person {
				rep.Correct++
			} else if len(rep.Wrong) < samples {
				rep.Wrong = append(rep.Wrong, fmt.Sprintf("%s: %q → %s, markup says %s", filepath.Base(path), m.text, got.Authority.Preferred, persons[m.person]))
			}
		}
	}
	if rep.Resolved > 0 {
		rep.Precision = float64(rep.Correct) / float64(rep.Resolved)
	}
	if rep.Mentions > 0 {
		rep.Recall = float64(rep.Correct) / float64(rep.Mentions)
	}
	return rep, nil
}

// titles are honorifics and ranks that lists put among given names.
var titles = map[string]bool{"mr.": true, "mrs.": true, "dr.": true, "col.": true, "colonel": true, "gen.": true, "general": true,
	"maj.": true, "major": true, "lt.": true, "capt.": true, "captain": true, "admiral": true, "adm.": true, "sir": true,
	"lord": true, "baron": true, "count": true, "prince": true, "rev.": true, "hon.": true, "senator": true, "judge": true}

// authorityFor writes the forms documents use for a listed person: given names
// and surname in both orders, initials, first given name only, rank + surname.
func authorityFor(id, entry string) authority.Authority {
	a := authority.Authority{ID: id, Kind: "person", Preferred: entry}
	surname, given, inverted := strings.Cut(entry, ",")
	if !inverted {
		return a
	}
	surname = strings.TrimSpace(surname)
	var ranks, names []string
	for _, g := range strings.Fields(given) {
		if titles[strings.ToLower(g)] {
			ranks = append(ranks, g)
		} else {
			names = append(names, g)
		}
	}
	given = strings.Join(names, " ")
	a.Preferred = strings.TrimSpace(given + " " + surname)
	a.Variants = []string{entry, surname, surname + ", " + given}
	var initials, full []string
	for _, g := range names {
		if r := []rune(strings.Trim(g, ".")); len(r) > 0 {
			initials = append(initials, string(r[0])+".")
			if len(r) > 1 {
				full = append(full, g)
			}
		}
	}
	if len(initials) > 0 {
		a.Variants = append(a.Variants, strings.Join(initials, " ")+" "+surname, strings.Join(initials, "")+" "+surname)
	}
	if len(full) > 0 && len(full) < len(names) {
		a.Variants = append(a.Variants, strings.Join(full, " ")+" "+surname) // without middle initials
	}
	if len(names) > 1 {
		a.Variants = append(a.Variants, names[0]+" "+surname, strings.Join(names[1:], " ")+" "+surname)
	}
	for _, r := range ranks {
		a.Variants = append(a.Variants, r+" "+surname)
	}
	return a
}

type mention struct{ person, text string }

// readPersons streams a volume for its persons list (persName with xml:id) and
// the mentions that point at it (persName with corresp="#id").
func readPersons(ctx context.Context, path string) (map[string]string, []mention, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	dec := xml.NewDecoder(f)
	persons := map[string]string{}
	var mentions []mention
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", filepath.Base(path), err)
		}
		start, ok := tok.(xml.StartElement)
		if !ok || start.Name.Local != "persName" {
			continue
		}
		var id, corresp string
		for _, a := range start.Attr {
			switch a.Name.Local {
			case "id":
				id = a.Value
			case "corresp":
				corresp = strings.TrimPrefix(a.Value, "#")
			}
		}
		var text struct {
			Inner string `xml:",innerxml"`
		}
		if err := dec.DecodeElement(&text, &start); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", filepath.Base(path), err)
		}
		plain := strings.Join(strings.Fields(stripTags(text.Inner)), " ")
		switch {
		case id != "" && plain != "":
			persons[id] = plain
		case corresp != "" && plain != "":
			mentions = append(mentions, mention{corresp, plain})
		}
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
	}
	// Mentions of people missing from the list cannot be scored.
	kept := mentions[:0]
	for _, m := range mentions {
		if _, ok := persons[m.person]; ok {
			kept = append(kept, m)
		}
	}
	return persons, kept, nil
}

func stripTags(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '<':
			depth++
		case r == '>' && depth > 0:
			depth--
			b.WriteRune(' ')
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}
