// Package links finds the primary documents that a secondary source (an article, a
// blog post) narrates: a sentence that dates an event ("In February 1950, Kim asked
// whether …") is matched to primary records of that date by the people and words
// they share. It is pure: the caller supplies candidates from the store.
package links

import (
	"math"
	"strings"
	"unicode"

	"fond/internal/compare"
	"fond/internal/datefind"
	"fond/internal/record"
)

// Thresholds: a link at or above Assert is asserted (it appears in discusses /
// discussed_in); between Offer and Assert it is offered to an archivist.
const (
	Assert = 0.6
	Offer  = 0.35
)

// Mention is a sentence of a secondary record that dates an event.
type Mention struct {
	Sentence         string
	Context          string // the sentence with its neighbours, where names often are
	Earliest, Latest string
}

// Mentions returns the dated event sentences of a record. Bare years are too vague
// to tie a sentence to one document, so only months and days count.
func Mentions(r *record.Record) []Mention {
	sents := compare.Sentences(r.Body)
	var out []Mention
	for i, s := range sents {
		for _, m := range datefind.Find(s) {
			if m.Role != "" || m.Earliest == "" || m.Latest == "" || spanDays(m.Earliest, m.Latest) > 62 {
				continue
			}
			ctx := s
			if i > 0 {
				ctx = sents[i-1] + " " + ctx
			}
			if i+1 < len(sents) {
				ctx += " " + sents[i+1]
			}
			out = append(out, Mention{Sentence: s, Context: ctx, Earliest: m.Earliest, Latest: m.Latest})
		}
	}
	return out
}

// spanDays approximates the length of a date range in days.
func spanDays(a, b string) int {
	return dayNum(b) - dayNum(a)
}

func dayNum(s string) int {
	if len(s) < 10 {
		return 0
	}
	n := func(x string) int {
		v := 0
		for _, c := range x {
			v = v*10 + int(c-'0')
		}
		return v
	}
	return n(s[0:4])*372 + n(s[5:7])*31 + n(s[8:10])
}

// Score rates how likely it is that the mention narrates the primary record, and
// says why. Parts: the date (the record's date inside the mention's range), people
// and places named in both, and the mention's content words found in the record.
func Score(m Mention, p *record.Record) (float64, string) {
	if p.Date.Earliest == "" || p.Date.Earliest > m.Latest || p.Date.Latest < m.Earliest {
		return 0, ""
	}
	score := 0.25
	if p.Date.Earliest >= m.Earliest && p.Date.Latest <= m.Latest {
		score = 0.4
	}
	who := wordSet(strings.Join(append(p.Names(), p.Title, p.Summary, p.Place), " "))
	var shared []string
	for _, name := range capitalised(m.Context) {
		if who[strings.ToLower(name)] {
			shared = append(shared, name)
		}
	}
	score += math.Min(0.3, 0.1*float64(len(shared)))
	text := wordSet(p.Title + " " + p.Summary + " " + p.Body)
	content := contentWords(m.Sentence)
	found := 0
	for _, w := range content {
		if text[w] || text[strings.TrimSuffix(w, "s")] {
			found++
		}
	}
	if len(content) > 0 {
		score += 0.3 * float64(found) / float64(len(content))
	}
	why := "date"
	if len(shared) > 0 {
		why += "; names: " + strings.Join(shared, ", ")
	}
	return math.Round(score*100) / 100, why
}

// Link is one scored pair.
type Link struct {
	To       string
	Score    float64
	Evidence string // the sentence
	Why      string
}

// Find scores every candidate against every mention and keeps, per candidate, its
// best mention if it reaches the Offer threshold.
func Find(mentions []Mention, candidates []record.Record) []Link {
	best := map[string]Link{}
	var order []string
	for _, m := range mentions {
		for i := range candidates {
			c := &candidates[i]
			if c.Category != record.Primary {
				continue
			}
			s, why := Score(m, c)
			if s < Offer {
				continue
			}
			if old, ok := best[c.ID]; !ok || s > old.Score {
				if !ok {
					order = append(order, c.ID)
				}
				best[c.ID] = Link{To: c.ID, Score: s, Evidence: m.Sentence, Why: why}
			}
		}
	}
	out := make([]Link, 0, len(order))
	for _, id := range order {
		out = append(out, best[id])
	}
	return out
}

var months = map[string]bool{"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true}

// capitalised returns the capitalised words of a text that are not sentence
// openers or month names: the names in it.
func capitalised(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
		r := []rune(w)
		if len(r) < 3 || !unicode.IsUpper(r[0]) || stop[strings.ToLower(w)] || months[strings.ToLower(w)] || seen[w] {
			continue
		}
		seen[w] = true
		out = append(out, w)
	}
	return out
}

func wordSet(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }) {
		out[w] = true
	}
	return out
}

// contentWords are the lower-cased words of a sentence minus stopwords, dates and
// names: what the event was about.
func contentWords(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }) {
		lw := strings.ToLower(w)
		if len(lw) < 4 || stop[lw] || months[lw] || seen[lw] || unicode.IsUpper([]rune(w)[0]) {
			continue
		}
		seen[lw] = true
		out = append(out, lw)
	}
	return out
}

var stop = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`the and that with from this have were which when what would could should there their they them then than into also about after before being been some such more most other only over under while where whose will shall upon very just even much many well here these those your ours ourselves itself himself herself
	in on at of to for by an a as is it its he she his her we our was be are or not no but if so do did does had has can may might must each any all both few own same too again once during between through against among within without toward towards per via
	according rather however although though since until unless whether either neither nor yet still already ever never always often sometimes asked said told wrote made make took take gave give came come went goes`) {
		m[w] = true
	}
	return m
}()
