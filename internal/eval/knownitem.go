package eval

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"fond/internal/editions"
	"fond/internal/index"
	"fond/internal/ingest"
	"fond/internal/record"
	"fond/internal/romanize"
	"fond/internal/search"
)

// Known-item query forms: the ways a historian types a document half
// remembered. Each is generated from the target alone, as the person who once
// read it would remember it.
const (
	FormRareTitle = "rare-title-words"
	FormNamePlace = "surname-place-year"
	FormPhrase    = "phrase-one-wrong"
	FormRespelled = "respelled-name"
)

// KnownItemForms lists the forms in report order.
var KnownItemForms = []string{FormRareTitle, FormNamePlace, FormPhrase, FormRespelled}

// KnownItemQuery is one search for one document.
type KnownItemQuery struct {
	Form     string `json:"form"`
	Text     string `json:"text"`
	TargetID string `json:"target"`
	// How says how the text was made ("pinyin", "misspelled:transpose+year",
	// "neighbour"…), so a form's failures can be split by cause.
	How string `json:"how,omitempty"`
	// Sharing counts the documents, the target among them, that hold every
	// word of the query (folded, not stemmed; a year also counts when the
	// document is dated in it): how far the query alone could single the
	// target out. Many FRUS titles repeat ("Mr. Fish to General Schenck").
	Sharing int `json:"docs_with_all_words"`
	// Alike counts the documents, the target among them, that fit what the
	// query means as well as the target does: the title words in the title;
	// the surname among the senders and addressees, the dateline's place,
	// the date's year; the remembered words in a row with any word where the
	// wrong one stands; the name as the target prints it with the year of its
	// date or the word in its title. No engine can tell these apart from the
	// query, so ranking them in any order is the best it can be held to
	// (KnownItemCeiling).
	Alike int `json:"docs_alike"`
}

// kiGen is a query as a form's generator makes it, with the test that
// tells the documents alike to its target (KnownItemQuery.Alike).
type kiGen struct {
	KnownItemQuery
	meant func(d *kiDoc) bool
}

// kiDoc is what the generator reads of a record, tokenized once.
type kiDoc struct {
	rec   *record.Record
	title []string // words of the title as printed, edge punctuation trimmed
	words map[string]bool
	// what the documents alike are told by (KnownItemQuery.Alike)
	titleWords, nameWords map[string]bool
	place, year           string // folded cleanPlace of the dateline; year()
}

// kiCorpus holds the statistics the forms draw on.
type kiCorpus struct {
	docs []kiDoc
	df   map[string]int // folded word → documents containing it
	// lower counts documents where a word is printed in lower case: a
	// capitalized word that is also a common noun ("State", "House") is no
	// name to remember a document by.
	lower map[string]int
	// frequent are the corpus's commonest content words, the words a memory
	// slips to when one word of a phrase is wrong.
	frequent []string
}

// wordsOf splits text into words as a reader sees them: letters and digits,
// with inner apostrophes and hyphens kept ("Ch'en", "Tso-lin").
func wordsOf(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' && r != '-'
	})
}

// tokensOf is the folded words an index would make of s: apostrophes and
// hyphens split, as every engine here splits them.
func tokensOf(s string) []string {
	out := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i, w := range out {
		out[i] = index.Fold(w)
	}
	return out
}

func newKICorpus(recs []record.Record) *kiCorpus {
	c := &kiCorpus{df: map[string]int{}, lower: map[string]int{}}
	cf := map[string]int{}
	for i := range recs {
		r := &recs[i]
		d := kiDoc{rec: r, words: map[string]bool{}, titleWords: map[string]bool{}, nameWords: map[string]bool{},
			place: index.Fold(cleanPlace(r.Place)), year: year(r)}
		for _, w := range tokensOf(r.Title) {
			d.titleWords[w] = true
		}
		for _, w := range tokensOf(strings.Join(r.Names(), "\n")) {
			d.nameWords[w] = true
		}
		for _, w := range wordsOf(r.Title) {
			d.title = append(d.title, strings.Trim(w, "'’-"))
		}
		text := strings.Join(append([]string{r.Title, r.Body, r.Place}, r.Names()...), "\n")
		for _, w := range tokensOf(text) {
			d.words[w] = true
			cf[w]++
		}
		for w := range d.words {
			c.df[w]++
		}
		low := map[string]bool{}
		for _, w := range strings.Fields(r.Body) {
			if r0, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r0) {
				low[index.Fold(strings.Trim(w, `.,;:?!"()[]'’“”`))] = true
			}
		}
		for w := range low {
			c.lower[w]++
		}
		c.docs = append(c.docs, d)
	}
	for w := range cf {
		if len(w) >= 4 && isAlpha(w) && !search.IsStopword(w) {
			c.frequent = append(c.frequent, w)
		}
	}
	sort.Slice(c.frequent, func(i, j int) bool {
		a, b := c.frequent[i], c.frequent[j]
		return cf[a] > cf[b] || cf[a] == cf[b] && a < b
	})
	c.frequent = c.frequent[:min(len(c.frequent), 100)]
	return c
}

