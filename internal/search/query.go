package search

import (
	"fmt"
	"fond/internal/edtf"
	"strings"
	"unicode"
)

// Node is a parsed query: Term, DateRange, And, Or or Not.
type Node interface{ String() string }

// Term matches text. Field is "" (any text), or one of Fields.
type Term struct {
	Field  string
	Text   string
	Phrase bool
	Prefix bool
}

// DateRange matches records whose date bounds overlap [From, To] (YYYY-MM-DD), or
// lie within it when the query asks for containment.
type DateRange struct{ From, To string }

// And, Or and Not combine nodes.
type (
	And struct{ Nodes []Node }
	Or  struct{ Nodes []Node }
	Not struct{ Node Node }
)

// Fields a query may name. Text fields search the index; the rest filter exactly
// (case-insensitively) on the record's metadata.
var Fields = map[string]bool{
	"title": true, "summary": true, "body": true, "notes": true,
	"person": true, "place": true, "type": true, "repository": true, "fond": true,
	"language": true, "category": true, "date": true, "collection": true, "id": true,
	"status": true,
	// Declassification: withheld:yes (text a release withheld), exemption:b1
	// (an exemption code cited), released:2005..2010 (a release's year).
	"withheld": true, "exemption": true, "released": true,
	// subject:claims or subject:"Claims and indemnities" (internal/subjects).
	"subject": true,
	// released_later:yes, a release showing text an earlier release of the
	// same document withheld ("text released later than first publication").
	"released_later": true,
}

func (t Term) String() string {
	s := t.Text
	if t.Phrase {
		s = `"` + s + `"`
	}
	if t.Prefix {
		s += "*"
	}
	if t.Field != "" {
		s = t.Field + ":" + s
	}
	return s
}
func (d DateRange) String() string { return d.From + ".." + d.To }
func (a And) String() string       { return "(" + joinNodes(a.Nodes, " AND ") + ")" }
func (o Or) String() string        { return "(" + joinNodes(o.Nodes, " OR ") + ")" }
func (n Not) String() string       { return "NOT " + n.Node.String() }

func joinNodes(ns []Node, sep string) string {
	var s []string
	for _, n := range ns {
		s = append(s, n.String())
	}
	return strings.Join(s, sep)
}

// Parse reads fond's query syntax: words, "phrases", prefix*, AND/OR/NOT (also
// -word), parentheses, field:value and field:"a phrase", and date ranges written
// 1949..1950-06, 1950-04-15..1950-05-31, ..1950, 1949.. or date:1950. Mistakes a
// user types are not errors: stray operators and unbalanced parentheses are
// repaired, because a search box should always answer. What is refused, with a
// *LimitError, is a query beyond lim (zero fields: DefaultLimits): longer than
// MaxQueryBytes (checked before anything is read), with more than MaxTerms
// terms or parentheses nested deeper than MaxDepth (checked on the tokens,
// before the recursive descent). A nil Node means "match everything".
func Parse(q string, lim Limits) (Node, error) {
	lim = lim.WithDefaults()
	if len(q) > lim.MaxQueryBytes {
		return nil, limitError("MaxQueryBytes", lim.MaxQueryBytes, len(q),
			"the query is %d bytes long; at most %d are allowed: shorten it", len(q), lim.MaxQueryBytes)
	}
	// Each token is checked as it is read, so a refused query is read no
	// further than its limit (past MaxTerms, only counted, for the message).
	c := checker{lim: lim}
	var toks []token
	tokenize(q, func(t token) bool {
		if !c.add(t) {
			return c.err == nil
		}
		toks = append(toks, t)
		return true
	})
	if err := c.result(); err != nil {
		return nil, err
	}
	p := &parser{toks: toks}
	n := p.or()
	for p.pos < len(p.toks) { // stray ")" : skip and go on
		p.pos++
		if m := p.or(); m != nil {
			n = and(n, m)
		}
	}
	return dropStopwords(n), nil
}

type token struct {
	kind  int // tWord, tPhrase, tLParen, tRParen
	field string
	text  string
	neg   bool
}

const (
	tWord = iota
	tPhrase
	tLParen
	tRParen
)

