package tei

import (
	"regexp"
	"strings"
)

// A FRUS source note is one of three things, by era:
//
//	710.1012 Anti-War/74: Telegram    1918 on: the State Department's decimal file
//	File No. 861.51/303a              (1918 prefixes "File No."; 1919 files the
//	Paris Peace Conf. 184/17          Peace Conference apart)
//	Woodrow Wilson Papers: Telegram   a private collection
//	No. 380.]   [Telegram.]           1864-1902: the despatch's number or a bracketed
//	[Inclosure 2 in No. 571.]         description, no archival reference at all
//
// Only the first two name a file; the others say what the document is.
var (
	decimalFile = regexp.MustCompile(`^(?:File No\.\s*)?(\d{3}[0-9A-Za-z.]*(?:\s+[^:/\s]+)*/\d+[0-9A-Za-z]*(?:\s*[½¼¾])?)`)
	peaceFile   = regexp.MustCompile(`^(Paris Peace Conf\.\s*[^:]+?/\d+[0-9A-Za-z]*)`)
	papers      = regexp.MustCompile(`^([A-Z][^:\[\]]*? Papers)\b`)
	// The genre a source note or bracketed description ends or starts with.
	volumeNumber = regexp.MustCompile(`^No\.\s*\d+\.?\s*`)
	genreWord    = regexp.MustCompile(`(?i)\b(telegram|cablegram|radiogram|despatch|dispatch|instruction|memorandum|aide-m[ée]moire|circular|airgram|note verbale)\b`)
)

// fileNumber is the State Department file a source note names, "" if none.
func fileNumber(note string) string {
	note = strings.TrimSpace(note)
	if m := decimalFile.FindStringSubmatch(note); m != nil {
		return strings.TrimSpace(m[1])
	}
	if m := peaceFile.FindStringSubmatch(note); m != nil {
		return strings.TrimSpace(m[1])
	}
	return ""
}

// collectionName is the private papers a source note names ("Woodrow Wilson
// Papers"), "" if none.
func collectionName(note string) string {
	if m := papers.FindStringSubmatch(strings.TrimSpace(note)); m != nil {
		return m[1]
	}
	return ""
}

// sourceGenre is the genre a source note states: after the file number's colon
// ("…/74: Telegram") or as the bracketed description ("[Telegram.—Paraphrase.]").
// An inclosure's note ("[Inclosure 1.—Telegram.]") describes the enclosure, but
// only the document's own notes are passed here.
func sourceGenre(note string) string {
	s := strings.TrimSpace(note)
	if i := strings.LastIndex(s, ":"); i >= 0 && (fileNumber(s) != "" || collectionName(s) != "") {
		s = s[i+1:]
	} else if !strings.HasPrefix(s, "[") {
		return ""
	}
	if m := genreWord.FindStringSubmatch(s); m != nil {
		return canonicalGenre(m[1])
	}
	return ""
}

func canonicalGenre(w string) string {
	switch w = strings.ToLower(w); {
	case w == "telegram" || w == "cablegram" || w == "radiogram":
		return "Telegram"
	case w == "despatch" || w == "dispatch":
		return "Despatch"
	case strings.HasPrefix(w, "aide-m"):
		return "Aide-Mémoire"
	case w == "note verbale":
		return "Note"
	}
	return strings.ToUpper(w[:1]) + w[1:]
}

// headGenre is the genre a heading states by starting with it ("Memorandum by the
// Secretary of State", "Press Release Issued by…"). A heading of the form "A to
// B" states none: a letter, a despatch and an instruction all read that way.
func headGenre(head string) string {
	// "No. 36. Mr. Frelinghuysen to Mr. Young.": the volume's own numbering.
	lower := strings.ToLower(volumeNumber.ReplaceAllString(strings.TrimSpace(head), ""))
	for _, g := range []struct{ prefix, genre string }{
		{"memorandum", "Memorandum"}, {"aide-mémoire", "Aide-Mémoire"}, {"aide-memoire", "Aide-Mémoire"},
		{"press release", "Press Release"}, {"note verbale", "Note"}, {"note by", "Note"}, {"note from", "Note"},
		{"circular", "Circular"}, {"minutes", "Minutes"}, {"treaty", "Treaty"}, {"convention", "Treaty"},
		{"protocol", "Treaty"}, {"telegram", "Telegram"}, {"letter", "Letter"}, {"instruction", "Instruction"},
		{"despatch", "Despatch"}, {"report", "Report"}, {"speech", "Speech"}, {"statement", "Statement"},
		{"proclamation", "Proclamation"},
	} {
		if strings.HasPrefix(lower, g.prefix) {
			return g.genre
		}
	}
	return ""
}
