package i18n

import (
	"sort"
	"strconv"
	"strings"
)

// Negotiate chooses the interface language from an Accept-Language header
// (RFC 9110 §12.5.4): the speakable language of highest weight, ties kept in
// the header's order, English when none is spoken here. An entry that cannot
// be read is skipped, not the whole header (golang.org/x/text/language's
// ParseAcceptLanguage refuses the whole header over one bad entry).
func Negotiate(header string) Lang {
	type choice struct {
		lang Lang
		q    float64
	}
	var cs []choice
	for _, entry := range strings.Split(header, ",") {
		rng, params, _ := strings.Cut(entry, ";")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil || f < 0 || f > 1 {
				continue
			}
			q = f
		}
		if q == 0 {
			continue // "not acceptable"
		}
		if l, ok := Parse(rng); ok {
			cs = append(cs, choice{l, q})
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].q > cs[j].q })
	if len(cs) == 0 {
		return EN
	}
	return cs[0].lang
}
