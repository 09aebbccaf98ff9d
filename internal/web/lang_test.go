package web

import (
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"fond/internal/i18n"
	"fond/internal/store"
)

// urlLike is an address in text (a permanent link, /documents/ID): code,
// not words.
var urlLike = regexp.MustCompile(`(https?://|/)[^\s«»"]*`)

// asciiWord is what an English word left in the interface looks like: three
// or more Latin letters.
var asciiWord = regexp.MustCompile(`[A-Za-z]{3,}`)

// notWords are the Latin words a Russian page may show that are not English
// left untranslated: the archive's name, formats, standards and programs by
// their own names, and the query syntax's operators.
var notWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`fond BibTeX RIS CSL JSON Chicago TEI IIIF OAI PMH Dublin Core Atom PDF OCR JPEG CSV
		HTML EDTF ISO UTC API Zotero EndNote citation Mirador Universal Viewer Natural Earth world atlas http https
		AND NOT English chicago bibtex ris csl json Ctrl XML`) {
		notWords[w] = true
	}
}

// userText walks an HTML page and calls see with each piece of text a reader
// meets: text nodes and the attributes that are read or spoken (title, alt,
// placeholder, aria-label, a button's value). Code, scripts and styles are
// not words of the interface, and an element whose lang is not the page's
// says its text is in another language (a record's, or the switch's own
// "English").
func userText(page string, see func(where, text string)) error {
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return err
	}
	pageLang := ""
	var walk func(n *html.Node, skip bool)
	walk = func(n *html.Node, skip bool) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "code", "pre", "script", "style", "textarea":
				skip = true
			}
			for _, a := range n.Attr {
				switch {
				case a.Key == "lang" && n.Data == "html":
					pageLang = a.Val
				case a.Key == "lang" && a.Val != pageLang:
					skip = true
				}
			}
			if !skip {
				for _, a := range n.Attr {
					switch a.Key {
					case "title", "alt", "placeholder", "aria-label", "data-copied", "data-selected", "data-zoomin", "data-zoomout", "data-home", "data-help":
						see("<"+n.Data+" "+a.Key+">", a.Val)
					}
				}
			}
		}
		if n.Type == html.TextNode && !skip {
			see("text", n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, skip)
		}
	}
	walk(doc, false)
	return nil
}

// recordWords are the words of the access fixture's records and authority
// file: content the interface shows as it is, in whatever language it was
// written. The subject vocabulary's labels and scope notes are not among
// them: the vocabulary gives them in Russian, and a page that shows the
// English ones fails.
func recordWords(t *testing.T, ctx context.Context, srv *Server) map[string]bool {
	t.Helper()
	words := map[string]bool{}
	add := func(v any) {
		b, _ := json.Marshal(v)
		var s string
		// JSON escapes (\u003c) would read as words: take the text unescaped.
		s = strings.NewReplacer(`\u003c`, "<", `\u003e`, ">", `\u0026`, "&", `\n`, " ").Replace(string(b))
		for _, w := range asciiWord.FindAllString(s, -1) {
			words[w] = true
		}
	}
	for _, id := range []string{pubID, otherID, draftID, draftArt, goneID} {
		rec, err := srv.raw.Get(ctx, id)
		if err == nil {
			add(rec)
		}
		add(goneWhy)
	}
	if f, err := srv.raw.Authorities(ctx); err == nil {
		add(f)
	}
	for _, r := range roles[1:] {
		add(r + "1") // account names
	}
	add(srv.archiveName()) // configuration: the archive's name
	// The values URLs take, which a reader types as they are (a message
	// that refuses one names the others).
	add("relevance date added overlap within all most count")
	return words
}

// russianPages are the pages the walk reads: every GET route of the table
// that answers HTML, with the fixture's ids, and the states a page has beyond
// its plain address (a search with hits, facets and a histogram; a narrowed
// timeline; a refused parameter; a 404; a withdrawn record).
func russianPages(srv *Server) []string {
	pages := []string{"/search?q=loan", "/search?q=loan&sort=nonsense", "/search?q=loan&page=9", "/search?q=loan&page=100000",
		"/search?q=" + strings.Repeat("w+", 70) + "w", "/search?q=" + strings.Repeat("(", 20) + "loan", "/subjects", "/search?subject=korean-war", "/timeline?from=1950&to=1950",
		"/timeline?from=1950-03&to=1950-03", "/documents/" + pubID + "?hl=loan", "/documents/" + goneID, "/people?sort=count",
		"/places?letter=P", "/review?reason=draft", "/compare?a=" + pubID + "&b=" + draftID, "/documents/" + pubID + "/history",
		"/no-such-page", "/search?q=Stali*", "/admin/audit?action=login"}
	for _, rt := range srv.routes() {
		method, path := fixturePath(rt.pattern)
		if method != http.MethodGet || strings.HasPrefix(path, "/api/") || strings.HasPrefix(path, "/iiif/") {
			continue
		}
		pages = append(pages, path)
	}
	return pages
}