func isAlpha(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return w != ""
}

// GenerateKnownItem makes up to perForm queries of each form from recs, each
// for a different target within its form, the same for the same records and
// seed. Records whose text is near-identical to another record's are never
// targets: either would be a right answer, and the score could not tell.
func GenerateKnownItem(recs []record.Record, seed uint64, perForm int) []KnownItemQuery {
	c := newKICorpus(recs)
	dup := nearDuplicates(recs)
	var out []KnownItemQuery
	for f, form := range KnownItemForms {
		rng := rand.New(rand.NewPCG(seed, uint64(f)+1))
		order := rng.Perm(len(c.docs))
		n := 0
		used := map[int]bool{}
		// A third of the respelled names are romanizations, taken first from
		// the documents that have a name to romanize; too few documents have
		// one for a random draw to measure them.
		var roman []int
		if form == FormRespelled {
			roman = order
		}
		romanQuota := perForm / 3
		for pass, list := range [][]int{roman, order} {
			for _, i := range list {
				if n == perForm || pass == 0 && n == romanQuota {
					break
				}
				if dup[i] || used[i] {
					continue
				}
				var g kiGen
				var ok bool
				switch form {
				case FormRareTitle:
					g, ok = c.rareTitle(rng, i)
				case FormNamePlace:
					g, ok = c.namePlaceYear(rng, i)
				case FormPhrase:
					g, ok = c.phrase(rng, i)
				case FormRespelled:
					g, ok = c.respelled(rng, i, pass == 0)
				}
				if !ok {
					continue
				}
				q := g.KnownItemQuery
				q.Form, q.TargetID = form, recs[i].ID
				q.Sharing = c.sharing(q.Text)
				for j := range c.docs {
					if g.meant(&c.docs[j]) {
						q.Alike++
					}
				}
				out = append(out, q)
				used[i] = true
				n++
			}
		}
	}
	return out
}

func (c *kiCorpus) sharing(text string) int {
	ws := tokensOf(text)
	n := 0
	for _, d := range c.docs {
		all := true
		for _, w := range ws {
			if !d.words[w] && !(len(w) == 4 && w == year(d.rec)) {
				all = false
				break
			}
		}
		if all {
			n++
		}
	}
	return n
}

// nearDuplicates marks records whose bodies are near-identical (MinHash, the
// editions test's threshold) or, when too short to hash, identical with the
// same title: the same despatch printed twice, a circular sent to many posts.
func nearDuplicates(recs []record.Record) []bool {
	dup := make([]bool, len(recs))
	sigs := make([][]uint64, len(recs))
	bands := map[uint64][]int{}
	exact := map[string][]int{}
	for i := range recs {
		sigs[i] = editions.Signature(recs[i].Body)
		if sigs[i] == nil {
			k := strings.Join(tokensOf(recs[i].Title+"\n"+recs[i].Body), " ")
			exact[k] = append(exact[k], i)
			continue
		}
		for _, b := range editions.BandKeys(sigs[i]) {
			for _, j := range bands[b] {
				if !(dup[i] && dup[j]) && editions.Similarity(sigs[i], sigs[j]) >= editions.NearIdentical {
					dup[i], dup[j] = true, true
				}
			}
			bands[b] = append(bands[b], i)
		}
	}
	for _, is := range exact {
		if len(is) > 1 {
			for _, i := range is {
				dup[i] = true
			}
		}
	}
	return dup
}

