package testutil

import (
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"
)

// BadText names the first text field of v (a record, or anything holding
// records) that is not valid UTF-8 or holds a NUL, or returns "": a reader
// given valid text must not cut a character in two (truncating a title at a
// byte count) or make a NUL from an escape, which the stores then refuse or
// keep damaged.
func BadText(v any) string {
	return badText(reflect.ValueOf(v), "")
}

func badText(v reflect.Value, path string) string {
	switch v.Kind() {
	case reflect.String:
		s := v.String()
		if !utf8.ValidString(s) {
			return fmt.Sprintf("%s is not valid UTF-8: %q", path, s)
		}
		for i := 0; i < len(s); i++ {
			if s[i] == 0 {
				return fmt.Sprintf("%s holds a NUL: %q", path, s)
			}
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if bad := badText(v.Field(i), path+"."+v.Type().Field(i).Name); bad != "" {
				return bad
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			if bad := badText(v.Index(i), fmt.Sprintf("%s[%d]", path, i)); bad != "" {
				return bad
			}
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			if bad := badText(v.MapIndex(k), fmt.Sprintf("%s[%q]", path, k)); bad != "" {
				return bad
			}
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return badText(v.Elem(), path)
		}
	}
	return ""
}

// ReaderInput reports whether a fuzzer's string is what Decode can hand a
// reader (valid UTF-8, no NUL) and short enough to keep the fuzzer quick.
func ReaderInput(s string) bool {
	return utf8.ValidString(s) && !strings.Contains(s, "\x00") && len(s) <= 1<<16
}
