package compare

import (
	"strings"
	"unicode"
)

// lcsCells is the largest word grid diffed exactly (longest common subsequence,
// quadratic in time and memory). A longer pair, such as a table run together
// without full stops, is first matched by the words rare in both.
const lcsCells = 1 << 16

func sameToken(x, y Token) bool { return x.Key == y.Key && x.Apparatus == y.Apparatus }

// diffTokens is a longest-common-subsequence diff on token keys, with runs that
// differ only by equivalent spellings reported as variants.
func diffTokens(a, b []Token, key NameKey, m *meter) ([]Op, error) {
	var matches []point
	if err := matchWords(a, b, 0, len(a), 0, len(b), 0, &matches, m); err != nil {
		return nil, err
	}
	if err := m.spend(len(a) + len(b)); err != nil {
		return nil, err
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
	i, j := 0, 0
	for _, p := range matches {
		classifyGap(a[i:p.a], b[j:p.b], key, add)
		add(Same, []string{a[p.a].Text}, []string{b[p.b].Text})
		i, j = p.a+1, p.b+1
	}
	classifyGap(a[i:], b[j:], key, add)
	return ops, nil
}

// matchWords appends to out the matching words of a[i0:i1] and b[j0:j1]: all of
// a longest common subsequence when the grid is small enough, else the ends
// they share and the words once in each, with the gaps between matched again.
func matchWords(a, b []Token, i0, i1, j0, j1, depth int, out *[]point, m *meter) error {
	if (i1-i0)*(j1-j0) <= lcsCells {
		return lcsMatches(a[i0:i1], b[j0:j1], point{i0, j0}, out, m)
	}
	for i0 < i1 && j0 < j1 && sameToken(a[i0], b[j0]) {
		*out = append(*out, point{i0, j0})
		i0, j0 = i0+1, j0+1
	}
	tail := 0
	for i1-tail > i0 && j1-tail > j0 && sameToken(a[i1-tail-1], b[j1-tail-1]) {
		tail++
	}
	if err := m.spend(len(*out) + tail + 1); err != nil {
		return err
	}
	if err := matchInner(a, b, i0, i1-tail, j0, j1-tail, depth, out, m); err != nil {
		return err
	}
	for k := tail; k > 0; k-- {
		*out = append(*out, point{i1 - k, j1 - k})
	}
	return nil
}

// matchInner matches a range whose ends differ. With no word once in each, or
// too deep, the range is left unmatched: one change, which is what it mostly is.
func matchInner(a, b []Token, i0, i1, j0, j1, depth int, out *[]point, m *meter) error {
	if (i1-i0)*(j1-j0) <= lcsCells {
		return lcsMatches(a[i0:i1], b[j0:j1], point{i0, j0}, out, m)
	}
	if depth >= anchorDepth {
		return nil
	}
	type tokenKey struct {
		key       string
		apparatus bool
	}
	keys := func(ts []Token) []tokenKey {
		out := make([]tokenKey, len(ts))
		for i, t := range ts {
			out[i] = tokenKey{t.Key, t.Apparatus}
		}
		return out
	}
	unique, err := uniquePairs(keys(a[i0:i1]), keys(b[j0:j1]), m)
	if err != nil {
		return err
	}
	prev := point{i0 - 1, j0 - 1}
	for _, p := range chain(unique) {
		p = point{i0 + p.a, j0 + p.b}
		if err := matchWords(a, b, prev.a+1, p.a, prev.b+1, p.b, depth+1, out, m); err != nil {
			return err
		}
		*out = append(*out, p)
		prev = p
	}
	if prev.a < i0 {
		return nil
	}
	return matchWords(a, b, prev.a+1, i1, prev.b+1, j1, depth+1, out, m)
}

// lcsMatches appends a longest common subsequence of a and b, offset by at,
// preferring, where there is a choice, to take b's words first as the diff has
// always done.
func lcsMatches(a, b []Token, at point, out *[]point, m *meter) error {
	n, w := len(a), len(b)+1
	if err := m.spend(n*w + w); err != nil {
		return err
	}
	lcs := make([]int32, (n+1)*w)
	for i := n - 1; i >= 0; i-- {
		for j := w - 2; j >= 0; j-- {
			if sameToken(a[i], b[j]) {
				lcs[i*w+j] = lcs[(i+1)*w+j+1] + 1
			} else {
				lcs[i*w+j] = max(lcs[(i+1)*w+j], lcs[i*w+j+1])
			}
		}
	}
	for i, j := 0, 0; i < n && j < w-1; {
		switch {
		case sameToken(a[i], b[j]):
			*out = append(*out, point{at.a + i, at.b + j})
			i, j = i+1, j+1
		case lcs[i*w+j+1] >= lcs[(i+1)*w+j]:
			j++
		default:
			i++
		}
	}
	return nil
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
		// Capitals first: they are cheap, and most long runs fail them before
		// the authority layer is asked about a whole run as one name.
		if !capitalised(a) || !capitalised(b) {
			return false
		}
		k := key(joinKeys(a))
		return k != "" && k == key(joinKeys(b))
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
