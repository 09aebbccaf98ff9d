// Package i18n holds the interface's words in each language the reading room
// speaks (English, Russian): a message catalogue of plain Go maps, plural
// forms, the choice of language from a request, and dates written as each
// language writes them. Record content (titles, text, names) is never
// translated; only the words around it are.
package i18n

import (
	"fmt"
	"html/template"
	"slices"
	"strings"
)

// Lang is an interface language, by its ISO 639-1 code.
type Lang string

// The languages of the interface; English is the default and the fallback.
const (
	EN Lang = "en"
	RU Lang = "ru"
)

// Langs lists the interface languages in the order the switch offers them.
var Langs = []Lang{EN, RU}

// Name is a language's name as its own speakers write it, for the switch.
func (l Lang) Name() string {
	switch l {
	case RU:
		return "Русский"
	}
	return "English"
}

// Parse reads a language code ("ru", "RU", "ru-RU"); ok is false for a
// language the interface does not speak.
func Parse(s string) (Lang, bool) {
	base, _, _ := strings.Cut(strings.TrimSpace(s), "-")
	l := Lang(strings.ToLower(base))
	return l, slices.Contains(Langs, l)
}

// catalogue is one language's messages: plain strings by key, and plural
// messages whose forms follow the language's CLDR categories (English: one,
// other; Russian: one, few, many).
type catalogue struct {
	msg    map[string]string
	plural map[string][]string
}

var catalogues = map[Lang]catalogue{
	EN: {en, enPlural},
	RU: {ru, ruPlural},
}

// Printer writes messages in one language.
type Printer struct{ Lang Lang }

// For is the printer of l (English for a language the interface lacks).
func For(l Lang) Printer {
	if _, ok := catalogues[l]; !ok {
		l = EN
	}
	return Printer{l}
}

// T is the message key in p's language, its fmt verbs filled from args. A key
// missing from the language falls back to English, then to the key itself,
// so a gap shows on the page (and the catalogue tests name it).
func (p Printer) T(key string, args ...any) string {
	f, ok := catalogues[p.Lang].msg[key]
	if !ok {
		if f, ok = en[key]; !ok {
			return key
		}
	}
	if len(args) == 0 {
		return f
	}
	return fmt.Sprintf(f, p.localArgs(args)...)
}

// pluralForms are the forms of the plural message key in p's language, or in
// English when p's has none, with the language they are in.
func (p Printer) pluralForms(key string) ([]string, Lang, bool) {
	if forms, ok := catalogues[p.Lang].plural[key]; ok {
		return forms, p.Lang, true
	}
	forms, ok := enPlural[key]
	return forms, EN, ok
}

// N is the plural message key for the count n: the form n takes in p's
// language, with n as the first argument and args after it.
func (p Printer) N(key string, n int, args ...any) string {
	forms, lang, ok := p.pluralForms(key)
	if !ok {
		return key
	}
	i := pluralForm(lang, n)
	if i >= len(forms) {
		i = len(forms) - 1
	}
	return fmt.Sprintf(forms[i], append([]any{n}, p.localArgs(args)...)...)
}

// HTML is the message key as HTML: the catalogue's own markup (a link in a
// sentence) is kept, and every argument is escaped before it goes in. For a
// sentence whose words surround a link, so that a translation may move it.
func (p Printer) HTML(key string, args ...any) template.HTML {
	args = p.localArgs(args)
	esc := make([]any, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case int:
			esc[i] = v
		case template.HTML:
			esc[i] = string(v)
		default:
			esc[i] = template.HTMLEscapeString(fmt.Sprint(v))
		}
	}
	return template.HTML(p.T(key, esc...))
}

// pluralForm is the index of n's CLDR plural category in a catalogue's
// forms: English one (1) and other; Russian one (21, 31 …), few (2–4, 22–24
// …) and many (0, 5–20, 25 …).
func pluralForm(l Lang, n int) int {
	if n < 0 {
		n = -n
	}
	if l != RU {
		if n == 1 {
			return 0
		}
		return 1
	}
	switch d, h := n%10, n%100; {
	case d == 1 && h != 11:
		return 0
	case d >= 2 && d <= 4 && (h < 12 || h > 14):
		return 1
	}
	return 2
}

// Keys lists every message key of a language (plain and plural), for tests
// and tools that check a catalogue against another.
func Keys(l Lang) (plain, plural []string) {
	c := catalogues[l]
	for k := range c.msg {
		plain = append(plain, k)
	}
	for k := range c.plural {
		plural = append(plural, k)
	}
	slices.Sort(plain)
	slices.Sort(plural)
	return plain, plural
}

// Raw is the unformatted catalogue value of key in l ("" and false when
// absent); plural messages give their forms joined by " | ".
func Raw(l Lang, key string) (string, bool) {
	c := catalogues[l]
	if v, ok := c.msg[key]; ok {
		return v, true
	}
	if v, ok := c.plural[key]; ok {
		return strings.Join(v, " | "), true
	}
	return "", false
}
