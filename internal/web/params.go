package web

import (
	"net/url"
	"sort"
	"strconv"
	"strings"

	"fond/internal/i18n"
	"fond/internal/search"
)

// filterParams are the facet filters a search URL may carry, each a field of the
// query syntax. Keeping them as separate parameters (not folded into q) lets a
// facet link toggle one filter and keeps permalinks readable.
var filterParams = []string{"type", "category", "repository", "language", "person", "place", "collection", "subject",
	"withheld", "exemption", "released_later"}

// searchParams is one search as its URL says it.
type searchParams struct {
	Q       string
	Filters map[string][]string
	From    string // date range bounds as typed: 1949, 1950-04, 1950-04-15
	To      string
	Dates   string // overlap | within
	Sort    string
	Match   string // all | most (the default: partial matches after exact ones)
	Page    int
	Limit   int
}

// paramError is a request parameter that cannot be served, with the reason in
// words a reader can act on: a message key and its arguments, said in the
// page's language (the JSON API says it in English, for programs).
type paramError struct {
	Param string
	Key   string
	Args  []any
}

// reason is why the parameter cannot be served, in p's language.
func (e *paramError) reason(p i18n.Printer) string { return p.T(e.Key, e.Args...) }

func (e *paramError) Error() string { return e.Param + ": " + e.reason(i18n.For(i18n.EN)) }

// wholeNumber reads an optional positive whole number; absent is def.
func wholeNumber(v url.Values, name string, def, most int) (int, *paramError) {
	s := v.Get(name)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 0, &paramError{name, "param.whole", []any{strconv.Quote(truncate(s, 40))}}
	}
	if n > most {
		return 0, &paramError{name, "param.atmost", []any{most}}
	}
	return n, nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return strings.ToValidUTF8(s[:n], "") + "…"
}

func parseParams(v url.Values, maxPage int) (searchParams, *paramError) {
	p := searchParams{Q: strings.TrimSpace(v.Get("q")), Filters: map[string][]string{}, From: v.Get("from"), To: v.Get("to"),
		Dates: v.Get("dates"), Sort: v.Get("sort"), Match: v.Get("match")}
	for _, f := range filterParams {
		for _, val := range v[f] {
			if val = strings.TrimSpace(val); val != "" {
				p.Filters[f] = append(p.Filters[f], val)
			}
		}
	}
	for _, name := range []string{"from", "to"} {
		if d := strings.TrimSpace(v.Get(name)); d != "" {
			if _, ok := search.ParseDateRange(d); !ok || strings.Contains(d, "..") {
				return p, &paramError{name, "param.date", []any{strconv.Quote(truncate(d, 40))}}
			}
		}
	}
	switch p.Sort {
	case "", search.SortRelevance, search.SortDateAsc, search.SortDateDesc, search.SortAddedDesc:
	default:
		return p, &paramError{"sort", "param.sort", nil}
	}
	switch p.Match {
	case "", search.MatchAll, search.MatchMost:
	default:
		return p, &paramError{"match", "param.match", nil}
	}
	switch p.Dates {
	case "", search.DateOverlap, search.DateWithin:
	default:
		return p, &paramError{"dates", "param.dates", nil}
	}
	var perr *paramError
	if p.Page, perr = wholeNumber(v, "page", 1, maxPage); perr != nil {
		return p, perr
	}
	if p.Limit, perr = wholeNumber(v, "limit", 0, maxLimit); perr != nil {
		return p, perr
	}
	return p, nil
}

// maxLimit is the most hits one page may ask for (search.Query's own cap).
const maxLimit = 1000

// query turns the parameters into fond's query syntax.
func (p searchParams) query() search.Query {
	parts := []string{}
	if p.Q != "" {
		parts = append(parts, "("+p.Q+")")
	}
	for _, f := range filterParams {
		for _, val := range p.Filters[f] {
			// Quotes cannot be escaped in the query syntax; a value that was
			// nothing but quotes would be an empty filter, which matches all.
			if val = strings.TrimSpace(strings.ReplaceAll(val, `"`, "")); val != "" {
				parts = append(parts, f+`:"`+val+`"`)
			}
		}
	}
	if p.From != "" || p.To != "" {
		parts = append(parts, "date:"+p.From+".."+p.To)
	}
	q := search.Query{Text: strings.Join(parts, " "), Sort: p.Sort, DateMode: p.Dates, Limit: p.Limit, Facets: true, Match: p.Match}
	if q.Match == "" {
		q.Match = search.MatchMost
	}
	q.Normalize()
	q.Offset = (p.Page - 1) * q.Limit
	return q
}

