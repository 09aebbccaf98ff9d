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
