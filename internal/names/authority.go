package names

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"

	"fond/internal/romanize"
)

// Authority is a person, place or organisation with its preferred name and the
// other forms documents use: romanizations, other scripts, pseudonyms ("Filippov"
// for Stalin), old and new place names.
type Authority struct {
	ID        string   `json:"id"`
	Kind      string   `json:"kind"` // person | place | organisation
	Preferred string   `json:"preferred"`
	Variants  []string `json:"variants"`
	Dates     string   `json:"dates,omitempty"`
	Roles     []string `json:"roles,omitempty"`
	// Coords is a place's latitude and longitude in degrees, for the map: a
	// city's centre, a province's middle.
	Coords []float64 `json:"coords,omitempty"`
}

// starter is the file fond ships: the people, places and pseudonyms that recur in
// Cold War documents, written from facts by the team.
//
//go:embed starter.json
var starter []byte

// File is a set of authorities with an index by spelling.
type File struct {
	Authorities []Authority
	byForm      map[string]int // folded exact form -> index
	byKey       map[string]int // romanization key -> index (only unambiguous keys)
	byID        map[string]int
	suggested   sync.Map // name -> []Match, Suggest's answers
}

// Starter returns the built-in authority file.
func Starter() *File {
	f, err := Load(starter)
	if err != nil {
		panic(fmt.Sprintf("names: starter file: %v", err)) // a build defect, caught by tests
	}
	return f
}

// Load reads authorities from JSON (an array of Authority).
func Load(data []byte) (*File, error) {
	var list []Authority
	if err := json.Unmarshal(data, &list); err != nil {
		return nil, fmt.Errorf("authority file: %w", err)
	}
	return New(list)
}

// New indexes authorities; ids must be unique.
func New(list []Authority) (*File, error) {
	f := &File{Authorities: list, byForm: map[string]int{}, byKey: map[string]int{}, byID: map[string]int{}}
	ambiguous, ambiguousForm := map[string]bool{}, map[string]bool{}
	for i, a := range list {
		if a.ID == "" || a.Preferred == "" {
			return nil, fmt.Errorf("authority %d: id and preferred name are required", i+1)
		}
		if _, dup := f.byID[a.ID]; dup {
			return nil, fmt.Errorf("authority %q appears twice", a.ID)
		}
		if c := a.Coords; c != nil && (len(c) != 2 || c[0] < -90 || c[0] > 90 || c[1] < -180 || c[1] > 180) {
			return nil, fmt.Errorf("authority %q: coords %v are not [latitude, longitude] in degrees", a.ID, c)
		}
		f.byID[a.ID] = i
		for _, form := range append([]string{a.Preferred}, a.Variants...) {
			if j, seen := f.byForm[fold(form)]; seen && j != i {
				ambiguousForm[fold(form)] = true
			}
			f.byForm[fold(form)] = i
			k := romanize.Key(form)
			if j, seen := f.byKey[k]; seen && j != i {
				ambiguous[k] = true
			}
			f.byKey[k] = i
		}
	}
	// A form two authorities share ("Stevens" for two people) names neither:
	// resolving it would guess.
	for k := range ambiguous {
		delete(f.byKey, k)
	}
	for k := range ambiguousForm {
		delete(f.byForm, k)
	}
	return f, nil
}

func fold(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }

// Match is a name resolved to an authority, with how sure the match is.
type Match struct {
	Authority  Authority
	Confidence float64 // 1 for a listed form, 0.9 for another romanization of one
}

// Resolve finds the authority a name refers to: a listed form, or a spelling
// whose romanization key is a listed form's. Misspellings are not matched here;
// see Suggest.
func (f *File) Resolve(name string) (Match, bool) {
	if i, ok := f.byForm[fold(name)]; ok {
		return Match{f.Authorities[i], 1}, true
	}
	if i, ok := f.byKey[cachedKey(name)]; ok {
		return Match{f.Authorities[i], 0.9}, true
	}
	// "Colonel E. M. House", "Cde. Stalin": the title is not part of the name.
	if bare := strings.TrimSpace(titleRe.ReplaceAllString(name, "")); bare != name && bare != "" {
		if m, ok := f.Resolve(bare); ok {
			m.Confidence *= 0.95
			return m, true
		}
	}
	return Match{}, false
}

var titleRe = regexp.MustCompile(`^(?i:(?:mr|mrs|ms|dr|col|colonel|gen|general|maj|major|lt|capt|captain|adm|admiral|sir|lord|baron|count|prince|rev|hon|senator|judge|ambassador|minister|marshal|president|premier|chairman|cde|comrade|tov)\.?\s+)+`)

// Suggest offers authorities whose forms are one or two letters from name once
// romanized ("Pak Heon Hyeong" → Pak Heon-yeong), for an archivist to confirm:
// never merged silently.
func (f *File) Suggest(name string) []Match {
	if m, ok := f.suggested.Load(name); ok {
		return m.([]Match)
	}
	out := f.suggest(name)
	f.suggested.Store(name, out)
	return out
}

func (f *File) suggest(name string) []Match {
	k := cachedKey(name)
	best := map[int]int{}
	for form, i := range f.byKey {
		if d := distance(k, form, 2); d >= 0 {
			if old, ok := best[i]; !ok || d < old {
				best[i] = d
			}
		}
	}
	var out []Match
	for i, d := range best {
		out = append(out, Match{f.Authorities[i], 0.6 - 0.1*float64(d)})
	}
	sort.Slice(out, func(a, b int) bool {
		return out[a].Confidence > out[b].Confidence || out[a].Confidence == out[b].Confidence && out[a].Authority.ID < out[b].Authority.ID
	})
	return out
}

// Forms returns every spelling of the authority a name resolves to, or the name
// alone.
func (f *File) Forms(name string) []string {
	m, ok := f.Resolve(name)
	if !ok {
		return []string{name}
	}
	return append([]string{m.Authority.Preferred}, m.Authority.Variants...)
}

// distance is the Levenshtein distance of a and b, or -1 when above limit.
func distance(a, b string, limit int) int {
	if abs(len(a)-len(b)) > limit {
		return -1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return -1
		}
		prev, cur = cur, prev
	}
	if prev[len(b)] > limit {
		return -1
	}
	return prev[len(b)]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

var (
	starterOnce sync.Once
	starterF    *File
)

// starterFile is the built-in file, loaded once.
func starterFile() *File {
	starterOnce.Do(func() { starterF = Starter() })
	return starterF
}

// keys memoises romanization keys: the same names recur on every page of an
// archive, and computing a key parses the name in several schemes.
var keys sync.Map

func cachedKey(name string) string {
	if k, ok := keys.Load(name); ok {
		return k.(string)
	}
	k := romanize.Key(name)
	keys.Store(name, k)
	return k
}
