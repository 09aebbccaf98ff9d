package web

import (
	"encoding/xml"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// The leak test: with a draft in the archive carrying a word found nowhere
// else, an anonymous reader crawls every public address (pages, following
// their links; JSON; OAI-PMH lists, following resumption tokens; sitemaps;
// facets; feeds; citations, TEI and originals) and never meets the word or
// the draft's id. The draft's own addresses answer 404, and so does the
// draft article that discusses a published record.
func TestDraftsLeakNowhere(t *testing.T) {
	defer func(n int) { oaiPageSize = n }(oaiPageSize)
	oaiPageSize = 1 // every list pages, so tokens are followed
	ts, _, _ := newAccessServer(t, nil)
	c := newClient(t, ts.URL)
	leaks := func(s string) bool {
		l := strings.ToLower(s)
		return strings.Contains(l, leakWord) || strings.Contains(l, draftID) || strings.Contains(l, draftArt)
	}
	seen := map[string]bool{}
	queue := []string{
		"/", "/search", "/search?q=telegram", "/search?q=" + leakWord, "/search?q=loan&sort=date", "/search?q=status:draft",
		"/search?q=Stalin&type=Telegram", "/search?person=Ivan+Xyzzyquark", "/search?collection=" + leakWord + "-papers",
		"/api/search?q=telegram&facets=1", "/api/search?facets=1&limit=1000", "/api/search?q=" + leakWord + "&facets=1",
		"/api/search?q=status:draft", "/api/search?q=id:" + draftID,
		"/collections", "/timeline", "/timeline?from=1950&to=1950", "/timeline?from=1950-03&to=1950-03", "/timeline?from=2020&to=2020",
		"/people/Stalin", "/places/Pyongyang", "/map", "/sitemap.xml", "/robots.txt", "/feed.atom", "/search.atom?q=telegram", "/search.atom?q=" + leakWord,
		"/documents/" + pubID, "/api/documents/" + pubID, "/api/documents/" + pubID + "/links", "/api/documents/" + pubID + "/names",
		"/documents/" + pubID + "/tei", "/documents/" + pubID + "/cite/chicago", "/documents/" + pubID + "/cite/csl-json",
		"/oai?verb=Identify", "/oai?verb=ListSets", "/oai?verb=ListRecords&metadataPrefix=oai_dc", "/oai?verb=ListRecords&metadataPrefix=tei",
		"/oai?verb=ListIdentifiers&metadataPrefix=oai_dc", "/oai?verb=ListRecords&metadataPrefix=oai_dc&set=" + leakWord + "-papers",
		"/login",
	}
	href := regexp.MustCompile(`(?:href|src)="([^"]+)"`)
	var token struct {
		Token string   `xml:"ListRecords>resumptionToken"`
		IDs   string   `xml:"ListIdentifiers>resumptionToken"`
		Locs  []string `xml:"url>loc"`
		Maps  []string `xml:"sitemap>loc"`
	}
	pages := 0
	for len(queue) > 0 && pages < 400 {
		p := queue[0]
		queue = queue[1:]
		if seen[p] {
			continue
		}
		seen[p] = true
		pages++
		status, _, body := c.get(t, p)
		if status >= 500 {
			t.Errorf("%s: %d", p, status)
		}
		if strings.Contains(strings.ToLower(p), leakWord) {
			// A probe: the page repeats what was asked, so it must find
			// nothing (no id, no hit, no entry) and is not crawled further.
			if strings.Contains(body, draftID) || strings.Contains(body, draftArt) || strings.Contains(body, "<entry>") ||
				strings.Contains(body, "<record>") || strings.HasPrefix(p, "/api/") && !strings.Contains(body, `"total": 0`) ||
				strings.HasPrefix(p, "/search?") && !strings.Contains(body, `<p class="total">0 results`) {
				t.Errorf("probe %s (%d) finds the draft: %.300s", p, status, body)
			}
			continue
		}
		if leaks(body) {
			t.Errorf("%s (%d) shows the draft: …%s…", p, status, around(body))
		}
		for _, m := range href.FindAllStringSubmatch(body, -1) {
			u := htmlUnescape(m[1])
			if strings.HasPrefix(u, ts.URL) {
				u = strings.TrimPrefix(u, ts.URL)
			}
			if strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "//") && !strings.HasPrefix(u, "/static/") {
				queue = append(queue, u)
			}
		}
		token.Token, token.IDs, token.Locs, token.Maps = "", "", nil, nil
		if xml.Unmarshal([]byte(body), &token) == nil {
			verb := "ListRecords"
			if token.IDs != "" {
				token.Token, verb = token.IDs, "ListIdentifiers"
			}
			if token.Token != "" {
				queue = append(queue, "/oai?verb="+verb+"&resumptionToken="+url.QueryEscape(token.Token))
			}
			for _, l := range append(token.Locs, token.Maps...) {
				queue = append(queue, strings.TrimPrefix(l, ts.URL))
			}
		}
		for _, m := range regexp.MustCompile(`"id": "([0-9a-f]{16})"`).FindAllStringSubmatch(body, -1) {
			queue = append(queue, "/documents/"+m[1], "/api/documents/"+m[1])
		}
	}
	t.Logf("%d addresses crawled", pages)
	if pages < 40 {
		t.Errorf("crawled only %d addresses", pages)
	}
	for _, id := range []string{draftID, draftArt} {
		for _, p := range []string{"/documents/" + id, "/api/documents/" + id, "/documents/" + id + "/tei", "/documents/" + id + "/cite/chicago",
			"/documents/" + id + "/cite/bibtex", "/documents/" + id + "/original", "/api/documents/" + id + "/links", "/api/documents/" + id + "/names",
			"/compare?a=" + pubID + "&b=" + id, "/documents/" + pubID + "/side-by-side?with=" + id, "/documents/" + id + "/side-by-side?with=" + pubID, "/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=" + url.QueryEscape("oai:x:"+id)} {
			status, _, body := c.get(t, p)
			if leaks(strings.ReplaceAll(body, id, "")) || status == http.StatusOK && !strings.HasPrefix(p, "/oai") {
				t.Errorf("%s: %d …%s…", p, status, around(body))
			}
		}
	}
	for _, p := range []string{"/people/Ivan%20Xyzzyquark", "/places/Xyzzyquarkgrad"} {
		if status, _, _ := c.get(t, p); status != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", p, status)
		}
	}
}

