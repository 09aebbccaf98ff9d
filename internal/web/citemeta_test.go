package web

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// headMeta reads a page's <meta name content> pairs and <link rel href>s.
func headMeta(t *testing.T, page string) (meta map[string][]string, links map[string]string) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	meta, links = map[string][]string{}, map[string]string{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			a := map[string]string{}
			for _, at := range n.Attr {
				a[at.Key] = at.Val
			}
			switch n.Data {
			case "meta":
				if a["name"] != "" {
					meta[a["name"]] = append(meta[a["name"]], a["content"])
				}
			case "link":
				links[a["rel"]] = a["href"]
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return meta, links
}

// zoteroItemType follows Zotero's Embedded Metadata translator: a Highwire tag
// that names a container decides; else z:itemType, else a DC.type that is a
// Zotero item type; else citation_title alone makes a journal article.
func zoteroItemType(meta map[string][]string) string {
	for tag, typ := range map[string]string{
		"citation_journal_title": "journalArticle", "citation_technical_report_institution": "report",
		"citation_conference_title": "conferencePaper", "citation_conference": "conferencePaper",
		"citation_book_title": "bookSection", "citation_inbook_title": "bookSection",
		"citation_dissertation_institution": "thesis",
	} {
		if len(meta[tag]) > 0 {
			return typ
		}
	}
	itemTypes := map[string]bool{"manuscript": true, "letter": true, "report": true, "journalArticle": true,
		"blogPost": true, "forumPost": true, "webpage": true}
	for _, tag := range []string{"z.itemType", "DC.type"} {
		if v := meta[tag]; len(v) > 0 && itemTypes[v[0]] {
			return v[0]
		}
	}
	if len(meta["citation_title"]) > 0 {
		return "journalArticle"
	}
	return "webpage"
}

func TestDocumentPageCitationMeta(t *testing.T) {
	ts, _ := newServer(t)
	for _, c := range []struct {
		id, itemType string
		want         map[string]string
	}{
		{"x1", "manuscript", map[string]string{
			"citation_date": "1950-04", "DC.date": "1950-04",
			"z.archive":         "Archive of the President of the Russian Federation",
			"z.archiveLocation": "listy 1-2", "citation_archive_location": "listy 1-2",
			"citation_public_url": ts.URL + "/documents/x1", "citation_abstract_html_url": ts.URL + "/documents/x1",
			"citation_abstract": `Summary with "quotes" & <i>tags</i>`,
		}},
		{"x2", "report", map[string]string{"citation_public_url": ts.URL + "/documents/x2"}},
	} {
		_, _, page := get(t, ts.URL+"/documents/"+c.id)
		meta, links := headMeta(t, page)
		if got := zoteroItemType(meta); got != c.itemType {
			t.Errorf("%s: Zotero would make a %s, want %s (meta %v)", c.id, got, c.itemType, meta)
		}
		for name, want := range c.want {
			if got := meta[name]; len(got) != 1 || got[0] != want {
				t.Errorf("%s: %s = %q, want %q", c.id, name, got, want)
			}
		}
		if got := links["canonical"]; got != ts.URL+"/documents/"+c.id {
			t.Errorf("%s: canonical %q is not the absolute permanent URL", c.id, got)
		}
		// Every citation on the page, and every download, carries the same URL.
		for _, style := range []string{"chicago", "bibtex", "ris", "csl-json"} {
			_, _, out := get(t, ts.URL+"/documents/"+c.id+"/cite/"+style)
			if !strings.Contains(out, ts.URL+"/documents/"+c.id) {
				t.Errorf("%s: %s citation lacks the permanent URL:\n%s", c.id, style, out)
			}
		}
	}
}
