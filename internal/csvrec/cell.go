package csvrec

import "strings"

// Cells that a spreadsheet would take for a formula (or, with a tab or a
// carriage return first, that some programs shift into one) are written with
// a leading apostrophe, the OWASP advice against CSV injection: opening an
// export must never run what a document's text says. A value that itself
// begins with an apostrophe before one of these (or before another
// apostrophe) gets one too, so that reading a cell back gives exactly the
// value written, whatever it was.
const formulaStart = "=+-@\t\r"

// Escape returns v as it is written into a cell.
func Escape(v string) string {
	if v == "" {
		return v
	}
	if strings.IndexByte(formulaStart, v[0]) >= 0 || (v[0] == '\'' && len(v) > 1 && strings.IndexByte(formulaStart+"'", v[1]) >= 0) {
		return "'" + v
	}
	return v
}

// Unescape returns the value a cell holds: the apostrophe Escape adds (one,
// before a formula character or another apostrophe) is taken off; any other
// apostrophe ("'s-Hertogenbosch") is the value's own.
func Unescape(c string) string {
	if len(c) > 1 && c[0] == '\'' && strings.IndexByte(formulaStart+"'", c[1]) >= 0 {
		return c[1:]
	}
	return c
}

// ListSep separates the items of a list (authors, translators…) in one cell.
// A semicolon belonging to a name is written twice (";;"): names with commas
// ("Molotov, V. M.") are common, names with semicolons are not, so the
// separator a person types most rarely is the one that needs escaping.
const ListSep = " ; "

// JoinList writes a list into one cell.
func JoinList(items []string) string {
	esc := make([]string, len(items))
	for i, s := range items {
		esc[i] = strings.ReplaceAll(s, ";", ";;")
	}
	return strings.Join(esc, ListSep)
}

// SplitList reads a cell written by JoinList, or typed by a person: items are
// separated by single semicolons, read left to right (";;" is a semicolon of
// the name, so "a;;;b" is "a;" and "b"); spaces around items are trimmed and
// empty items dropped, so "Stalin ; " is one name.
func SplitList(c string) []string {
	out := []string{}
	var cur strings.Builder
	flush := func() {
		if s := strings.TrimSpace(cur.String()); s != "" {
			out = append(out, s)
		}
		cur.Reset()
	}
	for i := 0; i < len(c); i++ {
		if c[i] != ';' {
			cur.WriteByte(c[i])
			continue
		}
		if i+1 < len(c) && c[i+1] == ';' {
			cur.WriteByte(';')
			i++
			continue
		}
		flush()
	}
	flush()
	return out
}

// readBack is what a cell written with value v holds when read again:
// encoding/csv writing CRLF line ends drops carriage returns inside fields
// (and reading turns a field's CRLF into LF), so a value's CRs do not survive
// a spreadsheet file. Import compares cells with this, not with v, so a value
// with a CR that nobody edited is not taken for an edit.
func readBack(v string) string {
	return Unescape(strings.ReplaceAll(Escape(v), "\r", ""))
}
