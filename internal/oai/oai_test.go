package oai

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"
)

// memRepo is a repository of items in (datestamp, id) order.
type memRepo struct {
	items    []Item
	setCalls int
}

func (m *memRepo) Earliest(context.Context) (time.Time, error) { return m.items[0].Datestamp, nil }

func (m *memRepo) Sets(context.Context) ([]Set, error) {
	m.setCalls++
	return []Set{{Spec: "primary", Name: "Primary sources"}, {Spec: "collection.vol1", Name: "Volume 1"}}, nil
}

func (m *memRepo) Get(_ context.Context, id string) (Item, error) {
	for _, it := range m.items {
		if it.ID == id {
			return it, nil
		}
	}
	return Item{}, ErrNotFound
}

func (m *memRepo) List(_ context.Context, q Query) ([]Item, int, error) {
	var match []Item
	for _, it := range m.items {
		if !q.From.IsZero() && it.Datestamp.Before(q.From) || !q.Until.IsZero() && it.Datestamp.After(q.Until) ||
			q.Set != "" && !slices.Contains(it.Sets, q.Set) {
			continue
		}
		match = append(match, it)
	}
	var page []Item
	for _, it := range match {
		if !q.After.Datestamp.IsZero() && (it.Datestamp.Before(q.After.Datestamp) || it.Datestamp.Equal(q.After.Datestamp) && it.ID <= q.After.ID) {
			continue
		}
		if len(page) < q.Limit {
			page = append(page, it)
		}
	}
	return page, len(match), nil
}

func testProvider() *Provider {
	day := time.Date(1999, 5, 1, 10, 0, 0, 0, time.UTC)
	repo := &memRepo{}
	for i := range 5 {
		it := Item{ID: fmt.Sprintf("r%d", i), Datestamp: day.Add(time.Duration(i/2) * 24 * time.Hour), Sets: []string{"primary"},
			Metadata: DC{Title: []string{fmt.Sprintf("Telegram %d", i)}, Date: []string{"1950-02-07"}}}
		if i < 2 {
			it.Sets = append(it.Sets, "collection.vol1")
		}
		repo.items = append(repo.items, it)
	}
	repo.items[0].Metadata.Title = []string{`<script>alert("x")</script> & telegram`}
	repo.items[3].Deleted, repo.items[3].Metadata = true, DC{}
	return &Provider{Repo: repo, Name: "Test archive", BaseURL: "http://archive.test/oai", AdminEmail: "a@archive.test",
		RepositoryID: "archive.test", PageSize: 2, Now: func() time.Time { return day }}
}

// response is the parts of a response the tests read.
type response struct {
	XMLName xml.Name `xml:"http://www.openarchives.org/OAI/2.0/ OAI-PMH"`
	Request struct {
		Verb  string     `xml:"verb,attr"`
		Attrs []xml.Attr `xml:",any,attr"`
		URL   string     `xml:",chardata"`
	} `xml:"request"`
	Error *struct {
		Code string `xml:"code,attr"`
	} `xml:"error"`
	Identify *struct {
		Granularity       string `xml:"granularity"`
		DeletedRecord     string `xml:"deletedRecord"`
		EarliestDatestamp string `xml:"earliestDatestamp"`
		ProtocolVersion   string `xml:"protocolVersion"`
		AdminEmail        string `xml:"adminEmail"`
	} `xml:"Identify"`
	Headers    []string `xml:"ListIdentifiers>header>identifier"`
	IDToken    string   `xml:"ListIdentifiers>resumptionToken"`
	Records    []string `xml:"ListRecords>record>header>identifier"`
	Titles     []string `xml:"ListRecords>record>metadata>dc>title"`
	Resumption *struct {
		Token  string `xml:",chardata"`
		Size   int    `xml:"completeListSize,attr"`
		Cursor int    `xml:"cursor,attr"`
	} `xml:"ListRecords>resumptionToken"`
	GetRecord *struct {
		Identifier string   `xml:"record>header>identifier"`
		Sets       []string `xml:"record>header>setSpec"`
		Title      string   `xml:"record>metadata>dc>title"`
		Date       string   `xml:"record>metadata>dc>date"`
	} `xml:"GetRecord"`
	Sets []string `xml:"ListSets>set>setSpec"`
}

