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
