package cite

import (
	"encoding/json"
	"strings"

	"fond/internal/record"
)

// CSLJSON renders an array with one CSL-JSON item, the form Zotero imports.
// Types: "manuscript" for archival documents, "post-weblog" for blog posts,
// "post" for mailing-list posts, "article-journal" for articles. Names are
// literal: splitting "Kim Il Sung" into family and given names is not safe.
func CSLJSON(r *record.Record) ([]byte, error) {
	typ := "manuscript"
	switch strings.ToLower(r.Type) {
	case "blog post":
		typ = "post-weblog"
	case "mailing list post":
		typ = "post"
	case "article", "journal article":
		typ = "article-journal"
	}
	item := map[string]any{"id": r.ID, "type": typ, "title": r.Title}
	lit := func(list []string) []map[string]string {
		var out []map[string]string
		for _, n := range list {
			out = append(out, map[string]string{"literal": n})
		}
		return out
	}
	if a := lit(r.Authors); a != nil {
		item["author"] = a
	}
	if t := lit(r.Translators); t != nil {
		item["translator"] = t
	}
	if issued := cslDate(r.Date); issued != nil {
		item["issued"] = issued
	}
	if r.Publisher != "" {
		item["publisher"] = r.Publisher
	}
	if r.Collection != nil && r.Collection.Title != "" {
		item["container-title"] = r.Collection.Title
	}
	if len(r.Sources) > 0 {
		item["archive"] = r.Sources[0].Repository
		item["archive_location"] = references(r)
	}
	if r.URL != "" {
		item["URL"] = r.URL
	}
	if r.Summary != "" {
		item["abstract"] = r.Summary
	}
	item["genre"] = r.Type
	return json.MarshalIndent([]any{item}, "", "  ")
}

func cslDate(d record.Date) map[string]any {
	if len(d.Earliest) != 10 {
		return nil
	}
	parts := func(s string, prec int) []int {
		out := []int{atoi(s[:4]), atoi(s[5:7]), atoi(s[8:10])}
		return out[:prec]
	}
	prec := 3
	if d.Earliest[:7] != d.Latest[:7] {
		prec = 1
	} else if d.Earliest != d.Latest {
		prec = 2
	}
	dp := [][]int{parts(d.Earliest, prec)}
	if strings.Contains(d.EDTF, "/") {
		dp = [][]int{parts(d.Earliest, 3), parts(d.Latest, 3)}
	}
	out := map[string]any{"date-parts": dp}
	if d.Qualifier == record.Approximate || d.Qualifier == record.Inferred || d.Qualifier == record.Uncertain {
		out["circa"] = true
	}
	if d.Display != "" {
		out["raw"] = d.Display
	}
	return out
}
