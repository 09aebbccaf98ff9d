package main

import (
	"context"
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
	words, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(words) == 0 {
		return fmt.Errorf("%w: give a query", errUsage)
	}
	st, err := e.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	res, err := st.Search(ctx, search.Query{Text: strings.Join(words, " "), Limit: *limit, Offset: *offset, Sort: *sort})
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e, res)
	}
	fmt.Fprintf(e.stdout, "%d results\n", res.Total)
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
