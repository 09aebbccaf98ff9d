package eval

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"fond/internal/record"
)

// kiRecords is a small archive: each record has a distinctive title, a dated
// dateline, a sender and a paragraph long enough for phrases, and the filler
// records give the words' frequencies something to be rare against.
func kiRecords() []record.Record {
	var recs []record.Record
	add := func(id, title, place, date, body string, people ...string) {
		recs = append(recs, record.Record{ID: id, Title: title, Place: place, Body: body, Authors: people,
			Date: record.Date{Earliest: date, Latest: date}})
	}
	add("tsitsihar", "The Consul at Harbin (Hanson) to the Secretary of State", "Harbin", "1929-07-14",
		"The Chinese authorities at Tsitsihar have seized the telegraph line of the railway and the Soviet staff were sent across the frontier under guard this morning. Marshal Chang Hsueh-liang has not replied to the protest.", "Hanson")
	add("monrovia", "The Minister in Liberia (Bundy) to the Secretary of State", "Monrovia", "1925-03-02",
		"The concession agreement with the rubber company was signed by the President yesterday after long discussion of the loan clauses and the customs receivership.", "Bundy")
	add("petrograd", "The Ambassador in Russia (Francis) to the Secretary of State", "Petrograd", "1918-01-20",
		"Tchitcherin and Semenoff informed the diplomatic corps that the commissariat would no longer guarantee the safety of the missions remaining in the capital after the dissolution of the assembly.", "Francis")
	for i := range 30 {
		add(fmt.Sprintf("filler%d", i), "The Secretary of State to the Minister in France", "Washington", fmt.Sprintf("19%02d-05-01", 10+i),
			strings.Repeat("The government of the United States has the honor to acknowledge the receipt of the note of the minister. ", 2)+fmt.Sprintf("Reference number %d.", i), "Kellogg")
	}
	// A near-identical pair: either would answer a query for the other.
	long := strings.Repeat("the commission agreed on the boundary between the two republics along the river as far as the mountains and ", 8)
	add("twinA", "Treaty of Limits", "Lima", "1930-01-01", long+"signed at Lima.")
	add("twinB", "Treaty of Limits, second copy", "Quito", "1930-01-02", long+"signed at Quito.")
	return recs
}

func TestGenerateKnownItemForms(t *testing.T) {
	recs := kiRecords()
	qs := GenerateKnownItem(recs, 7, 3)
	byForm := map[string][]KnownItemQuery{}
	for _, q := range qs {
		byForm[q.Form] = append(byForm[q.Form], q)
		if q.TargetID == "twinA" || q.TargetID == "twinB" {
			t.Errorf("near-duplicate %s is a target: %+v", q.TargetID, q)
		}
		if strings.ContainsAny(q.Text, `"*:()`) || strings.Contains(q.Text, " AND ") || strings.Contains(q.Text, " OR ") {
			t.Errorf("query has operators: %q", q.Text)
		}
	}
	for _, f := range KnownItemForms {
		if len(byForm[f]) != 3 {
			t.Errorf("%s: %d queries, want 3: %+v", f, len(byForm[f]), byForm[f])
		}
		var targets []string
		for _, q := range byForm[f] {
			targets = append(targets, q.TargetID)
		}
		slices.Sort(targets)
		if len(slices.Compact(targets)) != len(byForm[f]) {
			t.Errorf("%s: a target repeats: %v", f, targets)
		}
	}
	if !slices.Equal(qs, GenerateKnownItem(recs, 7, 3)) {
		t.Error("same records and seed gave different queries")
	}
	if slices.Equal(qs, GenerateKnownItem(recs, 8, 3)) {
		t.Error("another seed gave the same queries")
	}

	want := map[string]map[string]string{
		// The rarest title words of the real targets are their names and places.
		FormRareTitle: {"tsitsihar": "Harbin Hanson", "monrovia": "Liberia Bundy", "petrograd": "Russia Francis"},
		FormNamePlace: {"tsitsihar": "Hanson Harbin 1929", "monrovia": "Bundy Monrovia 1925", "petrograd": "Francis Petrograd 1918"},
	}
	for _, q := range qs {
		w, ok := want[q.Form][q.TargetID]
		if !ok {
			continue
		}
		if q.Form == FormRareTitle {
			// two or three of the rarest, in title order
			if !strings.HasPrefix(q.Text, strings.Fields(w)[0]) && !strings.HasSuffix(q.Text, strings.Fields(w)[1]) {
				t.Errorf("%s %s: %q, want the rarest of %q", q.Form, q.TargetID, q.Text, w)
			}
			continue
		}
		if q.Text != w {
			t.Errorf("%s %s: %q, want %q", q.Form, q.TargetID, q.Text, w)
		}
		// Each of these names one sender, one place and one year: the target alone.
		if q.Sharing != 1 {
			t.Errorf("%s %s: %d documents hold all of %q, want 1", q.Form, q.TargetID, q.Sharing, q.Text)
		}
	}
}

