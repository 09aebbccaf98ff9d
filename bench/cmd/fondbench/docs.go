package main

import (
	"fmt"
	"fond/internal/edtf"
	"math"
	"math/rand/v2"
	"strings"

	"fond/internal/ingest"
)

// Doc is one generated document: the fields of a fond record that search touches,
// in a form every engine can index.
type Doc struct {
	Key, ID                           string
	Title, Summary, Body              string
	Type, Category                    string
	EDTF, Display, Earliest, Latest   string
	Authors, Recipients, Participants []string
	Place                             string
	Repository, Abbrev, Reference     string
}

// meanBody is the target mean body size: what FRUS documents average.
const meanBody = 6600

type generator struct {
	m    *Model
	seed uint64
	// typeCum holds the cumulative docTypes weights.
	typeCum []int
}

func newGenerator(m *Model, seed uint64) *generator {
	g := &generator{m: m, seed: seed}
	sum := 0
	for _, t := range docTypes {
		sum += t.weight
		g.typeCum = append(g.typeCum, sum)
	}
	return g
}

// doc builds document i from its own random stream, so any engine's child process
// can regenerate any document without the ones before it.
func (g *generator) doc(i int) Doc {
	rng := rand.New(rand.NewPCG(g.seed, uint64(i)+1))
	d := Doc{Key: fmt.Sprintf("fondbench-s%d/d%d", g.seed, i)}
	d.ID = ingest.IDFor("", d.Key) // a key with "/" names the document whatever the file's checksum
	d.Type = g.docType(rng)
	d.Category = "primary"
	if d.Type == "editorial note" {
		d.Category = "secondary"
	}
	g.date(rng, &d)
	d.Authors = pick(rng, people, 1+rng.IntN(2))
	d.Recipients = pick(rng, people, 1+rng.IntN(2))
	if d.Type == "memorandum of conversation" || d.Type == "minutes" {
		d.Participants = pick(rng, people, 2+rng.IntN(4))
	}
	d.Place = places[rng.IntN(len(places))]
	repo := repositories[rng.IntN(len(repositories))]
	d.Repository, d.Abbrev = repo.name, repo.abbrev
	d.Reference = fmt.Sprintf(repo.refFormat, 100+rng.IntN(800), rng.IntN(100), 1+rng.IntN(400), 1+rng.IntN(12), rng.IntN(100))
	d.Title = g.title(rng, d)

	var b strings.Builder
	g.m.sentences(rng, &b, 150+rng.IntN(250), false)
	d.Summary = b.String()
	b.Reset()
	g.m.sentences(rng, &b, bodyLen(rng), true)
	d.Body = b.String()
	return d
}

// bodyLen is log-normal (σ 0.7) with mean meanBody: most documents are a page or
// two and a few run to tens of pages, as in the printed volumes.
func bodyLen(rng *rand.Rand) int {
	const sigma = 0.7
	mu := math.Log(meanBody) - sigma*sigma/2
	return max(200, int(math.Exp(mu+sigma*rng.NormFloat64())))
}

func (g *generator) docType(rng *rand.Rand) string {
	r := rng.IntN(g.typeCum[len(g.typeCum)-1])
	for i, c := range g.typeCum {
		if r < c {
			return docTypes[i].name
		}
	}
	return docTypes[0].name
}

var monthNames = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// date centres on the early Cold War, with some documents known only to the month
// or year, so date ranges and year facets see realistic bounds.
func (g *generator) date(rng *rand.Rand, d *Doc) {
	y := min(1991, max(1917, 1955+int(rng.NormFloat64()*9)))
	m := 1 + rng.IntN(12)
	days := edtf.DaysIn(y, m)
	switch p := rng.IntN(100); {
	case p < 80:
		day := 1 + rng.IntN(days)
		d.EDTF = fmt.Sprintf("%04d-%02d-%02d", y, m, day)
		d.Earliest, d.Latest = d.EDTF, d.EDTF
		d.Display = fmt.Sprintf("%s %d, %d", monthNames[m-1], day, y)
	case p < 95:
		d.EDTF = fmt.Sprintf("%04d-%02d", y, m)
		d.Earliest, d.Latest = d.EDTF+"-01", fmt.Sprintf("%s-%02d", d.EDTF, days)
		d.Display = fmt.Sprintf("%s %d", monthNames[m-1], y)
	default:
		d.EDTF = fmt.Sprint(y)
		d.Earliest, d.Latest = d.EDTF+"-01-01", d.EDTF+"-12-31"
		d.Display = d.EDTF
	}
}

func (g *generator) title(rng *rand.Rand, d Doc) string {
	var head string
	switch d.Type {
	case "telegram", "circular telegram", "airgram", "despatch":
		if rng.IntN(2) == 0 {
			head = fmt.Sprintf("%s From the Embassy in %s to the Department of State", capital(d.Type), d.Place)
		} else {
			head = fmt.Sprintf("%s From the Department of State to the Embassy in %s", capital(d.Type), d.Place)
		}
	case "memorandum", "letter":
		head = fmt.Sprintf("%s From %s to %s", capital(d.Type), d.Authors[0], d.Recipients[0])
	case "memorandum of conversation":
		head = fmt.Sprintf("Memorandum of Conversation, by %s", d.Authors[0])
	default:
		var b strings.Builder
		g.m.sentences(rng, &b, 30, false)
		words := strings.Fields(strings.TrimRight(b.String(), ".,;:?!"))
		head = capital(d.Type) + ": " + strings.Join(words[:min(len(words), 8)], " ")
	}
	return head
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// pick draws n distinct entries.
func pick(rng *rand.Rand, from []string, n int) []string {
	out := make([]string, 0, n)
	seen := map[int]bool{}
	for len(out) < n && len(seen) < len(from) {
		k := rng.IntN(len(from))
		if !seen[k] {
			seen[k] = true
			out = append(out, from[k])
		}
	}
	return out
}

// names lists people once each in the order fond's record.Names gives them, so
// every engine indexes the same people text.
func (d Doc) names() []string {
	var out []string
	seen := map[string]bool{}
	for _, l := range [][]string{d.Authors, d.Recipients, d.Participants} {
		for _, n := range l {
			if !seen[n] {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	return out
}

// archiveText is what fond's FTS "archive" column holds: repository, abbreviation,
// reference and the genre.
func (d Doc) archiveText() string {
	return strings.Join([]string{d.Repository, d.Abbrev, d.Reference, d.Type}, "\n")
}

func (d Doc) year() string { return d.Earliest[:4] }

// original is the text that stands in for the file's bytes in fond's originals.
func (d Doc) original() string {
	return d.Title + "\n" + d.Display + "\n\n" + d.Summary + "\n\n" + d.Body + "\n"
}
