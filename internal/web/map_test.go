package web

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// The map draws each place with documents as a link that searches them,
// counted in any spelling, with the land from the vendored outlines; the
// table says the same without the picture.
func TestMapOfPlaces(t *testing.T) {
	ts, _, _ := newAccessServer(t, nil)
	code, _, body := get(t, ts.URL+"/map")
	if code != http.StatusOK {
		t.Fatalf("/map: %d", code)
	}
	if m := regexp.MustCompile(`<path id="land" d="M[0-9. LMZ-]+"`).FindString(body); len(m) < 10000 {
		t.Error("no land outline on the map")
	}
	dot := `<a href="/search?place=Pyongyang&amp;sort=date" aria-label="Pyongyang: 1 document"><circle`
	if strings.Count(body, dot) != 2 {
		t.Errorf("Pyongyang is not drawn once on the world and once in the inset (%d)", strings.Count(body, dot))
	}
	if !regexp.MustCompile(`<td><a href="/search\?place=Pyongyang&amp;sort=date">Pyongyang</a></td><td>1</td><td>39.02, 125.75</td>`).MatchString(body) {
		t.Error("Pyongyang's row is missing from the table")
	}
	// A place no published document names is listed, not drawn.
	if !strings.Contains(body, "<td>Havana</td><td>0</td>") || strings.Contains(body, `aria-label="Havana`) {
		t.Error("a place without documents is drawn, or not listed")
	}
	if code, _, _ := get(t, ts.URL+"/search?place=Pyongyang&sort=date"); code != http.StatusOK {
		t.Errorf("a place's link: %d", code)
	}
}
