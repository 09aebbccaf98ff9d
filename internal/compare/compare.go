package compare

import (
	"context"
	"errors"
	"fmt"
	"fond/internal/record"
)

// NameKey maps a name to a comparison key under which its spellings meet
// (supplied by the authority layer: romanization keys). Two capitalised words
// with the same key are one name spelled two ways.
type NameKey func(name string) string

// Op kinds in a diff.
const (
	Same      = "same"
	Variant   = "variant"   // another spelling of the same name or place
	Apparatus = "apparatus" // footnote markers, editorial insertions
	Changed   = "changed"
	Inserted  = "inserted"
	Deleted   = "deleted"
)

// Op is a run of tokens in one diff category.
type Op struct {
	Kind string   `json:"kind"`
	A    []string `json:"a,omitempty"`
	B    []string `json:"b,omitempty"`
}

// Pair is one aligned unit: sentences of A and of B that say the same thing.
type Pair struct {
	A, B       []string `json:"-"`
	AIdx, BIdx []int    `json:"-"`
	ASentences []string `json:"a"`
	BSentences []string `json:"b"`
	Similarity float64  `json:"similarity"`
	Ops        []Op     `json:"ops"`
	// Unaligned marks the last unit of a truncated Result: the sentences the
	// budget left no work for, shown as they are, without Ops.
	Unaligned bool `json:"unaligned,omitempty"`
	// Editorial marks an editor's note (a sentence wholly in square brackets)
	// that only one edition prints: a row of its own, its words apparatus.
	Editorial bool `json:"editorial,omitempty"`
	// Footnote marks a row of footnotes, after the running text; AIdx and
	// BIdx then index the editions' notes, and ANote and BNote are their
	// numbers as printed.
	Footnote bool   `json:"footnote,omitempty"`
	ANote    string `json:"a_note,omitempty"`
	BNote    string `json:"b_note,omitempty"`
}

// Differs says whether the row shows the editions differing: in wording, in a
// name's spelling, or in a note only one prints. Footnote calls and bracketed
// insertions within a sentence both share are the editors' apparatus, not the
// documents' words, and do not count.
func (p Pair) Differs() bool {
	if p.Unaligned || p.Editorial {
		return true
	}
	for _, op := range p.Ops {
		if op.Kind != Same && op.Kind != Apparatus {
			return true
		}
	}
	return false
}

// Result is a whole comparison.
type Result struct {
	Pairs []Pair         `json:"pairs"`
	Stats map[string]int `json:"stats"` // words by op kind
	// Truncated says the budget ran out: the last Pair holds the rest of both
	// texts, not aligned (and, when there are footnotes, the Pair before it
	// the rest of the running text).
	Truncated bool `json:"truncated,omitempty"`
	// Unaligned counts the sentences and notes (of A and B together) left
	// unaligned.
	Unaligned int `json:"unaligned,omitempty"`
	// Work is the units spent, the measure Options.Budget bounds.
	Work int64 `json:"work"`
}

// Options bound a comparison.
type Options struct {
	// Budget is the most work units Compare spends before showing the rest
	// unaligned; 0 means DefaultBudget.
	Budget int64
}

// Note is a footnote of an edition: its number as printed, and its text.
type Note struct{ N, Text string }

// Text is an edition as CompareTexts reads it: the running text, and the
// footnotes the record keeps apart from it.
type Text struct {
	Body  string
	Notes []Note
}

// TextOf is a record as an edition to compare: its body and its footnotes
// (other notes are the archive's, not the edition's).
func TextOf(rec record.Record) Text {
	t := Text{Body: rec.Body}
	for _, n := range rec.Notes {
		if n.Kind == record.NoteFootnote {
			t.Notes = append(t.Notes, Note{N: n.N, Text: n.Text})
		}
	}
	return t
}

// Compare aligns a and b (document texts) sentence by sentence and diffs each
// pair. Its cost is bounded by opt.Budget, whatever the texts; an error is only
// ever ctx's, when it is cancelled or expires.
func Compare(ctx context.Context, a, b string, key NameKey, opt Options) (Result, error) {
	return CompareTexts(ctx, Text{Body: a}, Text{Body: b}, key, opt)
}

// CompareTexts is Compare with the editions' footnotes: after the running
// text's rows come the footnotes', one note to a row, each beside the note of
// the other edition that says the same thing (numbers differ between
// editions: note 15 of an article can be note 2 of the archive's copy), or
// alone.
func CompareTexts(ctx context.Context, a, b Text, key NameKey, opt Options) (Result, error) {
	if err := ctx.Err(); err != nil {
		return Result{}, fmt.Errorf("compare: %w", err)
	}
	budget := opt.Budget
	if budget <= 0 {
		budget = DefaultBudget
	}
	// Alignment may spend three quarters of the budget, so that the pairs it
	// does align can still be diffed rather than shown unaligned after all.
	m := newMeter(ctx, budget-budget/4)
	res := Result{Stats: map[string]int{}}
	known := map[string]string{}
	body := [2]units{readBody(a.Body, key, known), readBody(b.Body, key, known)}
	done, err := res.align(body, key, m, budget, false)
	if err != nil {
		return Result{}, err
	}
	if len(a.Notes)+len(b.Notes) > 0 {
		notes := [2]units{readNotes(a.Notes, key, known), readNotes(b.Notes, key, known)}
		if !done {
			res.rest(notes, 0, 0, true)
		} else {
			m.limit = budget - (budget-m.used)/4
			if _, err := res.align(notes, key, m, budget, true); err != nil {
				return Result{}, err
			}
		}
	}
	res.Work = m.used
	return res, nil
}

