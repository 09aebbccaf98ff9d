package web

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"fond/internal/auth"
	"fond/internal/store"
)

// Access bounds sessions and sign-in attempts. Each is a flag of `fond serve`
// (RegisterFlags), listed in docs/security.md.
type Access struct {
	// SessionIdle ends a session unused this long; SessionMax ends any
	// session this long after sign-in, used or not.
	SessionIdle, SessionMax time.Duration
	// Failed sign-ins are counted over LoginWindow, per account name and per
	// client address, from the audit log (so every server sharing the
	// database counts them all). From LoginSlowAfter failures each attempt
	// waits LoginDelay more (at most 5 LoginDelays); at LoginLockAccount
	// failures for a name, or LoginLockAddress from an address, attempts are
	// refused with 429 without checking the password.
	LoginWindow      time.Duration
	LoginSlowAfter   int
	LoginDelay       time.Duration
	LoginLockAccount int
	LoginLockAddress int
}

// DefaultAccess: a working day's session, signed out after two idle hours;
// guessing slowed after 3 failures and stopped after 10 for a name or 50 from
// an address in 15 minutes.
var DefaultAccess = Access{
	SessionIdle: 2 * time.Hour, SessionMax: 12 * time.Hour,
	LoginWindow: 15 * time.Minute, LoginSlowAfter: 3, LoginDelay: time.Second,
	LoginLockAccount: 10, LoginLockAddress: 50,
}

// RegisterFlags adds the access settings to a command's flags.
func (a *Access) RegisterFlags(fs *flag.FlagSet) {
	fs.DurationVar(&a.SessionIdle, "session-idle", a.SessionIdle, "end a staff session unused this long")
	fs.DurationVar(&a.SessionMax, "session-max", a.SessionMax, "end any staff session this long after sign-in")
	fs.DurationVar(&a.LoginWindow, "login-window", a.LoginWindow, "count failed sign-ins over this long")
	fs.IntVar(&a.LoginSlowAfter, "login-slow-after", a.LoginSlowAfter, "after this many failed sign-ins (per name or address, in the window), make each attempt wait")
	fs.DurationVar(&a.LoginDelay, "login-delay", a.LoginDelay, "how much longer each failed sign-in past --login-slow-after waits (at most 5 times this)")
	fs.IntVar(&a.LoginLockAccount, "login-lock-account", a.LoginLockAccount, "refuse sign-ins to a name (429) after this many failures in the window")
	fs.IntVar(&a.LoginLockAddress, "login-lock-address", a.LoginLockAddress, "refuse sign-ins from an address (429) after this many failures in the window")
}

// touchEvery is how stale a session's last_seen may get before a request
// writes it again: idle expiry needs minutes, not a write per request.
const touchEvery = time.Minute

// sessionCookie is the cookie's name: with the __Host- prefix under https,
// so that no other host or path can set or shadow it.
func (s *Server) sessionCookie() string {
	if s.secure() {
		return "__Host-fond_session"
	}
	return "fond_session"
}

// preCookie carries the random value a sign-in form's anti-forgery token is
// bound to before there is a session.
func (s *Server) preCookie() string {
	if s.secure() {
		return "__Host-fond_pre"
	}
	return "fond_pre"
}

// secure: cookies are Secure when the archive is served over https, which
// behind a proxy only --public-url tells (r.TLS is nil there).
func (s *Server) secure() bool { return strings.HasPrefix(s.PublicURL, "https://") }

func (s *Server) setCookie(w http.ResponseWriter, name, value string, maxAge time.Duration) {
	c := &http.Cookie{Name: name, Value: value, Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.secure()}
	if maxAge < 0 {
		c.MaxAge = -1
	} else {
		c.MaxAge = int(maxAge.Seconds())
	}
	http.SetCookie(w, c)
}

// identify finds who is asking: an API token on /api/ (cookies never
// authenticate the API, so a page elsewhere cannot make a reader's browser
// call it), a session cookie elsewhere. Pages for a signed-in viewer are
// private and not stored by caches.
func (s *Server) identify(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var v *viewer
		if isAPI(r) {
			if h := r.Header.Get("Authorization"); h != "" {
				v = s.tokenViewer(r.Context(), h)
				if v == nil {
					w.Header().Set("WWW-Authenticate", `Bearer realm="fond"`)
					writeAPIError(w, http.StatusUnauthorized, "unauthorized", "", "the API token is not valid (revoked, or not a fond token)")
					return
				}
			}
		} else {
			v = s.sessionViewer(w, r)
		}
		if v != nil {
			w.Header().Set("Cache-Control", "private, no-store")
			r = r.WithContext(withViewer(r.Context(), v))
			w = &viewerWriter{ResponseWriter: w, v: v}
		}
		next.ServeHTTP(w, r)
	})
}

func isAPI(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, "/api/") }

// viewerWriter carries the viewer to render, so every page's layout can show
// who is signed in and a logout form with its token.
type viewerWriter struct {
	http.ResponseWriter
	v *viewer
}

