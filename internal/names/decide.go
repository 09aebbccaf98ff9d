package names

// Decision is an archivist's word on the mention starting at Start.
type Decision struct {
	Start, End int
	Authority  string
	Status     string // confirmed | rejected
}

// Apply overlays an archivist's decisions on found mentions: a confirmed
// mention takes the chosen authority with confidence 1, a rejected one stays
// listed as rejected, and a confirmed name the finder missed is added.
func (f *File) Apply(text string, found []Mention, decisions []Decision) []Mention {
	byStart := map[int]Decision{}
	for _, d := range decisions {
		byStart[d.Start] = d
	}
	out := make([]Mention, 0, len(found))
	seen := map[int]bool{}
	for _, m := range found {
		if d, ok := byStart[m.Start]; ok {
			m = f.decided(m, d)
			seen[m.Start] = true
		}
		out = append(out, m)
	}
	for _, d := range decisions {
		if seen[d.Start] || d.Status != "confirmed" || d.Start < 0 || d.End > len(text) || d.Start >= d.End {
			continue
		}
		out = append(out, f.decided(Mention{Start: d.Start, End: d.End, Text: text[d.Start:d.End]}, d))
	}
	return out
}

func (f *File) decided(m Mention, d Decision) Mention {
	m.Status = d.Status
	m.Suggested = false
	if d.Status == "confirmed" {
		m.Authority, m.Confidence = d.Authority, 1
		if i := f.index(d.Authority); i >= 0 {
			m.Preferred = f.Authorities[i].Preferred
		}
	} else {
		m.Confidence = 0
	}
	return m
}
