package index

import (
	"fmt"
	"sort"
	"sync"

	"fond/internal/names"
	"fond/internal/redact"
	"fond/internal/search"
	"fond/internal/subjects"
)

// facetLimit bounds long facets; years and decades are kept whole so that a
// histogram can be drawn.
var facetLimit = map[string]int{"person": 30, "place": 30, "repository": 30, "type": 30, "collection": 30}

// facets counts every facet over the whole result set in one pass: metadata is
// interned, so a count is an array increment. stop is asked every checkEvery
// documents; its error ends the count.
func (ix *Index) facets(stop func() error, docs []uint32, auth *names.File) (map[string][]search.FacetCount, error) {
	names := []string{"type", "category", "language", "collection", "repository", "person", "place"}
	counts := make([]counter, len(names))
	for i := range counts {
		counts[i] = newCounter(len(ix.strs.strs))
	}
	typ, cat, lang, coll, repo, person, place := &counts[0], &counts[1], &counts[2], &counts[3], &counts[4], &counts[5], &counts[6]
	years := map[int32]int{}
	var byYear [10000]int32
	for i, n := range docs {
		if i%checkEvery == 0 {
			if err := stop(); err != nil {
				for j := range counts {
					counts[j].release()
				}
				return nil, err
			}
		}
		d := &ix.fac[n]
		if d.typ != 0 {
			typ.inc(d.typ)
		}
		cat.inc(d.cat)
		if d.lang != 0 {
			lang.inc(d.lang)
		}
		if d.coll != 0 {
			coll.inc(d.coll)
		}
		v := ix.vals[d.off : d.off+uint32(d.repos)+uint32(d.persons)+uint32(d.places)]
		for _, r := range v[:d.repos] {
			repo.inc(r)
		}
		for _, p := range v[d.repos : d.repos+d.persons] {
			person.inc(p)
		}
		for _, p := range v[d.repos+d.persons:] {
			place.inc(p)
		}
		if e := ix.hot[n].earliest; e != 0 {
			byYear[e/10000]++
		}
	}
	for y, c := range byYear {
		if c > 0 {
			years[int32(y)] = int(c)
		}
	}
	out := map[string][]search.FacetCount{}
	for _, name := range search.FacetNames {
		out[name] = []search.FacetCount{}
	}
	for i, name := range names {
		c := &counts[i]
		for _, id := range c.touched {
			out[name] = append(out[name], search.FacetCount{Value: ix.strs.strs[id], Count: int(c.counts[id])})
		}
		c.release()
	}
	out["subject"] = ix.subjectCounts(docs)
	decades := map[int32]int{}
	for y, n := range years {
		out["year"] = append(out["year"], search.FacetCount{Value: fmt.Sprintf("%04d", y), Count: n})
		decades[y/10] += n
	}
	for dec, n := range decades {
		out["decade"] = append(out["decade"], search.FacetCount{Value: fmt.Sprintf("%03d0s", dec), Count: n})
	}
	for _, kind := range []string{"person", "place"} {
		out[kind] = preferredNames(out[kind], auth)
	}
	ix.releaseFacets(docs, out)
	for name, list := range out {
		if name == "withheld" {
			continue // yes, then no
		}
		if name == "year" || name == "decade" {
			sort.Slice(list, func(i, j int) bool { return list[i].Value < list[j].Value })
			continue
		}
		sort.Slice(list, func(i, j int) bool {
			if list[i].Count != list[j].Count {
				return list[i].Count > list[j].Count
			}
			return list[i].Value < list[j].Value
		})
		if n := facetLimit[name]; n > 0 && len(list) > n {
			out[name] = list[:n]
		}
	}
	return out, nil
}

// releaseFacets counts the declassification facets (withheld, exemption,
// released_later) over docs from the keyed sets their filters read, so the
// snapshot keeps its format. Releases are few: when none withholds anything
// nothing is counted, and otherwise docs are marked once in a bitset and each
// set walked (a closed list of exemption codes is looked up, not the whole
// key table scanned).
func (ix *Index) releaseFacets(docs []uint32, out map[string][]search.FacetCount) {
	if len(ix.namesOf("withheld\x00yes")) == 0 || len(docs) == 0 {
		return
	}
	in := make([]uint64, (len(ix.hot)+63)/64)
	for _, n := range docs {
		in[n/64] |= 1 << (n % 64)
	}
	count := func(key string) int {
		c := 0
		for _, n := range ix.namesOf(key) {
			if in[n/64]&(1<<(n%64)) != 0 {
				c++
			}
		}
		return c
	}
	if c := count("withheld\x00yes"); c > 0 {
		out["withheld"] = append(out["withheld"], search.FacetCount{Value: "yes", Count: c})
		if c < len(docs) {
			out["withheld"] = append(out["withheld"], search.FacetCount{Value: "no", Count: len(docs) - c})
		}
	}
	for _, code := range redact.ExemptionCodes() {
		if c := count("exemption\x00" + code); c > 0 {
			out["exemption"] = append(out["exemption"], search.FacetCount{Value: code, Count: c})
		}
	}
	if c := count(releasedLaterKey); c > 0 {
		out["released_later"] = append(out["released_later"], search.FacetCount{Value: "yes", Count: c})
	}
}

// preferredNames shows a facet's names as the authority file prefers them,
// adding up the counts of spellings of one person.
func preferredNames(counts []search.FacetCount, auth *names.File) []search.FacetCount {
	if auth == nil {
		return counts
	}
	merged := map[string]int{}
	var order []string
	for _, c := range counts {
		v := c.Value
		if m, ok := auth.Resolve(v); ok {
			v = m.Authority.Preferred
		}
		if _, seen := merged[v]; !seen {
			order = append(order, v)
		}
		merged[v] += c.Count
	}
	out := make([]search.FacetCount, 0, len(order))
	for _, v := range order {
		out = append(out, search.FacetCount{Value: v, Count: merged[v]})
	}
	return out
}

// counter counts interned values; its array is pooled, and only the values it
// touched are read back and cleared.
type counter struct {
	counts  []int32
	touched []uint32
}

var countPool sync.Pool

func newCounter(n int) counter {
	if p, ok := countPool.Get().(*[]int32); ok && len(*p) >= n {
		return counter{counts: *p}
	}
	return counter{counts: make([]int32, n)}
}

func (c *counter) inc(id uint32) {
	if c.counts[id] == 0 {
		c.touched = append(c.touched, id)
	}
	c.counts[id]++
}

func (c *counter) release() {
	for _, id := range c.touched {
		c.counts[id] = 0
	}
	countPool.Put(&c.counts)
}

// subjectCounts counts the result's documents in each subject's set: the
// vocabulary is small, so a bitmap of the result and one pass over each set
// cost less than keeping subjects among every document's facet values.
func (ix *Index) subjectCounts(docs []uint32) []search.FacetCount {
	in := make([]uint64, (len(ix.hot)+63)/64)
	for _, n := range docs {
		in[n/64] |= 1 << (n % 64)
	}
	var out []search.FacetCount
	for _, s := range subjects.Default().Subjects {
		c := 0
		for _, n := range ix.namesOf(subjectKey + s.ID) {
			if in[n/64]&(1<<(n%64)) != 0 {
				c++
			}
		}
		if c > 0 {
			out = append(out, search.FacetCount{Value: s.ID, Count: c})
		}
	}
	return out
}
