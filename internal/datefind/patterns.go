package datefind

import "regexp"

// form is one way of writing a date: a regexp and how its groups make a value.
// bare marks a lone year, which counts only where its context makes it a date.
type form struct {
	re    *regexp.Regexp
	build func(g []string) (value, bool)
	bare  bool
	cased bool // match the original text, not the lowercased one
	// monthFirst forms start with a month name; they run anchored at each month
	// word (see monthWords) instead of trying the long alternation at every byte.
	monthFirst bool
}

func init() {
	for i := range forms {
		if forms[i].monthFirst {
			forms[i].re = regexp.MustCompile(`^(?:` + forms[i].re.String() + `)`)
		}
	}
}

// Fragments shared by the forms. Day numbers may carry ordinals (5th, 1er) or
// Russian quotes («22»); a range dash may be a word.
const (
	mo      = `(` + "%M" + `)\.?`
	dayN    = `[«"]?(\d{1,2})(?:st|nd|rd|th|er|e)?[»"]?`
	yearN   = `(1\d{3}|20\d{2})`
	rangeTo = `(?:\s*[-–—]\s*|\s+(?:to|through|until|till|bis|au|al)\s+)`
	shortTo = `\s*[-–—]\s*`
	cjkN    = `([0-9０-９]{1,4})`
	hanN    = `([〇零○Ｏ一二三四五六七八九十]{1,4})`
)

// compile builds a form's regexp. Forms match lowercased text (see fold), so the
// expressions are written in lower case.
func compile(expr string) *regexp.Regexp {
	return regexp.MustCompile(expandMonths(expr))
}

func expandMonths(expr string) string {
	out := []byte{}
	for i := 0; i < len(expr); i++ {
		if expr[i] == '%' && i+1 < len(expr) && expr[i+1] == 'M' {
			out = append(out, monthPattern...)
			i++
			continue
		}
		out = append(out, expr[i])
	}
	return string(out)
}

