package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"
)

// slowest keeps each class's slowest queries, so that a p99 can be traced to
// the queries behind it (FONDBENCH_SLOWEST=N prints N a class on stderr at
// the end of the timed queries).
type slowest struct {
	n   int
	all map[string][]slowQuery
}

type slowQuery struct {
	q    Query
	d    time.Duration
	hits int
}

func slowestEnv() int {
	n, _ := strconv.Atoi(os.Getenv("FONDBENCH_SLOWEST"))
	return max(n, 0)
}

func newSlowest(n int) *slowest { return &slowest{n: n, all: map[string][]slowQuery{}} }

func (s *slowest) note(q Query, d time.Duration, hits int) {
	if s.n == 0 {
		return
	}
	l := append(s.all[q.Class], slowQuery{q, d, hits})
	sort.Slice(l, func(i, j int) bool { return l[i].d > l[j].d })
	if len(l) > s.n {
		l = l[:s.n]
	}
	s.all[q.Class] = l
}

func (s *slowest) print(w io.Writer) {
	for _, c := range classes {
		for _, x := range s.all[c] {
			text := strings.Join(x.q.Words, " ")
			if x.q.Prefix != "" {
				text = strings.TrimSpace(text + " " + x.q.Prefix + "*")
			}
			if x.q.From != 0 {
				text += fmt.Sprintf(" [%d-%d]", x.q.From, x.q.To)
			}
			fmt.Fprintf(w, "fondbench: slowest %s: %.2f ms, %d hits: %s\n", c, float64(x.d.Microseconds())/1000, x.hits, text)
		}
	}
}