// rareTitle: two or three of the title's rarest words, in title order, as
// someone recalls "the one about Tsitsihar and the Chinese Eastern".
func (c *kiCorpus) rareTitle(rng *rand.Rand, i int) (kiGen, bool) {
	d := c.docs[i]
	if strings.HasPrefix(d.rec.Title, "[Untitled]") || d.rec.Title == "Untitled" {
		return kiGen{}, false
	}
	type cand struct {
		w   string
		pos int
		df  int
	}
	var cands []cand
	seen := map[string]bool{}
	for p, w := range d.title {
		f := index.Fold(w)
		if len([]rune(f)) < 3 || !isAlpha(strings.ReplaceAll(strings.ReplaceAll(f, "'", ""), "-", "")) || search.IsStopword(f) || seen[f] {
			continue
		}
		seen[f] = true
		df := 0
		for _, t := range tokensOf(w) {
			df = max(df, c.df[t])
		}
		cands = append(cands, cand{w, p, df})
	}
	k := 2 + rng.IntN(2)
	if len(cands) < 2 {
		return kiGen{}, false
	}
	k = min(k, len(cands))
	slices.SortStableFunc(cands, func(a, b cand) int { return cmp.Compare(a.df, b.df) })
	cands = cands[:k]
	slices.SortFunc(cands, func(a, b cand) int { return cmp.Compare(a.pos, b.pos) })
	ws := make([]string, k)
	for j, x := range cands {
		ws[j] = x.w
	}
	text := strings.Join(ws, " ")
	return kiGen{KnownItemQuery{Text: text, How: fmt.Sprintf("%d words", k)}, func(d *kiDoc) bool { return allIn(d.titleWords, tokensOf(text)) }}, true
}

var honorifics = map[string]bool{
	"mr": true, "mrs": true, "messrs": true, "m": true, "mm": true, "sir": true, "señor": true, "senor": true,
	"don": true, "dr": true, "baron": true, "count": true, "general": true, "gen": true, "admiral": true,
	"hon": true, "president": true, "the": true, "secretary": true, "minister": true, "ambassador": true,
	"colonel": true, "captain": true, "lord": true, "prince": true, "consul": true, "de": true, "von": true,
}

// commonNoun reports a word printed in lower case in many documents.
func (c *kiCorpus) commonNoun(w string) bool { return c.lower[index.Fold(w)] >= 20 }

// surname is the last word of a personal name that is a name, not a title,
// an initial or a common noun ("Secretary of State"); "" when there is none.
func (c *kiCorpus) surname(name string) string {
	ws := wordsOf(name)
	for j := len(ws) - 1; j >= 0; j-- {
		w := strings.Trim(ws[j], "'’-")
		f := index.Fold(w)
		if len([]rune(f)) >= 3 && !honorifics[f] && !search.IsStopword(f) && isAlpha(strings.ReplaceAll(f, "-", "")) {
			if c.commonNoun(w) {
				return ""
			}
			return w
		}
	}
	return ""
}

// year is the record's year when its date lies within one.
func year(r *record.Record) string {
	e, l := r.Date.Earliest, r.Date.Latest
	if len(e) < 4 || len(l) < 4 || e[:4] != l[:4] {
		return ""
	}
	return e[:4]
}

// institution marks the parts of a dateline that name a building or an
// office rather than the place: "Legation of the United States, Lima, Peru".
var institution = regexp.MustCompile(`(?i)\b(legation|embassy|consulate|department|office|ministry|hotel|palace|mission|commission|united states|headquarters|house)\b`)

// cleanPlace is the dateline's town as someone would type it: "Lima" of
// "Legation of the United States, Lima, Peru"; "" when it names none.
func cleanPlace(p string) string {
	for _, part := range strings.Split(p, ",") {
		if part = strings.TrimSpace(part); part != "" && !institution.MatchString(part) {
			return strings.Join(wordsOf(part), " ")
		}
	}
	return ""
}

// namePlaceYear: a sender's or addressee's surname, the dateline place, the
// year ("Hughes Peking 1925").
func (c *kiCorpus) namePlaceYear(rng *rand.Rand, i int) (kiGen, bool) {
	r := c.docs[i].rec
	place, y := cleanPlace(r.Place), year(r)
	if place == "" || y == "" {
		return kiGen{}, false
	}
	var sur []string
	for _, n := range r.Names() {
		if s := c.surname(n); s != "" && !slices.Contains(sur, s) && index.Fold(s) != index.Fold(place) {
			sur = append(sur, s)
		}
	}
	if len(sur) == 0 {
		return kiGen{}, false
	}
	s := sur[rng.IntN(len(sur))]
	fp := index.Fold(place)
	return kiGen{KnownItemQuery{Text: s + " " + place + " " + y}, func(d *kiDoc) bool {
		return d.year == y && d.place == fp && allIn(d.nameWords, tokensOf(s))
	}}, true
}

