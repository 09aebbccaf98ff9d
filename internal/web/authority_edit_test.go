package web

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"fond/internal/store"
)

var versionField = regexp.MustCompile(`name="version" value="([0-9a-f]+)"`)

// loadAuthorityForm loads an authority's edit form and returns its values as the
// browser would send them back.
func loadAuthorityForm(t *testing.T, c *client, st store.Store, id string) url.Values {
	t.Helper()
	status, _, body := c.get(t, "/authorities/"+id+"/edit")
	if status != http.StatusOK {
		t.Fatalf("edit form of %s: %d", id, status)
	}
	if err := checkHTML(body); err != nil {
		t.Errorf("edit form: %v", err)
	}
	m := versionField.FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no version in the form")
	}
	f, err := st.Authorities(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	a, _ := f.ByID(id)
	return url.Values{"version": {m[1]}, "kind": {a.Kind}, "preferred": {a.Preferred}, "dates": {a.Dates},
		"variants": {strings.Join(a.Variants, "\n")}, "roles": {strings.Join(a.Roles, "\n")}}
}

// An editor adds a form and corrects the dates: saved, resolved at once,
// in the authority's history (escaped) with who did it.
func TestAuthorityEdit(t *testing.T) {
	ts, st, _ := newAccessServer(t, nil)
	ctx := context.Background()
	ed := loginAs(t, ts.URL, store.RoleEditor)
	form := loadAuthorityForm(t, ed, st, "stalin")
	form.Set("dates", "1878–1953")
	form.Set("variants", form.Get("variants")+"\n<script>alert('s')</script> \"Koba\"\nKoba\nkoba\n\n")
	status, h, body := ed.postForm(t, "/authorities/stalin/edit", form)
	if status != http.StatusSeeOther || h.Get("Location") != "/authorities/stalin/history" {
		t.Fatalf("save: %d %q %.300s", status, h.Get("Location"), body)
	}
	f, _ := st.Authorities(ctx)
	a, _ := f.ByID("stalin")
	if a.Dates != "1878–1953" || !strings.Contains(strings.Join(a.Variants, "|"), "|Koba") || strings.Count(strings.ToLower(strings.Join(a.Variants, "|")), "|koba") != 1 {
		t.Errorf("saved %+v", a)
	}
	if m, ok := f.Resolve("Koba"); !ok || m.Authority.ID != "stalin" {
		t.Error("the new form does not resolve to Stalin")
	}
	_, _, hist := ed.get(t, "/authorities/stalin/history")
	if !strings.Contains(hist, "editor1") || !strings.Contains(hist, "&#43;“Koba”") || !strings.Contains(hist, "1878–1953") {
		t.Errorf("history lacks the change: %.2000s", hist)
	}
	if strings.Contains(hist, "<script>alert") {
		t.Error("history shows a form unescaped")
	}
	if err := checkHTML(hist); err != nil {
		t.Errorf("history page: %v", err)
	}
	if _, _, page := ed.get(t, "/authorities/stalin/edit"); strings.Contains(page, "<script>alert") {
		t.Error("edit form shows a form unescaped")
	}
	if _, _, page := ed.get(t, "/people/Stalin"); !strings.Contains(page, `href="/authorities/stalin/edit"`) {
		t.Error("the person's page does not link the edit form for editors")
	}
	if _, _, page := newClient(t, ts.URL).get(t, "/people/Stalin"); strings.Contains(page, "/authorities/") {
		t.Error("readers see the staff links")
	}
}

