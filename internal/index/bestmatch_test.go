package index

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"fond/internal/names"
	"fond/internal/record"
	"fond/internal/search"
)

func most(t *testing.T, ix *Index, q string, auth *names.File) Response {
	t.Helper()
	node, err := search.Parse(q, search.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(context.Background(), Request{Node: node, Limit: 10, Match: search.MatchMost, Names: auth,
		Typed: search.TypedWords(q)})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func hitIDs(res Response) []string {
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.ID)
	}
	return out
}

// A remembered phrase with one word wrong still finds its document; the query
// language's AND is unchanged.
func TestMatchMostHasNoDeadEnds(t *testing.T) {
	docs := []Doc{
		bodyDoc("target", "The minister declined the proposal for a railway concession in Manchuria."),
		bodyDoc("other", "A railway was proposed."),
		bodyDoc("all", "The minister spoke of a railway concession and a loan; the proposal was declined."),
	}
	for i := range 30 { // enough documents for "loan" to be a common word
		docs = append(docs, bodyDoc("filler"+string(rune('a'+i)), "A loan was discussed."))
	}
	ix := build(docs)
	res := most(t, ix, "minister declined proposal railway concession loan", nil)
	got := hitIDs(res)
	// "loan" is in over one record in twenty: it ranks, but does not decide
	// the tier, so the document with the rest of the phrase in a row competes
	// with the one that has every word; "other" has too few to be listed.
	if len(got) != 2 || !slices.Contains(got, "all") || !slices.Contains(got, "target") || res.Exact != 1 || res.Total != 2 {
		t.Errorf("match=most: %v, exact %d of %d", got, res.Exact, res.Total)
	}
	node, _ := search.Parse("minister declined proposal railway concession loan", search.Limits{})
	all, _ := ix.Search(context.Background(), Request{Node: node, Limit: 10})
	if all.Total != 1 || all.Hits[0].ID != "all" {
		t.Errorf("match=all: %v", hitIDs(all))
	}
	// Without any document holding every word, the best partial match leads.
	res = most(t, ix, "minister declined proposal railway concession Siberia", nil)
	if res.Exact != 0 || len(res.Hits) == 0 || res.Hits[0].ID != "target" && res.Hits[0].ID != "all" {
		t.Errorf("no exact match: %v, exact %d", hitIDs(res), res.Exact)
	}
}

// A word the archive does not hold is matched in near spellings, ranked after
// the spelling typed; a word it holds is taken as meant.
func TestNearSpellings(t *testing.T) {
	ix := build([]Doc{bodyDoc("molotov", "Molotov received the ambassador."), bodyDoc("typo", "Molotof wrote again.")})
	res := most(t, ix, "Molotoff", nil)
	if len(res.Hits) == 0 || len(res.Corrected) != 1 || res.Corrected[0].Near != "molotov" && res.Corrected[0].Near != "molotof" {
		t.Errorf("Molotoff: %v, corrected %v", hitIDs(res), res.Corrected)
	}
	res = most(t, ix, "Molotof", nil)
	if got := hitIDs(res); len(got) != 1 || got[0] != "typo" || len(res.Corrected) != 0 {
		t.Errorf("a spelling the archive holds is taken as meant: %v %v", got, res.Corrected)
	}
	if got := hitIDs(most(t, ix, "Molo", nil)); len(got) != 0 {
		t.Errorf("short words are not corrected: %v", got)
	}
	if editDistance("washington", "washigton", 2) != 1 || editDistance("molotov", "molotvo", 1) != 1 || editDistance("abc", "xyz", 1) != 2 {
		t.Error("editDistance")
	}
}

// An absent word that is another romanization of a name the archive holds
// finds it though more edits apart than a typo: the period's "-eff" for a
// Russian "-ev", Wade–Giles for Pinyin. An unrelated word as far apart does not.
func TestRomanizedSpellings(t *testing.T) {
	ix := build([]Doc{
		bodyDoc("azbelev", "General Azbeteff reported from Omsk."),
		bodyDoc("miliukov", "Miliukoff spoke in the Duma."),
		bodyDoc("other", "The Ambassador replied."),
	})
	for q, want := range map[string]string{"Azbetev": "azbelev", "Milyukov": "miliukov"} {
		if got := hitIDs(most(t, ix, q, nil)); len(got) != 1 || got[0] != want {
			t.Errorf("%s: %v, want %s", q, got, want)
		}
	}
	if got := hitIDs(most(t, ix, "Ambrosian", nil)); len(got) != 0 {
		t.Errorf("Ambrosian: %v, want nothing", got)
	}
}

