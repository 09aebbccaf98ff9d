// Package subjects assigns records themes from a small vocabulary shipped as
// data (subjects.json): each subject has a label, a scope note, the words and
// phrases that assign it from a record's title and text, and the phrases of a
// collection's title that assign it to every record of the collection. The
// assignment is pure (text in, subject ids out), so the index derives it when
// it reads a record and a change of vocabulary applies to every record at the
// next index build, with no record rewritten. A person's subjects, set on the
// record, take the place of the assigned ones.
package subjects

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"fond/internal/i18n"
	"fond/internal/record"
)

//go:embed subjects.json
var builtin []byte

// Subject is one theme of the vocabulary.
type Subject struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Scope string `json:"scope"`
	// Labels and Scopes are the label and scope note in other languages
	// than English, by language code ("ru"): the interface shows the
	// reader's, or the English where the vocabulary has none.
	Labels map[string]string `json:"labels,omitempty"`
	Scopes map[string]string `json:"scopes,omitempty"`
	// Terms are lower-case words or phrases matched as whole words; a final
	// "*" matches any ending ("tariff*": tariff, tariffs).
	Terms []string `json:"terms"`
	// Collections are phrases of a collection's title that assign the
	// subject to every record of the collection.
	Collections []string `json:"collections,omitempty"`
	// Min is the score that assigns the subject (a title hit scores 2, a
	// text hit 1); zero means DefaultMin.
	Min int `json:"min,omitempty"`
}

// DefaultMin is the score that assigns a subject when it names no Min: a
// hit in the title, or two in the text. One passing word in a long text is
// not what a document is about.
const DefaultMin = 2

// titleWeight is what a hit in the title scores.
const titleWeight = 2

// MaxSubjects bounds a vocabulary: the search index counts a result's
// subjects from a bit per subject per document, in one 64-bit word.
const MaxSubjects = 64

// Vocabulary is a loaded subject vocabulary, ready to assign.
type Vocabulary struct {
	Subjects []Subject
	// Version names the vocabulary's content: the index keeps it, and
	// rebuilds when the vocabulary changes.
	Version string
	byKey   map[string]int // id and lower-case label → position
	first   map[string][]phrase
	prefix  map[string][]phrase // one-word prefix terms, by their first prefixKey bytes
	colls   [][]phrase
	// firstLens has bit min(len, 63) of row b set when a key of first begins
	// with byte b and is that long, and prefixPairs bit b0<<8|b1 when a key of
	// prefix begins with b0 b1: most words of a text are in neither, and are
	// passed over without hashing them for the maps (the maps' lookups were
	// most of assigning subjects, which every record stored pays).
	firstLens   [256]uint64
	prefixPairs [1 << 16 / 64]uint64
}

func (v *Vocabulary) mayStart(w string) bool {
	return w != "" && v.firstLens[w[0]]&(1<<min(len(w), 63)) != 0
}

func (v *Vocabulary) mayPrefix(w string) bool {
	k := int(w[0])<<8 | int(w[1])
	return v.prefixPairs[k/64]&(1<<(k%64)) != 0
}

// prefixKey is how many bytes of a one-word prefix term index it: each word
// of a text is then looked up once, not tested against every prefix term.
const prefixKey = 4

// phrase is one term, as words; the last word may be a prefix.
type phrase struct {
	subject int
	words   []string
	prefix  bool // the last word matches any word it begins
}

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Load reads a vocabulary from its JSON. Every problem is an error naming the
// subject: a vocabulary is checked whole before any of it is used.
func Load(data []byte) (*Vocabulary, error) {
	var file struct {
		About    string    `json:"about"`
		Subjects []Subject `json:"subjects"`
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&file); err != nil {
		return nil, fmt.Errorf("subject vocabulary: %w", err)
	}
	if len(file.Subjects) == 0 {
		return nil, errors.New("subject vocabulary: no subjects")
	}
	if len(file.Subjects) > MaxSubjects {
		return nil, fmt.Errorf("subject vocabulary: %d subjects, more than %d", len(file.Subjects), MaxSubjects)
	}
	sum := sha256.Sum256(data)
	v := &Vocabulary{Subjects: file.Subjects, Version: hex.EncodeToString(sum[:8]),
		byKey: map[string]int{}, first: map[string][]phrase{}, prefix: map[string][]phrase{}}
	for i, s := range v.Subjects {
		switch {
		case !idPattern.MatchString(s.ID):
			return nil, fmt.Errorf("subject vocabulary: subject %d: id %q is not lower-case words joined by hyphens", i+1, s.ID)
		case strings.TrimSpace(s.Label) == "":
			return nil, fmt.Errorf("subject vocabulary: subject %q has no label", s.ID)
		case len(s.Terms) == 0 && len(s.Collections) == 0:
			return nil, fmt.Errorf("subject vocabulary: subject %q has no terms and no collections: nothing would assign it", s.ID)
		case s.Min < 0:
			return nil, fmt.Errorf("subject vocabulary: subject %q has a negative min", s.ID)
		}
		// A subject is named by its id or a label in any language (a
		// spreadsheet's "subjects" cell may be in Russian).
		keys := []string{s.ID, strings.ToLower(s.Label)}
		for _, l := range s.Labels {
			keys = append(keys, strings.ToLower(l))
		}
		for _, key := range keys {
			if j, dup := v.byKey[key]; dup && j != i {
				return nil, fmt.Errorf("subject vocabulary: subject %q: %q is also subject %q's", s.ID, key, v.Subjects[j].ID)
			}
			v.byKey[key] = i
		}
		for _, t := range s.Terms {
			p, err := compile(i, t)
			if err != nil {
				return nil, fmt.Errorf("subject vocabulary: subject %q: %w", s.ID, err)
			}
			if len(p.words) == 1 && p.prefix {
				if len(p.words[0]) < prefixKey {
					return nil, fmt.Errorf("subject vocabulary: subject %q: prefix term %q is shorter than %d bytes", s.ID, t, prefixKey)
				}
				k := p.words[0][:prefixKey]
				v.prefix[k] = append(v.prefix[k], p)
				pair := int(k[0])<<8 | int(k[1])
				v.prefixPairs[pair/64] |= 1 << (pair % 64)
			} else {
				w := p.words[0]
				v.first[w] = append(v.first[w], p)
				v.firstLens[w[0]] |= 1 << min(len(w), 63)
			}
		}
		var colls []phrase
		for _, t := range s.Collections {
			p, err := compile(i, t)
			if err != nil {
				return nil, fmt.Errorf("subject vocabulary: subject %q: collection %w", s.ID, err)
			}
			colls = append(colls, p)
		}
		v.colls = append(v.colls, colls)
	}
	return v, nil
}

