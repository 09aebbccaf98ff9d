package record

import "testing"

func TestWebURL(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"https://digitalarchive.example.org/document/112136", "https://digitalarchive.example.org/document/112136"},
		{"  http://example.org/a?b=c#d ", "http://example.org/a?b=c#d"},
		{"HTTPS://EXAMPLE.ORG/", "HTTPS://EXAMPLE.ORG/"},
		{"javascript:alert(1)", ""},
		{"JavaScript://example.org/%0aalert(1)", ""},
		{"data:text/html,<script>alert(1)</script>", ""},
		{"file:///etc/passwd", ""},
		{"vbscript:msgbox", ""},
		{"//example.org/no-scheme", ""},
		{"/documents/1", ""},
		{"http:opaque", ""},
		{"http://", ""},
		{"", ""},
	} {
		if got := WebURL(c.in); got != c.want {
			t.Errorf("WebURL(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestNormalURL(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"https://digitalarchive.example.org/document/112136", "https://digitalarchive.example.org/document/112136"},
		{"https://example.org/a b", "https://example.org/a%20b"},
		{"https://example.org/100%", "https://example.org/100%25"},
		{"https://example.org/50%2Fx%zz", "https://example.org/50%2Fx%25zz"},
		{"https://example.org/документ?q=Ким#§", "https://example.org/%D0%B4%D0%BE%D0%BA%D1%83%D0%BC%D0%B5%D0%BD%D1%82?q=%D0%9A%D0%B8%D0%BC#%C2%A7"},
		{"https://example.org/{a}|\\^`\"<>", "https://example.org/%7Ba%7D%7C%5C%5E%60%22%3C%3E"},
		{"https://example.org/a?b=c&d=e;f#g", "https://example.org/a?b=c&d=e;f#g"},
		{"javascript:alert('%20')", ""},
		{"", ""},
	} {
		if got := NormalURL(c.in); got != c.want {
			t.Errorf("NormalURL(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
