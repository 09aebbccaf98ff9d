package extract

import (
	"regexp"
	"strings"
)

// genres are document types as archives label them, longest first where one is a
// prefix of another, in the spelling fond reports.
var genres = []string{
	"Minutes of Conversation", "Memorandum of Conversation", "Record of Conversation",
	"Ciphered Telegram", "Coded Telegram", "Telegram", "Cable", "Despatch", "Dispatch",
	"Letter", "Report", "Memorandum", "Memo", "Instruction", "Directive", "Decree",
	"Resolution", "Order", "Note", "Note Verbale", "Aide-Mémoire", "Speech", "Statement",
	"Transcript", "Minutes", "Protocol", "Agreement", "Treaty", "Communiqué", "Diary Entry",
	"Diary", "Intelligence Report", "Information", "Notes", "Draft", "Petition", "Interview",
	"Circular", "Bulletin", "Summary", "Analysis", "Briefing", "Proposal", "Appeal",
	"Blog post", "Article", "Journal Article", "Book Chapter", "Mailing list post", "Review",
	"Commentary", "Op-ed", "News article", "Press release",
}

var genreIndex = func() map[string]string {
	m := map[string]string{}
	for _, g := range genres {
		m[strings.ToLower(g)] = g
	}
	return m
}()

// Genre reports whether a whole block names a document type.
func Genre(block string) (string, bool) {
	g, ok := genreIndex[strings.ToLower(strings.TrimSpace(strings.TrimSuffix(block, ".")))]
	return g, ok
}

// SecondaryGenre reports whether a genre is writing about documents.
func SecondaryGenre(g string) bool {
	switch strings.ToLower(g) {
	case "blog post", "article", "journal article", "book chapter", "mailing list post", "review", "commentary", "op-ed", "news article", "press release":
		return true
	}
	return false
}

var typeHints = []struct {
	re   *regexp.Regexp
	kind string
}{
	{regexp.MustCompile(`(?i)\b(record|notes|minutes|memorandum|transcript) of (a |the )?(conversation|meeting|talks?)\b|\bmeeting (between|of|with)\b|\bconversation (between|of|with)\b`), "Minutes of Conversation"},
	{regexp.MustCompile(`(?i)\bciphered telegram\b|\bcipher(ed)? (cable|telegram)\b`), "Ciphered Telegram"},
	{regexp.MustCompile(`(?i)\btelegram\b`), "Telegram"},
	{regexp.MustCompile(`(?i)\bcable\b`), "Cable"},
	{regexp.MustCompile(`(?i)\bletter\b`), "Letter"},
	{regexp.MustCompile(`(?i)\bmemorandum\b`), "Memorandum"},
	{regexp.MustCompile(`(?i)\bdiary\b`), "Diary Entry"},
	{regexp.MustCompile(`(?i)\bspeech\b`), "Speech"},
	{regexp.MustCompile(`(?i)\bresolution\b`), "Resolution"},
	{regexp.MustCompile(`(?i)\breport\b`), "Report"},
	{regexp.MustCompile(`(?i)\binstructions?\b`), "Instruction"},
	{regexp.MustCompile(`(?i)\bdespatch\b|\bdispatch\b`), "Despatch"},
}

// InferType guesses a document's genre from its title, then from its opening text.
func InferType(title, opening string) string {
	lead := strings.SplitN(title, ",", 2)[0]
	if g, ok := Genre(lead); ok {
		return g
	}
	for _, s := range []string{title, firstSentence(opening)} {
		for _, h := range typeHints {
			if h.re.MatchString(s) {
				return h.kind
			}
		}
	}
	return ""
}

func firstSentence(s string) string {
	s = strings.TrimPrefix(s, "[")
	if i := strings.Index(s, ". "); i > 0 {
		return s[:i]
	}
	if len(s) > 200 {
		return s[:200]
	}
	return s
}

var classifications = []string{
	"top secret", "strictly secret", "secret", "confidential", "restricted",
	"for official use only", "top secret - special file", "special file", "eyes only",
	"совершенно секретно", "секретно", "строго секретно", "особая папка",
	"sovershenno sekretno", "nodis", "exdis", "limdis",
}

// Classification reports whether a block is a security classification marking.
func Classification(block string) (string, bool) {
	b := strings.Trim(block, " .[]()")
	for _, c := range classifications {
		if strings.EqualFold(b, c) {
			return b, true
		}
	}
	return "", false
}
