// Package dahtml turns a saved HTML page into text blocks and metadata hints, so the
// same layout readers serve captures and saved pages. Scripts, styles, navigation
// and forms are dropped before any text is taken.
package dahtml

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"fond/internal/extract"
)

// Page is the readable content of an HTML page.
type Page struct {
	Title  string            // <title>
	Meta   map[string]string // lower-cased meta name/property -> content (first wins)
	Blocks []string
}

// Detect reports whether data is an HTML document.
func Detect(data []byte) bool {
	head := bytes.ToLower(data[:min(len(data), 2048)])
	head = bytes.TrimLeft(head, "\ufeff \t\r\n")
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) ||
		bytes.Contains(head, []byte("<html")) && bytes.Contains(head, []byte("<head"))
}

// skipped elements hold no document text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Svg: true,
	atom.Nav: true, atom.Form: true, atom.Button: true, atom.Iframe: true, atom.Select: true,
	atom.Footer: true, atom.Object: true, atom.Embed: true, atom.Canvas: true,
}

// block elements end the current text block.
var blockElems = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Li: true, atom.Dt: true, atom.Dd: true, atom.Blockquote: true, atom.Pre: true,
	atom.Tr: true, atom.Td: true, atom.Th: true, atom.Section: true, atom.Article: true, atom.Header: true,
	atom.Main: true, atom.Aside: true, atom.Figcaption: true, atom.Br: true, atom.Hr: true, atom.Address: true,
	atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Table: true, atom.Time: false, atom.Title: true,
}

var closeHTML = regexp.MustCompile(`(?i)</html\s*>|</body\s*>`)

// Parse reads an HTML page. A page that opens <html> but never closes it was cut
// off in transfer: parsing it would silently lose the end of the document.
func Parse(data []byte) (*Page, error) {
	if bytes.Contains(bytes.ToLower(data[:min(len(data), 4096)]), []byte("<html")) && !closeHTML.Match(data) {
		return nil, fmt.Errorf("truncated HTML: the page opens <html> but has no closing </body> or </html> tag")
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("parse HTML: %w", err)
	}
	p := &Page{Meta: map[string]string{}}
	var cur strings.Builder
	flush := func() {
		if s := extract.Clean(cur.String()); s != "" {
			p.Blocks = append(p.Blocks, s)
		}
		cur.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if skipped[n.DataAtom] {
				return
			}
			switch n.DataAtom {
			case atom.Meta:
				key, content := "", ""
				for _, a := range n.Attr {
					switch strings.ToLower(a.Key) {
					case "name", "property":
						key = strings.ToLower(a.Val)
					case "content":
						content = a.Val
					}
				}
				if key != "" && content != "" {
					if _, seen := p.Meta[key]; !seen {
						p.Meta[key] = extract.Clean(content)
					}
				}
				return
			case atom.Title:
				if n.Parent != nil && n.Parent.DataAtom == atom.Head {
					p.Title = extract.Clean(textOf(n))
					return
				}
			case atom.Img:
				return // alt texts duplicate captions
			}
			if blockElems[n.DataAtom] {
				flush()
			}
		}
		if n.Type == html.TextNode {
			cur.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && blockElems[n.DataAtom] {
			flush()
		}
	}
	walk(doc)
	flush()
	return p, nil
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// Text returns the blocks as a text capture would show them, one per line.
func (p *Page) Text() string { return strings.Join(p.Blocks, "\n\n") }
