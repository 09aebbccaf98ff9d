package archref

import (
	"regexp"
	"strings"
)

// Which field a unit word fills.
type field int

const (
	fond field = iota
	opis
	delo
	papka
	folios
	nFields
)

// unit words by field, as regular-expression fragments. A fragment ending in a
// period is an abbreviation and may touch its number ("d.3"); a whole word needs
// a space after it.
type units [nFields][]string

var (
	russianUnits = units{
		fond:   {`fond`, `фонд`, `f\.`, `ф\.`},
		opis:   {`opis'?`, `опись`, `op\.`, `оп\.`, `perechen'?`, `перечень`},
		delo:   {`delo`, `дело`, `d\.`, `д\.`, `dokument`, `документ`, `ed\.\s?khr\.`, `ед\.\s?хр\.`, `a\.\s?e\.`, `а\.\s?е\.`},
		papka:  {`papka`, `папка`, `p\.`, `п\.`},
		folios: {`listy`, `list`, `листы`, `лист`, `ll\.`, `l\.`, `лл\.`, `л\.`, `folios`, `folio`, `fols?\.`, `ff\.`},
	}
	polishUnits = units{
		fond:   {`zespół`, `zesp\.`, `z\.`, `fond`},
		opis:   {`wiązka`, `wiąz\.`, `w\.`},
		delo:   {`teczka`, `tecz\.`, `t\.`, `sygn\.`, `sygnatura`},
		folios: {`karty`, `karta`, `k\.`, `s\.`, `str\.`},
	}
	czechUnits = units{
		fond:   {`fond`, `f\.`},
		delo:   {`a\.\s?j\.`, `ar\.\s?j\.`, `inv\.\s?č\.`, `složka`, `obal`},
		papka:  {`karton`, `kart\.`, `k\.`, `svazek`, `sv\.`},
		folios: {`fol\.`, `folio`, `listy`, `list`, `l\.`, `s\.`, `str\.`},
	}
	romanianUnits = units{
		fond:   {`fond(?:ul)?`},
		opis:   {`problema`},
		delo:   {`dosar(?:ul)?`},
		papka:  {`vol\.`, `volum(?:ul)?`},
		folios: {`file`, `fila`, `f\.`, `ff\.`},
	}
	// The archives that file by identifier still number their leaves.
	leafUnits = units{
		folios: {`Bl\.`, `S\.`, `fols?\.`, `folios?`, `ff\.`, `pp?\.`, `pages?`, `l\.`, `ll\.`},
	}
	// With no archive named, every unambiguous word is read.
	anyUnits = units{
		fond:   append(append([]string{}, russianUnits[fond]...), `zespół`, `zesp\.`),
		opis:   append(append([]string{}, russianUnits[opis]...), `wiązka`, `problema`),
		delo:   append(append([]string{}, russianUnits[delo]...), `teczka`, `a\.\s?j\.`, `složka`, `dosar`),
		papka:  append(append([]string{}, russianUnits[papka]...), `karton`, `box`, `doboz`),
		folios: append(append([]string{}, russianUnits[folios]...), `pp\.`, `pages?`, `Bl\.`),
	}
)

// patterns is a compiled unit table: for each field, a unit word followed by its value.
type patterns [nFields]*regexp.Regexp

const (
	// Go's \b knows only ASCII; unit words are Cyrillic and Polish too.
	leftEdge = `(?:^|[^\p{L}\p{N}])`
	// A value is one token: "059a", "R-5446", "1-B", "XIX-J-1-j", "KSČ-ÚV-02/1", "Coreea".
	token = `([\p{L}\p{N}]+(?:[-/.'][\p{L}\p{N}]+)*)`
	// A leaf is a number, perhaps with its side ("10ob.", "5v") or a letter ("12a").
	leaf      = `\d+(?:\s?(?:ob|об|v|r|rv|a|b|а|б))?\.?`
	leafRange = leaf + `(?:\s*[-–—]\s*` + leaf + `)?`
	leaves    = `(` + leafRange + `(?:\s*,\s*` + leafRange + `)*)`
)

func compile(u units) patterns {
	var p patterns
	for f, words := range u {
		if len(words) == 0 {
			continue
		}
		alts := make([]string, len(words))
		for i, w := range words {
			if strings.HasSuffix(w, `\.`) {
				alts[i] = w + `\s*`
			} else {
				alts[i] = w + `\s+`
			}
		}
		value := token
		if field(f) == folios {
			value = leaves
		}
		p[f] = regexp.MustCompile(`(?i)` + leftEdge + `(` + strings.Join(alts, "|") + `)(?:(?:no\.?|№|#)\s*)?` + value)
	}
	return p
}

var (
	russianPatterns  = compile(russianUnits)
	polishPatterns   = compile(polishUnits)
	czechPatterns    = compile(czechUnits)
	romanianPatterns = compile(romanianUnits)
	leafPatterns     = compile(leafUnits)
	anyPatterns      = compile(anyUnits)
)
