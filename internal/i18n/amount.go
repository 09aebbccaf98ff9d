package i18n

import (
	"fmt"
	"strconv"
	"strings"
)

// Amount says n of the plural message key, where n may be a fraction, as
// withheld sizes are ("2½ lines"): a whole number takes its plural form, a
// fraction English's plural and Russian's genitive singular ("2½ строки",
// the form of 2, 3 and 4). Half is written ½, other fractions as decimals
// in the language's own way (2,25 in Russian). The forms take the number as
// a string (%s).
func (p Printer) Amount(key string, n float64) string {
	forms, lang, ok := p.pluralForms(key)
	if !ok {
		return key
	}
	whole := int(n)
	s := strconv.Itoa(whole)
	form := pluralForm(lang, whole)
	switch frac := n - float64(whole); {
	case frac == 0:
	case frac == .5:
		s += "½"
		if whole == 0 {
			s = "½"
		}
		form = 1
	default:
		s = strconv.FormatFloat(n, 'f', -1, 64)
		if lang == RU {
			s = strings.Replace(s, ".", ",", 1)
		}
		form = 1
	}
	return fmt.Sprintf(forms[min(form, len(forms)-1)], s)
}