func compile(subject int, term string) (phrase, error) {
	p := phrase{subject: subject}
	t := strings.TrimSpace(term)
	if strings.HasSuffix(t, "*") {
		p.prefix = true
		t = strings.TrimSuffix(t, "*")
	}
	p.words = words(t)
	if len(p.words) == 0 || strings.Contains(t, "*") {
		return p, fmt.Errorf("term %q has no words, or a * not at its end", term)
	}
	return p, nil
}

// Default is the vocabulary fond ships (subjects.json).
var Default = sync.OnceValue(func() *Vocabulary {
	v, err := Load(builtin)
	if err != nil {
		panic(err) // the embedded file is checked by the package's tests
	}
	return v
})

// Lookup finds a subject by id or label, in any case.
func (v *Vocabulary) Lookup(s string) (Subject, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	i, ok := v.byKey[s]
	if !ok {
		return Subject{}, false
	}
	return v.Subjects[i], true
}

// LabelIn is the subject's label in language lang, English when the
// vocabulary gives none in it.
func (s Subject) LabelIn(lang string) string {
	if l := s.Labels[lang]; l != "" {
		return l
	}
	return s.Label
}

// ScopeIn is the subject's scope note in language lang, English when the
// vocabulary gives none in it.
func (s Subject) ScopeIn(lang string) string {
	if l := s.Scopes[lang]; l != "" {
		return l
	}
	return s.Scope
}

// LabelIn is Label in language lang.
func (v *Vocabulary) LabelIn(id, lang string) string {
	if s, ok := v.Lookup(id); ok {
		return s.LabelIn(lang)
	}
	return id
}

// Label is a subject id's label, or the id itself when the vocabulary does
// not hold it (a person's subject from an older vocabulary).
func (v *Vocabulary) Label(id string) string {
	if s, ok := v.Lookup(id); ok {
		return s.Label
	}
	return id
}

// Text is what subjects are assigned from.
type Text struct {
	Title, Body string
	Collection  string // the collection's title
}

// Assign returns the ids of the subjects t is about, in the vocabulary's
// order. Its work is linear in the text.
func (v *Vocabulary) Assign(t Text) []string {
	sc := splitters.Get().(*splitter)
	defer splitters.Put(sc)
	score := make([]int, len(v.Subjects))
	v.count(sc.split(t.Title), titleWeight, score)
	v.count(sc.split(t.Body), 1, score)
	coll := words(t.Collection)
	var out []string
	for i, s := range v.Subjects {
		min := s.Min
		if min == 0 {
			min = DefaultMin
		}
		assigned := len(s.Terms) > 0 && score[i] >= min
		for _, p := range v.colls[i] {
			if !assigned && contains(coll, p) {
				assigned = true
			}
		}
		if assigned {
			out = append(out, s.ID)
		}
	}
	return out
}

// Of returns a record's subjects: those a person set on it, or else those
// its title, text and collection are assigned.
func (v *Vocabulary) Of(r *record.Record) []string {
	if len(r.Subjects) > 0 {
		return r.Subjects
	}
	return v.Assigned(r)
}