// With more queries asked than there are documents every eligible record is a
// target, so the near-identical pair would show up if it were eligible.
func TestKnownItemSkipsNearDuplicates(t *testing.T) {
	n := 0
	for _, q := range GenerateKnownItem(kiRecords(), 1, 100) {
		if q.Form != FormRareTitle {
			continue
		}
		n++
		if strings.HasPrefix(q.TargetID, "twin") {
			t.Errorf("near-duplicate %s is a target: %+v", q.TargetID, q)
		}
		// The fillers' one title: its rarest words are in all 30 of them.
		if strings.HasPrefix(q.TargetID, "filler") && q.Sharing != 30 {
			t.Errorf("%q: %d documents share the words, want the 30 fillers", q.Text, q.Sharing)
		}
	}
	if n != 33 {
		t.Errorf("%d rare-title targets, want the 33 records that are not near-duplicates", n)
	}
}

func TestKnownItemPhraseHasOneWordWrong(t *testing.T) {
	recs := kiRecords()
	bodies := map[string]string{}
	for _, r := range recs {
		bodies[r.ID] = strings.ToLower(strings.Join(wordsOf(r.Body), " "))
	}
	n := 0
	for seed := range uint64(20) {
		for _, q := range GenerateKnownItem(recs, seed, 5) {
			if q.Form != FormPhrase {
				continue
			}
			n++
			ws := strings.Fields(q.Text)
			if len(ws) < 5 || len(ws) > 8 {
				t.Errorf("%q: %d words, want 5–8", q.Text, len(ws))
			}
			if strings.Contains(bodies[q.TargetID], q.Text) {
				t.Errorf("%q is in the body as it is: no word is wrong", q.Text)
			}
			// Exactly one position differs: put each body word back in turn.
			found := false
			body := strings.Fields(bodies[q.TargetID])
			for i := 0; i+len(ws) <= len(body) && !found; i++ {
				diff := 0
				for j, w := range ws {
					if body[i+j] != w {
						diff++
					}
				}
				found = diff == 1
			}
			if !found {
				t.Errorf("%q: no span of %s's body differs from it in exactly one word", q.Text, q.TargetID)
			}
		}
	}
	if n < 20 {
		t.Errorf("only %d phrase queries over 20 seeds", n)
	}
}

