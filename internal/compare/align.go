package compare

import (
	"strings"
	"unicode"
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
}

// Result is a whole comparison.
type Result struct {
	Pairs []Pair         `json:"pairs"`
	Stats map[string]int `json:"stats"` // words by op kind
}

// Compare aligns a and b (document texts) sentence by sentence and diffs each pair.
func Compare(a, b string, key NameKey) Result {
	sa, sb := Sentences(a), Sentences(b)
	ta, tb := tokenizeAll(sa, key), tokenizeAll(sb, key)
	res := Result{Stats: map[string]int{}}
	for _, p := range alignSentences(ta, tb) {
		pair := Pair{AIdx: p.a, BIdx: p.b, Similarity: p.sim}
		var wa, wb []Token
		for _, i := range p.a {
			pair.ASentences = append(pair.ASentences, sa[i])
			wa = append(wa, ta[i]...)
		}
		for _, i := range p.b {
			pair.BSentences = append(pair.BSentences, sb[i])
			wb = append(wb, tb[i]...)
		}
		pair.Ops = diffTokens(wa, wb, key)
		for _, op := range pair.Ops {
			res.Stats[op.Kind] += max(len(op.A), len(op.B))
		}
		res.Pairs = append(res.Pairs, pair)
	}
	return res
}

func tokenizeAll(ss []string, key NameKey) [][]Token {
	out := make([][]Token, len(ss))
	for i, s := range ss {
		out[i] = Tokenize(s)
		if key == nil {
			continue
		}
		for j := range out[i] {
			t := &out[i][j]
			if !t.Apparatus && capitalised([]Token{*t}) {
				t.Name = key(t.Key)
			}
		}
	}
	return out
}

type aligned struct {
	a, b []int
	sim  float64
}

// alignSentences is a monotone alignment (dynamic programming over both sentence
// lists) allowing 1:1, 1:2, 2:1, 1:0 and 0:1 steps, scored by word overlap: the
// standard shape of bitext sentence alignment, here within one language.
func alignSentences(a, b [][]Token) []aligned {
	n, m := len(a), len(b)
	const gap = -0.2
	score := make([][]float64, n+1)
	back := make([][][2]int, n+1)
	for i := range score {
		score[i] = make([]float64, m+1)
		back[i] = make([][2]int, m+1)
		for j := range score[i] {
			score[i][j] = -1e18
		}
	}
	score[0][0] = 0
	steps := [][2]int{{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}}
	for i := 0; i <= n; i++ {
		for j := 0; j <= m; j++ {
			if score[i][j] == -1e18 {
				continue
			}
			for _, st := range steps {
				ni, nj := i+st[0], j+st[1]
				if ni > n || nj > m {
					continue
				}
				var s float64
				if st[0] == 0 || st[1] == 0 {
					s = gap
				} else {
					s = similarity(concat(a[i:ni]), concat(b[j:nj]))
					if st[0]+st[1] > 2 {
						s -= 0.05 // prefer 1:1 when it scores as well
					}
				}
				if score[i][j]+s > score[ni][nj] {
					score[ni][nj] = score[i][j] + s
					back[ni][nj] = st
				}
			}
		}
	}
	var out []aligned
	for i, j := n, m; i > 0 || j > 0; {
		st := back[i][j]
		p := aligned{}
		for k := i - st[0]; k < i; k++ {
			p.a = append(p.a, k)
		}
		for k := j - st[1]; k < j; k++ {
			p.b = append(p.b, k)
		}
		if len(p.a) > 0 && len(p.b) > 0 {
			p.sim = similarity(concat(a[i-st[0]:i]), concat(b[j-st[1]:j]))
		}
		out = append(out, p)
		i, j = i-st[0], j-st[1]
	}
	for l, r := 0, len(out)-1; l < r; l, r = l+1, r-1 {
		out[l], out[r] = out[r], out[l]
	}
	return out
}

func concat(ts [][]Token) []Token {
	var out []Token
	for _, t := range ts {
		out = append(out, t...)
	}
	return out
}

