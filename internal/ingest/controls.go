package ingest

import (
	"reflect"
	"strings"

	"fond/internal/record"
)

// cleanControls removes from every text field of a record the C0 control
// characters other than tab, newline and carriage return (form and line feeds
// become newlines, being page and line breaks). PostgreSQL refuses NUL in text
// where SQLite keeps it, and XML 1.0 (TEI export, OAI-PMH) refuses every one of
// them; a record free of them is stored and exported alike everywhere. Decoded
// text has no NUL (Decode refuses it), but scan output, entity references and
// mail transfer encodings can bring any of them back.
func cleanControls(r *record.Record) {
	cleanValue(reflect.ValueOf(r).Elem())
}

func cleanValue(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		if s := v.String(); hasControl(s) && v.CanSet() {
			v.SetString(stripControls(s))
		}
	case reflect.Struct:
		for i := range v.NumField() {
			cleanValue(v.Field(i))
		}
	case reflect.Slice:
		for i := range v.Len() {
			cleanValue(v.Index(i))
		}
	case reflect.Pointer:
		if !v.IsNil() {
			cleanValue(v.Elem())
		}
	}
}

func isControl(c byte) bool {
	return c < 0x20 && c != '\t' && c != '\n' && c != '\r'
}

func hasControl(s string) bool {
	for i := 0; i < len(s); i++ {
		if isControl(s[i]) {
			return true
		}
	}
	return false
}

func stripControls(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\f' || c == '\v':
			b.WriteByte('\n')
		case !isControl(c):
			b.WriteByte(c)
		}
	}
	return b.String()
}