func respond(t *testing.T, p *Provider, query string) (response, string) {
	t.Helper()
	args, err := url.ParseQuery(query)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := p.Respond(context.Background(), args, &b); err != nil {
		t.Fatal(err)
	}
	var r response
	if err := xml.Unmarshal(b.Bytes(), &r); err != nil {
		t.Fatalf("%s: response is not the protocol's XML: %v\n%s", query, err, b.String())
	}
	return r, b.String()
}

func TestErrors(t *testing.T) {
	p := testProvider()
	tests := []struct{ query, code string }{
		{"", BadVerb},
		{"verb=Explode", BadVerb},
		{"verb=Identify&verb=Identify", BadVerb},
		{"verb=Identify&extra=1", BadArgument},
		{"verb=ListRecords", BadArgument},
		{"verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc", BadArgument},
		{"verb=ListRecords&metadataPrefix=oai_dc&from=1999-13-01", BadArgument},
		{"verb=ListRecords&metadataPrefix=oai_dc&from=1999-05-01&until=1999-05-02T00:00:00Z", BadArgument},
		{"verb=ListRecords&metadataPrefix=oai_dc&from=1999-06-01&until=1999-05-01", BadArgument},
		{"verb=ListRecords&resumptionToken=x&metadataPrefix=oai_dc", BadArgument},
		{"verb=ListRecords&resumptionToken=nonsense", BadResumptionToken},
		{"verb=ListRecords&metadataPrefix=marc21", CannotDisseminateFormat},
		{"verb=GetRecord&identifier=oai:archive.test:r0&metadataPrefix=mods", CannotDisseminateFormat},
		{"verb=GetRecord&identifier=oai:elsewhere:r0&metadataPrefix=oai_dc", IDDoesNotExist},
		{"verb=GetRecord&identifier=oai:archive.test:nope&metadataPrefix=oai_dc", IDDoesNotExist},
		{"verb=ListMetadataFormats&identifier=oai:archive.test:nope", IDDoesNotExist},
		{"verb=ListRecords&metadataPrefix=oai_dc&from=2001-01-01", NoRecordsMatch},
		{"verb=ListIdentifiers&metadataPrefix=oai_dc&set=nosuchset", NoRecordsMatch},
		{"verb=ListSets&resumptionToken=x", BadResumptionToken},
		{"verb=ListRecords&resumptionToken=", BadResumptionToken},
		{"verb=ListRecords&resumptionToken=" + token{Verb: "ListRecords", Prefix: "marc21"}.encode(), BadResumptionToken},
		{"verb=ListRecords&metadataPrefix=oai_dc&from=1999-05-01T10:00:00.5Z", BadArgument},
		{"verb=ListRecords&metadataPrefix=oai_dc&from=1999-5-1", BadArgument},
	}
	for _, tc := range tests {
		r, body := respond(t, p, tc.query)
		if r.Error == nil || r.Error.Code != tc.code {
			t.Errorf("%q: want error %s, got\n%s", tc.query, tc.code, body)
		}
		// badVerb and badArgument echo no arguments (section 3.2).
		if (tc.code == BadVerb || tc.code == BadArgument) && (r.Request.Verb != "" || len(r.Request.Attrs) != 0) {
			t.Errorf("%q: request element carries attributes after %s", tc.query, tc.code)
		}
		if r.Request.URL != p.BaseURL {
			t.Errorf("%q: request element %q", tc.query, r.Request.URL)
		}
	}
}

func TestIdentify(t *testing.T) {
	r, body := respond(t, testProvider(), "verb=Identify")
	if r.Identify == nil || r.Identify.Granularity != Granularity || r.Identify.DeletedRecord != "persistent" ||
		r.Identify.EarliestDatestamp != "1999-05-01T10:00:00Z" || r.Identify.ProtocolVersion != "2.0" || r.Identify.AdminEmail == "" {
		t.Errorf("Identify:\n%s", body)
	}
	if r.Request.Verb != "Identify" {
		t.Errorf("request verb %q", r.Request.Verb)
	}
}

