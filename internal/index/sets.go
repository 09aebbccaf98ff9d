package index

import "slices"

// union merges sorted lists into one sorted list without repeats.
func union(parts [][]uint32) []uint32 {
	switch len(parts) {
	case 0:
		return nil
	case 1:
		return parts[0]
	}
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	out := make([]uint32, 0, n)
	for _, p := range parts {
		out = append(out, p...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// difference is a minus b, both sorted.
func difference(a, b []uint32) []uint32 {
	out := make([]uint32, 0, len(a))
	j := 0
	for _, x := range a {
		for j < len(b) && b[j] < x {
			j++
		}
		if j < len(b) && b[j] == x {
			continue
		}
		out = append(out, x)
	}
	return out
}

// mergeResults is the union of term results, frequencies added where documents
// meet; df is the merged term's document frequency.
func mergeResults(parts []termResult, df int) termResult {
	var nonEmpty []termResult
	for _, p := range parts {
		if len(p.docs) > 0 {
			nonEmpty = append(nonEmpty, p)
		}
	}
	switch len(nonEmpty) {
	case 0:
		return termResult{df: df}
	case 1:
		r := nonEmpty[0]
		r.df = df
		return r
	}
	type pair struct {
		doc uint32
		w   float32
	}
	var all []pair
	for _, p := range nonEmpty {
		for i, d := range p.docs {
			all = append(all, pair{d, p.wtf[i]})
		}
	}
	slices.SortFunc(all, func(a, b pair) int {
		switch {
		case a.doc < b.doc:
			return -1
		case a.doc > b.doc:
			return 1
		}
		return 0
	})
	r := termResult{df: df}
	for _, p := range all {
		if n := len(r.docs); n > 0 && r.docs[n-1] == p.doc {
			r.wtf[n-1] += p.w
			continue
		}
		r.docs = append(r.docs, p.doc)
		r.wtf = append(r.wtf, p.w)
	}
	return r
}

// intersectResults keeps the documents of the last part (each part is already
// restricted to the one before) and adds up their frequencies from every part.
func intersectResults(parts []termResult) termResult {
	if len(parts) == 0 {
		return termResult{}
	}
	last := parts[len(parts)-1]
	r := termResult{docs: last.docs, wtf: slices.Clone(last.wtf), df: last.df}
	if len(parts) == 1 {
		r.list, r.at = last.list, last.at
	}
	for _, p := range parts[:len(parts)-1] {
		j := 0
		for i, d := range r.docs {
			for p.docs[j] < d {
				j++
			}
			r.wtf[i] += p.wtf[j]
		}
		r.df = min(r.df, p.df)
	}
	return r
}

// member answers "is d in this sorted list?" for ascending d, walking the list
// once for all of them.
type member struct {
	ids []uint32
	j   int // where the last answer stood in ids
}

// has reports whether d is in the list, and whether the list ended before d (no
// later d can be in it either).
func (m *member) has(d uint32) (found, ended bool) {
	for m.j < len(m.ids) && m.ids[m.j] < d {
		m.j++
	}
	if m.j == len(m.ids) {
		return false, true
	}
	return m.ids[m.j] == d, false
}

// within keeps the documents of r that are in cand; r itself is left as it
// was, for it may be shared.
func (r termResult) within(cand docset) termResult {
	if cand.all {
		return r
	}
	out := termResult{df: r.df, list: r.list}
	in := member{ids: cand.ids}
	for i, d := range r.docs {
		found, ended := in.has(d)
		if ended {
			break
		}
		if found {
			out.docs = append(out.docs, d)
			out.wtf = append(out.wtf, r.wtf[i])
			if r.at != nil {
				out.at = append(out.at, r.at[i])
			}
		}
	}
	return out
}