// phrase: five to eight consecutive words of one sentence of the body, with
// one content word replaced by a word of the corpus's commonest or by a
// neighbour from the same paragraph, as memory swaps them.
func (c *kiCorpus) phrase(rng *rand.Rand, i int) (kiGen, bool) {
	r := c.docs[i].rec
	paras := strings.Split(r.Body, "\n\n")
	for try := 0; try < 8; try++ {
		raw := strings.Fields(paras[rng.IntN(len(paras))])
		if len(raw) < 12 {
			continue
		}
		n := 5 + rng.IntN(4)
		start := rng.IntN(len(raw) - n + 1)
		span := raw[start : start+n]
		words := make([]string, n)
		ok := true
		for j, w := range span {
			// A sentence end inside the span, a footnote mark or a figure is not
			// what a memory of the wording holds.
			if j < n-1 && strings.ContainsAny(w, ".;:?!") {
				ok = false
				break
			}
			w = strings.Trim(w, `.,;:?!"()[]'’“”`)
			if !isAlpha(strings.NewReplacer("'", "", "’", "", "-", "").Replace(w)) {
				ok = false
				break
			}
			words[j] = strings.ToLower(w)
		}
		if !ok {
			continue
		}
		var content []int
		for j, w := range words {
			if !search.IsStopword(w) && len(w) >= 3 {
				content = append(content, j)
			}
		}
		// Mostly small words ("of my time and the") is no remembered phrase.
		if len(content) < 3 || search.IsStopword(words[n-1]) {
			continue
		}
		at := content[rng.IntN(len(content))]
		var repl, how string
		if rng.IntN(2) == 0 {
			repl, how = c.frequent[rng.IntN(len(c.frequent))], "frequent word"
		} else {
			// a neighbour: a content word up to ten words either side of the span
			lo, hi := max(0, start-10), min(len(raw), start+n+10)
			var near []string
			for k := lo; k < hi; k++ {
				if k >= start && k < start+n {
					continue
				}
				w := strings.ToLower(strings.Trim(raw[k], `.,;:?!"()[]'’“”`))
				if isAlpha(w) && len(w) >= 3 && !search.IsStopword(w) {
					near = append(near, w)
				}
			}
			if len(near) > 0 {
				repl, how = near[rng.IntN(len(near))], "neighbour"
			}
		}
		if repl == "" || repl == words[at] || index.Fold(repl) == index.Fold(words[at]) {
			continue
		}
		meant := rememberedPhrase(words, at)
		words[at] = repl
		return kiGen{KnownItemQuery{Text: strings.Join(words, " "), How: how}, meant}, true
	}
	return kiGen{}, false
}

// wadeGilesName finds personal and place names in Wade–Giles: a capitalized
// syllable then a hyphenated pair ("Chang Hsueh-liang", "Wang Cheng-t'ing").
var wadeGilesName = regexp.MustCompile(`\b[A-Z][a-z]{1,5}'?[a-z]* [A-Z][a-z']{1,6}-[a-z']{1,6}\b`)

// respelled: a name of the document in another romanization or, where the
// document has no East Asian or Russian name, misspelled by one or two edits
// that make no word of the corpus; then the year, or the rarest other word of
// the title. romanOnly takes only documents with a name to romanize, so that
// romanizations, which few documents allow, get a share of the form.
func (c *kiCorpus) respelled(rng *rand.Rand, i int, romanOnly bool) (kiGen, bool) {
	d := c.docs[i]
	r := d.rec
	name, orig, how := c.romanized(rng, d)
	if name == "" && romanOnly {
		return kiGen{}, false
	}
	if name == "" {
		for _, n := range c.names(d) {
			if len([]rune(n)) < 5 {
				continue
			}
			if v, kind := c.misspell(rng, n); v != "" {
				name, orig, how = v, n, "misspelled:"+kind
				break
			}
		}
	}
	if name == "" {
		return kiGen{}, false
	}
	extra := year(r)
	if extra == "" || rng.IntN(2) == 0 {
		if w := c.rarestTitleWord(d, name+" "+orig); w != "" {
			extra, how = w, how+"+word"
		}
	}
	if extra == "" {
		return kiGen{}, false
	}
	if !strings.HasSuffix(how, "+word") {
		how += "+year"
	}
	byYear := !strings.HasSuffix(how, "+word")
	return kiGen{KnownItemQuery{Text: name + " " + extra, How: how}, func(d *kiDoc) bool {
		if byYear && d.year != extra || !byYear && !allIn(d.titleWords, tokensOf(extra)) {
			return false
		}
		return allIn(d.words, tokensOf(orig))
	}}, true
}