// A harvest in pages of two follows resumption tokens to every record once; the
// last page carries an empty token with the list's size.
func TestHarvestFollowsTokens(t *testing.T) {
	p := testProvider()
	var got []string
	query := "verb=ListRecords&metadataPrefix=oai_dc"
	for page := 0; page < 10; page++ {
		r, body := respond(t, p, query)
		if r.Error != nil {
			t.Fatalf("page %d: %s", page, body)
		}
		got = append(got, r.Records...)
		if r.Resumption == nil || r.Resumption.Size != 5 || r.Resumption.Cursor != 2*page {
			t.Fatalf("page %d: resumption %+v", page, r.Resumption)
		}
		if r.Resumption.Token == "" {
			break
		}
		query = "verb=ListRecords&resumptionToken=" + url.QueryEscape(r.Resumption.Token)
	}
	want := "[oai:archive.test:r0 oai:archive.test:r1 oai:archive.test:r2 oai:archive.test:r3 oai:archive.test:r4]"
	if fmt.Sprint(got) != want {
		t.Errorf("harvested %v", got)
	}
	// The deleted record (r3, on the second page) is a header with a status and
	// no metadata.
	r, body := respond(t, p, "verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:archive.test:r3")
	if !strings.Contains(body, `<header status="deleted">`) || strings.Contains(body, "<metadata>") || r.GetRecord == nil {
		t.Errorf("deleted record:\n%s", body)
	}
	// A token is for its verb only.
	r, _ = respond(t, p, "verb=ListRecords&metadataPrefix=oai_dc")
	if e, _ := respond(t, p, "verb=ListIdentifiers&resumptionToken="+url.QueryEscape(r.Resumption.Token)); e.Error == nil || e.Error.Code != BadResumptionToken {
		t.Errorf("ListRecords token accepted by ListIdentifiers")
	}
}

func TestSelectiveHarvest(t *testing.T) {
	p := testProvider()
	p.PageSize = 10
	tests := []struct{ query, want string }{
		{"from=1999-05-02", "[oai:archive.test:r2 oai:archive.test:r3 oai:archive.test:r4]"},
		{"until=1999-05-02", "[oai:archive.test:r0 oai:archive.test:r1 oai:archive.test:r2 oai:archive.test:r3]"},
		{"from=1999-05-02T10:00:00Z&until=1999-05-02T10:00:00Z", "[oai:archive.test:r2 oai:archive.test:r3]"},
		{"set=collection.vol1", "[oai:archive.test:r0 oai:archive.test:r1]"},
	}
	for _, tc := range tests {
		r, body := respond(t, p, "verb=ListIdentifiers&metadataPrefix=oai_dc&"+tc.query)
		if fmt.Sprint(r.Headers) != tc.want {
			t.Errorf("%s: %v, want %s\n%s", tc.query, r.Headers, tc.want, body)
		}
	}
}

func TestGetRecordAndSets(t *testing.T) {
	p := testProvider()
	r, body := respond(t, p, "verb=GetRecord&identifier=oai:archive.test:r0&metadataPrefix=oai_dc")
	if r.GetRecord == nil || r.GetRecord.Identifier != "oai:archive.test:r0" || r.GetRecord.Title != `<script>alert("x")</script> & telegram` ||
		r.GetRecord.Date != "1950-02-07" || fmt.Sprint(r.GetRecord.Sets) != "[primary collection.vol1]" {
		t.Errorf("GetRecord:\n%s", body)
	}
	if strings.Contains(body, "<script>") {
		t.Errorf("title not escaped:\n%s", body)
	}
	for _, ns := range []string{`xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"`, `xmlns:dc="http://purl.org/dc/elements/1.1/"`, `<dc:title>`} {
		if !strings.Contains(body, ns) {
			t.Errorf("GetRecord lacks %s", ns)
		}
	}
	s, _ := respond(t, p, "verb=ListSets")
	if fmt.Sprint(s.Sets) != "[primary collection.vol1]" {
		t.Errorf("sets %v", s.Sets)
	}
}

func FuzzRespond(f *testing.F) {
	f.Add("verb=ListRecords&metadataPrefix=oai_dc&from=1999-05-02")
	f.Add("verb=ListRecords&resumptionToken=eyJ2IjoiTGlzdFJlY29yZHMifQ")
	f.Add("verb=GetRecord&identifier=oai:archive.test:r1&metadataPrefix=oai_dc")
	p := testProvider()
	f.Fuzz(func(t *testing.T, query string) {
		args, err := url.ParseQuery(query)
		if err != nil {
			return
		}
		var b bytes.Buffer
		if err := p.Respond(context.Background(), args, &b); err != nil {
			t.Fatal(err)
		}
		var r response
		if err := xml.Unmarshal(b.Bytes(), &r); err != nil {
			t.Fatalf("%q: malformed response: %v", query, err)
		}
	})
}

