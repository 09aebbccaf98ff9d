package web

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"fond/internal/record"
	"fond/internal/store"
)

var voidElements = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

// checkHTML is a small validator for fond's own pages: every element closed in
// order, no duplicate ids, every form control labelled, one h1, a lang attribute.
func checkHTML(page string) error {
	z := html.NewTokenizer(strings.NewReader(page))
	var stack []string
	ids := map[string]bool{}
	labels := map[string]bool{}
	var controls []string
	h1 := 0
	lang := false
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if z.Err() != io.EOF {
				return z.Err()
			}
			if len(stack) != 0 {
				return fmt.Errorf("unclosed elements at end: %v", stack)
			}
			for _, c := range controls {
				if !labels[c] {
					return fmt.Errorf("form control #%s has no label", c)
				}
			}
			if h1 != 1 {
				return fmt.Errorf("%d h1 elements, want 1", h1)
			}
			if !lang {
				return fmt.Errorf("html element has no lang attribute")
			}
			return nil
		case html.StartTagToken, html.SelfClosingTagToken:
			t := z.Token()
			attrs := map[string]string{}
			for _, a := range t.Attr {
				attrs[a.Key] = a.Val
			}
			if id := attrs["id"]; id != "" {
				if ids[id] {
					return fmt.Errorf("duplicate id %q", id)
				}
				ids[id] = true
			}
			switch t.Data {
			case "html":
				lang = attrs["lang"] != ""
			case "h1":
				h1++
			case "label":
				labels[attrs["for"]] = true
			case "input", "select", "textarea":
				if attrs["type"] != "hidden" && attrs["type"] != "submit" {
					controls = append(controls, attrs["id"])
				}
			}
			if tt == html.StartTagToken && !voidElements[t.Data] {
				stack = append(stack, t.Data)
			}
		case html.EndTagToken:
			t := z.Token()
			if len(stack) == 0 || stack[len(stack)-1] != t.Data {
				return fmt.Errorf("</%s> closes %v", t.Data, stack)
			}
			stack = stack[:len(stack)-1]
		}
	}
}

func TestPagesAreValid(t *testing.T) {
	ts, _ := newServer(t)
	for _, path := range []string{"/", "/search?q=credit", "/search?q=nothing-matches-this", "/documents/x1", "/documents/x2", "/people/Stalin",
		"/collections", "/timeline", "/compare?a=x1&b=x2", "/documents/missing"} {
		_, _, body := get(t, ts.URL+path)
		if err := checkHTML(body); err != nil {
			t.Errorf("%s: %v", path, err)
		}
	}
}

func TestCheckHTMLCatchesErrors(t *testing.T) {
	for _, bad := range []string{
		`<html lang="en"><body><h1>x</h1><div></body></html>`,
		`<html lang="en"><body><h1>x</h1><input id="q"></body></html>`,
		`<html lang="en"><body><h1 id="a">x</h1><p id="a"></p></body></html>`,
		`<html><body><h1>x</h1></body></html>`,
	} {
		if checkHTML(bad) == nil {
			t.Errorf("checkHTML accepted %s", bad)
		}
	}
}

// payload is what a hostile or careless value could hold for a field: a
// script element and both quotes, to break out of text and attributes.
func payload(field string) string {
	return `<script>alert("` + field + `")</script>' " onmouseover="alert('` + field + `')`
}

// hostileFields sets every editable field a string can reach to its payload
// (category and languages are checked against fixed values; the date's EDTF
// must parse, its display and note are free; the url must be http(s)).
func hostileFields(t *testing.T) map[string]json.RawMessage {
	t.Helper()
	out := map[string]json.RawMessage{}
	set := func(field string, v any) {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		out[field] = b
	}
	for _, f := range []string{"title", "doc_number", "summary", "type", "place", "classification", "rights", "record_id", "publisher", "body"} {
		set(f, payload(f))
	}
	for _, f := range peopleFields {
		set(f, []string{payload(f)})
	}
	p := payload("date")
	set("date", record.Date{EDTF: "1950-03-03", Display: p, Note: p, Qualifier: record.Approximate})
	s := payload("sources")
	set("sources", []record.Source{{Reference: s, Repository: s, Abbreviation: s, Fond: s, Opis: s, Delo: s, Papka: s, Folios: s, File: s}})
	c := payload("collection")
	set("collection", record.Collection{ID: c, Title: c, Series: c, Publisher: c, Year: c})
	n := payload("notes")
	set("notes", []record.Note{{Kind: n, N: n, Text: n}})
	set("url", `https://example.org/?q="><script>alert("url")</script>`)
	return out
}

