package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"

	"fond/internal/romanize"
)

// romanizeReport is what `fond romanize` says of one argument.
type romanizeReport struct {
	Input     string            `json:"input"`
	Script    string            `json:"script"`
	Spellings map[string]string `json:"spellings"`
	Error     string            `json:"error,omitempty"`
}

// romanizeSchemes are the schemes in the order they are printed, with the
// script each applies to.
var romanizeSchemes = []struct{ name, script string }{
	{"rr", "hangul"}, {"mr", "hangul"}, {"mr1984", "hangul"},
	{"alalc", "cyrillic"}, {"bgn", "cyrillic"}, {"scholarly", "cyrillic"}, {"popular", "cyrillic"},
	{"pinyin", "latin"}, {"wade-giles", "latin"},
}

// runRomanize shows how each scheme spells a name, so a cataloguer can see
// why the authority file merged two spellings, and so fond can be checked
// against other implementations of the same standards.
func runRomanize(ctx context.Context, e *env, args []string) error {
	fs := e.flags("romanize")
	asJSON := fs.Bool("json", false, "one JSON object per argument")
	scheme := fs.String("scheme", "", "only this scheme: rr|mr|mr1984|alalc|bgn|scholarly|popular|pinyin|wade-giles")
	asName := fs.Bool("name", false, "read Hangul as a personal name: surname apart, no sound changes in the given name")
	if err := fs.Parse(args); err != nil {
		return err
	}
	usage := fmt.Errorf("%w: fond romanize [--json] [--name] [--scheme rr|mr|mr1984|alalc|bgn|scholarly|popular|pinyin|wade-giles] TEXT...", errUsage)
	if fs.NArg() == 0 {
		return usage
	}
	if *scheme != "" && schemeScript(*scheme) == "" {
		return usage
	}
	bad := false
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	for _, in := range fs.Args() {
		r := romanizeArg(in, *scheme, *asName)
		if r.Error != "" {
			bad = true
		}
		if *asJSON {
			enc.Encode(r)
			continue
		}
		if r.Error != "" {
			fmt.Fprintf(e.stdout, "%s\t%s\terror\t%s\n", in, r.Script, r.Error)
			continue
		}
		for _, s := range romanizeSchemes {
			if sp, ok := r.Spellings[s.name]; ok {
				fmt.Fprintf(e.stdout, "%s\t%s\t%s\n", in, s.name, sp)
			}
		}
	}
	if bad {
		return errFailed
	}
	return nil
}

func schemeScript(name string) string {
	for _, s := range romanizeSchemes {
		if s.name == name {
			return s.script
		}
	}
	return ""
}

// scriptOf names the script an argument is read in: the first Hangul or
// Cyrillic letter decides, else it is Latin (or nothing to romanize).
func scriptOf(s string) string {
	latin := false
	for _, r := range s {
		switch {
		case r >= 0xAC00 && r <= 0xD7A3:
			return "hangul"
		case unicode.Is(unicode.Cyrillic, r):
			return "cyrillic"
		case unicode.Is(unicode.Latin, r):
			latin = true
		}
	}
	if latin {
		return "latin"
	}
	return "other"
}

func romanizeArg(in, scheme string, asName bool) romanizeReport {
	r := romanizeReport{Input: in, Script: scriptOf(in), Spellings: map[string]string{}}
	all := map[string]string{}
	switch r.Script {
	case "hangul":
		if asName {
			all["rr"] = romanize.RRName(in)
			all["mr"] = romanize.MRNameEdition(in, romanize.MR1939, true)
			all["mr1984"] = romanize.MRNameEdition(in, romanize.MR1984, true)
		} else {
			all["rr"] = romanize.HangulToRR(in)
			all["mr"] = romanize.HangulToMREdition(in, romanize.MR1939, true)
			all["mr1984"] = romanize.HangulToMREdition(in, romanize.MR1984, true)
		}
	case "cyrillic":
		all["alalc"] = romanize.CyrillicToLatin(in, romanize.ALALC)
		all["bgn"] = romanize.CyrillicToLatin(in, romanize.BGN)
		all["scholarly"] = romanize.CyrillicToLatin(in, romanize.Scholarly)
		all["popular"] = romanize.CyrillicToLatin(in, romanize.Popular)
	case "latin":
		if py, wg, ok := romanize.ChineseSpellings(in); ok {
			all["pinyin"], all["wade-giles"] = py, wg
		} else {
			r.Error = "not Pinyin or Wade–Giles"
			return r
		}
	default:
		r.Error = "nothing to romanize"
		return r
	}
	if scheme == "" {
		r.Spellings = all
		return r
	}
	sp, ok := all[scheme]
	if !ok {
		r.Error = fmt.Sprintf("scheme %s is for %s, not %s", scheme, schemeScript(scheme), strings.ToLower(r.Script))
		return r
	}
	r.Spellings[scheme] = sp
	return r
}
