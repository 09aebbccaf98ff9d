package names

import (
	"regexp"
	"strings"
)

// A name followed by another in square brackets or parentheses: the document's
// own statement that the two are one ("Pak Heon-yeong [Pak Hon Yong]", "Seisin
// [Cheongjin]", "Kuznetsov (Stalin)").
var pairRe = regexp.MustCompile(`((?:[\p{Lu}][\p{L}'’-]*)(?:\s+[\p{Lu}][\p{L}'’-]*){0,3})\s*[\[(]((?:[\p{Lu}][\p{L}'’-]*)(?:\s+[\p{Lu}][\p{L}'’-]*){0,3})[\])]`)

// Pair is two spellings a text gives for one name.
type Pair struct{ A, B string }

// Pairs returns the bracketed and parenthesised name pairs of a text.
func Pairs(text string) []Pair {
	if !strings.ContainsAny(text, "[(") {
		return nil
	}
	var out []Pair
	for _, m := range pairRe.FindAllStringSubmatch(text, -1) {
		a, b := strings.TrimSpace(m[1]), strings.TrimSpace(m[2])
		if a != "" && b != "" && !strings.EqualFold(a, b) {
			out = append(out, Pair{a, b})
		}
	}
	return out
}

// Learn adds to the file the spellings documents pair with a known name: when one
// side of a pair resolves to an authority and the other does not, the other
// becomes a variant. It returns the new file, what it added ("id: variant"), and
// pairs where neither side is known, for an archivist to look at.
func (f *File) Learn(pairs []Pair) (*File, []string, []Pair) {
	g := f
	var added []string
	var unknown []Pair
	seen := map[string]bool{}
	for _, p := range pairs {
		ma, oka := g.Resolve(p.A)
		mb, okb := g.Resolve(p.B)
		switch {
		case oka && !okb:
			if next, err := g.Add(ma.Authority.ID, p.B); err == nil {
				g = next
				added = append(added, ma.Authority.ID+": "+p.B)
			}
		case okb && !oka:
			if next, err := g.Add(mb.Authority.ID, p.A); err == nil {
				g = next
				added = append(added, mb.Authority.ID+": "+p.A)
			}
		case !oka && !okb:
			if k := p.A + "|" + p.B; !seen[k] {
				seen[k] = true
				unknown = append(unknown, p)
			}
		}
	}
	return g, added, unknown
}
