package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"fond/internal/auth"
	"fond/internal/store"
)

// loginPage shows the sign-in form, bound to a pre-login cookie so that its
// anti-forgery token means something before there is a session.
func (s *Server) loginPage(w http.ResponseWriter, r *http.Request, status int, message, name string) {
	pre := ""
	if c, err := r.Cookie(s.preCookie()); err == nil && len(c.Value) == 32 {
		pre = c.Value
	} else {
		pre = auth.Random(16)
		s.setCookie(w, s.preCookie(), pre, time.Hour)
	}
	s.render(w, status, "login", map[string]any{"Title": printer(w).T("login.h1"), "CSRF": s.csrfToken(r.Context(), "p:"+pre),
		"Message": message, "Username": name, "Next": safeNext(r.FormValue("next"))})
}

func (s *Server) handleLogin(w http.ResponseWriter, r *http.Request) {
	s.loginPage(w, r, http.StatusOK, "", "")
}

// safeNext keeps a post-sign-in destination on this site: a path, never
// "//host" or a scheme.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") || strings.ContainsAny(next, "\r\n") {
		return "/"
	}
	return next
}

// handleLoginPost signs in. Failures say only that the name or password is
// wrong, take as long whether or not the name exists, are logged, and are
// counted: past the limits (Access) attempts wait, then are refused with 429.
func (s *Server) handleLoginPost(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	name, password := strings.TrimSpace(r.PostFormValue("username")), r.PostFormValue("password")
	if len(name) > 64 {
		name = name[:64] // no account name is longer (fond users add); the log keeps no more
	}
	addr := clientAddr(r)
	a := s.Access
	since := time.Now().Add(-a.LoginWindow)
	byName, err1 := s.raw.CountAudit(ctx, store.AuditLoginFailed, name, "", since)
	byAddr, err2 := s.raw.CountAudit(ctx, store.AuditLoginFailed, "", addr, since)
	if err := errors.Join(err1, err2); err != nil {
		s.serverError(w, err)
		return
	}
	if byName >= a.LoginLockAccount || byAddr >= a.LoginLockAddress {
		s.writeAudit(ctx, store.AuditEntry{Actor: name, Action: store.AuditLoginLimited, Target: name, Addr: addr})
		s.rejected("signin")
		w.Header().Set("Retry-After", strconv.Itoa(int(a.LoginWindow.Seconds())))
		s.loginPage(w, r, http.StatusTooManyRequests, printer(w).T("login.toomany"), name)
		return
	}
	if n := max(byName, byAddr); n >= a.LoginSlowAfter {
		wait := min(time.Duration(n-a.LoginSlowAfter+1)*a.LoginDelay, 5*a.LoginDelay)
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return
		}
	}
	ok := false
	if acc, err := s.raw.Account(ctx, name); err == nil && name != "" {
		ok = auth.CheckPassword(acc.Hash, password)
	} else {
		auth.CheckNoAccount(password)
	}
	if !ok {
		s.writeAudit(ctx, store.AuditEntry{Actor: name, Action: store.AuditLoginFailed, Target: name, Addr: addr})
		s.loginPage(w, r, http.StatusUnauthorized, printer(w).T("login.wrong"), name)
		return
	}
	if err := s.startSession(w, r, name); err != nil {
		s.serverError(w, err)
		return
	}
	s.writeAudit(ctx, store.AuditEntry{Actor: name, Action: store.AuditLogin, Target: name, Addr: addr})
	http.Redirect(w, r, safeNext(r.PostFormValue("next")), http.StatusSeeOther)
}

// handleLogout ends the session in the database, so the cookie, wherever a
// copy of it is, opens nothing on any server.
func (s *Server) handleLogout(w http.ResponseWriter, r *http.Request) {
	if v := viewerOf(r.Context()); v != nil && v.session != "" {
		if err := s.raw.DeleteSession(r.Context(), v.session); err != nil {
			s.serverError(w, err)
			return
		}
		s.audit(r, store.AuditLogout, v.Name, "")
	}
	s.setCookie(w, s.sessionCookie(), "", -1)
	http.Redirect(w, r, "/", http.StatusSeeOther)
}