// allIn reports whether every one of ws is in set.
func allIn(set map[string]bool, ws []string) bool {
	for _, w := range ws {
		if !set[w] {
			return false
		}
	}
	return true
}

// rememberedPhrase tests for words in a row in a document's body with any
// one word, or run of words, where words[at] stands (the word remembered
// wrong): the documents that hold the phrase the query was made from.
func rememberedPhrase(words []string, at int) func(d *kiDoc) bool {
	before := tokensOf(strings.Join(words[:at], " "))
	after := tokensOf(strings.Join(words[at+1:], " "))
	gap := len(tokensOf(words[at]))
	return func(d *kiDoc) bool {
		if !allIn(d.words, before) || !allIn(d.words, after) {
			return false
		}
		body := tokensOf(d.rec.Body)
		n := len(before) + gap + len(after)
		for i := 0; i+n <= len(body); i++ {
			if slices.Equal(body[i:i+len(before)], before) && slices.Equal(body[i+len(before)+gap:i+n], after) {
				return true
			}
		}
		return false
	}
}

// names are the document's surnames (senders, addressees, the names its
// heading gives in brackets) and its one-word dateline place, rarest first:
// one remembers a document by its unusual name, not by "Washington".
func (c *kiCorpus) names(d kiDoc) []string {
	var cands []string
	for _, n := range d.rec.Names() {
		if s := c.surname(n); s != "" {
			cands = append(cands, s)
		}
	}
	if p := cleanPlace(d.rec.Place); p != "" && !strings.Contains(p, " ") {
		cands = append(cands, p)
	}
	for _, m := range parenName.FindAllStringSubmatch(d.rec.Title, -1) {
		if s := c.surname(m[1]); s != "" {
			cands = append(cands, s)
		}
	}
	slices.Sort(cands)
	cands = slices.Compact(cands)
	slices.SortStableFunc(cands, func(a, b string) int { return cmp.Compare(c.df[index.Fold(a)], c.df[index.Fold(b)]) })
	return cands
}

// romanized finds a name of the document that another romanization spells
// otherwise, picked at random among those it has: a Wade–Giles name in
// Pinyin, a postal place name in Pinyin or Revised Romanization, a Russian
// name in another transliteration. It returns the respelling, the name as
// printed and how it was made; "" when there is none.
func (c *kiCorpus) romanized(rng *rand.Rand, d kiDoc) (string, string, string) {
	type cand struct{ v, orig, how string }
	var cands []cand
	seen := map[string]bool{}
	addCand := func(v, orig, how string) {
		if v != "" && !seen[v] && fresh(d, v) {
			seen[v] = true
			cands = append(cands, cand{v, orig, how})
		}
	}
	r := d.rec
	for _, m := range wadeGilesName.FindAllString(r.Title+"\n"+r.Body, -1) {
		// Japanese court titles ("Takemoto Kai-no-kami") and English words
		// before a hyphenated one ("Steamer Ta-kiang") are not Chinese names.
		first, _, _ := strings.Cut(m, " ")
		if strings.HasSuffix(m, "-no") || c.commonNoun(first) || c.lower[index.Fold(first)] > 0 && len(first) > 4 {
			continue
		}
		addCand(romanize.WadeGilesToPinyin(m), m, "pinyin")
	}
	text := r.Title + "\n" + r.Place + "\n" + r.Body
	for _, w := range wordsOf(text) {
		if p, ok := postal[w]; ok {
			addCand(p.v, w, p.how)
		}
	}
	// Russian names are mostly in the text, not among senders and
	// addressees: "Semenoff", "Kerensky" in the 1918 volume.
	for _, w := range wordsOf(r.Title + "\n" + r.Body) {
		if r0, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r0) && len(w) >= 5 && russianEnding.MatchString(w) && !c.commonNoun(w) {
			if v, scheme := russianRespelling(w); v != "" {
				addCand(v, w, scheme)
			}
		}
	}
	if len(cands) == 0 {
		return "", "", ""
	}
	// The rarest name, ties at random: "Peking" is in hundreds of documents,
	// "Chang Hsueh-liang" in a few, and one remembers the few by it.
	rarity := func(name string) int {
		best := -1
		for _, t := range tokensOf(name) {
			if best < 0 || c.df[t] < best {
				best = c.df[t]
			}
		}
		return best
	}
	rng.Shuffle(len(cands), func(a, b int) { cands[a], cands[b] = cands[b], cands[a] })
	x := slices.MinFunc(cands, func(a, b cand) int { return cmp.Compare(rarity(a.orig), rarity(b.orig)) })
	return x.v, x.orig, x.how
}