var forms = []form{
	// March 30 - April 25, 1950
	{monthFirst: true, re: compile(mo + `\s+` + dayN + rangeTo + mo + `\s+` + dayN + `,?\s+` + yearN),
		build: func(g []string) (value, bool) {
			yr := number(g[5])
			return value{from: ymd{yr, monthNumber(g[1]), number(g[2])}, to: ymd{yr, monthNumber(g[3]), number(g[4])}}, true
		}},
	// 30 March - 25 April 1950
	{re: compile(dayN + `\.?\s+` + mo + rangeTo + dayN + `\.?\s+` + mo + `,?\s+` + yearN),
		build: func(g []string) (value, bool) {
			yr := number(g[5])
			return value{from: ymd{yr, monthNumber(g[2]), number(g[1])}, to: ymd{yr, monthNumber(g[4]), number(g[3])}}, true
		}},
	// March 5-7, 1949
	{monthFirst: true, re: compile(mo + `\s+` + dayN + shortTo + dayN + `,?\s+` + yearN),
		build: func(g []string) (value, bool) {
			yr, m := number(g[4]), monthNumber(g[1])
			return value{from: ymd{yr, m, number(g[2])}, to: ymd{yr, m, number(g[3])}}, true
		}},
	// 5-7 March 1949, 5.-7. März 1949
	{re: compile(dayN + `\.?` + shortTo + dayN + `\.?\s+` + mo + `,?\s+` + yearN),
		build: func(g []string) (value, bool) {
			yr, m := number(g[4]), monthNumber(g[3])
			return value{from: ymd{yr, m, number(g[1])}, to: ymd{yr, m, number(g[2])}}, true
		}},
	// March-April 1950
	{monthFirst: true, re: compile(mo + `\s*[-–—/]\s*` + mo + `,?\s+` + yearN),
		build: func(g []string) (value, bool) {
			yr := number(g[3])
			return value{from: ymd{yr, monthNumber(g[1]), 0}, to: ymd{yr, monthNumber(g[2]), 0}}, true
		}},
	// Fri Mar  2 09:14:05 EST 2001 (mail and Unix dates)
	{monthFirst: true, re: compile(mo + `\s+(\d{1,2})\s+\d{1,2}:\d\d(?::\d\d)?(?:\s+[a-z]{2,5})?\s+` + yearN),
		build: func(g []string) (value, bool) { return single(number(g[3]), monthNumber(g[1]), number(g[2])), true }},
	// March 05, 1949; Mar. 5, 1949; "February, 2, 1864" and "Nov, 12, 1864" as
	// some nineteenth-century datelines were printed
	{monthFirst: true, re: compile(mo + `,?\s+` + dayN + `,?\s+` + yearN),
		build: func(g []string) (value, bool) { return single(number(g[3]), monthNumber(g[1]), number(g[2])), true }},
	// 5 March 1949; 12. Sept. 1996; 22 февраля 1946; the 5th of March, 1949; 5 de marzo de 1949
	{re: compile(dayN + `\.?\s+(?:of\s+|de\s+)?` + mo + `,?\s+(?:de\s+|del\s+)?` + yearN),
		build: func(g []string) (value, bool) { return single(number(g[3]), monthNumber(g[2]), number(g[1])), true }},
	// 8.II.1950 (Roman months are upper case, which keeps "vi" in prose out)
	{re: regexp.MustCompile(`(\d{1,2})\.\s?(XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\.\s?` + yearN), cased: true,
		build: func(g []string) (value, bool) { return single(number(g[3]), romanMonths[g[2]], number(g[1])), true }},
	// 08.02.1950: day first, as Europe writes it
	{re: compile(`(\d{1,2})\.\s?(\d{1,2})\.\s?` + yearN),
		build: func(g []string) (value, bool) { return single(number(g[3]), number(g[2]), number(g[1])), true }},
	// 1949-03-05
	{re: compile(yearN + `-(\d{2})-(\d{2})`),
		build: func(g []string) (value, bool) { return single(number(g[1]), number(g[2]), number(g[3])), true }},
	// 1950. 6. 25. (Korean) and 1950.06.25
	{re: compile(yearN + `\.\s?(\d{1,2})\.\s?(\d{1,2})\.?`),
		build: func(g []string) (value, bool) { return single(number(g[1]), number(g[2]), number(g[3])), true }},
	// 1950년 6월 25일, 1950년 6월, 1950년
	{re: compile(cjkN + `\s*년(?:\s*` + cjkN + `\s*월(?:\s*` + cjkN + `\s*일)?)?`),
		build: cjk},
	// 1950年6月25日, 1950年6月, 1950年
	{re: compile(cjkN + `\s*年(?:\s*` + cjkN + `\s*月(?:\s*` + cjkN + `\s*[日号號])?)?`),
		build: cjk},
	// 一九五〇年六月二十五日
	{re: compile(hanN + `年(?:` + hanN + `月(?:` + hanN + `[日号號])?)?`),
		build: func(g []string) (value, bool) {
			v := single(hanNumber(g[1]), 0, 0)
			if len([]rune(g[1])) != 4 {
				return v, false
			}
			if g[2] != "" {
				v.from.m = hanNumber(g[2])
			}
			if g[3] != "" {
				v.from.d = hanNumber(g[3])
			}
			return v, v.from.m != -1 && v.from.d != -1
		}},
	// April 1950; March of 1950
	{monthFirst: true, re: compile(mo + `,?\s+(?:of\s+|de\s+)?` + yearN),
		build: func(g []string) (value, bool) { return single(number(g[2]), monthNumber(g[1]), 0), true }},
	// 1950s, 1950's
	{re: compile(`((?:1\d|20)\d)0'?s`),
		build: func(g []string) (value, bool) { return value{from: ymd{y: number(g[1]) * 10}, decade: true}, true }},
	// 1949–1953
	{re: compile(yearN + `\s*[-–—]\s*` + yearN),
		build: func(g []string) (value, bool) {
			return value{from: ymd{y: number(g[1])}, to: ymd{y: number(g[2])}}, number(g[1]) < number(g[2])
		}},
	// 1950, if the context says it is a year
	{re: compile(yearN), bare: true,
		build: func(g []string) (value, bool) { return single(number(g[1]), 0, 0), true }},
}

func cjk(g []string) (value, bool) {
	v := single(number(g[1]), 0, 0)
	if g[2] != "" {
		v.from.m = number(g[2])
	}
	if g[3] != "" {
		v.from.d = number(g[3])
	}
	return v, len([]rune(g[1])) == 4 && v.from.m != -1 && v.from.d != -1
}