// A withdrawn record answers 410 with its reason, as a page and as JSON, and
// harvesters are told it is deleted; staff still see it, marked.
func TestWithdrawnIsGone(t *testing.T) {
	ts, _, _ := newAccessServer(t, nil)
	c := newClient(t, ts.URL)
	for _, p := range []string{"/documents/" + goneID, "/api/documents/" + goneID, "/documents/" + goneID + "/cite/chicago", "/documents/" + goneID + "/tei"} {
		status, _, body := c.get(t, p)
		if status != http.StatusGone || !strings.Contains(body, goneWhy) || strings.Contains(body, "Withdrawn text") {
			t.Errorf("%s: %d %.300s", p, status, body)
		}
	}
	_, _, body := c.get(t, "/oai?verb=ListIdentifiers&metadataPrefix=oai_dc")
	if !regexp.MustCompile(`<header status="deleted">\s*<identifier>oai:[^<]*:` + goneID).MatchString(body) {
		t.Errorf("OAI-PMH does not report the withdrawn record deleted: %.1500s", body)
	}
	ed := loginAs(t, ts.URL, "editor")
	status, _, body := ed.get(t, "/documents/"+goneID)
	if status != http.StatusOK || !strings.Contains(body, "Withdrawn: "+goneWhy) {
		t.Errorf("staff view of a withdrawn record: %d", status)
	}
}

func around(body string) string {
	i := strings.Index(strings.ToLower(body), leakWord)
	if i < 0 {
		for _, id := range []string{draftID, draftArt} {
			if j := strings.Index(body, id); j >= 0 {
				i = j
			}
		}
	}
	if i < 0 {
		return ""
	}
	return body[max(0, i-120):min(len(body), i+80)]
}

func htmlUnescape(s string) string {
	return strings.NewReplacer("&amp;", "&", "&#43;", "+", "&#39;", "'", "&quot;", `"`).Replace(s)
}