// A shorter absent word that nothing is one edit from is matched two edits
// away; when something is one edit away, that is taken and no farther.
func TestTwoEditsWhenNoneIsOne(t *testing.T) {
	ix := build([]Doc{bodyDoc("haldeman", "Mr. Haldeman called on the minister."), bodyDoc("other", "The minister replied.")})
	if got := hitIDs(most(t, ix, "Haldea", nil)); len(got) != 1 || got[0] != "haldeman" {
		t.Errorf("Haldea: %v, want haldeman", got)
	}
	ix = build([]Doc{bodyDoc("haldeman", "Mr. Haldeman called on the minister."), bodyDoc("halden", "The port of Halden.")})
	if got := hitIDs(most(t, ix, "Haldea", nil)); len(got) != 1 || got[0] != "halden" {
		t.Errorf("Haldea with Halden one edit away: %v, want halden alone", got)
	}
}

// A bare year ranks records dated in it first, once, as a date: a record that
// only mentions the year, however often, does not outrank it.
func TestYearRanksAsADate(t *testing.T) {
	dated := func(id, body string, y int) Doc {
		d := bodyDoc(id, body)
		d.Earliest, d.Latest = itoa4(y)+"-01-01", itoa4(y)+"-12-31"
		d.Date = record.Date{EDTF: itoa4(y), Earliest: d.Earliest, Latest: d.Latest}
		return d
	}
	ix := build([]Doc{
		dated("mentions", "Harbin. In 1925, in 1925, and again in 1925 the railway.", 1930),
		dated("dated", "Harbin railway report.", 1925),
	})
	for _, match := range []string{search.MatchAll, search.MatchMost} {
		node, _ := search.Parse("Harbin railway 1925", search.Limits{})
		res, err := ix.Search(context.Background(), Request{Node: node, Limit: 10, Match: match})
		if err != nil || len(res.Hits) != 2 || res.Hits[0].ID != "dated" {
			t.Errorf("match=%s: %v", match, hitIDs(res))
		}
	}
}

// A place's other forms in the authority file are searched too.
func TestVariantsOfAPlace(t *testing.T) {
	ix := build([]Doc{bodyDoc("peking", "Telegram from Peking on the loan.")})
	auth := names.Starter()
	res := most(t, ix, "Beijing loan", auth)
	if got := hitIDs(res); len(got) != 1 || got[0] != "peking" || len(res.Corrected) == 0 || !res.Corrected[0].Variant {
		t.Errorf("Beijing loan: %v %v", got, res.Corrected)
	} else if m := res.Hits[0].Matched; len(m) != 1 || m[0] != "Peking" {
		t.Errorf("the hit does not say it matched Peking: %v", m)
	}
	node, _ := search.Parse("Beijing loan", search.Limits{})
	if res, _ := ix.Search(context.Background(), Request{Node: node, Limit: 10, Names: auth}); res.Total != 0 {
		t.Errorf("match=all keeps words as typed: %v", hitIDs(res))
	}
}

// A name of several words typed as plain words is one name: "Port Arthur"
// finds the document that writes Lüshun, "La Habana" the one from Havana.
func TestVariantsOfAPlaceOfSeveralWords(t *testing.T) {
	ix := build([]Doc{
		bodyDoc("lushun", "The fleet left Lüshun for the blockade."),
		bodyDoc("havana", "The consul at Havana reports on the blockade."),
		bodyDoc("arthur", "Mr. Arthur saw the port on the blockade."),
	})
	auth := names.Starter()
	for q, want := range map[string]string{"Port Arthur blockade": "lushun", "La Habana blockade": "havana"} {
		res := most(t, ix, q, auth)
		if got := hitIDs(res); len(got) == 0 || got[0] != want {
			t.Errorf("%s: %v, want %s first", q, got, want)
		}
	}
	// The words as typed still count: the document with both leads when
	// no form of the name is in the archive.
	if got := hitIDs(most(t, ix, "Port Arthur", nil)); len(got) == 0 || got[0] != "arthur" {
		t.Errorf("Port Arthur without the authority file: %v", got)
	}
}

func itoa4(y int) string {
	b := []byte("0000")
	for i := 3; i >= 0; i-- {
		b[i] = byte('0' + y%10)
		y /= 10
	}
	return string(b)
}

var nextRef int64

// bodyDoc is a document with only a body, and a ref of its own.
func bodyDoc(id, body string) Doc {
	nextRef++
	return Doc{Ref: nextRef, ID: id, Text: [numFields - 1]string{2: body}}
}