func (w *viewerWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// tokenViewer checks "Bearer TOKEN" against the stored hash, and reads the
// account (so a removed account or changed role acts at once).
func (s *Server) tokenViewer(ctx context.Context, header string) *viewer {
	tok, ok := strings.CutPrefix(header, "Bearer ")
	id := auth.TokenID(strings.TrimSpace(tok))
	if !ok || id == "" {
		return nil
	}
	t, err := s.raw.Token(ctx, id)
	if err != nil || !auth.SameHash(strings.TrimSpace(tok), t.Hash) {
		return nil
	}
	return s.accountViewer(ctx, t.Account, "")
}

func (s *Server) accountViewer(ctx context.Context, name, session string) *viewer {
	a, err := s.raw.Account(ctx, name)
	if err != nil {
		return nil
	}
	role, err := auth.ParseRole(a.Role)
	if err != nil {
		return nil
	}
	return &viewer{Name: a.Name, Role: role, session: session}
}

// sessionViewer reads the session cookie ("id.secret"), checks the secret
// against its hash and the session's expiry, and notes its use. A cookie
// that names no live session is cleared.
func (s *Server) sessionViewer(w http.ResponseWriter, r *http.Request) *viewer {
	c, err := r.Cookie(s.sessionCookie())
	if err != nil {
		return nil
	}
	id, secret, ok := strings.Cut(c.Value, ".")
	if !ok || id == "" || secret == "" {
		s.setCookie(w, s.sessionCookie(), "", -1)
		return nil
	}
	ctx := r.Context()
	se, err := s.raw.Session(ctx, id)
	if err != nil || !auth.SameHash(secret, se.SecretHash) {
		s.setCookie(w, s.sessionCookie(), "", -1)
		return nil
	}
	now := time.Now()
	if now.Sub(se.Created) > s.Access.SessionMax || now.Sub(se.LastSeen) > s.Access.SessionIdle {
		s.raw.DeleteSession(ctx, id)
		s.setCookie(w, s.sessionCookie(), "", -1)
		return nil
	}
	v := s.accountViewer(ctx, se.Account, id)
	if v == nil {
		return nil
	}
	if now.Sub(se.LastSeen) > touchEvery {
		if err := s.raw.TouchSession(ctx, id, now); err != nil {
			s.log.Warn("session not touched", "err", err)
		}
	}
	v.CSRF = s.csrfToken(ctx, "s:"+id)
	return v
}

// startSession opens a session for the account and sets its cookie; the
// session the browser had, if any, ends (a new id at every sign-in).
func (s *Server) startSession(w http.ResponseWriter, r *http.Request, account string) error {
	if old := viewerOf(r.Context()); old != nil && old.session != "" {
		s.raw.DeleteSession(r.Context(), old.session)
	}
	id, secret := auth.Random(16), auth.Random(32)
	now := time.Now()
	if err := s.raw.AddSession(r.Context(), store.Session{ID: id, SecretHash: auth.Hash(secret), Account: account, Created: now, LastSeen: now}); err != nil {
		return err
	}
	// Sessions that expired unused are never asked for again: clear them here.
	if err := s.raw.PruneSessions(r.Context(), now.Add(-s.Access.SessionIdle), now.Add(-s.Access.SessionMax)); err != nil {
		s.log.Warn("expired sessions not pruned", "err", err)
	}
	s.setCookie(w, s.sessionCookie(), id+"."+secret, s.Access.SessionMax)
	s.setCookie(w, s.preCookie(), "", -1)
	return nil
}

// csrfKey is the server secret tokens are signed with, kept in the database
// so that every server sharing it accepts the others' forms.
type csrfKey struct {
	mu  sync.Mutex
	key []byte
}

func (s *Server) csrfSecret(ctx context.Context) []byte {
	s.csrf.mu.Lock()
	defer s.csrf.mu.Unlock()
	if s.csrf.key == nil {
		k, err := s.raw.Secret(ctx, "csrf")
		if err != nil {
			s.log.Error("anti-forgery secret unavailable", "err", err)
			return nil
		}
		s.csrf.key = k
	}
	return s.csrf.key
}

// csrfToken is the HMAC of what a form is bound to ("s:" and a session id,
// or "p:" and a pre-login value) under the server secret: nothing is stored.
func (s *Server) csrfToken(ctx context.Context, bound string) string {
	key := s.csrfSecret(ctx)
	if key == nil {
		return ""
	}
	m := hmac.New(sha256.New, key)
	m.Write([]byte(bound))
	return hex.EncodeToString(m.Sum(nil))
}

// validCSRF checks a form's csrf field against the session's token, or
// against the pre-login cookie's (the sign-in form, which a signed-in
// browser may also post, to change accounts).
func (s *Server) validCSRF(r *http.Request) bool {
	return s.validCSRFToken(r, []byte(r.PostFormValue("csrf")))
}

// validCSRFToken is validCSRF for a token already read (an upload's first part).
func (s *Server) validCSRFToken(r *http.Request, got []byte) bool {
	if len(got) == 0 {
		return false
	}
	if v := viewerOf(r.Context()); v != nil && v.session != "" && v.CSRF != "" && hmac.Equal(got, []byte(v.CSRF)) {
		return true
	}
	if c, err := r.Cookie(s.preCookie()); err == nil && c.Value != "" {
		want := s.csrfToken(r.Context(), "p:"+c.Value)
		return want != "" && hmac.Equal(got, []byte(want))
	}
	return false
}

// clientAddr is the address a request came from, for the audit log and the
// sign-in limits (the connection's: fond trusts no forwarding header).
func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// audit writes an entry; a failure is logged, not shown: the action is done.
func (s *Server) audit(r *http.Request, action, target, detail string) {
	e := auditEntry(r, action)
	e.Target, e.Detail = target, detail
	s.writeAudit(r.Context(), e)
}

// auditEntry is an entry for the request's action: who asked, from where.
func auditEntry(r *http.Request, action string) store.AuditEntry {
	actor := ""
	if v := viewerOf(r.Context()); v != nil {
		actor = v.Name
	}
	return store.AuditEntry{Actor: actor, Action: action, Addr: clientAddr(r)}
}

func (s *Server) writeAudit(ctx context.Context, e store.AuditEntry) {
	if err := s.raw.Audit(ctx, e); err != nil {
		s.log.Error("audit entry not written", "action", e.Action, "err", err)
	}
}

func urlQueryEscape(s string) string { return url.QueryEscape(s) }
