package index

// Porter's stemming algorithm (M. F. Porter, "An algorithm for suffix stripping",
// 1980), as his reference implementation has it, which is also what SQLite's
// porter tokenizer follows: fond's searches stem as they did on FTS5. Written
// here, on lower-case ASCII, rather than imported, so that no search engine's
// module is linked into fond.

// stemmer works on b[0..k]; j marks the end of the stem a suffix test leaves.
type stemmer struct {
	b    []byte
	k, j int
}

// porterStem stems a word of lower-case ASCII letters.
func porterStem(w string) string {
	if len(w) <= 2 {
		return w
	}
	z := stemmer{b: []byte(w), k: len(w) - 1}
	z.step1ab()
	if z.k > 0 {
		z.step1c()
		z.step2()
		z.step3()
		z.step4()
		z.step5()
	}
	if s := z.b[:z.k+1]; string(s) != w { // compared without allocating
		return string(s)
	}
	return w
}

// cons: is b[i] a consonant? y is one unless it follows a consonant.
func (z *stemmer) cons(i int) bool {
	switch z.b[i] {
	case 'a', 'e', 'i', 'o', 'u':
		return false
	case 'y':
		return i == 0 || !z.cons(i-1)
	}
	return true
}

// m counts the vowel-consonant sequences in b[0..j]: the measure of the stem.
func (z *stemmer) m() int {
	n, i := 0, 0
	for {
		if i > z.j {
			return n
		}
		if !z.cons(i) {
			break
		}
		i++
	}
	i++
	for {
		for {
			if i > z.j {
				return n
			}
			if z.cons(i) {
				break
			}
			i++
		}
		i++
		n++
		for {
			if i > z.j {
				return n
			}
			if !z.cons(i) {
				break
			}
			i++
		}
		i++
	}
}

func (z *stemmer) vowelInStem() bool {
	for i := 0; i <= z.j; i++ {
		if !z.cons(i) {
			return true
		}
	}
	return false
}

// doubleC: b[i-1..i] is a double consonant.
func (z *stemmer) doubleC(i int) bool {
	return i >= 1 && z.b[i] == z.b[i-1] && z.cons(i)
}

// cvc: b[i-2..i] is consonant-vowel-consonant and the last is not w, x or y,
// as in "hop" (so that "hoping" gives "hope").
func (z *stemmer) cvc(i int) bool {
	if i < 2 || !z.cons(i) || z.cons(i-1) || !z.cons(i-2) {
		return false
	}
	switch z.b[i] {
	case 'w', 'x', 'y':
		return false
	}
	return true
}

// ends: b[0..k] ends with s; j is then the end of what precedes it.
func (z *stemmer) ends(s string) bool {
	n := len(s)
	if n > z.k+1 || string(z.b[z.k-n+1:z.k+1]) != s {
		return false
	}
	z.j = z.k - n
	return true
}

// setTo replaces b[j+1..k] with s.
func (z *stemmer) setTo(s string) {
	z.b = append(z.b[:z.j+1], s...)
	z.k = z.j + len(s)
}

// r replaces the suffix when the stem has a measure above zero.
func (z *stemmer) r(s string) {
	if z.m() > 0 {
		z.setTo(s)
	}
}

// step1ab removes plurals and -ed or -ing.
func (z *stemmer) step1ab() {
	if z.b[z.k] == 's' {
		switch {
		case z.ends("sses"):
			z.k -= 2
		case z.ends("ies"):
			z.setTo("i")
		case z.b[z.k-1] != 's':
			z.k--
		}
	}
	if z.ends("eed") {
		if z.m() > 0 {
			z.k--
		}
		return
	}
	if (z.ends("ed") || z.ends("ing")) && z.vowelInStem() {
		z.k = z.j
		switch {
		case z.ends("at"):
			z.setTo("ate")
		case z.ends("bl"):
			z.setTo("ble")
		case z.ends("iz"):
			z.setTo("ize")
		case z.doubleC(z.k):
			z.k--
			switch z.b[z.k] {
			case 'l', 's', 'z':
				z.k++
			}
		default:
			z.j = z.k
			if z.m() == 1 && z.cvc(z.k) {
				z.setTo("e")
			}
		}
	}
}

// step1c turns a terminal y into i when there is another vowel in the stem.
func (z *stemmer) step1c() {
	if z.ends("y") && z.vowelInStem() {
		z.b[z.k] = 'i'
	}
}

// suffixRules: for one letter of a word's end, the suffixes to try in order and
// what each becomes. Only the first suffix that matches is considered.
type suffixRule struct{ from, to string }

var step2Rules = map[byte][]suffixRule{
	'a': {{"ational", "ate"}, {"tional", "tion"}},
	'c': {{"enci", "ence"}, {"anci", "ance"}},
	'e': {{"izer", "ize"}},
	'l': {{"bli", "ble"}, {"alli", "al"}, {"entli", "ent"}, {"eli", "e"}, {"ousli", "ous"}},
	'o': {{"ization", "ize"}, {"ation", "ate"}, {"ator", "ate"}},
	's': {{"alism", "al"}, {"iveness", "ive"}, {"fulness", "ful"}, {"ousness", "ous"}},
	't': {{"aliti", "al"}, {"iviti", "ive"}, {"biliti", "ble"}},
	'g': {{"logi", "log"}},
}

var step3Rules = map[byte][]suffixRule{
	'e': {{"icate", "ic"}, {"ative", ""}, {"alize", "al"}},
	'i': {{"iciti", "ic"}},
	'l': {{"ical", "ic"}, {"ful", ""}},
	's': {{"ness", ""}},
}

func (z *stemmer) apply(rules []suffixRule) {
	for _, rule := range rules {
		if z.ends(rule.from) {
			z.r(rule.to)
			return
		}
	}
}

// step2 maps double suffixes to single ones ("-ization" to "-ize").
func (z *stemmer) step2() {
	if z.k >= 1 {
		z.apply(step2Rules[z.b[z.k-1]])
	}
}

// step3 handles -ic-, -full, -ness.
func (z *stemmer) step3() { z.apply(step3Rules[z.b[z.k]]) }

var step4Suffixes = map[byte][]string{
	'a': {"al"}, 'c': {"ance", "ence"}, 'e': {"er"}, 'i': {"ic"}, 'l': {"able", "ible"},
	'n': {"ant", "ement", "ment", "ent"}, 's': {"ism"}, 't': {"ate", "iti"}, 'u': {"ous"},
	'v': {"ive"}, 'z': {"ize"},
}

// step4 takes off -ant, -ence and the like when the stem's measure is above one.
func (z *stemmer) step4() {
	if z.k < 1 {
		return
	}
	matched := false
	if z.b[z.k-1] == 'o' {
		matched = z.ends("ion") && z.j >= 0 && (z.b[z.j] == 's' || z.b[z.j] == 't') || z.ends("ou")
	} else {
		for _, s := range step4Suffixes[z.b[z.k-1]] {
			if z.ends(s) {
				matched = true
				break
			}
		}
	}
	if matched && z.m() > 1 {
		z.k = z.j
	}
}

// step5 removes a final -e and turns -ll into -l when the measure is above one.
func (z *stemmer) step5() {
	z.j = z.k
	if z.b[z.k] == 'e' {
		if a := z.m(); a > 1 || a == 1 && !z.cvc(z.k-1) {
			z.k--
		}
	}
	if z.b[z.k] == 'l' && z.doubleC(z.k) && z.m() > 1 {
		z.k--
	}
}
