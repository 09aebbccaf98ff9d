package web

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"fond/internal/names"
	"fond/internal/store"
)

// Bounds on an authority as a form may set it: far beyond any real one, so
// that one form cannot make the file (read on every name lookup) huge.
const (
	maxAuthorityName  = 200
	maxAuthorityForms = 500
	maxAuthorityRoles = 50
	maxAuthorityDates = 100
)

var authorityKinds = []string{"person", "place", "organisation"}

// authorityForm is the edit form of one authority, as typed.
type authorityForm struct {
	Kind, Preferred, Dates string
	Variants, Roles        string // one per line
	Version                string // the authority's version when the form was loaded
}

// authorityVersion names an authority's content: the form carries it, and a
// save is refused when the authority changed since.
func authorityVersion(a names.Authority) string {
	b, _ := json.Marshal(a)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8])
}

func authorityFormOf(a names.Authority) authorityForm {
	return authorityForm{Kind: a.Kind, Preferred: a.Preferred, Dates: a.Dates, Variants: strings.Join(a.Variants, "\n"),
		Roles: strings.Join(a.Roles, "\n"), Version: authorityVersion(a)}
}

func parseAuthorityForm(r *http.Request) authorityForm {
	return authorityForm{Kind: r.PostFormValue("kind"), Preferred: strings.TrimSpace(r.PostFormValue("preferred")),
		Dates: strings.TrimSpace(r.PostFormValue("dates")), Variants: r.PostFormValue("variants"), Roles: r.PostFormValue("roles"),
		Version: r.PostFormValue("version")}
}

// uniqueLines splits a textarea into its non-empty lines, trimmed, each once
// (ignoring case, as the authority file compares names).
func uniqueLines(s string) []string {
	var out []string
	for _, l := range lines(s) {
		if !slices.ContainsFunc(out, func(o string) bool { return strings.EqualFold(o, l) }) {
			out = append(out, l)
		}
	}
	return out
}

// validate returns the form's errors by field name, and the authority it
// describes (id from the address).
func (f authorityForm) validate(id string) (names.Authority, map[string]string) {
	errs := map[string]string{}
	text := func(field, v string, most int) {
		switch {
		case utf8.RuneCountInString(v) > most:
			errs[field] = "at most " + strconv.Itoa(most) + " characters"
		case strings.ContainsFunc(v, unicode.IsControl), !utf8.ValidString(v):
			errs[field] = "contains control characters"
		}
	}
	if !slices.Contains(authorityKinds, f.Kind) {
		errs["kind"] = "must be person, place or organisation"
	}
	if f.Preferred == "" {
		errs["preferred"] = "a preferred name is required"
	}
	text("preferred", f.Preferred, maxAuthorityName)
	text("dates", f.Dates, maxAuthorityDates)
	a := names.Authority{ID: id, Kind: f.Kind, Preferred: f.Preferred, Dates: f.Dates, Variants: uniqueLines(f.Variants), Roles: uniqueLines(f.Roles)}
	for field, list := range map[string][]string{"variants": a.Variants, "roles": a.Roles} {
		most := maxAuthorityForms
		if field == "roles" {
			most = maxAuthorityRoles
		}
		if len(list) > most {
			errs[field] = "at most " + strconv.Itoa(most) + " lines"
		}
		for _, v := range list {
			text(field, v, maxAuthorityName)
		}
	}
	// The preferred name is not also a variant.
	a.Variants = slices.DeleteFunc(a.Variants, func(v string) bool { return strings.EqualFold(v, a.Preferred) })
	return a, errs
}

// authorityPage renders the edit page of authority a: the form (as typed,
// with its errors) and the split form.
func (s *Server) authorityPage(w http.ResponseWriter, status int, a names.Authority, f authorityForm, errs map[string]string, msg string) {
	s.render(w, status, "authority_edit", map[string]any{"Title": printer(w).T("auth.edit.title", a.Preferred), "A": a, "Form": f, "Errors": errs,
		"Message": msg, "Kinds": authorityKinds})
}

// loadAuthority finds authority id in the current file, answering 404 itself.
func (s *Server) loadAuthority(w http.ResponseWriter, r *http.Request) (*names.File, int, bool) {
	f, err := s.raw.Authorities(r.Context())
	if err != nil {
		s.serverError(w, err)
		return nil, 0, false
	}
	id := r.PathValue("id")
	i := slices.IndexFunc(f.Authorities, func(a names.Authority) bool { return a.ID == id })
	if i < 0 {
		s.notFound(w, "notfound.authority", id)
		return nil, 0, false
	}
	return f, i, true
}

