package web

import (
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"fond/internal/store"
)

// authorityID is the shape of an authority's id: the starter file's
// ("kim-il-sung"), which addresses carry as they are.
var authorityID = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,63}$`)

// handleAuthoritySplit undoes a wrong merge: one variant of the authority
// becomes an authority of its own (new_id, the same kind), for when a
// spelling turns out to name someone else. The form names the version it was
// loaded at (409 when the authority changed since); a bad id or variant is a
// 422 on the edit page. Both authorities' histories record it; then the new
// one's edit form (303), to give it dates and other forms.
func (s *Server) handleAuthoritySplit(w http.ResponseWriter, r *http.Request) {
	variant, newID := strings.TrimSpace(r.PostFormValue("variant")), strings.TrimSpace(r.PostFormValue("new_id"))
	f, i, unlock, ok := s.lockAuthority(w, r)
	if !ok {
		return
	}
	defer unlock()
	a := f.Authorities[i]
	errs := map[string]string{}
	switch {
	case !authorityID.MatchString(newID):
		errs["new_id"] = "an id is lower-case letters, digits and hyphens (at most 64), as “kim-il-sung”"
	case func() bool { _, taken := f.ByID(newID); return taken }():
		errs["new_id"] = "this id is taken: choose another"
	}
	if i := slices.IndexFunc(a.Variants, func(v string) bool { return strings.EqualFold(v, variant) }); i >= 0 {
		variant = a.Variants[i] // as the file spells it
	} else {
		errs["variant"] = "choose one of this authority's other forms"
	}
	if len(errs) > 0 {
		s.authorityPage(w, http.StatusUnprocessableEntity, a, authorityFormOf(a), errs, "Not split: correct the fields marked below.")
		return
	}
	if r.PostFormValue("version") != authorityVersion(a) {
		s.authorityPage(w, http.StatusConflict, a, authorityFormOf(a), nil, "Someone changed this authority after you loaded it; nothing was split. Look again and split anew.")
		return
	}
	nf, err := f.Split(a.ID, variant, newID)
	if err != nil {
		s.serverError(w, err)
		return
	}
	if !s.saveAuthorities(w, r, nf.Authorities) {
		return
	}
	s.audit(r, store.AuditAuthority, a.ID, "split: “"+variant+"” moved to "+newID)
	s.audit(r, store.AuditAuthority, newID, "split from "+a.ID+": made from its form “"+variant+"”")
	http.Redirect(w, r, "/authorities/"+url.PathEscape(newID)+"/edit", http.StatusSeeOther)
}