// postal holds the Chinese Postal and older Korean spellings of the places the
// volumes print, with today's Pinyin or Revised Romanization. romanize does
// not derive them (they are conventions, not a system), yet they are the
// respellings a reader of these volumes meets most.
var postal = func() map[string]struct{ v, how string } {
	m := map[string]struct{ v, how string }{}
	for _, p := range strings.Fields(`Peking:Beijing Nanking:Nanjing Tientsin:Tianjin Canton:Guangzhou Mukden:Shenyang
		Hankow:Hankou Tsingtao:Qingdao Amoy:Xiamen Chefoo:Yantai Foochow:Fuzhou Swatow:Shantou Ningpo:Ningbo
		Chungking:Chongqing Shantung:Shandong Kiangsu:Jiangsu Chekiang:Zhejiang Szechwan:Sichuan Kwangtung:Guangdong
		Kwangsi:Guangxi Fukien:Fujian Hupeh:Hubei Honan:Henan Chihli:Zhili Newchwang:Niuzhuang Tsinan:Jinan
		Kiukiang:Jiujiang Chinkiang:Zhenjiang Soochow:Suzhou Hangchow:Hangzhou Kalgan:Zhangjiakou
		Tsitsihar:Qiqihar Kirin:Jilin Shansi:Shanxi Shensi:Shaanxi Kansu:Gansu Anhwei:Anhui Kiangsi:Jiangxi`) {
		k, v, _ := strings.Cut(p, ":")
		m[k] = struct{ v, how string }{v, "postal→pinyin"}
	}
	for _, p := range strings.Fields(`Chemulpo:Incheon Fusan:Busan Gensan:Wonsan Söul:Seoul Kunsan:Gunsan Chinnampo:Jinnampo`) {
		k, v, _ := strings.Cut(p, ":")
		m[k] = struct{ v, how string }{v, "older→rr"}
	}
	return m
}()

// parenName is the addressee or sender the FRUS headings name in brackets:
// "The Minister in China (MacMurray) to the Secretary of State".
var parenName = regexp.MustCompile(`\(([^()]{3,40})\)`)

// fresh reports whether a respelling differs from what the document writes:
// some word of it is not among the document's words.
func fresh(d kiDoc, v string) bool {
	for _, t := range tokensOf(v) {
		if !d.words[t] {
			return true
		}
	}
	return false
}

// russianRespelling writes a Russian surname in another transliteration
// scheme, where romanize recognizes it as Russian (it reads the Latin
// spelling back into Cyrillic); "" when no scheme spells it differently.
func russianRespelling(name string) (string, string) {
	// romanize reads German "sch" as Russian too ("Schenck"); the surname
	// endings keep it to names that are Russian.
	if !russianEnding.MatchString(name) {
		return "", ""
	}
	// The French and German -off, -eff of the period's press ("Semenoff")
	// are -ov, -ev in every scheme used today.
	for _, end := range []string{"off", "eff"} {
		if stem, ok := strings.CutSuffix(name, end); ok {
			return stem + end[:1] + "v", "russian:-" + end[:1] + "v"
		}
	}
	var cyr string
	for _, v := range romanize.Variants(name) {
		if hasCyrillic(v) {
			cyr = v
			break
		}
	}
	if cyr == "" {
		return "", ""
	}
	// Not the scholarly scheme: its š č x are not what people type.
	for _, s := range []romanize.Scheme{romanize.Popular, romanize.ALALC, romanize.BGN} {
		v := strings.NewReplacer("'", "", "\"", "", "ʹ", "", "ʺ", "").Replace(romanize.CyrillicToLatin(cyr, s))
		v = string(unicode.ToUpper([]rune(v)[0])) + index.Fold(string([]rune(v)[1:]))
		if index.Fold(v) != index.Fold(name) {
			return v, "russian:" + s.String()
		}
	}
	return "", ""
}

