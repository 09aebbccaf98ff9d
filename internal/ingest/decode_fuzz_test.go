package ingest

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzDecode: any bytes decode to valid UTF-8 without NUL, or to an error; a
// warning only comes with text.
func FuzzDecode(f *testing.F) {
	f.Add([]byte("Telegram\r\n\r\nText."))
	f.Add([]byte("<?xml version=\"1.0\" encoding=\"windows-1251\"?><TEI>\xd2\xe5\xea\xf1\xf2</TEI>"))
	f.Add([]byte("<html><meta charset=\"koi8-r\">\xf4\xc5\xcb\xd3\xd4 \xd4\xc5\xcc\xc5\xc7\xd2\xc1\xcd\xcd\xd9</html>"))
	f.Add([]byte("\xff\xfeT\x00e\x00x\x00t\x00"))
	f.Add([]byte("Content-Type: text/plain; charset=iso-2022-jp\n\nx"))
	f.Add([]byte("no encoding \xc3 declared"))
	f.Fuzz(func(t *testing.T, data []byte) {
		text, warning, err := decode(data)
		if err != nil {
			if text != "" || warning != "" {
				t.Fatalf("error %v with text %q or warning %q", err, text, warning)
			}
			return
		}
		if !utf8.ValidString(text) || strings.IndexByte(text, 0) >= 0 {
			t.Fatalf("decoded text is not valid UTF-8 or holds a NUL: %q", text)
		}
	})
}
