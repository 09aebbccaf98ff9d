package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"slices"
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
// encoding (HTML meta charset, XML declaration, mail Content-Type) or a BOM
// unless the text proves it wrong.
func Decode(data []byte) (string, error) {
	text, _, err := decode(data)
	return text, err
}

// decode is Decode, with a warning when the declared encoding (or its absence)
// was overruled by what the bytes are: the archivist should know that the
// file says one thing and was read as another.
func decode(data []byte) (text, warning string, err error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return "", "", ErrEmpty
	}
	for _, m := range magic {
		if bytes.HasPrefix(data, []byte(m.prefix)) {
			return "", "", fmt.Errorf("%w: %s", ErrBinary, m.what)
		}
	}
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		out, err := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", "", fmt.Errorf("invalid UTF-16: %w", err)
		}
		if bytes.IndexByte(out, 0) >= 0 {
			return "", "", fmt.Errorf("%w: it contains a NUL character", ErrBinary)
		}
		return textOf(out), "", nil
	}
	// NUL anywhere, not only near the start: no one types one, so a text file
	// holding one is damaged, binary or UTF-16 without its mark. It is refused
	// rather than cleaned, so that a damaged document is not stored as if whole.
	if at := bytes.IndexByte(data, 0); at >= 0 {
		return "", "", fmt.Errorf("%w: it contains a NUL byte at offset %d", ErrBinary, at)
	}
	head := data[:min(len(data), 8192)]
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	declared := declaredEncoding(head)
	if declared == "" || isUTF8(declared) {
		if !utf8.Valid(data) {
			if text, charset, ok := guessCyrillic(data, ""); ok {
				said := "declares no encoding"
				if declared != "" {
					said = fmt.Sprintf("declares %q", declared)
				}
				return text, fmt.Sprintf("is not UTF-8 and %s; it reads as Russian in %s and was read as that", said, charset), nil
			}
			at := invalidAt(data)
			if declared == "" {
				return "", "", fmt.Errorf("not valid UTF-8 (first bad byte at offset %d) and no encoding declared; declare one or convert the file", at)
			}
			return "", "", fmt.Errorf("invalid UTF-8 at byte offset %d although the file declares %q", at, declared)
		}
		return textOf(data), "", nil
	}
	enc, err := htmlindex.Get(declared)
	if err != nil {
		return "", "", fmt.Errorf("unknown encoding %q declared in the file", declared)
	}
	// Valid UTF-8 with letters beyond ASCII is UTF-8 whatever it declares: text
	// in a single-byte encoding almost never is (a Cyrillic letter's byte
	// would have to be followed by a continuation byte, and letters follow
	// letters), and a page re-saved as UTF-8 often keeps its old meta tag.
	if utf8.Valid(data) && hasMultibyte(data) {
		return textOf(data), fmt.Sprintf("declares %q but is UTF-8; read as UTF-8", declared), nil
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", fmt.Errorf("invalid %s text: %w", declared, err)
	}
	if !utf8.Valid(out) {
		return "", "", fmt.Errorf("invalid %s text: decoding produced invalid UTF-8", declared)
	}
	text = textOf(out)
	// A Cyrillic page in the other common encoding than it declares decodes
	// without error into the wrong letters.
	if name, _ := htmlindex.Name(enc); slices.Contains(cyrillicCharsets, name) {
		if score, judged := cyrillicScore(text); judged && score < plausibleScore {
			if other, charset, ok := guessCyrillic(data, name); ok {
				return other, fmt.Sprintf("declares %q but reads as Russian only in %s, and was read as that", declared, charset), nil
			}
			return text, fmt.Sprintf("declares %q, but its letters do not read as Russian in it: check the file's encoding", declared), nil
		}
	}
	return text, "", nil
}

// textOf is decoded bytes as a string with CRLF line ends made LF, in the one
// copy the conversion makes anyway: every reader splits on "\n" (the XML and
// HTML parsers and the mail reader normalize line ends themselves), and each
// splitter normalizing for itself copied the whole text again.
func textOf(b []byte) string {
	if !bytes.Contains(b, []byte("\r\n")) {
		return string(b)
	}
	var s strings.Builder
	s.Grow(len(b))
	for {
		i := bytes.Index(b, []byte("\r\n"))
		if i < 0 {
			s.Write(b)
			return s.String()
		}
		s.Write(b[:i])
		s.WriteByte('\n')
		b = b[i+2:]
	}
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