// Assigned returns the subjects a record's title, text and collection are
// assigned, whatever a person set.
func (v *Vocabulary) Assigned(r *record.Record) []string {
	t := Text{Title: r.Title, Body: r.Body}
	if r.Collection != nil {
		t.Collection = r.Collection.Title
	}
	return v.Assign(t)
}

// Check refuses subjects the vocabulary does not hold, naming the first; it
// returns the ids (a label given is read as its subject's id), each once.
func (v *Vocabulary) Check(ids []string) ([]string, error) {
	var out []string
	for _, id := range ids {
		if strings.TrimSpace(id) == "" {
			continue
		}
		s, ok := v.Lookup(id)
		if !ok {
			return nil, i18n.Errorf("field.subject", id)
		}
		if !slices.Contains(out, s.ID) {
			out = append(out, s.ID)
		}
	}
	return out, nil
}

// count adds weight to each subject per hit of one of its terms in ws.
func (v *Vocabulary) count(ws []string, weight int, score []int) {
	for i, w := range ws {
		if v.mayStart(w) {
			for _, p := range v.first[w] {
				if matchAt(ws, i, p) {
					score[p.subject] += weight
				}
			}
		}
		if len(w) < prefixKey || !v.mayPrefix(w) {
			continue
		}
		for _, p := range v.prefix[w[:prefixKey]] {
			if strings.HasPrefix(w, p.words[0]) {
				score[p.subject] += weight
			}
		}
	}
}

// matchAt reports whether p's words stand in ws from position i.
func matchAt(ws []string, i int, p phrase) bool {
	if i+len(p.words) > len(ws) {
		return false
	}
	last := len(p.words) - 1
	for k, pw := range p.words {
		w := ws[i+k]
		if k == last && p.prefix {
			if !strings.HasPrefix(w, pw) {
				return false
			}
		} else if w != pw {
			return false
		}
	}
	return true
}

func contains(ws []string, p phrase) bool {
	for i := range ws {
		if matchAt(ws, i, p) {
			return true
		}
	}
	return false
}

// words splits text into lower-case words of letters and digits, so
// "most-favored-nation" and "most favored nation" are the same three words.
// It is strings.FieldsFunc over the lowered text with an ASCII byte table in
// front of the Unicode tests: assigning subjects to every record stored reads
// each body this way, and FieldsFunc's call per rune made the split 8% of
// the ingest's CPU (docs/benchmarks.md, "The ingest rate, paired with the
// whole-memory index").
func words(s string) []string {
	s = lower(s)
	out := make([]string, 0, len(s)/6)
	start := -1
	for i := 0; i < len(s); {
		c := s[i]
		var in bool
		size := 1
		if c < utf8.RuneSelf {
			in = asciiWord[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			in = unicode.IsLetter(r) || unicode.IsDigit(r)
		}
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, s[start:i])
			start = -1
		}
		i += size
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// splitter is words without its allocations: every record stored has its
// title and body split, and the lowered copy, its string and the list of
// words were most of what the ingest's collector then had to clear
// (docs/decisions.md, "Subjects' words split into a buffer kept between
// records"). The words it returns are views of its buffer, good until its
// next split: Assign only compares them.
type splitter struct {
	buf   []byte
	ends  []int32 // each word's start and end in buf, in pairs
	words []string
}

var splitters = sync.Pool{New: func() any { return new(splitter) }}

// split is words(s) into the splitter's buffer. A character is lowered before
// it is classed, as words classes the lowered text.
func (sc *splitter) split(s string) []string {
	clear(sc.words) // the last split's views, before their bytes are written over
	b, ends := sc.buf[:0], sc.ends[:0]
	in := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if asciiWord[c] {
				if !in {
					ends, in = append(ends, int32(len(b))), true
				}
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				b = append(b, c)
				continue
			}
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size
			if r = unicode.ToLower(r); unicode.IsLetter(r) || unicode.IsDigit(r) {
				if !in {
					ends, in = append(ends, int32(len(b))), true
				}
				b = utf8.AppendRune(b, r)
				continue
			}
		}
		if in {
			ends, in = append(ends, int32(len(b))), false
		}
	}
	if in {
		ends = append(ends, int32(len(b)))
	}
	sc.buf, sc.ends = b, ends
	text := unsafe.String(unsafe.SliceData(b), len(b))
	ws := sc.words[:0]
	for k := 0; k < len(ends); k += 2 {
		ws = append(ws, text[ends[k]:ends[k+1]])
	}
	sc.words = ws
	return ws
}

// lower is strings.ToLower with the ASCII bytes lowered in the loop: ToLower
// sends a text holding one non-ASCII character (a curly quote, a dash) through
// strings.Map, a call per rune, and that was a third of words' time on the
// FRUS documents (BenchmarkAssignFRUS). Invalid bytes become U+FFFD, as there.
func lower(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		b = utf8.AppendRune(b, unicode.ToLower(r))
		i += size
	}
	return string(b)
}

// asciiWord says which ASCII bytes are letters or digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		t[c] = unicode.IsLetter(rune(c)) || unicode.IsDigit(rune(c))
	}
	return t
}()
