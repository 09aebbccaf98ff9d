package dahtml

import (
	"testing"
	"unicode/utf8"

	"fond/internal/testutil"
)

// FuzzParse: any valid text (what Decode hands on) parses to a page of valid
// text or to an error, never a panic; NUL and character references to it come
// out as U+FFFD.
func FuzzParse(f *testing.F) {
	f.Add([]byte(`<!DOCTYPE html><html><head><title>Telegram | Archive</title><meta name="citation_title" content="Telegram"></head><body><h1>Telegram</h1><p>Moscow, 5 March 1949</p><ul><li>One</li></ul><p>Text &amp; more &#0; &#x1;</p></body></html>`))
	f.Add([]byte("<html><head><meta charset=koi8-r></head><body><p>Текст \x00</p><script>x</script><table><tr><td>a<td>b</table>"))
	f.Add([]byte("<html><head><head><body><div><div><div><p>deep"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 || !utf8.Valid(data) {
			return
		}
		Detect(data)
		p, err := Parse(data)
		if err != nil {
			return
		}
		if bad := testutil.BadText(p); bad != "" {
			t.Fatalf("page: %s", bad)
		}
	})
}