// Every page, rendered in Russian for an admin (who sees the staff pages and
// a record's cataloguing parts) and for a reader, shows no English word that
// is not record data: each word of the interface comes from the Russian
// catalogue. And no English message of the catalogue appears whole in a
// Russian page, which catches an untranslated sentence whose words all happen
// to be in the records.
func TestRussianPagesHaveNoEnglish(t *testing.T) {
	ts, _, srv := newAccessServer(t, nil)
	ctx := context.Background()
	allowed := recordWords(t, ctx, srv)
	sentences := englishSentences()
	seen := 0
	for _, role := range []string{"", store.RoleAdmin} {
		c := loginAs(t, ts.URL, role)
		c.get(t, "/?lang=ru")
		for _, path := range russianPages(srv) {
			status, h, body := c.get(t, path)
			if !strings.HasPrefix(h.Get("Content-Type"), "text/html") || status/100 == 3 {
				continue
			}
			seen++
			noEnglish(t, path+" ("+role+")", path, body, allowed, sentences)
		}
	}
	if seen < 40 {
		t.Errorf("only %d HTML pages read", seen)
	}
}

// The pages of a document released three times (1995, 2008, 2019), in
// Russian: the release history's lines, the withheld sizes in the text's
// markers and the releases compared say nothing in English beyond the
// records' own words ("[1 paragraph (5 lines) not declassified]" is the
// record's; "3 paragraphs withheld" would be the interface's).
func TestRussianReleasePagesHaveNoEnglish(t *testing.T) {
	srv, ts, ids := releasesServer(t)
	allowed := map[string]bool{}
	for _, id := range ids {
		rec, err := srv.raw.Get(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(rec)
		for _, w := range asciiWord.FindAllString(strings.ReplaceAll(string(b), `\n`, " "), -1) {
			allowed[w] = true
		}
	}
	for _, w := range []string{"withheld", "paragraphs", "full", "exemptions"} {
		if allowed[w] {
			t.Fatalf("%q is in the records: the test could not see it leak", w)
		}
	}
	c := newClient(t, ts.URL)
	c.get(t, "/?lang=ru")
	sentences := englishSentences()
	for _, path := range []string{"/documents/" + ids["2008"], "/documents/" + ids["2019"] + "/releases",
		"/documents/" + ids["2019"] + "/releases?a=" + ids["1995"] + "&b=" + ids["2008"], "/releases/stats"} {
		status, _, body := c.get(t, path)
		if status != 200 {
			t.Errorf("%s: %d", path, status)
			continue
		}
		noEnglish(t, path, path, body, allowed, sentences)
		if !strings.Contains(body, "изъято") {
			t.Errorf("%s: no withheld text said in Russian", path)
		}
	}
	_, _, body := c.get(t, "/documents/"+ids["2008"])
	for _, want := range []string{"1995: изъято — 3 абзаца", "2019: полностью", `title="Изъято в этой публикации: 1 абзац (4 строки)"`} {
		if !strings.Contains(body, want) {
			t.Errorf("the Russian document page lacks %s", want)
		}
	}
}

// A refused value on a staff form is told in Russian beside its field: the
// store's and the record's refusals are messages of the catalogue, not
// English sentences.
func TestRussianFieldErrors(t *testing.T) {
	ts, _, srv := newAccessServer(t, nil)
	ed := loginAs(t, ts.URL, store.RoleAdmin)
	ed.get(t, "/?lang=ru")
	status, _, page := ed.get(t, "/documents/"+pubID+"/edit")
	if status != 200 {
		t.Fatalf("edit form: %d", status)
	}
	form := formValues(t, page)
	form.Set("languages.text", "not a code")
	form.Set("date.edtf", "1950-13-45")
	status, _, body := ed.postForm(t, "/documents/"+pubID+"/edit", form)
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("a bad value: %d", status)
	}
	if !strings.Contains(body, "не код языка") && !strings.Contains(body, "не дата в EDTF") {
		t.Errorf("the refusal is not in Russian: %s", around(body))
	}
	allowed := recordWords(t, context.Background(), srv)
	noEnglish(t, "edit refused", "not a code 1950-13-45", body, allowed, englishSentences())
}