// Bad values are refused beside their fields, and a stale form changes nothing.
func TestAuthorityEditRefusals(t *testing.T) {
	ts, st, _ := newAccessServer(t, nil)
	ctx := context.Background()
	ed := loginAs(t, ts.URL, store.RoleEditor)
	before, _ := st.Authorities(ctx)
	orig, _ := before.ByID("stalin")
	for name, c := range map[string]struct{ field, value, want string }{
		"no name":       {"preferred", "  ", "a preferred name is required"},
		"bad kind":      {"kind", "god", "must be person, place or organisation"},
		"control":       {"dates", "18\x0078", "contains control characters"},
		"long name":     {"preferred", strings.Repeat("x", 201), "at most 200 characters"},
		"many variants": {"variants", manyLines(501), "at most 500 lines"},
	} {
		form := loadAuthorityForm(t, ed, st, "stalin")
		form.Set(c.field, c.value)
		status, _, body := ed.postForm(t, "/authorities/stalin/edit", form)
		if status != http.StatusUnprocessableEntity || !strings.Contains(body, c.want) || !strings.Contains(body, `aria-invalid="true"`) {
			t.Errorf("%s: %d, want 422 with %q", name, status, c.want)
		}
		if err := checkHTML(body); err != nil {
			t.Errorf("%s: refused page: %v", name, err)
		}
	}
	stale := loadAuthorityForm(t, ed, st, "stalin")
	fresh := loadAuthorityForm(t, ed, st, "stalin")
	fresh.Set("dates", "1879-1953")
	if status, _, _ := ed.postForm(t, "/authorities/stalin/edit", fresh); status != http.StatusSeeOther {
		t.Fatalf("first save: %d", status)
	}
	stale.Set("preferred", "Stalin <b>the second</b>")
	status, _, body := ed.postForm(t, "/authorities/stalin/edit", stale)
	if status != http.StatusConflict || !strings.Contains(body, "What you submitted") || !strings.Contains(body, "Stalin &lt;b&gt;the second&lt;/b&gt;") {
		t.Errorf("stale save: %d", status)
	}
	f, _ := st.Authorities(ctx)
	if a, _ := f.ByID("stalin"); a.Preferred != orig.Preferred || a.Dates != "1879-1953" {
		t.Errorf("after refusals: %+v", a)
	}
	if status, _, _ := ed.get(t, "/authorities/nobody/edit"); status != http.StatusNotFound {
		t.Errorf("unknown authority: %d", status)
	}
	c := loginAs(t, ts.URL, store.RoleContributor)
	if status, _, _ := c.get(t, "/authorities/stalin/edit"); status != http.StatusForbidden {
		t.Errorf("contributor opens the edit form: %d", status)
	}
	if status, _, _ := c.get(t, "/authorities/stalin/history"); status != http.StatusOK {
		t.Errorf("contributor reads the history: %d", status)
	}
}

// A wrong merge split: one form becomes its own authority, in both histories.
func TestAuthoritySplit(t *testing.T) {
	ts, st, _ := newAccessServer(t, nil)
	ctx := context.Background()
	ed := loginAs(t, ts.URL, store.RoleEditor)
	form := loadAuthorityForm(t, ed, st, "stalin")
	split := func(variant, newID, version string) (int, http.Header, string) {
		return ed.postForm(t, "/authorities/stalin/split", url.Values{"variant": {variant}, "new_id": {newID}, "version": {version}})
	}
	for name, c := range map[string][2]string{
		"bad id":      {"Filippov", "Bad Id"},
		"taken id":    {"Filippov", "kim-il-sung"},
		"not a form":  {"Churchill", "churchill-2"},
		"script's id": {"Filippov", "<script>"},
	} {
		if status, _, body := split(c[0], c[1], form.Get("version")); status != http.StatusUnprocessableEntity || strings.Contains(body, "<script>") {
			t.Errorf("%s: %d, want 422 (and nothing unescaped)", name, status)
		}
	}
	if status, _, _ := split("Filippov", "filippov", "0000000000000000"); status != http.StatusConflict {
		t.Errorf("stale split: %d", status)
	}
	status, h, _ := split("filippov", "filippov", form.Get("version"))
	if status != http.StatusSeeOther || h.Get("Location") != "/authorities/filippov/edit" {
		t.Fatalf("split: %d %q", status, h.Get("Location"))
	}
	f, _ := st.Authorities(ctx)
	s, _ := f.ByID("stalin")
	n, ok := f.ByID("filippov")
	if !ok || n.Preferred != "Filippov" || n.Kind != "person" || strings.Contains(strings.Join(s.Variants, "|"), "Filippov") {
		t.Errorf("after the split: %+v, %+v", n, s.Variants)
	}
	if m, ok := f.Resolve("Filippov"); !ok || m.Authority.ID != "filippov" {
		t.Errorf("Filippov resolves to %+v", m.Authority)
	}
	for id, want := range map[string]string{"stalin": "moved to filippov", "filippov": "split from stalin"} {
		if log, _ := st.AuditLog(ctx, store.AuditQuery{Action: store.AuditAuthority, Target: id}); len(log) != 1 || !strings.Contains(log[0].Detail, want) {
			t.Errorf("history of %s: %+v", id, log)
		}
	}
}

func manyLines(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString("form ")
		b.WriteString(strings.Repeat("x", i%7+1))
		b.WriteString(string(rune('a' + i%26)))
		b.WriteString(strings.Repeat("y", i/26))
		b.WriteString("\n")
	}
	return b.String()
}
