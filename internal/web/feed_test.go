package web

import (
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fond/internal/record"
)

// feedparse reads a feed with Debian's python3-feedparser, a real feed reader,
// and returns what it understood; CI installs it, elsewhere the test skips.
func feedparse(t *testing.T, body string) map[string]any {
	t.Helper()
	// Debian's interpreter, which sees Debian's python3-feedparser; a python3
	// earlier on PATH (pyenv, a virtualenv) may not.
	py := "/usr/bin/python3"
	if _, err := os.Stat(py); err != nil {
		py = "python3"
	}
	check := exec.Command(py, "-c", "import feedparser")
	if err := check.Run(); err != nil {
		if os.Getenv("FOND_REQUIRE_TOOLS") != "" {
			t.Fatal("python3-feedparser not installed; .ci/run should have installed it")
		}
		t.Skip("skipping: python3-feedparser not installed (apt-get install python3-feedparser)")
	}
	path := filepath.Join(t.TempDir(), "feed.atom")
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(py, "-c", `
import feedparser, json, sys
d = feedparser.parse(sys.argv[1])
print(json.dumps({"bozo": d.bozo, "error": str(d.get("bozo_exception", "")), "version": d.version,
  "title": d.feed.get("title"), "self": [l.href for l in d.feed.get("links", []) if l.rel == "self"],
  "entries": [{"id": e.id, "title": e.title, "link": e.link, "updated": e.get("updated"), "tags": [x.term for x in e.get("tags", [])]} for e in d.entries]}))
`, path).Output()
	if err != nil {
		t.Fatalf("feedparser: %v", err)
	}
	var got map[string]any
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	return got
}

func TestFeeds(t *testing.T) {
	ts, _ := limitedServer(t, DefaultLimits,
		record.Record{ID: "x1", Title: "Telegram on credit & <loans>", Type: "Telegram", Category: record.Primary, Body: "Credit was asked for.",
			Date: record.Date{EDTF: "1950-04", Display: "April 1950", Earliest: "1950-04-01", Latest: "1950-04-30"}},
		record.Record{ID: "x2", Title: "Report on cotton", Type: "Report", Category: record.Primary, Body: "Cotton was discussed."})
	code, h, body := get(t, ts.URL+"/feed.atom")
	if code != http.StatusOK || !strings.HasPrefix(h.Get("Content-Type"), "application/atom+xml") {
		t.Fatalf("/feed.atom: %d %s", code, h.Get("Content-Type"))
	}
	f := feedparse(t, body)
	entries, _ := f["entries"].([]any)
	if f["bozo"] != false || f["version"] != "atom10" || len(entries) != 2 {
		t.Fatalf("the whole archive's feed as feedparser read it: %v", f)
	}
	first := entries[0].(map[string]any)
	// Newest addition first: x2 was stored after x1.
	if first["link"] != ts.URL+"/documents/x2" || first["updated"] == nil {
		t.Errorf("entry: %v", first)
	}
	// A search's feed holds only what the search finds, newest first.
	_, _, body = get(t, ts.URL+"/search.atom?q=credit&type=Telegram")
	f = feedparse(t, body)
	entries, _ = f["entries"].([]any)
	if f["bozo"] != false || len(entries) != 1 || entries[0].(map[string]any)["title"] != "Telegram on credit & <loans>" ||
		!strings.Contains(f["title"].(string), "credit") {
		t.Errorf("a search's feed: %v", f)
	}
	// Pages point readers at their feed.
	_, _, page := get(t, ts.URL+"/search?q=credit")
	if !strings.Contains(page, `rel="alternate" type="application/atom+xml"`) || !strings.Contains(page, `/search.atom?q=credit`) {
		t.Error("the search page does not link its feed")
	}
	if code, _, _ := get(t, ts.URL+"/search.atom?sort=bogus"); code != http.StatusBadRequest {
		t.Errorf("a feed with a bad parameter: %d", code)
	}
}
