package datefind

import "strings"

// monthNames maps month names and abbreviations in the languages archives write
// (English, Russian genitive and nominative, German, French) to month numbers.
var monthNames = func() map[string]int {
	monthNames := map[string]int{}
	add := func(m int, names ...string) {
		for _, n := range names {
			monthNames[strings.ToLower(n)] = m
		}
	}
	add(1, "January", "Jan", "января", "январь", "Januar", "Jänner", "janvier", "janv")
	add(2, "February", "Feb", "февраля", "февраль", "Februar", "février", "fevrier", "févr", "fevr")
	add(3, "March", "Mar", "марта", "март", "März", "Maerz", "mars")
	add(4, "April", "Apr", "апреля", "апрель", "avril", "avr")
	add(5, "May", "мая", "май", "Mai")
	add(6, "June", "Jun", "июня", "июнь", "Juni", "juin")
	add(7, "July", "Jul", "июля", "июль", "Juli", "juillet", "juil")
	add(8, "August", "Aug", "августа", "август", "août", "aout")
	add(9, "September", "Sep", "Sept", "сентября", "сентябрь", "septembre")
	add(10, "October", "Oct", "октября", "октябрь", "Oktober", "Okt", "octobre")
	add(11, "November", "Nov", "ноября", "ноябрь", "novembre")
	add(12, "December", "Dec", "декабря", "декабрь", "Dezember", "Dez", "décembre", "decembre", "déc")
	return monthNames
}()

// monthPattern is an alternation of every month name, longest first so that
// "September" is preferred to "Sep".
var monthPattern = func() string {
	names := make([]string, 0, len(monthNames))
	for n := range monthNames {
		names = append(names, n)
	}
	// longest first
	for i := 1; i < len(names); i++ {
		for j := i; j > 0 && len([]rune(names[j])) > len([]rune(names[j-1])); j-- {
			names[j], names[j-1] = names[j-1], names[j]
		}
	}
	return "(?:" + strings.Join(names, "|") + ")"
}()

func monthNumber(s string) int {
	return monthNames[strings.ToLower(strings.TrimSuffix(s, "."))]
}

var romanMonths = map[string]int{"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10, "XI": 11, "XII": 12}

// chineseDigits converts Chinese numerals in dates (一九五〇年六月二十五日) to Arabic.
func chineseNumber(s string) (int, bool) {
	digits := map[rune]int{'〇': 0, '零': 0, '○': 0, 'Ｏ': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	rs := []rune(s)
	if len(rs) == 0 {
		return 0, false
	}
	// Years are written digit by digit; months and days with 十 for ten.
	if !strings.ContainsRune(s, '十') {
		n := 0
		for _, r := range rs {
			d, ok := digits[r]
			if !ok {
				return 0, false
			}
			n = n*10 + d
		}
		return n, true
	}
	n := 0
	tens, rest, _ := strings.Cut(s, "十")
	if tens == "" {
		n = 10
	} else if d, ok := digits[[]rune(tens)[0]]; ok && len([]rune(tens)) == 1 {
		n = d * 10
	} else {
		return 0, false
	}
	if rest != "" {
		d, ok := digits[[]rune(rest)[0]]
		if !ok || len([]rune(rest)) != 1 {
			return 0, false
		}
		n += d
	}
	return n, true
}