// tokenize hands each token of q to emit, in order, until emit returns false.
func tokenize(q string, emit func(token) bool) {
	rs := []rune(q)
	for i := 0; i < len(rs); {
		c := rs[i]
		switch {
		case unicode.IsSpace(c) || unicode.IsControl(c):
			i++
		case c == '(':
			if !emit(token{kind: tLParen}) {
				return
			}
			i++
		case c == ')':
			if !emit(token{kind: tRParen}) {
				return
			}
			i++
		default:
			neg := false
			if c == '-' && i+1 < len(rs) && !unicode.IsSpace(rs[i+1]) && !unicode.IsDigit(rs[i+1]) {
				neg = true
				i++
			}
			field := ""
			// field:value
			j := i
			for j < len(rs) && (unicode.IsLetter(rs[j]) || rs[j] == '_') {
				j++
			}
			if j < len(rs) && rs[j] == ':' && j > i && Fields[strings.ToLower(string(rs[i:j]))] {
				field = strings.ToLower(string(rs[i:j]))
				i = j + 1
			}
			if i < len(rs) && rs[i] == '"' {
				k := i + 1
				for k < len(rs) && rs[k] != '"' {
					k++
				}
				text := string(rs[i+1 : min(k, len(rs))])
				i = k + 1
				if i < len(rs) && rs[i] == '*' {
					text += "*"
					i++
				}
				if !emit(token{kind: tPhrase, field: field, text: text, neg: neg}) {
					return
				}
				continue
			}
			k := i
			for k < len(rs) && !unicode.IsSpace(rs[k]) && rs[k] != '(' && rs[k] != ')' && rs[k] != '"' {
				k++
			}
			t := token{kind: tWord, field: field, text: string(rs[i:k]), neg: neg}
			i = k
			if !emit(t) {
				return
			}
		}
	}
}

type parser struct {
	toks []token
	pos  int
}

func (p *parser) peekOp(op string) bool {
	return p.pos < len(p.toks) && p.toks[p.pos].kind == tWord && p.toks[p.pos].field == "" && !p.toks[p.pos].neg && p.toks[p.pos].text == op
}

func (p *parser) or() Node {
	var nodes []Node
	if n := p.and(); n != nil {
		nodes = append(nodes, n)
	}
	for p.peekOp("OR") {
		p.pos++
		if n := p.and(); n != nil {
			nodes = append(nodes, n)
		}
	}
	switch len(nodes) {
	case 0:
		return nil
	case 1:
		return nodes[0]
	}
	return Or{nodes}
}

func (p *parser) and() Node {
	var n Node
	for p.pos < len(p.toks) && p.toks[p.pos].kind != tRParen && !p.peekOp("OR") {
		if p.peekOp("AND") {
			p.pos++
			continue
		}
		negate := false
		for p.peekOp("NOT") {
			p.pos++
			negate = !negate
		}
		u := p.unary()
		if u == nil {
			continue
		}
		if negate {
			u = Not{u}
		}
		n = and(n, u)
	}
	return n
}

func and(a, b Node) Node {
	if a == nil {
		return b
	}
	if b == nil {
		return a
	}
	if x, ok := a.(And); ok {
		return And{append(x.Nodes, b)}
	}
	return And{[]Node{a, b}}
}

func (p *parser) unary() Node {
	if p.pos >= len(p.toks) {
		return nil
	}
	t := p.toks[p.pos]
	p.pos++
	switch t.kind {
	case tLParen:
		n := p.or()
		if p.pos < len(p.toks) && p.toks[p.pos].kind == tRParen {
			p.pos++
		}
		return n
	case tRParen:
		return nil
	}
	n := leaf(t)
	if n != nil && t.neg {
		return Not{n}
	}
	return n
}

func leaf(t token) Node {
	text := strings.TrimSpace(t.text)
	if t.field == "date" || t.field == "" && t.kind == tWord && strings.Contains(text, "..") {
		if d, ok := ParseDateRange(text); ok {
			return d
		}
	}
	if t.field == "date" {
		return nil // an unreadable date filters nothing rather than everything
	}
	prefix := strings.HasSuffix(text, "*")
	text = strings.TrimRight(text, "*")
	if strings.TrimFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }) == "" {
		return nil
	}
	return Term{Field: t.field, Text: text, Phrase: t.kind == tPhrase, Prefix: prefix}
}

// ParseDateRange reads "1949..1950-06", "1950", "1950-04", "..1950", "1949..".
func ParseDateRange(s string) (DateRange, bool) {
	from, to, isRange := strings.Cut(s, "..")
	if !isRange {
		lo, hi, ok := bounds(s)
		return DateRange{lo, hi}, ok
	}
	var d DateRange
	if from != "" {
		lo, _, ok := bounds(from)
		if !ok {
			return d, false
		}
		d.From = lo
	}
	if to != "" {
		_, hi, ok := bounds(to)
		if !ok {
			return d, false
		}
		d.To = hi
	}
	return d, d.From != "" || d.To != ""
}

// bounds gives the first and last day of a year, month or day.
func bounds(s string) (string, string, bool) {
	var y, m, d int
	switch n, _ := fmt.Sscanf(s, "%d-%d-%d", &y, &m, &d); {
	case len(s) == 4 && n == 1:
		return fmt.Sprintf("%04d-01-01", y), fmt.Sprintf("%04d-12-31", y), true
	case len(s) == 7 && n == 2 && m >= 1 && m <= 12:
		return fmt.Sprintf("%04d-%02d-01", y, m), fmt.Sprintf("%04d-%02d-%02d", y, m, edtf.DaysIn(y, m)), true
	case len(s) == 10 && n == 3 && m >= 1 && m <= 12 && d >= 1 && d <= edtf.DaysIn(y, m):
		day := fmt.Sprintf("%04d-%02d-%02d", y, m, d)
		return day, day, true
	}
	return "", "", false
}