// checkEscaped parses a page as a browser would and fails on anything the
// payloads could have made: a script element that is neither a file nor
// JSON-LD, JSON-LD that is not JSON, an onmouseover attribute. It returns
// the page's text and attribute values, unescaped, to look for the payloads in.
func checkEscaped(t *testing.T, where, page string) string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var seen strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			seen.WriteString(n.Data + "\n")
		}
		if n.Type == html.ElementNode {
			attrs := map[string]string{}
			for _, a := range n.Attr {
				attrs[a.Key] = a.Val
				seen.WriteString(a.Val + "\n")
				if strings.HasPrefix(a.Key, "on") {
					t.Errorf("%s: <%s> has an event attribute %s=%q", where, n.Data, a.Key, a.Val)
				}
			}
			if n.Data == "script" {
				var text strings.Builder
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					text.WriteString(c.Data)
				}
				switch {
				case attrs["src"] != "" && text.Len() == 0:
				case attrs["type"] == "application/ld+json" && json.Valid([]byte(text.String())):
				default:
					t.Errorf("%s: a script element ran: %q", where, text.String())
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if err := checkHTML(page); err != nil {
		t.Errorf("%s: %v", where, err)
	}
	return seen.String()
}

// Every editable field, holding a script and both quotes, is shown as text
// on every page that shows it: the document page, the edit form (and its
// 422 and 409 forms), the history, search results.
func TestEditableFieldsEscapedEverywhere(t *testing.T) {
	ts, st, _ := newAccessServer(t, nil)
	ctx := context.Background()
	if _, err := st.EditRecord(ctx, store.Edit{ID: pubID, Base: 1, Fields: hostileFields(t), Author: "editor1"}); err != nil {
		t.Fatal(err)
	}
	ed := loginAs(t, ts.URL, store.RoleEditor)
	all := append([]string{"title", "doc_number", "summary", "type", "place", "classification", "rights", "record_id", "publisher", "body",
		"date", "sources", "collection", "notes"}, peopleFields...)
	pages := []struct {
		path   string
		status int
		shows  []string
	}{
		{"/documents/" + pubID, 200, []string{"title", "summary", "type", "classification", "date", "place", "sources", "authors", "recipients",
			"participants", "translators", "donors", "rights", "record_id", "collection", "notes", "body"}},
		{"/documents/" + pubID + "/edit", 200, all},
		{"/documents/" + pubID + "/history", 200, all},
		{"/search?q=alert", 200, []string{"title", "summary"}},
	}
	var form url.Values
	for _, p := range pages {
		status, _, page := ed.get(t, p.path)
		if status != p.status {
			t.Errorf("%s: %d", p.path, status)
			continue
		}
		seen := checkEscaped(t, p.path, page)
		for _, f := range p.shows {
			if !strings.Contains(seen, payload(f)) {
				t.Errorf("%s does not show %s as text", p.path, f)
			}
		}
		if strings.HasSuffix(p.path, "/edit") {
			form = formValues(t, page)
			if !strings.Contains(seen, `https://example.org/?q="><script>alert("url")</script>`) {
				t.Errorf("the edit form does not show the url as typed")
			}
		}
	}
	// The forms shown again (refused, and stale) keep the payloads as text.
	bad := url.Values{}
	for k, v := range form {
		bad[k] = v
	}
	bad.Set("date.edtf", "1949-13-45")
	status, _, page := ed.postForm(t, "/documents/"+pubID+"/edit", bad)
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("bad date: %d", status)
	}
	seen := checkEscaped(t, "422 form", page)
	for _, f := range all {
		if !strings.Contains(seen, payload(f)) {
			t.Errorf("the 422 form lost %s", f)
		}
	}
	if _, err := st.EditRecord(ctx, store.Edit{ID: pubID, Base: 2, Fields: map[string]json.RawMessage{"title": json.RawMessage(`"Theirs"`)}, Author: "admin1"}); err != nil {
		t.Fatal(err)
	}
	stale := url.Values{}
	for k, v := range form {
		stale[k] = v
	}
	stale.Set("summary", payload("mine"))
	status, _, page = ed.postForm(t, "/documents/"+pubID+"/edit", stale)
	if status != http.StatusConflict {
		t.Fatalf("stale form: %d", status)
	}
	seen = checkEscaped(t, "409 page", page)
	if !strings.Contains(seen, payload("mine")) || !strings.Contains(seen, payload("summary")) {
		t.Error("the 409 page does not show both summaries as text")
	}
}
