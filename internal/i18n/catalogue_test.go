package i18n

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"testing"
)

// Every English message has a Russian one and the reverse, plural messages
// have the number of forms their language's plural rules ask, and both
// languages' forms fill the same arguments (a Russian message that dropped
// or added an argument would print %!(EXTRA …) or %!s(MISSING)).
func TestCataloguesMatch(t *testing.T) {
	enPlain, enPl := Keys(EN)
	ruPlain, ruPl := Keys(RU)
	if !slices.Equal(enPlain, ruPlain) {
		for _, k := range enPlain {
			if _, ok := ru[k]; !ok {
				t.Errorf("%q has no Russian value", k)
			}
		}
		for _, k := range ruPlain {
			if _, ok := en[k]; !ok {
				t.Errorf("%q is Russian only", k)
			}
		}
	}
	if !slices.Equal(enPl, ruPl) {
		t.Errorf("plural keys differ: en %v, ru %v", enPl, ruPl)
	}
	for k, v := range en {
		if r, ok := ru[k]; ok && !slices.Equal(argsOf(v), argsOf(r)) {
			t.Errorf("%q: English fills arguments %v, Russian %v", k, argsOf(v), argsOf(r))
		}
		if v == "" || ru[k] == "" {
			t.Errorf("%q is empty", k)
		}
	}
	for k, forms := range enPlural {
		if len(forms) != 2 {
			t.Errorf("%q: English has %d forms, want 2 (one, other)", k, len(forms))
		}
		if len(ruPlural[k]) != 3 {
			t.Errorf("%q: Russian has %d forms, want 3 (one, few, many)", k, len(ruPlural[k]))
		}
		for _, f := range append(slices.Clone(forms), ruPlural[k]...) {
			if a := argsOf(f); len(a) == 0 || a[0] != 1 {
				t.Errorf("%q: the form %q does not say the count (argument 1)", k, f)
			}
		}
	}
}

var verb = regexp.MustCompile(`%(\[(\d+)\])?[-+# 0]*\d*(\.\d+)?([a-zA-Z%])`)

// argsOf lists the argument numbers a format fills, sorted, as fmt numbers
// them (an explicit [n] sets the next one).
func argsOf(format string) []int {
	var out []int
	next := 1
	for _, m := range verb.FindAllStringSubmatch(format, -1) {
		if m[4] == "%" {
			continue
		}
		if m[2] != "" {
			next, _ = strconv.Atoi(m[2])
		}
		if !slices.Contains(out, next) {
			out = append(out, next)
		}
		next++
	}
	slices.Sort(out)
	return out
}

func TestPluralForms(t *testing.T) {
	ru := For(RU)
	for n, want := range map[int]string{0: "0 документов", 1: "1 документ", 2: "2 документа", 4: "4 документа", 5: "5 документов",
		11: "11 документов", 12: "12 документов", 14: "14 документов", 21: "21 документ", 22: "22 документа", 25: "25 документов",
		101: "101 документ", 111: "111 документов", 1953: "1953 документа"} {
		if got := ru.N("common.documents", n); got != want {
			t.Errorf("ru %d: %q, want %q", n, got, want)
		}
	}
	en := For(EN)
	for n, want := range map[int]string{0: "0 documents", 1: "1 document", 2: "2 documents", 21: "21 documents"} {
		if got := en.N("common.documents", n); got != want {
			t.Errorf("en %d: %q, want %q", n, got, want)
		}
	}
}

// A missing key shows itself (so a page shows the gap and the web tests see
// it); a language without the key falls back to English.
func TestMissingKeys(t *testing.T) {
	if got := For(RU).T("no.such.key"); got != "no.such.key" {
		t.Errorf("missing key: %q", got)
	}
	if got := For("xx").T("nav.map"); got != "Map" {
		t.Errorf("unknown language: %q", got)
	}
	if got := For(RU).HTML("doc.releases.link", `"><script>`); !regexp.MustCompile(`&#34;&gt;&lt;script&gt;`).MatchString(string(got)) {
		t.Errorf("HTML does not escape its arguments: %s", got)
	}
}

// A Msg is English as an error and in the reader's language as a message
// or as another message's argument, its English-only cause left out.
func TestMsg(t *testing.T) {
	err := &Msg{Key: "compare.note", Args: []any{"7"}, Cause: errors.New("detail")}
	if err.Error() != "note 7: detail" {
		t.Errorf("Error() = %q", err.Error())
	}
	ru := For(RU)
	if got := ru.Err(fmt.Errorf("wrapped: %w", err)); got != "прим. 7" {
		t.Errorf("Err = %q", got)
	}
	if got := ru.T("param.limit", err); got != "не может быть выполнен: прим. 7" {
		t.Errorf("as an argument: %q", got)
	}
	if got := string(ru.HTML("param.limit", Msg{Key: "compare.note", Args: []any{"<7>"}})); got != "не может быть выполнен: прим. &lt;7&gt;" {
		t.Errorf("as an HTML argument: %q", got)
	}
	if got := ru.Err(errors.New("plain")); got != "plain" {
		t.Errorf("a plain error: %q", got)
	}
}