var russianEnding = regexp.MustCompile(`^[^-]+(ov|ev|off|eff|sky|ski|skii|skiy|vich|enko)$`)

func hasCyrillic(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Cyrillic, r) {
			return true
		}
	}
	return false
}

const vowels = "aeiou"

// misspell makes one edit (two, for long names, a third of the time): a
// letter dropped, two neighbours swapped or a vowel changed, never the first
// letter, as people keep the start of a name. The result must be no word of
// the corpus, else it is another word rather than a misspelling.
func (c *kiCorpus) misspell(rng *rand.Rand, name string) (string, string) {
	edits := 1
	if len([]rune(name)) >= 7 && rng.IntN(3) == 0 {
		edits = 2
	}
	for try := 0; try < 10; try++ {
		rs := []rune(name)
		var kinds []string
		for range edits {
			var kind string
			rs, kind = edit(rng, rs)
			kinds = append(kinds, kind)
		}
		v := string(rs)
		if f := index.Fold(v); f != index.Fold(name) && c.df[f] == 0 {
			return v, strings.Join(kinds, "+")
		}
	}
	return "", ""
}

func edit(rng *rand.Rand, rs []rune) ([]rune, string) {
	n := len(rs)
	switch rng.IntN(3) {
	case 0:
		k := 1 + rng.IntN(n-1)
		return append(rs[:k:k], rs[k+1:]...), "delete"
	case 1:
		k := 1 + rng.IntN(n-2)
		out := slices.Clone(rs)
		out[k], out[k+1] = out[k+1], out[k]
		return out, "transpose"
	}
	var at []int
	for k := 1; k < n; k++ {
		if strings.ContainsRune(vowels, unicode.ToLower(rs[k])) {
			at = append(at, k)
		}
	}
	if len(at) == 0 {
		return rs, "vowel"
	}
	k := at[rng.IntN(len(at))]
	out := slices.Clone(rs)
	for {
		v := rune(vowels[rng.IntN(len(vowels))])
		if v != unicode.ToLower(rs[k]) {
			out[k] = v
			return out, "vowel"
		}
	}
}

// rarestTitleWord is the title's rarest content word not part of name.
func (c *kiCorpus) rarestTitleWord(d kiDoc, name string) string {
	skip := map[string]bool{}
	for _, t := range tokensOf(name) {
		skip[t] = true
	}
	best, bestDF := "", 0
	for _, w := range d.title {
		f := index.Fold(w)
		if len(f) < 4 || !isAlpha(f) || search.IsStopword(f) || skip[f] || honorifics[f] || f == "untitled" {
			continue
		}
		if df := c.df[f]; best == "" || df < bestDF {
			best, bestDF = w, df
		}
	}
	return best
}

// LoadFRUS reads the named volumes of dir (all *.xml when none are named)
// through fond's ingest extraction, which runs the TEI reader: the records are
// exactly those fond ingest stores, ids included. files are the paths read.
func LoadFRUS(ctx context.Context, dir string, volumes ...string) (recs []record.Record, files []string, err error) {
	if len(volumes) == 0 {
		files, err = filepath.Glob(filepath.Join(dir, "*.xml"))
		if err != nil {
			return nil, nil, err
		}
		sort.Strings(files)
	} else {
		for _, v := range volumes {
			files = append(files, filepath.Join(dir, v))
		}
	}
	if len(files) == 0 {
		return nil, nil, fmt.Errorf("no TEI volumes (*.xml) in %s", dir)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, nil, err
		}
		res, err := ingest.Extract(ctx, f, data)
		if err != nil {
			return nil, nil, err
		}
		recs = append(recs, res.Records...)
	}
	return recs, files, nil
}

// KnownItemRun is one query's answer from one engine: the ids of its first
// ten hits, best first.
type KnownItemRun struct {
	Query   KnownItemQuery
	Top     []string
	Latency time.Duration
}

// KnownItemScore is one engine's figures for one form (or "all").
type KnownItemScore struct {
	Form      string  `json:"form"`
	N         int     `json:"n"`
	Success1  float64 `json:"success_at_1"`
	Success10 float64 `json:"success_at_10"`
	MRR10     float64 `json:"mrr_at_10"`
	ZeroHits  int     `json:"zero_hits"`
	P50Ms     float64 `json:"p50_ms"`
	P99Ms     float64 `json:"p99_ms"`
}

