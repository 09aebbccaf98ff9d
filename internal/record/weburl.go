package record

import "strings"

// WebURL returns u if it is an absolute http or https address, and "" for
// anything else. URLs come from sources fond does not control; a javascript:,
// data: or file: URL must never leave fond in a citation or a link. The check
// is on the scheme and host only: real sources carry URLs with stray spaces or
// percent signs that a strict parser refuses, and those are harmless.
func WebURL(u string) string {
	u = strings.TrimSpace(u)
	if strings.ContainsFunc(u, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
		return ""
	}
	lower := strings.ToLower(u)
	for _, scheme := range []string{"http://", "https://"} {
		if rest, ok := strings.CutPrefix(lower, scheme); ok {
			if host, _, _ := strings.Cut(rest, "/"); strings.Trim(host, ":@") != "" {
				return u
			}
		}
	}
	return ""
}

// NormalURL is WebURL's address percent-encoded as RFC 3986 wants, so that
// every citation format and page carries the same bytes: a % that does not
// start a %XX escape becomes %25, spaces and other characters a URL may not
// hold (controls aside, which WebURL refuses) become %XX of their UTF-8 bytes.
// Characters RFC 3986 allows, reserved ones included, are left as they are:
// re-encoding a ? or / would change what the address means.
func NormalURL(u string) string {
	u = WebURL(u)
	if u == "" {
		return ""
	}
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case c == '%' && i+2 < len(u) && isHex(u[i+1]) && isHex(u[i+2]):
			b.WriteByte(c)
		case c < 0x80 && c != '%' && urlSafe[c]:
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// urlSafe marks RFC 3986's unreserved and reserved characters.
var urlSafe = func() [128]bool {
	var t [128]bool
	for _, c := range "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=" {
		t[c] = true
	}
	return t
}()