// Records changed during a harvest move to the end of the list; the harvest
// still reaches every record after the cursor rather than stopping at the count
// it began with.
func TestHarvestDuringChanges(t *testing.T) {
	p := testProvider()
	repo := p.Repo.(*memRepo)
	r, _ := respond(t, p, "verb=ListIdentifiers&metadataPrefix=oai_dc")
	seen := map[string]int{}
	for _, id := range r.Headers {
		seen[id]++
	}
	// r0 and r1, already harvested, change: they move after r4.
	moved := slices.Clone(repo.items[:2])
	for i := range moved {
		moved[i].Datestamp = repo.items[4].Datestamp.Add(time.Hour)
	}
	repo.items = append(repo.items[2:], moved...)
	var tok struct{ Token string }
	for page := 0; page < 10; page++ {
		var b bytes.Buffer
		var args url.Values
		if page > 0 {
			args = url.Values{"verb": {"ListIdentifiers"}, "resumptionToken": {tok.Token}}
		} else {
			// Continue the harvest begun above, from its first token.
			args = url.Values{"verb": {"ListIdentifiers"}, "resumptionToken": {r.IDToken}}
		}
		if err := p.Respond(context.Background(), args, &b); err != nil {
			t.Fatal(err)
		}
		var pg struct {
			IDs   []string `xml:"ListIdentifiers>header>identifier"`
			Token string   `xml:"ListIdentifiers>resumptionToken"`
		}
		if err := xml.Unmarshal(b.Bytes(), &pg); err != nil {
			t.Fatal(err)
		}
		for _, id := range pg.IDs {
			seen[id]++
		}
		if pg.Token == "" {
			break
		}
		tok.Token = pg.Token
	}
	for i := range 5 {
		if id := fmt.Sprintf("oai:archive.test:r%d", i); seen[id] == 0 {
			t.Errorf("%s never harvested (seen %v)", id, seen)
		}
	}
	if seen["oai:archive.test:r0"] != 2 || seen["oai:archive.test:r1"] != 2 {
		t.Errorf("the changed records should come again, as changed: %v", seen)
	}
}

// Formats besides oai_dc are listed, and rendered from the item's source.
func TestOtherFormats(t *testing.T) {
	p := testProvider()
	p.Formats = []Format{{Prefix: "plain", Schema: "http://archive.test/plain.xsd", Namespace: "http://archive.test/plain",
		Render: func(it Item) ([]byte, error) {
			return []byte(`<plain xmlns="http://archive.test/plain">` + it.ID + `</plain>`), nil
		}}}
	_, body := respond(t, p, "verb=ListMetadataFormats")
	if !strings.Contains(body, "<metadataPrefix>oai_dc</metadataPrefix>") || !strings.Contains(body, "<metadataPrefix>plain</metadataPrefix>") {
		t.Errorf("formats:\n%s", body)
	}
	_, body = respond(t, p, "verb=GetRecord&metadataPrefix=plain&identifier=oai:archive.test:r2")
	if !strings.Contains(body, `<metadata><plain xmlns="http://archive.test/plain">r2</plain></metadata>`) {
		t.Errorf("GetRecord plain:\n%s", body)
	}
	r, _ := respond(t, p, "verb=ListRecords&metadataPrefix=plain")
	_, body = respond(t, p, "verb=ListRecords&resumptionToken="+url.QueryEscape(r.Resumption.Token))
	if !strings.Contains(body, ">r2</plain>") || strings.Contains(body, "oai_dc:dc") {
		t.Errorf("second page of a plain harvest:\n%s", body)
	}
	if e, _ := respond(t, p, "verb=GetRecord&metadataPrefix=marc21&identifier=oai:archive.test:r2"); e.Error == nil || e.Error.Code != CannotDisseminateFormat {
		t.Errorf("unknown format accepted")
	}
}

// A harvest of a set looks the sets up once, when it begins, not on each page.
func TestSetCheckedOnce(t *testing.T) {
	p := testProvider()
	p.PageSize = 1
	repo := p.Repo.(*memRepo)
	r, _ := respond(t, p, "verb=ListRecords&metadataPrefix=oai_dc&set=primary")
	pages := 1
	for r.Resumption != nil && r.Resumption.Token != "" {
		r, _ = respond(t, p, "verb=ListRecords&resumptionToken="+url.QueryEscape(r.Resumption.Token))
		pages++
	}
	if pages != 5 || repo.setCalls != 1 {
		t.Errorf("%d pages, sets listed %d times; want 5 pages and once", pages, repo.setCalls)
	}
}