func TestKnownItemRespelling(t *testing.T) {
	recs := kiRecords()
	c := newKICorpus(recs)
	seen := map[string]bool{}
	for seed := range uint64(30) {
		for _, q := range GenerateKnownItem(recs, seed, 5) {
			if q.Form != FormRespelled {
				continue
			}
			seen[q.How] = true
			name := strings.Fields(q.Text)[0]
			if strings.HasPrefix(q.How, "misspelled") && c.df[strings.ToLower(name)] != 0 {
				t.Errorf("%q: the misspelling %q is a word of the corpus", q.Text, name)
			}
			if q.TargetID == "tsitsihar" && strings.HasPrefix(q.How, "pinyin") && !strings.HasPrefix(q.Text, "Zhang Xueliang ") {
				t.Errorf("pinyin of Chang Hsueh-liang: %q", q.Text)
			}
			if q.TargetID == "tsitsihar" && strings.HasPrefix(q.How, "postal") && !strings.HasPrefix(q.Text, "Qiqihar ") {
				t.Errorf("pinyin of Tsitsihar: %q", q.Text)
			}
		}
	}
	for _, how := range []string{"pinyin", "postal→pinyin", "russian:-ov"} {
		if !seen[how+"+year"] && !seen[how+"+word"] {
			t.Errorf("no %s respelling in 30 seeds: %v", how, seen)
		}
	}
	if v, how := russianRespelling("Semenoff"); v != "Semenov" {
		t.Errorf("Semenoff respelled %q (%s), want Semenov", v, how)
	}
	if v, _ := russianRespelling("Kerensky"); v != "Kerenskii" && v != "Kerenskiy" {
		t.Errorf("Kerensky respelled %q, want an ALA-LC or BGN form", v)
	}
	if v, _ := russianRespelling("Tchitcherin"); v != "" {
		t.Errorf("Tchitcherin has no Russian ending here, yet respelled %q", v)
	}
	if v, _ := russianRespelling("Schenck"); v != "" {
		t.Errorf("Schenck is German, respelled as Russian: %q", v)
	}
	for _, name := range []string{"Harbin", "Monrovia"} {
		v, kind := c.misspell(newRand(1), name)
		if v == "" || v == name || v[0] != name[0] {
			t.Errorf("misspell(%s) = %q (%s): want another spelling keeping the first letter", name, v, kind)
		}
	}
}

func TestScoreKnownItem(t *testing.T) {
	q := func(form, target string) KnownItemQuery {
		return KnownItemQuery{Form: form, TargetID: target}
	}
	ms := time.Millisecond
	runs := []KnownItemRun{
		{q(FormRareTitle, "a"), []string{"a", "b"}, 1 * ms},                                               // rank 1
		{q(FormRareTitle, "a"), []string{"x", "y", "a"}, 2 * ms},                                          // rank 3
		{q(FormRareTitle, "a"), nil, 3 * ms},                                                              // nothing
		{q(FormRareTitle, "a"), []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "a"}, 4 * ms}, // rank 11: not counted
		{q(FormPhrase, "b"), []string{"c", "b"}, 10 * ms},
	}
	got := ScoreKnownItem(runs)
	if len(got) != 3 || got[0].Form != FormRareTitle || got[1].Form != FormPhrase || got[2].Form != "all" {
		t.Fatalf("forms: %+v", got)
	}
	rt := got[0]
	if rt.N != 4 || rt.Success1 != 0.25 || rt.Success10 != 0.5 || rt.ZeroHits != 1 {
		t.Errorf("rare title: %+v", rt)
	}
	if want := (1 + 1.0/3) / 4; rt.MRR10 != want {
		t.Errorf("MRR@10 %v, want %v", rt.MRR10, want)
	}
	if rt.P50Ms != 2 || rt.P99Ms != 4 {
		t.Errorf("latency p50 %v p99 %v, want 2 and 4", rt.P50Ms, rt.P99Ms)
	}
	all := got[2]
	if all.N != 5 || all.Success10 != 0.6 || all.MRR10 != (1+1.0/3+0.5)/5 {
		t.Errorf("all: %+v", all)
	}
}

func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0)) }