// englishSentences are the English messages of the catalogue that differ
// from their Russian and are long enough to tell: one of them whole in a
// Russian page is an untranslated message.
func englishSentences() []string {
	var sentences []string
	plain, _ := i18n.Keys(i18n.EN)
	for _, k := range plain {
		en, _ := i18n.Raw(i18n.EN, k)
		ru, _ := i18n.Raw(i18n.RU, k)
		if en != ru && !strings.ContainsAny(en, "%<") && len(strings.Fields(en)) >= 3 {
			sentences = append(sentences, en)
		}
	}
	return sentences
}

// noEnglish fails when a Russian page shows a Latin word that is neither
// allowed (record data), nor a name in notWords, nor typed by the reader in
// path, or an English message of the catalogue whole.
func noEnglish(t *testing.T, name, path, body string, allowed map[string]bool, sentences []string) {
	t.Helper()
	if !strings.Contains(body, `<html lang="ru">`) {
		t.Errorf("%s: not marked Russian", name)
		return
	}
	// The reader's own input comes back as typed: the query, the path.
	typed := map[string]bool{}
	for _, w := range asciiWord.FindAllString(path, -1) {
		typed[w] = true
	}
	var text strings.Builder
	err := userText(body, func(where, s string) {
		text.WriteString(s + "\n")
		for _, w := range asciiWord.FindAllString(urlLike.ReplaceAllString(s, ""), -1) {
			if !allowed[w] && !notWords[w] && !typed[w] {
				t.Errorf("%s: English %q in %s: %q", name, w, where, strings.TrimSpace(s))
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, en := range sentences {
		if strings.Contains(text.String(), en) {
			t.Errorf("%s: the English message %q", name, en)
		}
	}
}

// The walk can fail: an English word on a Russian page is found, a record's
// words are not, and text marked as another language is left alone.
func TestRussianWalkCatchesEnglish(t *testing.T) {
	page := `<html lang="ru"><body><p>Поиск</p><button title="Search">Найти</button><p lang="en">English text</p><code>person:</code></body></html>`
	var found []string
	if err := userText(page, func(_, s string) { found = append(found, asciiWord.FindAllString(s, -1)...) }); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(found, []string{"Search"}) {
		t.Errorf("found %v, want only the button's title", found)
	}
}

// attrLike is an attribute written in a fragment outside its tag.
var attrLike = regexp.MustCompile(`[a-z-]+="[^"]*"`)

// templateAction is a template action, comments included.
var templateAction = regexp.MustCompile(`(?s)\{\{.*?\}\}`)

// No template holds a user-facing English word outside a catalogue call:
// each template's text, its actions taken out, is read as HTML and its
// text and read attributes must have no Latin word of three letters or more
// (code, the brand and the names in notWords aside). A sentence added to a
// template in English fails here before any page is rendered.
func TestTemplatesHaveNoLiteralWords(t *testing.T) {
	files, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		t.Fatal(err)
	}
	partials, _ := fs.Glob(templateFS, "templates/partials/*.html")
	files = append(files, partials...)
	if len(files) < 25 {
		t.Fatalf("only %d templates found", len(files))
	}
	for _, f := range files {
		b, err := fs.ReadFile(templateFS, f)
		if err != nil {
			t.Fatal(err)
		}
		// An action becomes a character no word holds; the page's lang is
		// not known here, so every element's text counts.
		src := templateAction.ReplaceAllString(string(b), "\u2060")
		src = strings.ReplaceAll(src, `lang="`+"\u2060"+`"`, "")
		err = userText(`<html lang="">`+src, func(where, s string) {
			// A define holding only attributes (df-invalid) reads as text.
			s = attrLike.ReplaceAllString(urlLike.ReplaceAllString(s, ""), "")
			for _, w := range asciiWord.FindAllString(s, -1) {
				if !notWords[w] {
					t.Errorf("%s: %q in %s: %q", f, w, where, strings.TrimSpace(s))
				}
			}
		})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
	}
}

// The language comes from ?lang= (which the switch sets, with a cookie that
// keeps it), else the cookie, else Accept-Language; <html lang> says which,
// and the switch on every page links to the same page in each language.
func TestLanguageChoice(t *testing.T) {
	ts, _ := newServer(t)
	fetch := func(c *http.Client, path string, header http.Header) (string, *http.Response) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, ts.URL+path, nil)
		for k, v := range header {
			req.Header[k] = v
		}
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var b strings.Builder
		_, _ = io.Copy(&b, resp.Body)
		return b.String(), resp
	}
	langOf := func(page string) string {
		m := regexp.MustCompile(`<html lang="([a-z]*)">`).FindStringSubmatch(page)
		if m == nil {
			return ""
		}
		return m[1]
	}
	plain := &http.Client{}
	for _, tc := range []struct {
		accept, want, word string
	}{
		{"", "en", "Search the archive"},
		{"ru-RU,ru;q=0.9,en;q=0.8", "ru", "Поиск по архиву"},
		{"en-GB,en;q=0.9,ru;q=0.5", "en", "Search the archive"},
		{"de,ru;q=0.4", "ru", "Поиск по архиву"},
	} {
		page, resp := fetch(plain, "/search?q=credit", http.Header{"Accept-Language": {tc.accept}})
		if got := langOf(page); got != tc.want || !strings.Contains(page, tc.word) {
			t.Errorf("Accept-Language %q: lang %q, want %q with %q", tc.accept, got, tc.want, tc.word)
		}
		if !strings.Contains(resp.Header.Get("Vary"), "Accept-Language") {
			t.Errorf("Accept-Language %q: no Vary", tc.accept)
		}
	}
	// The switch: links to this very page in each language, the current one
	// marked; following it sets the cookie, which later pages obey over the
	// browser's Accept-Language.
	page, _ := fetch(plain, "/search?q=credit&sort=date", nil)
	for _, want := range []string{`<a href="/search?lang=ru&amp;q=credit&amp;sort=date" hreflang="ru" lang="ru">Русский</a>`,
		`<span aria-current="true" lang="en">English</span>`, `<link rel="alternate" hreflang="ru" href="/search?lang=ru&amp;q=credit&amp;sort=date">`} {
		if !strings.Contains(page, want) {
			t.Errorf("the switch lacks %s", want)
		}
	}
	c := newClient(t, ts.URL)
	page, resp := fetch(c.Client, "/search?q=credit&lang=ru", nil)
	if langOf(page) != "ru" || !slices.ContainsFunc(resp.Cookies(), func(k *http.Cookie) bool {
		return k.Name == langCookie && k.Value == "ru" && k.HttpOnly && k.MaxAge > 0
	}) {
		t.Fatalf("?lang=ru: lang %q, cookies %v", langOf(page), resp.Cookies())
	}
	en := http.Header{"Accept-Language": {"en"}}
	if page, _ := fetch(c.Client, "/documents/x2", en); langOf(page) != "ru" || !strings.Contains(page, "Сведения о документе") {
		t.Errorf("the cookie is not kept over Accept-Language: lang %q", langOf(page))
	}
	if page, _ := fetch(c.Client, "/documents/x2?lang=en", nil); langOf(page) != "en" || !strings.Contains(page, "Document information") {
		t.Errorf("switching back: lang %q", langOf(page))
	}
	if page, _ := fetch(c.Client, "/documents/x2", http.Header{"Accept-Language": {"ru"}}); langOf(page) != "en" {
		t.Errorf("the cookie from switching back is not kept: %q", langOf(page))
	}
	// An unknown ?lang= changes nothing and sets no cookie.
	if page, resp := fetch(plain, "/?lang=xx", nil); langOf(page) != "en" || len(resp.Cookies()) != 0 {
		t.Errorf("?lang=xx: lang %q, cookies %v", langOf(page), resp.Cookies())
	}
	// Error pages are in the reader's language too.
	if page, resp := fetch(plain, "/search?sort=nonsense", http.Header{"Accept-Language": {"ru"}}); resp.StatusCode != 400 ||
		!strings.Contains(page, "Параметр «sort» должен быть") {
		t.Errorf("a refused parameter in Russian: %d %s", resp.StatusCode, around(page))
	}
	if page, resp := fetch(plain, "/documents/missing", http.Header{"Accept-Language": {"ru"}}); resp.StatusCode != 404 ||
		!strings.Contains(page, "Документ missing в архиве не найден.") {
		t.Errorf("404 in Russian: %d", resp.StatusCode)
	}
	// Dates are written as each language writes them (the fixture x1 is
	// April 1950, inferred).
	if page, _ := fetch(plain, "/documents/x1", http.Header{"Accept-Language": {"ru"}}); !strings.Contains(page, "[апрель 1950 г.]") {
		t.Error("the Russian date of x1 is not [апрель 1950 г.]")
	}
	if page, _ := fetch(plain, "/documents/x1", nil); !strings.Contains(page, "April 1950 (inferred)") {
		t.Error("the English date of x1 is not April 1950 (inferred)")
	}
}

// Every language's templates parse and render the home page: a template
// that used a function only one language has would fail here.
func TestEveryLanguageRenders(t *testing.T) {
	ts, _ := newServer(t)
	for _, l := range i18n.Langs {
		status, _, body := get(t, ts.URL+"/?lang="+url.QueryEscape(string(l)))
		if status != 200 || !strings.Contains(body, `<html lang="`+string(l)+`">`) {
			t.Errorf("%s: %d", l, status)
		}
	}
}
