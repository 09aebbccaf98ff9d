package i18n

import "testing"

func TestNegotiate(t *testing.T) {
	for header, want := range map[string]Lang{
		"":                                    EN,
		"ru":                                  RU,
		"ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7": RU,
		"en-GB,en;q=0.9,ru;q=0.8":             EN,
		"de-DE,de;q=0.9,ru;q=0.5":             RU, // German is not spoken here; Russian is the reader's next choice
		"de,fr":                               EN,
		"en;q=0.5, ru;q=0.6":                  RU, // weights, not order
		"ru;q=0, en":                          EN, // q=0: not acceptable
		"RU-ru":                               RU,
		"*":                                   EN,
		"ru;q=abc, en;q=0.1":                  EN, // a bad weight drops its entry only
		"xx-invalid-@@, ru;q=0.3":             RU, // a bad tag drops its entry only
		"ru;q=2":                              EN, // out of range
		"uk,ru;q=0.9":                         RU,
		"en;q=0.8, ru;q=0.8":                  EN, // a tie keeps the header's order
	} {
		if got := Negotiate(header); got != want {
			t.Errorf("Negotiate(%q) = %s, want %s", header, got, want)
		}
	}
}

func TestParse(t *testing.T) {
	for s, want := range map[string]bool{"ru": true, "en": true, "RU": true, "ru-RU": true, "de": false, "": false, "russian": false} {
		if _, ok := Parse(s); ok != want {
			t.Errorf("Parse(%q): %v", s, ok)
		}
	}
}
