package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"fond/internal/iiif/presentation"
	"fond/internal/index"
)

// handleIIIFSearch answers IIIF Content Search 2.0 within one record's
// pages: ?q= is words separated by spaces (a trailing * matches a word's
// beginning), and each line of OCR holding one of them is a hit, targeting
// its region on the canvas, so a viewer highlights where the word is.
func (s *Server) handleIIIFSearch(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	if len(q) > s.Limits.Search.MaxQueryBytes {
		writeAPIError(w, http.StatusBadRequest, "invalid_parameter", "q", "the query is longer than "+strconv.Itoa(s.Limits.Search.MaxQueryBytes)+" bytes")
		return
	}
	terms := searchTerms(q)
	switch {
	case len(terms) == 0:
		writeAPIError(w, http.StatusBadRequest, "invalid_parameter", "q", "say what to search for: ?q=word")
		return
	case len(terms) > s.Limits.Search.MaxTerms:
		writeAPIError(w, http.StatusBadRequest, "invalid_parameter", "q", "more than "+strconv.Itoa(s.Limits.Search.MaxTerms)+" words")
		return
	}
	rec, ok := s.visibleRecord(w, r, r.PathValue("id"))
	if !ok {
		return
	}
	base := s.baseURL(r)
	spec := presentation.SearchSpec{ID: base + r.URL.Path + "?q=" + url.QueryEscape(q), Language: rec.Languages.Text}
	for _, p := range []string{"motivation", "date", "user"} {
		if r.URL.Query().Has(p) {
			spec.Ignored = append(spec.Ignored, p)
		}
	}
	svc, err := s.imageService()
	if err != nil {
		s.apiServerError(w, r, err)
		return
	}
	for _, p := range rec.Pages {
		if len(spec.Hits) >= s.Limits.MaxIIIFHits || r.Context().Err() != nil {
			break
		}
		src, err := s.pageSource(r.Context(), rec, p.N)
		if err != nil {
			continue // the lines of a page with no image have nowhere to point
		}
		hd, err := svc.Header(src)
		if err != nil {
			s.apiServerError(w, r, err)
			return
		}
		canvas := canvasID(base, rec.ID, p.N)
		for i, l := range canvasLines(rec, p.N, hd.Width, hd.Height) {
			for _, m := range matchLine(l.Text, terms) {
				if len(spec.Hits) >= s.Limits.MaxIIIFHits {
					break
				}
				spec.Hits = append(spec.Hits, presentation.Hit{CanvasID: canvas, Line: i, Text: l.Text,
					X: l.X, Y: l.Y, W: l.W, H: l.H,
					Prefix: tail(l.Text[:m[0]], 40), Exact: l.Text[m[0]:m[1]], Suffix: head(l.Text[m[1]:], 40)})
			}
		}
	}
	page, err := presentation.NewSearchPage(spec)
	if err != nil {
		s.apiServerError(w, r, err)
		return
	}
	w.Header().Set("Access-Control-Allow-Origin", "*")
	w.Header().Set("Content-Type", `application/ld+json;profile="http://iiif.io/api/search/2/context.json"`)
	json.NewEncoder(w).Encode(page)
}

// searchTerm is a folded word to find; prefix when the query ended it with *.
type searchTerm struct {
	word   string
	prefix bool
}

func searchTerms(q string) []searchTerm {
	var out []searchTerm
	for _, f := range strings.Fields(q) {
		prefix := strings.HasSuffix(f, "*")
		f = strings.Trim(f, "*\"'")
		if f == "" {
			continue
		}
		out = append(out, searchTerm{word: index.Fold(f), prefix: prefix})
	}
	return out
}

// matchLine returns the byte spans of the line's words matching a term. A
// word is a run of letters and digits, compared folded (case, accents); in
// Chinese, Japanese and Korean, written without spaces between words, a
// term is found anywhere inside a run.
func matchLine(text string, terms []searchTerm) [][2]int {
	var out [][2]int
	for start, end := range wordSpans(text) {
		out = append(out, matchWord(text[start:end], start, terms)...)
	}
	return out
}

// matchWord is the spans of a word (at offset start in its line) that the
// first term matching it finds.
func matchWord(word string, start int, terms []searchTerm) [][2]int {
	folded := index.Fold(word)
	for _, t := range terms {
		if folded == t.word || t.prefix && strings.HasPrefix(folded, t.word) {
			return [][2]int{{start, start + len(word)}}
		}
		if !cjk(t.word) {
			continue
		}
		var out [][2]int
		for off := 0; ; {
			i := strings.Index(word[off:], t.word)
			if i < 0 {
				break
			}
			out = append(out, [2]int{start + off + i, start + off + i + len(t.word)})
			off += i + len(t.word)
		}
		if out != nil {
			return out
		}
	}
	return nil
}

func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func cjk(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana) {
			return true
		}
	}
	return false
}

// head and tail cut s to about n bytes, at a character's edge.
func head(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}