// Documents with the name as typed come before those found through another
// of its forms, however the other form is weighted (here, in a title).
func TestTypedFormFirst(t *testing.T) {
	title := bodyDoc("filippov", "Filippov agrees. Filippov.")
	title.Text[fTitle] = "Telegram to Filippov"
	ix := build([]Doc{title, bodyDoc("stalin", "A report that names Stalin once, among many other words of the report.")})
	res := most(t, ix, "Stalin", names.Starter())
	if got := hitIDs(res); len(got) != 2 || got[0] != "stalin" {
		t.Errorf("Stalin: %v, want the document naming Stalin first", got)
	}
}

// A quoted phrase is asked for as typed: under match=most it must still hold.
func TestQuotedPhraseHolds(t *testing.T) {
	ix := build([]Doc{bodyDoc("a", "The railway concession was signed."), bodyDoc("b", "A concession on the loan was signed; a railway elsewhere.")})
	res := most(t, ix, `"railway concession" signed loan`, nil)
	if got := hitIDs(res); len(got) != 1 || got[0] != "a" {
		t.Errorf(`"railway concession" signed loan: %v, want only the document with the phrase`, got)
	}
}

// A wording of five words or more with one word wrong finds the document that
// holds the rest in a row before those that hold every word scattered, the
// common words of the phrase being in every long text.
func TestRememberedWordingInARow(t *testing.T) {
	docs := []Doc{
		bodyDoc("target", "I have the honor to inclose the letter of instruction sent to the consul."),
	}
	for i := range 12 { // every word, the wrong one too, but none in the remembered order
		docs = append(docs, bodyDoc("scattered"+string(rune('a'+i)),
			"The instruction came by the consul; his letter was copied; the consul sent it on to the minister."))
	}
	for i := range 30 {
		docs = append(docs, bodyDoc("filler"+string(rune('a'+i)), "A loan was discussed."))
	}
	ix := build(docs)
	// "copied" stands where "sent" stood: "the letter of instruction copied to the consul".
	q := "the letter of instruction copied to the consul"
	res := most(t, ix, q, nil)
	if got := hitIDs(res); len(got) == 0 || got[0] != "target" {
		t.Errorf("%q: %v, want target first", q, got)
	}
	// The same words as keywords, without the small words of a wording, are
	// not read as a phrase: every word found ranks first.
	node, _ := search.Parse("letter instruction copied consul", search.Limits{})
	kw, _ := ix.Search(context.Background(), Request{Node: node, Limit: 10, Match: search.MatchMost, Typed: 4})
	if got := hitIDs(kw); len(got) == 0 || got[0] == "target" {
		t.Errorf("keywords: %v, want a document with every word first", got)
	}
}

// Keywords: within a tier of telling words, the document holding every word
// typed, the common one too, comes before one that holds the rare words more
// often; a bm25 that weighs the rare words' repetition does not decide it.
func TestKeywordsEveryWordFirst(t *testing.T) {
	docs := []Doc{
		bodyDoc("two", "Crowder Zelaya. Crowder and Zelaya again; Crowder, Zelaya."),
		bodyDoc("all", "General Crowder wrote from Washington about the long report of Zelaya and the state of the many things that follow in it."),
	}
	for i := range 30 { // "Washington" in one record in twenty and more: a common word
		docs = append(docs, bodyDoc("filler"+string(rune('a'+i)), "Washington was quiet."))
	}
	ix := build(docs)
	res := most(t, ix, "Crowder Zelaya Washington", nil)
	if got := hitIDs(res); len(got) < 2 || got[0] != "all" {
		t.Errorf("Crowder Zelaya Washington: %v, want all first", got)
	}
}

// A plain search lists its documents by a pass over every document's count
// when many have a telling word, else by sorting the few: both ways give the
// same answer, totals, tiers and page alike.
func TestBestMatchDenseOrSorted(t *testing.T) {
	defer func(d int) { denseFrom = d }(denseFrom)
	ix := build(genDocs(2000, 6))
	for _, q := range []string{"loan telegram", "loan railway harbor", "soviet army uranium cipher", "molotov treaty", "loan date:1947..1950 railway", "amabssador loan"} {
		var answers [2]string
		for i, d := range []int{1 << 30, 1} { // never dense, always dense
			denseFrom = d
			res := most(t, ix, q, nil)
			answers[i] = fmt.Sprint(res.Total, res.Exact, hitIDs(res), res.Facets)
		}
		if answers[0] != answers[1] {
			t.Errorf("%q: sorted\n%s\ndense\n%s", q, answers[0], answers[1])
		}
	}
}