// similarity is the Dice coefficient over the two sentences' word multisets,
// apparatus left out and equivalent spellings counted as equal.
func similarity(a, b []Token) float64 {
	count, names := map[string]int{}, map[string]int{}
	na, nb := 0, 0
	for _, t := range a {
		if t.Apparatus || t.Key == "" {
			continue
		}
		count[t.Key]++
		na++
		if t.Name != "" {
			names[t.Name]++
		}
	}
	common := 0
	for _, t := range b {
		if t.Apparatus || t.Key == "" {
			continue
		}
		nb++
		switch {
		case count[t.Key] > 0:
			count[t.Key]--
			common++
			if t.Name != "" {
				names[t.Name]--
			}
		case t.Name != "" && names[t.Name] > 0:
			// Another spelling of a name in the other sentence.
			names[t.Name]--
			common++
		}
	}
	if na+nb == 0 {
		return 0
	}
	return 2 * float64(common) / float64(na+nb)
}

// diffTokens is a longest-common-subsequence diff on token keys, with runs that
// differ only by equivalent spellings reported as variants.
func diffTokens(a, b []Token, key NameKey) []Op {
	same := func(x, y Token) bool { return x.Key == y.Key && x.Apparatus == y.Apparatus }
	n, m := len(a), len(b)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if same(a[i], b[j]) {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var ops []Op
	add := func(kind string, ta, tb []string) {
		if len(ops) > 0 && ops[len(ops)-1].Kind == kind {
			ops[len(ops)-1].A = append(ops[len(ops)-1].A, ta...)
			ops[len(ops)-1].B = append(ops[len(ops)-1].B, tb...)
			return
		}
		ops = append(ops, Op{Kind: kind, A: ta, B: tb})
	}
	var pendA, pendB []Token
	flush := func() {
		classifyGap(pendA, pendB, key, add)
		pendA, pendB = nil, nil
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && same(a[i], b[j]):
			flush()
			add(Same, []string{a[i].Text}, []string{b[j].Text})
			i++
			j++
		case j < m && (i == n || lcs[i][j+1] >= lcs[i+1][j]):
			pendB = append(pendB, b[j])
			j++
		default:
			pendA = append(pendA, a[i])
			i++
		}
	}
	flush()
	return ops
}

// classifyGap names what lies between two matching runs: apparatus on either side,
// spelling variants where the words pair up as equivalent, else a change.
func classifyGap(a, b []Token, key NameKey, add func(string, []string, []string)) {
	var ra, rb []Token
	for _, t := range a {
		if t.Apparatus {
			add(Apparatus, []string{t.Text}, nil)
		} else {
			ra = append(ra, t)
		}
	}
	for _, t := range b {
		if t.Apparatus {
			add(Apparatus, nil, []string{t.Text})
		} else {
			rb = append(rb, t)
		}
	}
	if len(ra) == 0 && len(rb) == 0 {
		return
	}
	texts := func(ts []Token) []string {
		var s []string
		for _, t := range ts {
			s = append(s, t.Text)
		}
		return s
	}
	switch {
	case len(ra) == 0:
		add(Inserted, nil, texts(rb))
	case len(rb) == 0:
		add(Deleted, texts(ra), nil)
	case key != nil && variantRun(ra, rb, key):
		add(Variant, texts(ra), texts(rb))
	default:
		add(Changed, texts(ra), texts(rb))
	}
}

// variantRun: same number of words, each pair equal or equivalent, all capitalised
// (names), at least one pair spelled differently.
func variantRun(a, b []Token, key NameKey) bool {
	if len(a) != len(b) {
		k := key(joinKeys(a))
		return k != "" && k == key(joinKeys(b)) && capitalised(a) && capitalised(b)
	}
	for i := range a {
		if a[i].Key != b[i].Key && (a[i].Name == "" || a[i].Name != b[i].Name) {
			return false
		}
	}
	return true
}

func joinKeys(ts []Token) string {
	var s []string
	for _, t := range ts {
		s = append(s, t.Key)
	}
	return strings.Join(s, " ")
}

func capitalised(ts []Token) bool {
	for _, t := range ts {
		r := []rune(strings.TrimLeft(t.Text, `"'“‘([`))
		if len(r) == 0 || !unicode.IsUpper(r[0]) {
			return false
		}
	}
	return true
}
