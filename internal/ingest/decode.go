package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
)

var magic = []struct {
	prefix string
	what   string
}{
	// PDFs, PNG, JPEG and TIFF never reach Decode: package scan reads them.
	{"PK\x03\x04", "a ZIP archive (unpack it and ingest the files inside)"},
	{"GIF8", "a GIF image (convert scans to PNG or TIFF for OCR)"},
	{"\x1f\x8b", "a gzip archive (decompress it first)"},
}

var (
	metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)`)
	xmlEncoding = regexp.MustCompile(`^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.-]+)["']`)
	mailCharset = regexp.MustCompile(`(?im)^content-type:[^\n]*charset\s*=\s*"?([A-Za-z0-9_.-]+)`)
)

// ErrEmpty and friends classify bad input; messages name the problem in words an
// archivist can act on.
var (
	ErrEmpty  = errors.New("empty file")
	ErrBinary = errors.New("binary file, not text")
)

// Decode checks that data is text and returns it as UTF-8, honouring a declared
// encoding (HTML meta charset, XML declaration, mail Content-Type) or a BOM.
func Decode(data []byte) (string, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return "", ErrEmpty
	}
	for _, m := range magic {
		if bytes.HasPrefix(data, []byte(m.prefix)) {
			return "", fmt.Errorf("%w: %s", ErrBinary, m.what)
		}
	}
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		out, err := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", fmt.Errorf("invalid UTF-16: %w", err)
		}
		if bytes.IndexByte(out, 0) >= 0 {
			return "", fmt.Errorf("%w: it contains a NUL character", ErrBinary)
		}
		return string(out), nil
	}
	// NUL anywhere, not only near the start: no one types one, so a text file
	// holding one is damaged, binary or UTF-16 without its mark. It is refused
	// rather than cleaned, so that a damaged document is not stored as if whole.
	if at := bytes.IndexByte(data, 0); at >= 0 {
		return "", fmt.Errorf("%w: it contains a NUL byte at offset %d", ErrBinary, at)
	}
	head := data[:min(len(data), 8192)]
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	declared := declaredEncoding(head)
	if declared == "" || isUTF8(declared) {
		if !utf8.Valid(data) {
			at := invalidAt(data)
			if declared == "" {
				return "", fmt.Errorf("not valid UTF-8 (first bad byte at offset %d) and no encoding declared; declare one or convert the file", at)
			}
			return "", fmt.Errorf("invalid UTF-8 at byte offset %d although the file declares %q", at, declared)
		}
		return string(data), nil
	}
	enc, err := htmlindex.Get(declared)
	if err != nil {
		return "", fmt.Errorf("unknown encoding %q declared in the file", declared)
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", fmt.Errorf("invalid %s text: %w", declared, err)
	}
	if !utf8.Valid(out) {
		return "", fmt.Errorf("invalid %s text: decoding produced invalid UTF-8", declared)
	}
	return string(out), nil
}

func declaredEncoding(head []byte) string {
	for _, re := range []*regexp.Regexp{xmlEncoding, metaCharset, mailCharset} {
		if m := re.FindSubmatch(head); m != nil {
			return strings.ToLower(string(m[1]))
		}
	}
	return ""
}

func isUTF8(name string) bool {
	n := strings.ReplaceAll(strings.ToLower(name), "-", "")
	return n == "utf8" || n == "usascii" || n == "ascii"
}

func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}