// ScoreKnownItem scores runs per form, in KnownItemForms order, then all
// together as "all". Only the first ten hits count.
func ScoreKnownItem(runs []KnownItemRun) []KnownItemScore {
	byForm := map[string][]KnownItemRun{}
	for _, r := range runs {
		byForm[r.Query.Form] = append(byForm[r.Query.Form], r)
	}
	var out []KnownItemScore
	for _, f := range KnownItemForms {
		if len(byForm[f]) > 0 {
			out = append(out, score(f, byForm[f]))
		}
	}
	return append(out, score("all", runs))
}

// IdentifiableAlike is the most documents alike (KnownItemQuery.Alike) a
// query may fit and still be said to identify its target: the first page of
// ten. An engine that ranks the documents alike first puts the target of such
// a query in its first ten whatever their order, so success@10 can be held to
// 100% there; a query that fits dozens as well as its target cannot be
// answered by any engine, and issue 25's targets are judged on these
// (docs/decisions.md).
const IdentifiableAlike = 10

// Identifiable reports whether q fits at most IdentifiableAlike documents.
func (q KnownItemQuery) Identifiable() bool { return q.Alike <= IdentifiableAlike }

// ScoreIdentifiable is ScoreKnownItem on the runs whose query is identifiable;
// each score's N is the number of such queries.
func ScoreIdentifiable(runs []KnownItemRun) []KnownItemScore {
	var id []KnownItemRun
	for _, r := range runs {
		if r.Query.Identifiable() {
			id = append(id, r)
		}
	}
	return ScoreKnownItem(id)
}

// IdentifiableCeiling is KnownItemCeiling on the identifiable queries: its
// success@10 is 100% by construction, its MRR@10 what ties cost.
func IdentifiableCeiling(qs []KnownItemQuery) []KnownItemScore {
	var id []KnownItemQuery
	for _, q := range qs {
		if q.Identifiable() {
			id = append(id, q)
		}
	}
	return KnownItemCeiling(id)
}

// KnownItemCeiling is what an engine reaches that ranks, for every query, the
// documents alike to the target (KnownItemQuery.Alike) first and in any
// order: the expected success and reciprocal rank when the target is equally
// likely at each of their places. Per form, then "all"; no latency.
func KnownItemCeiling(qs []KnownItemQuery) []KnownItemScore {
	byForm := map[string][]KnownItemQuery{}
	for _, q := range qs {
		byForm[q.Form] = append(byForm[q.Form], q)
	}
	var out []KnownItemScore
	for _, f := range KnownItemForms {
		if len(byForm[f]) > 0 {
			out = append(out, ceiling(f, byForm[f]))
		}
	}
	return append(out, ceiling("all", qs))
}

func ceiling(form string, qs []KnownItemQuery) KnownItemScore {
	s := KnownItemScore{Form: form, N: len(qs)}
	for _, q := range qs {
		n := float64(max(q.Alike, 1))
		s.Success1 += 1 / n
		s.Success10 += min(10, n) / n
		for k := 1; k <= min(10, max(q.Alike, 1)); k++ {
			s.MRR10 += 1 / (n * float64(k))
		}
	}
	if len(qs) > 0 {
		n := float64(len(qs))
		s.Success1, s.Success10, s.MRR10 = s.Success1/n, s.Success10/n, s.MRR10/n
	}
	return s
}

func score(form string, runs []KnownItemRun) KnownItemScore {
	s := KnownItemScore{Form: form, N: len(runs)}
	if len(runs) == 0 {
		return s
	}
	var lat []time.Duration
	for _, r := range runs {
		lat = append(lat, r.Latency)
		if len(r.Top) == 0 {
			s.ZeroHits++
		}
		for k, id := range r.Top[:min(len(r.Top), 10)] {
			if id == r.Query.TargetID {
				if k == 0 {
					s.Success1++
				}
				s.Success10++
				s.MRR10 += 1 / float64(k+1)
				break
			}
		}
	}
	n := float64(len(runs))
	s.Success1, s.Success10, s.MRR10 = s.Success1/n, s.Success10/n, s.MRR10/n
	slices.Sort(lat)
	ms := func(p float64) float64 {
		k := int(p*float64(len(lat))+0.999999) - 1
		return math.Round(float64(lat[min(max(k, 0), len(lat)-1)])/1e3) / 1e3
	}
	s.P50Ms, s.P99Ms = ms(0.50), ms(0.99)
	return s
}