// TestKnownItemAlike: a query whose words fit thirty documents as well as its
// target counts them, one that fits its target alone counts one; the ceiling
// is what ranking the alike documents in any order gives.
func TestKnownItemAlike(t *testing.T) {
	recs := kiRecords()
	c := newKICorpus(recs)
	count := func(meant func(*kiDoc) bool) int {
		n := 0
		for j := range c.docs {
			if meant(&c.docs[j]) {
				n++
			}
		}
		return n
	}
	// The thirty fillers print the same sentence; the Tsitsihar despatch alone
	// has its words.
	if n := count(rememberedPhrase(strings.Fields("the honor to acknowledge the receipt"), 2)); n != 30 {
		t.Errorf("filler phrase: %d alike, want 30", n)
	}
	if n := count(rememberedPhrase(strings.Fields("have seized the telegraph line"), 1)); n != 1 {
		t.Errorf("tsitsihar phrase: %d alike, want 1", n)
	}
	// the wrong word's place is any word, not no word
	if n := count(rememberedPhrase(strings.Fields("have seized the the telegraph line"), 2)); n != 0 {
		t.Errorf("phrase with a word too many: %d alike, want 0", n)
	}
	for _, q := range GenerateKnownItem(recs, 7, 3) {
		if q.Alike < 1 {
			t.Errorf("%s %q: %d documents alike, the target at least is", q.Form, q.Text, q.Alike)
		}
		if strings.HasPrefix(q.TargetID, "filler") && q.Form == FormRareTitle && q.Alike != 30 {
			t.Errorf("%q: %d alike, want the 30 fillers", q.Text, q.Alike)
		}
	}
	got := KnownItemCeiling([]KnownItemQuery{
		{Form: FormRareTitle, Alike: 1},
		{Form: FormRareTitle, Alike: 20},
		{Form: FormPhrase, Alike: 2},
	})
	if len(got) != 3 || got[0].Success10 != 0.75 || got[0].Success1 != (1+1.0/20)/2 {
		t.Errorf("ceiling: %+v", got)
	}
	if want := (1 + 1.0/2) / 2; got[1].MRR10 != want || got[1].Success10 != 1 {
		t.Errorf("phrase ceiling %+v, want MRR %v", got[1], want)
	}
}

// TestScoreIdentifiable: only queries fitting at most IdentifiableAlike
// documents count, per form and overall, and N says how many there were.
func TestScoreIdentifiable(t *testing.T) {
	run := func(form string, alike int, top ...string) KnownItemRun {
		return KnownItemRun{Query: KnownItemQuery{Form: form, TargetID: "t", Alike: alike}, Top: top, Latency: time.Millisecond}
	}
	tests := []struct {
		name string
		runs []KnownItemRun
		want []KnownItemScore // Form, N, Success1, Success10, MRR10 compared
	}{
		{"none identifiable", []KnownItemRun{run(FormPhrase, 11, "t"), run(FormPhrase, 40)},
			[]KnownItemScore{{Form: "all"}}},
		{"the threshold counts", []KnownItemRun{run(FormPhrase, IdentifiableAlike, "x", "t"), run(FormPhrase, IdentifiableAlike+1, "t")},
			[]KnownItemScore{{Form: FormPhrase, N: 1, Success10: 1, MRR10: 0.5}, {Form: "all", N: 1, Success10: 1, MRR10: 0.5}}},
		{"per form and all", []KnownItemRun{
			run(FormRareTitle, 1, "t"), run(FormRareTitle, 3, "a", "b", "c", "d"), run(FormRareTitle, 30, "t"),
			run(FormRespelled, 2, "a", "b", "c", "t"), run(FormRespelled, 12),
		}, []KnownItemScore{
			{Form: FormRareTitle, N: 2, Success1: 0.5, Success10: 0.5, MRR10: 0.5},
			{Form: FormRespelled, N: 1, Success10: 1, MRR10: 0.25},
			{Form: "all", N: 3, Success1: 1.0 / 3, Success10: 2.0 / 3, MRR10: 1.25 / 3},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ScoreIdentifiable(tt.runs)
			if len(got) != len(tt.want) {
				t.Fatalf("%d scores, want %d: %+v", len(got), len(tt.want), got)
			}
			for i, w := range tt.want {
				g := got[i]
				if g.Form != w.Form || g.N != w.N || g.Success1 != w.Success1 || g.Success10 != w.Success10 || math.Abs(g.MRR10-w.MRR10) > 1e-12 {
					t.Errorf("score %d: %+v, want %+v", i, g, w)
				}
			}
		})
	}
	ceil := IdentifiableCeiling([]KnownItemQuery{{Form: FormPhrase, Alike: 2}, {Form: FormPhrase, Alike: 50}})
	if last := ceil[len(ceil)-1]; last.N != 1 || last.Success10 != 1 || last.MRR10 != 0.75 {
		t.Errorf("identifiable ceiling: %+v, want the one query of 2 alike: success@10 1, MRR@10 0.75", ceil)
	}
}