// values is the URL form of the parameters, for links.
func (p searchParams) values() url.Values {
	v := url.Values{}
	if p.Q != "" {
		v.Set("q", p.Q)
	}
	for f, vals := range p.Filters {
		for _, val := range vals {
			v.Add(f, val)
		}
	}
	for k, val := range map[string]string{"from": p.From, "to": p.To, "dates": p.Dates, "match": p.Match} {
		if val != "" {
			v.Set(k, val)
		}
	}
	if p.Sort != "" && p.Sort != search.SortRelevance {
		v.Set("sort", p.Sort)
	}
	if p.Page > 1 {
		v.Set("page", strconv.Itoa(p.Page))
	}
	if p.Limit > 0 && p.Limit != search.DefaultLimit {
		// A page size chosen by the reader survives paging and facet links.
		v.Set("limit", strconv.Itoa(p.Limit))
	}
	return v
}

func (p searchParams) url() string {
	if e := p.values().Encode(); e != "" {
		return "/search?" + e
	}
	return "/search"
}

func (p searchParams) clone() searchParams {
	c := p
	c.Filters = map[string][]string{}
	for k, v := range p.Filters {
		c.Filters[k] = append([]string(nil), v...)
	}
	return c
}

// toggle returns the URL with one filter value added, or removed if present;
// pagination restarts because the result set changes.
func (p searchParams) toggle(field, value string) string {
	c := p.clone()
	c.Page = 1
	vals := c.Filters[field]
	for i, v := range vals {
		if v == value {
			c.Filters[field] = append(vals[:i], vals[i+1:]...)
			return c.url()
		}
	}
	c.Filters[field] = append(vals, value)
	return c.url()
}

func (p searchParams) active(field, value string) bool {
	for _, v := range p.Filters[field] {
		if v == value {
			return true
		}
	}
	return false
}

func (p searchParams) withPage(n int) string {
	c := p.clone()
	c.Page = n
	return c.url()
}

func (p searchParams) withMatch(m string) string {
	c := p.clone()
	c.Page, c.Match = 1, m
	return c.url()
}

func (p searchParams) withDates(from, to string) string {
	c := p.clone()
	c.Page, c.From, c.To = 1, from, to
	return c.url()
}

// activeFilters lists the filters in effect, each with the link that removes it.
func (p searchParams) activeFilters() []facetLink {
	var out []facetLink
	fields := make([]string, 0, len(p.Filters))
	for f := range p.Filters {
		fields = append(fields, f)
	}
	sort.Strings(fields)
	for _, f := range fields {
		for _, v := range p.Filters[f] {
			out = append(out, facetLink{Field: f, Value: v, Label: v, URL: p.toggle(f, v), Active: true})
		}
	}
	return out
}

type facetLink struct {
	Field, Value, Label, URL string
	Count                    int
	Active                   bool
}

// apiParams are the parameters /api/search takes; any other is refused, so
// that a misspelt filter is an error rather than a silently wider search.
var apiParams = map[string]bool{"q": true, "from": true, "to": true, "dates": true, "sort": true, "page": true, "limit": true, "facets": true, "match": true}

func init() {
	for _, f := range filterParams {
		apiParams[f] = true
	}
}

// checkAPIParams refuses unknown parameters and a facets value that is not a
// yes or no.
func checkAPIParams(v url.Values) *paramError {
	names := make([]string, 0, len(v))
	for k := range v {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		if !apiParams[k] {
			return &paramError{k, "param.notapi", nil}
		}
	}
	switch v.Get("facets") {
	case "", "0", "1", "true", "false":
	default:
		return &paramError{"facets", "param.facets", nil}
	}
	return nil
}
