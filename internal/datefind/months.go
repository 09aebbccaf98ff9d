package datefind

import (
	"sort"
	"strings"
)

// monthNames maps the month names and abbreviations archives write, in English,
// Russian (genitive after a day, nominative and prepositional after a
// preposition), German, French, Spanish, Italian and Portuguese, to month numbers.
var monthNames = func() map[string]int {
	names := map[string]int{}
	add := func(m int, list ...string) {
		for _, n := range list {
			names[fold(n)] = m
		}
	}
	add(1, "January", "Jan", "января", "январь", "январе", "янв", "Januar", "Jänner", "janvier", "janv", "enero", "gennaio", "janeiro")
	add(2, "February", "Feb", "Febr", "февраля", "февраль", "феврале", "фев", "февр", "Februar", "février", "fevrier", "févr", "fevr", "febrero", "febbraio", "fevereiro")
	add(3, "March", "Mar", "марта", "март", "марте", "März", "Maerz", "mars", "marzo", "março")
	add(4, "April", "Apr", "апреля", "апрель", "апреле", "апр", "avril", "avr", "abril", "aprile")
	add(5, "May", "мая", "май", "мае", "Mai", "mayo", "maggio", "maio")
	add(6, "June", "Jun", "июня", "июнь", "июне", "Juni", "juin", "junio", "giugno", "junho")
	add(7, "July", "Jul", "июля", "июль", "июле", "Juli", "juillet", "juil", "julio", "luglio", "julho")
	add(8, "August", "Aug", "августа", "август", "августе", "авг", "août", "aout", "agosto")
	add(9, "September", "Sep", "Sept", "сентября", "сентябрь", "сентябре", "сент", "septembre", "septiembre", "setiembre", "settembre", "setembro")
	add(10, "October", "Oct", "октября", "октябрь", "октябре", "окт", "Oktober", "Okt", "octobre", "octubre", "ottobre", "outubro")
	add(11, "November", "Nov", "ноября", "ноябрь", "ноябре", "нояб", "novembre", "noviembre", "novembro")
	add(12, "December", "Dec", "декабря", "декабрь", "декабре", "дек", "Dezember", "Dez", "décembre", "decembre", "déc", "diciembre", "dicembre", "dezembro")
	return names
}()

// monthPattern is an alternation of every month name, longest first: Go's regexp
// takes the first alternative that fits, and "September" must beat "Sep".
var monthPattern = func() string {
	names := make([]string, 0, len(monthNames))
	for n := range monthNames {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		if a, b := len([]rune(names[i])), len([]rune(names[j])); a != b {
			return a > b
		}
		return names[i] < names[j]
	})
	return "(?:" + strings.Join(names, "|") + ")"
}()

func monthNumber(s string) int {
	return monthNames[fold(strings.TrimSuffix(s, "."))]
}

var romanMonths = map[string]int{"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10, "XI": 11, "XII": 12}

var weekdays = `(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)`
