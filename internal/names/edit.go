package names

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
)

// JSON writes the file in the form Load reads.
func (f *File) JSON() ([]byte, error) {
	return json.MarshalIndent(f.Authorities, "", "  ")
}

// CSV writes one authority per row: id, kind, preferred, variants joined by "|",
// dates, roles joined by "|". Spreadsheets are how archivists edit lists.
func (f *File) CSV() ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write([]string{"id", "kind", "preferred", "variants", "dates", "roles"})
	for _, a := range f.Authorities {
		w.Write([]string{a.ID, a.Kind, a.Preferred, strings.Join(a.Variants, "|"), a.Dates, strings.Join(a.Roles, "|")})
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

// LoadCSV reads the CSV form.
func LoadCSV(r io.Reader) (*File, error) {
	rows, err := csv.NewReader(r).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("authority CSV: %w", err)
	}
	if len(rows) == 0 || len(rows[0]) < 3 || rows[0][0] != "id" {
		return nil, fmt.Errorf("authority CSV: the first row must be the header id,kind,preferred,variants,dates,roles")
	}
	split := func(s string) []string {
		var out []string
		for _, p := range strings.Split(s, "|") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
		return out
	}
	var list []Authority
	for i, row := range rows[1:] {
		for len(row) < 6 {
			row = append(row, "")
		}
		if row[0] == "" {
			return nil, fmt.Errorf("authority CSV: row %d has no id", i+2)
		}
		list = append(list, Authority{ID: row[0], Kind: row[1], Preferred: row[2], Variants: split(row[3]), Dates: row[4], Roles: split(row[5])})
	}
	return New(list)
}

// Merge folds authority b into a: b's names become variants of a. For when an
// archivist finds two records are one person.
func (f *File) Merge(a, b string) (*File, error) {
	ia, ib := f.index(a), f.index(b)
	if ia < 0 || ib < 0 || ia == ib {
		return nil, fmt.Errorf("merge: need two different known ids (got %q, %q)", a, b)
	}
	list := append([]Authority(nil), f.Authorities...)
	dst := list[ia]
	dst.Variants = unique(append(append(append([]string(nil), dst.Variants...), list[ib].Preferred), list[ib].Variants...))
	list[ia] = dst
	list = append(list[:ib], list[ib+1:]...)
	return New(list)
}

// Split moves a variant of authority id into a new authority newID: for when one
// spelling turns out to name someone else.
func (f *File) Split(id, variant, newID string) (*File, error) {
	i := f.index(id)
	if i < 0 {
		return nil, fmt.Errorf("split: unknown id %q", id)
	}
	list := append([]Authority(nil), f.Authorities...)
	a := list[i]
	var kept []string
	found := false
	for _, v := range a.Variants {
		if strings.EqualFold(v, variant) {
			found = true
			continue
		}
		kept = append(kept, v)
	}
	if !found {
		return nil, fmt.Errorf("split: %q is not a variant of %s", variant, id)
	}
	a.Variants = kept
	list[i] = a
	list = append(list, Authority{ID: newID, Kind: a.Kind, Preferred: variant})
	return New(list)
}

// Add puts a variant on an authority (an archivist confirming a suggestion).
func (f *File) Add(id, variant string) (*File, error) {
	i := f.index(id)
	if i < 0 {
		return nil, fmt.Errorf("unknown id %q", id)
	}
	list := append([]Authority(nil), f.Authorities...)
	a := list[i]
	a.Variants = unique(append(append([]string(nil), a.Variants...), variant))
	list[i] = a
	return New(list)
}

func (f *File) index(id string) int {
	if i, ok := f.byID[id]; ok {
		return i
	}
	return -1
}

// ByID returns the authority with that id.
func (f *File) ByID(id string) (Authority, bool) {
	i, ok := f.byID[id]
	if !ok {
		return Authority{}, false
	}
	return f.Authorities[i], true
}

// Sorted returns the authorities by kind and preferred name.
func (f *File) Sorted() []Authority {
	out := append([]Authority(nil), f.Authorities...)
	sort.Slice(out, func(i, j int) bool {
		if out[i].Kind != out[j].Kind {
			return out[i].Kind < out[j].Kind
		}
		return out[i].Preferred < out[j].Preferred
	})
	return out
}

func unique(list []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range list {
		if k := strings.ToLower(s); !seen[k] {
			seen[k] = true
			out = append(out, s)
		}
	}
	return out
}
