package web

import (
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// baseURL is the address absolute links (sitemaps, OAI-PMH, TEI) are made from:
// --public-url when given, which is what a server behind a proxy should set;
// otherwise the Host the request reached, which checkHost has already found to
// be a plain host name or address.
func (s *Server) baseURL(r *http.Request) string {
	if s.PublicURL != "" {
		return strings.TrimRight(s.PublicURL, "/")
	}
	if r.TLS != nil {
		return "https://" + r.Host
	}
	return "http://" + r.Host
}

// checkHost refuses a request whose Host header is not a host name or address
// with an optional port: the header is the client's to write, and it becomes
// part of addresses this server hands to harvesters and search engines.
func (s *Server) checkHost(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.PublicURL == "" && !validHost(r.Host) {
			http.Error(w, "bad Host header: give a host name or address, with an optional port", http.StatusBadRequest)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func validHost(h string) bool {
	if h == "" || len(h) > 255 {
		return false
	}
	host, port := h, ""
	if strings.HasPrefix(h, "[") || strings.Count(h, ":") == 1 {
		var err error
		if host, port, err = net.SplitHostPort(h); err != nil {
			if !strings.HasPrefix(h, "[") || !strings.HasSuffix(h, "]") {
				return false
			}
			host, port = h[1:len(h)-1], ""
		}
		if port != "" {
			if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 || port[0] == '+' {
				return false
			}
		}
	}
	if ip := net.ParseIP(host); ip != nil {
		// An IPv6 address must come in brackets: bare, its colons would read
		// as a port in every address made from it.
		return ip.To4() != nil || strings.HasPrefix(h, "[")
	}
	// A fully qualified name may end in a dot (example.org.).
	host = strings.TrimSuffix(host, ".")
	for _, label := range strings.Split(host, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for _, c := range label {
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
				return false
			}
		}
	}
	return true
}

// ValidPublicURL checks a --public-url: an absolute http or https URL with a
// host and nothing after the path.
func ValidPublicURL(s string) error {
	u, err := url.Parse(s)
	if err != nil {
		return err
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" || !validHost(u.Host) {
		return errPublicURL
	}
	if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return errPublicURL
	}
	return nil
}