// units are one edition's sentences or notes, read for comparison.
type units struct {
	text   []string
	tokens [][]Token
	// lone units take no neighbour in a 2:1 step, and share a row only
	// with a unit they resemble (editorial sentences, footnotes).
	lone      []bool
	editorial []bool
	n         []string // notes' numbers
}

func readBody(text string, key NameKey, known map[string]string) units {
	ss := readSentences(text)
	u := units{text: make([]string, len(ss)), tokens: make([][]Token, len(ss)), lone: make([]bool, len(ss))}
	for i, s := range ss {
		u.text[i] = s.text
		u.tokens[i] = nameKeys(tokenize(s.text, s.depth, s.whole), key, known)
		u.lone[i] = s.whole
	}
	u.editorial = u.lone
	return u
}

func readNotes(notes []Note, key NameKey, known map[string]string) units {
	u := units{text: make([]string, len(notes)), tokens: make([][]Token, len(notes)), lone: make([]bool, len(notes)),
		editorial: make([]bool, len(notes)), n: make([]string, len(notes))}
	for i, n := range notes {
		u.text[i], u.n[i] = n.Text, n.N
		u.tokens[i] = nameKeys(Tokenize(n.Text), key, known)
		u.lone[i] = true
	}
	return u
}

// align aligns the two editions' units, diffs each pair and appends the rows
// to res; when the budget runs out it appends the rest unaligned and reports
// false.
func (res *Result) align(u [2]units, key NameKey, m *meter, budget int64, footnote bool) (bool, error) {
	aligned, err := alignSentences(u[0].tokens, u[1].tokens, u[0].lone, u[1].lone, m)
	if err != nil && !errors.Is(err, errBudget) {
		return false, fmt.Errorf("compare: %w", err)
	}
	m.limit = budget
	doneA, doneB := 0, 0 // units of each edition in res.Pairs so far
	for _, p := range aligned {
		pair := Pair{AIdx: p.a, BIdx: p.b, Similarity: p.sim, Footnote: footnote}
		var wa, wb []Token
		for _, i := range p.a {
			pair.ASentences = append(pair.ASentences, u[0].text[i])
			wa = append(wa, u[0].tokens[i]...)
			if footnote {
				pair.ANote = u[0].n[i]
			}
		}
		for _, i := range p.b {
			pair.BSentences = append(pair.BSentences, u[1].text[i])
			wb = append(wb, u[1].tokens[i]...)
			if footnote {
				pair.BNote = u[1].n[i]
			}
		}
		if ed := editorialAlone(p, u); ed {
			pair.Editorial = true
			markApparatus(wa)
			markApparatus(wb)
		}
		ops, err := diffTokens(wa, wb, key, m)
		if errors.Is(err, errBudget) {
			break
		}
		if err != nil {
			return false, fmt.Errorf("compare: %w", err)
		}
		pair.Ops = ops
		for _, op := range pair.Ops {
			res.Stats[op.Kind] += max(len(op.A), len(op.B))
		}
		res.Pairs = append(res.Pairs, pair)
		doneA, doneB = doneA+len(p.a), doneB+len(p.b)
	}
	if doneA < len(u[0].text) || doneB < len(u[1].text) {
		res.rest(u, doneA, doneB, footnote)
		return false, nil
	}
	return true, nil
}

// editorialAlone says whether an aligned unit is an editor's note only one
// edition prints.
func editorialAlone(p aligned, u [2]units) bool {
	switch {
	case len(p.a) == 1 && len(p.b) == 0:
		return u[0].editorial[p.a[0]]
	case len(p.a) == 0 && len(p.b) == 1:
		return u[1].editorial[p.b[0]]
	}
	return false
}

func markApparatus(ts []Token) {
	for i := range ts {
		ts[i].Apparatus = true
	}
}

// rest appends the units from doneA and doneB on, unaligned.
func (res *Result) rest(u [2]units, doneA, doneB int, footnote bool) {
	if doneA >= len(u[0].text) && doneB >= len(u[1].text) {
		return
	}
	rest := Pair{Unaligned: true, Footnote: footnote}
	for i := doneA; i < len(u[0].text); i++ {
		rest.AIdx = append(rest.AIdx, i)
		rest.ASentences = append(rest.ASentences, noteLine(u[0], i))
	}
	for i := doneB; i < len(u[1].text); i++ {
		rest.BIdx = append(rest.BIdx, i)
		rest.BSentences = append(rest.BSentences, noteLine(u[1], i))
	}
	res.Pairs = append(res.Pairs, rest)
	res.Truncated = true
	res.Unaligned += len(rest.AIdx) + len(rest.BIdx)
}

// noteLine is a unit as shown unaligned: a note with its number.
func noteLine(u units, i int) string {
	if u.n != nil && u.n[i] != "" {
		return u.n[i] + " " + u.text[i]
	}
	return u.text[i]
}

// nameKeys gives the capitalised words of ts their name keys.
func nameKeys(ts []Token, key NameKey, known map[string]string) []Token {
	// The authority layer's keys are dear (a romanization each) and a long
	// document names the same few people thousands of times.
	if key == nil {
		return ts
	}
	for j := range ts {
		t := &ts[j]
		if t.Apparatus || !capitalised([]Token{*t}) {
			continue
		}
		name, ok := known[t.Key]
		if !ok {
			name = key(t.Key)
			known[t.Key] = name
		}
		t.Name = name
	}
	return ts
}