// lockAuthority is loadAuthority for a change: one at a time on this
// server, since the file is saved whole and two saves of different
// authorities must not both start from the same file. unlock ends it.
func (s *Server) lockAuthority(w http.ResponseWriter, r *http.Request) (f *names.File, i int, unlock func(), ok bool) {
	s.authMu.Lock()
	if f, i, ok = s.loadAuthority(w, r); !ok {
		s.authMu.Unlock()
		return nil, 0, nil, false
	}
	return f, i, s.authMu.Unlock, true
}

// handleAuthorityEdit shows the edit form of one authority record.
func (s *Server) handleAuthorityEdit(w http.ResponseWriter, r *http.Request) {
	f, i, ok := s.loadAuthority(w, r)
	if !ok {
		return
	}
	a := f.Authorities[i]
	s.authorityPage(w, http.StatusOK, a, authorityFormOf(a), nil, "")
}

// handleAuthorityEditPost saves one authority: refused with each error beside
// its field (422), or when the authority changed since the form was loaded
// (409, the stored values shown beside the submitted ones); then the file is
// saved whole, the change audit-logged (its history), and the browser goes
// to the authority's history (303).
func (s *Server) handleAuthorityEditPost(w http.ResponseWriter, r *http.Request) {
	form := parseAuthorityForm(r)
	f, i, unlock, ok := s.lockAuthority(w, r)
	if !ok {
		return
	}
	defer unlock()
	before := f.Authorities[i]
	after, errs := form.validate(before.ID)
	if len(errs) > 0 {
		s.authorityPage(w, http.StatusUnprocessableEntity, before, form, errs, printer(w).T("auth.notsaved"))
		return
	}
	if form.Version != authorityVersion(before) {
		s.render(w, http.StatusConflict, "authority_edit", map[string]any{"Title": printer(w).T("auth.edit.title", before.Preferred), "A": before, "Form": authorityFormOf(before),
			"Submitted": form, "Kinds": authorityKinds, "Errors": map[string]string{},
			"Message": printer(w).T("auth.conflict")})
		return
	}
	detail := authorityChange(before, after)
	if detail == "" {
		http.Redirect(w, r, "/authorities/"+url.PathEscape(before.ID)+"/history", http.StatusSeeOther)
		return
	}
	list := slices.Clone(f.Authorities)
	list[i] = after
	if !s.saveAuthorities(w, r, list) {
		return
	}
	s.audit(r, store.AuditAuthority, before.ID, "edited: "+detail)
	http.Redirect(w, r, "/authorities/"+url.PathEscape(before.ID)+"/history", http.StatusSeeOther)
}

// saveAuthorities indexes and stores the authority file, answering errors.
func (s *Server) saveAuthorities(w http.ResponseWriter, r *http.Request, list []names.Authority) bool {
	nf, err := names.New(list)
	if err == nil {
		err = s.raw.SetAuthorities(r.Context(), nf)
	}
	if err != nil {
		s.serverError(w, err)
		return false
	}
	return true
}

// authorityChange says what changed between two versions of an authority,
// for its history: "" when nothing did.
func authorityChange(a, b names.Authority) string {
	var parts []string
	field := func(name, from, to string) {
		if from != to {
			parts = append(parts, name+" “"+from+"” → “"+to+"”")
		}
	}
	field("kind", a.Kind, b.Kind)
	field("preferred", a.Preferred, b.Preferred)
	field("dates", a.Dates, b.Dates)
	list := func(name string, from, to []string) {
		var added, removed []string
		for _, v := range to {
			if !slices.Contains(from, v) {
				added = append(added, "+“"+v+"”")
			}
		}
		for _, v := range from {
			if !slices.Contains(to, v) {
				removed = append(removed, "−“"+v+"”")
			}
		}
		if len(added)+len(removed) > 0 {
			parts = append(parts, name+" "+strings.Join(append(added, removed...), " "))
		}
	}
	list("variants", a.Variants, b.Variants)
	list("roles", a.Roles, b.Roles)
	return strings.Join(parts, "; ")
}
