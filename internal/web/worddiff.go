package web

import "strings"

// diffPiece is a run of words a revision kept, removed or added.
type diffPiece struct {
	Text string
	Op   string // "", "del" or "ins"
}

// maxDiffCells bounds the word-level comparison of one change (words before
// times words after, past what the two share at their ends): past it the
// differing middle is shown removed, then added, rather than aligned.
const maxDiffCells = 1 << 20

// wordDiff compares two texts word by word (spaces kept with the word before
// them), so a long text's change shows where it is.
func wordDiff(a, b string) []diffPiece {
	wa, wb := words(a), words(b)
	pre := 0
	for pre < len(wa) && pre < len(wb) && wa[pre] == wb[pre] {
		pre++
	}
	suf := 0
	for suf < len(wa)-pre && suf < len(wb)-pre && wa[len(wa)-1-suf] == wb[len(wb)-1-suf] {
		suf++
	}
	var out []diffPiece
	add := func(text, op string) {
		if text == "" {
			return
		}
		if n := len(out); n > 0 && out[n-1].Op == op {
			out[n-1].Text += text
			return
		}
		out = append(out, diffPiece{Text: text, Op: op})
	}
	add(strings.Join(wa[:pre], ""), "")
	ma, mb := wa[pre:len(wa)-suf], wb[pre:len(wb)-suf]
	if len(ma)*len(mb) > maxDiffCells {
		add(strings.Join(ma, ""), "del")
		add(strings.Join(mb, ""), "ins")
	} else {
		for _, p := range lcsDiff(ma, mb) {
			add(p.Text, p.Op)
		}
	}
	add(strings.Join(wa[len(wa)-suf:], ""), "")
	return out
}

// words splits text after each run of spaces, keeping every byte.
func words(s string) []string {
	var out []string
	start := 0
	inSpace := false
	for i, r := range s {
		sp := r == ' ' || r == '\n' || r == '\t'
		if inSpace && !sp {
			out = append(out, s[start:i])
			start = i
		}
		inSpace = sp
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// lcsDiff aligns two word lists by their longest common subsequence.
func lcsDiff(a, b []string) []diffPiece {
	n, m := len(a), len(b)
	// l[i][j] is the LCS length of a[i:] and b[j:], in one slice.
	l := make([]int32, (n+1)*(m+1))
	at := func(i, j int) *int32 { return &l[i*(m+1)+j] }
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				*at(i, j) = *at(i+1, j+1) + 1
			} else {
				*at(i, j) = max(*at(i+1, j), *at(i, j+1))
			}
		}
	}
	var out []diffPiece
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a[i] == b[j]:
			out = append(out, diffPiece{a[i], ""})
			i, j = i+1, j+1
		case i < n && (j == m || *at(i+1, j) >= *at(i, j+1)):
			// Removals before additions: "was X, now Y" reads in order.
			out = append(out, diffPiece{a[i], "del"})
			i++
		default:
			out = append(out, diffPiece{b[j], "ins"})
			j++
		}
	}
	return out
}
