package web

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"golang.org/x/net/html"
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
