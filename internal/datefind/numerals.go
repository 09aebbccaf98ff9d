package datefind

import "strings"

// number reads ASCII or full-width digits (East Asian texts use both); it gives -1
// for anything else so a bad group cannot pass as zero.
func number(s string) int {
	if s == "" {
		return -1
	}
	n := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			n = n*10 + int(r-'0')
		case r >= '０' && r <= '９':
			n = n*10 + int(r-'０')
		default:
			return -1
		}
		if n > 1e6 {
			return -1
		}
	}
	return n
}

var hanDigits = map[rune]int{'〇': 0, '零': 0, '○': 0, 'Ｏ': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// hanNumber reads Chinese numerals as dates write them: years digit by digit
// (一九五〇), months and days with 十 for ten (六, 十一, 二十五).
func hanNumber(s string) int {
	if s == "" {
		return -1
	}
	if !strings.ContainsRune(s, '十') {
		n := 0
		for _, r := range s {
			d, ok := hanDigits[r]
			if !ok {
				return -1
			}
			n = n*10 + d
		}
		return n
	}
	tens, units, _ := strings.Cut(s, "十")
	n := 10
	if tens != "" {
		t := []rune(tens)
		d, ok := hanDigits[t[0]]
		if len(t) != 1 || !ok || d == 0 {
			return -1
		}
		n = d * 10
	}
	if units != "" {
		u := []rune(units)
		d, ok := hanDigits[u[0]]
		if len(u) != 1 || !ok || d == 0 {
			return -1
		}
		n += d
	}
	return n
}
