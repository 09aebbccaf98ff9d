package main

import (
	"context"
	"flag"
	"fmt"
	"html"
	"strings"

	"fond/internal/search"
)

func runSearch(ctx context.Context, e *env, args []string) error {
	fs := e.flags("search")
	asJSON := fs.Bool("json", false, `print {"total","hits":[…]} as JSON`)
	limit := fs.Int("limit", search.DefaultLimit, "hits per page")
	offset := fs.Int("offset", 0, "skip the first N hits")
	sort := fs.String("sort", search.SortRelevance, "relevance, date (oldest first) or -date")
	dates := fs.String("dates", search.DateOverlap, "how --from/--to match a record's date: overlap or within")
	match := fs.String("match", search.MatchMost, "most: documents with every word first, then those with most of them, and near spellings of rare words; all: every word")
	from := fs.String("from", "", "earliest date: 1949, 1950-04 or 1950-04-15")
	to := fs.String("to", "", "latest date")
	facets := fs.Bool("facets", false, "with --json: add facet counts (always on with --json)")
	limits := searchLimitFlags(fs)
	filters := map[string]*string{}
	for _, f := range []string{"title", "person", "place", "type", "repository", "fond", "language", "category", "collection"} {
		filters[f] = fs.String(f, "", "only records whose "+f+" matches")
	}
	words, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	for _, f := range []string{"title", "person", "place", "type", "repository", "fond", "language", "category", "collection"} {
		if v := strings.TrimSpace(*filters[f]); v != "" {
			words = append(words, f+`:"`+strings.ReplaceAll(v, `"`, "")+`"`)
		}
	}
	if *from != "" || *to != "" {
		words = append(words, "date:"+*from+".."+*to)
	}
	if len(words) == 0 {
		return fmt.Errorf("%w: give a query or a filter", errUsage)
	}
	st, err := e.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	res, err := st.Search(ctx, search.Query{Text: strings.Join(words, " "), Limit: *limit, Offset: *offset, Sort: *sort,
		DateMode: *dates, Facets: *asJSON || *facets, Limits: *limits, Match: *match,
		// The command line on the server sees everything, drafts included.
		Unpublished: true})
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e, res)
	}
	fmt.Fprintf(e.stdout, "%d results\n", res.Total)
	for _, c := range res.Capped {
		fmt.Fprintf(e.stdout, "  note: %s (--max-prefix-expansion raises the limit)\n", c)
	}
	for _, name := range []string{"type", "repository", "person", "decade"} {
		if fc := res.Facets[name]; len(fc) > 0 {
			var parts []string
			for _, c := range fc[:min(len(fc), 6)] {
				parts = append(parts, fmt.Sprintf("%s (%d)", c.Value, c.Count))
			}
			fmt.Fprintf(e.stdout, "  %s: %s\n", name, strings.Join(parts, ", "))
		}
	}
	for _, h := range res.Hits {
		fmt.Fprintf(e.stdout, "\n%s  %s  %s\n", h.ID, h.Date.EDTF, h.Title)
		fmt.Fprintf(e.stdout, "    %s\n", terminalSnippet(h.Snippet))
	}
	return nil
}

// terminalSnippet shows highlighted words in brackets: the snippet is HTML.
func terminalSnippet(s string) string {
	s = strings.NewReplacer("<mark>", "[", "</mark>", "]").Replace(s)
	return html.UnescapeString(s)
}

// searchLimitFlags registers the query limits on fs, defaulting to
// search.DefaultLimits. On the command line the archive is the user's own, so
// a historian who wants every word of a short prefix, or page 900, may ask.
func searchLimitFlags(fs *flag.FlagSet) *search.Limits {
	l := search.DefaultLimits
	fs.IntVar(&l.MaxQueryBytes, "max-query-bytes", l.MaxQueryBytes, "refuse queries longer than this many bytes")
	fs.IntVar(&l.MaxTerms, "max-terms", l.MaxTerms, "refuse queries of more terms (words, words of phrases, CJK character pairs)")
	fs.IntVar(&l.MaxDepth, "max-depth", l.MaxDepth, "refuse parentheses nested deeper")
	fs.IntVar(&l.MaxPrefixExpansion, "max-prefix-expansion", l.MaxPrefixExpansion, "search at most this many words (the most frequent) for a prefix*")
	fs.IntVar(&l.MaxOffset, "max-offset", l.MaxOffset, "refuse pages ending past this many results (--offset + --limit)")
	fs.DurationVar(&l.MaxDuration, "max-duration", l.MaxDuration, "stop a search that takes longer")
	return &l
}
