// Package webclient is a signed-in member of staff's browser for programs
// that drive fond's forms: the load test's editor and the crash test's. It
// keeps cookies, does not follow redirects (a form's answer is a 303), and
// sends the session's anti-forgery token with each form.
package webclient

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"time"
)

// Client signs in once and then posts forms. A session is stored in the
// database, so one sign-in serves on every server sharing it: the cookie
// jar sends the cookie to any port of the host.
type Client struct {
	http  http.Client
	token string
}

var csrfInput = regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`)

// New is a client whose requests each take at most timeout.
func New(timeout time.Duration) *Client {
	jar, _ := cookiejar.New(nil)
	return &Client{http: http.Client{Jar: jar, Timeout: timeout,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// SignIn signs in at base (http://host:port) as name: the sign-in form's
// token, the form, then a page for the session's own token.
func (c *Client) SignIn(ctx context.Context, base, name, password string) error {
	if err := c.readToken(ctx, base+"/login"); err != nil {
		return err
	}
	code, err := c.Post(ctx, base+"/login", url.Values{"username": {name}, "password": {password}})
	if err != nil {
		return err
	}
	if code != http.StatusSeeOther {
		return fmt.Errorf("sign-in as %s: status %d", name, code)
	}
	return c.readToken(ctx, base+"/")
}

func (c *Client) readToken(ctx context.Context, u string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return err
	}
	m := csrfInput.FindSubmatch(body)
	if m == nil {
		return errors.New(u + ": no form token on the page")
	}
	c.token = string(m[1])
	return nil
}

// Post sends a form, with the token, to the URL u and returns the status.
func (c *Client) Post(ctx context.Context, u string, form url.Values) (int, error) {
	if form == nil {
		form = url.Values{}
	}
	form.Set("csrf", c.token)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, strings.NewReader(form.Encode()))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, err
	}
	io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
	resp.Body.Close()
	return resp.StatusCode, nil
}
