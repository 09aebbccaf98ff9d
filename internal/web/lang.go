package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"fond/internal/i18n"
	"fond/internal/record"
	"fond/internal/redact"
	"fond/internal/search"
	"fond/internal/subjects"
)

// langCookie keeps a reader's choice from the language switch.
const langCookie = "fond_lang"

// langYear is how long the switch's choice is kept.
const langYear = 365 * 24 * time.Hour

// localize chooses the interface language of a request: ?lang= (the switch
// on every page, which also sets the cookie, so it works without
// JavaScript), else the cookie, else Accept-Language, else English. The
// choice rides on the ResponseWriter, which render and every handler that
// writes words in Go hold.
func (s *Server) localize(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		lang := i18n.Negotiate(r.Header.Get("Accept-Language"))
		if c, err := r.Cookie(langCookie); err == nil {
			if l, ok := i18n.Parse(c.Value); ok {
				lang = l
			}
		}
		if v := r.URL.Query().Get("lang"); v != "" {
			if l, ok := i18n.Parse(v); ok {
				lang = l
				s.setCookie(w, langCookie, string(l), langYear)
			}
		}
		// A page's words depend on these headers: a shared cache must not
		// give one reader's language to another.
		w.Header().Add("Vary", "Accept-Language, Cookie")
		next.ServeHTTP(&langWriter{ResponseWriter: w, lang: lang, url: r.URL}, r)
	})
}

// langWriter carries the language (and the address, for the switch's links)
// to render.
type langWriter struct {
	http.ResponseWriter
	lang i18n.Lang
	url  *url.URL
}

func (w *langWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// unwrapTo finds the writer of type T in w's chain of wrappers.
func unwrapTo[T http.ResponseWriter](w http.ResponseWriter) (T, bool) {
	for {
		if t, ok := w.(T); ok {
			return t, true
		}
		u, ok := w.(interface{ Unwrap() http.ResponseWriter })
		if !ok {
			var zero T
			return zero, false
		}
		w = u.Unwrap()
	}
}

// printer writes in the language chosen for the response w answers.
func printer(w http.ResponseWriter) i18n.Printer {
	if lw, ok := unwrapTo[*langWriter](w); ok {
		return i18n.For(lw.lang)
	}
	return i18n.For(i18n.EN)
}

// langSwitch is one entry of the language switch.
type langSwitch struct {
	Code, Name, URL string
	Current         bool
}

// switchLinks are the switch's links: this page's address with ?lang= set.
func switchLinks(w *langWriter) []langSwitch {
	var out []langSwitch
	for _, l := range i18n.Langs {
		u := url.URL{Path: "/"}
		if w.url != nil {
			u = url.URL{Path: w.url.Path, RawQuery: w.url.RawQuery}
		}
		q := u.Query()
		q.Set("lang", string(l))
		u.RawQuery = q.Encode()
		out = append(out, langSwitch{Code: string(l), Name: l.Name(), URL: u.RequestURI(), Current: l == w.lang})
	}
	return out
}

// langFuncs are the template functions that write in p's language: t (a
// message), tn (a plural message, the count first), th (a message holding
// the catalogue's own markup, arguments escaped) and dateText.
func langFuncs(p i18n.Printer) template.FuncMap {
	return template.FuncMap{
		"t":        p.T,
		"tn":       p.N,
		"th":       p.HTML,
		"dateText": func(d record.Date) string { return p.Date(d.EDTF, d.Display, d.Qualifier) },
		// A withheld span's size ("1 paragraph (5 lines)") and a release's
		// line in a history ("1995: 3 paragraphs withheld").
		"extent":      func(r *record.Redaction) string { return extentText(p, *r) },
		"releaseLine": func(e redact.Entry) string { return releaseLine(p, e) },
		// A subject's label, and a form's "; "-joined subject ids as labels.
		"subjectLabel": func(id string) string { return subjects.Default().LabelIn(id, string(p.Lang)) },
		"subjectLabels": func(ids string) string {
			var out []string
			for _, id := range strings.Split(ids, "; ") {
				out = append(out, subjects.Default().LabelIn(id, string(p.Lang)))
			}
			return strings.Join(out, "; ")
		},
		// edtfText is a bare EDTF value as a date (the timeline's axis ends).
		"edtfText":   func(v string) string { return p.Date(v, v, "") },
		"facetLabel": func(l facetLink) string { return facetLabel(p, l) },
		"langName":   func(code string) string { return known(p, "language."+code, code) },
		"known":      func(key, fallback string) string { return known(p, key, fallback) },
		"noteKind":   func(kind string) string { return known(p, "note."+kind, kind) },
		"capped":     func(c search.Capped) string { return p.T("search.capped", c.Prefix, c.Matched, c.Used) },
		// A review queue's reason: its name, and what it asks of a person.
		"reasonName":  func(id string) string { return known(p, "reason."+id, id) },
		"reasonAbout": func(id, fallback string) string { return known(p, "reason."+id+".about", fallback) },
	}
}

// known is the message key when the catalogue has it, else fallback: for
// values from records (a language code, a note's kind) that the catalogue
// may not name.
func known(p i18n.Printer, key, fallback string) string {
	if _, ok := i18n.Raw(p.Lang, key); ok {
		return p.T(key)
	}
	return fallback
}

// facetLabel is a facet value as the interface says it: words of the
// vocabulary fond fixes (category, yes/no, language codes, decades, months)
// in the page's language; record data (types, names, titles) as it is.
func facetLabel(p i18n.Printer, l facetLink) string {
	switch l.Field {
	case "category":
		return known(p, "category."+l.Value, l.Label)
	case "withheld", "released_later":
		return known(p, "yesno."+l.Value, l.Label)
	case "language":
		return known(p, "language."+l.Value, l.Label)
	case "decade":
		if y, ok := strings.CutSuffix(l.Value, "0s"); ok {
			return p.T("date.decade", y+"0")
		}
	case "month":
		if y, m, ok := strings.Cut(l.Value, "-"); ok {
			if n, err := strconv.Atoi(m); err == nil && n >= 1 && n <= 12 {
				return p.T("date.month", p.MonthName(n), y)
			}
		}
	}
	return l.Label
}

// msgKey is a message argument that is itself a message key (a role, a
// status): translated with the message it goes into, so one call can say it
// in English to the API and in the page's language to a page.
type msgKey string

// say is p.T with msgKey arguments translated by p.
func say(p i18n.Printer, key string, args ...any) string {
	out := make([]any, len(args))
	for i, a := range args {
		if k, ok := a.(msgKey); ok {
			a = p.T(string(k))
		}
		out[i] = a
	}
	return p.T(key, out...)
}
