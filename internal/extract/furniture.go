package extract

import (
	"regexp"
	"strings"
)

// furniture is text that web pages wrap around a document: navigation, buttons,
// PDF-viewer fallbacks. Matched on whole blocks, case-insensitively.
var furniture = map[string]bool{
	"skip to content": true, "skip to main content": true, "skip to navigation": true,
	"search in": true, "search": true, "menu": true, "support": true, "donate": true,
	"citation": true, "get citation": true, "share document": true, "share": true,
	"download": true, "print": true, "english html": true, "english pdf": true, "original language pdf": true,
	"read more": true, "back to top": true, "subscribe": true, "close": true, "home": true,
	"digital archive international history declassified": true,
	"digital archive": true, "more information about the lbo-talk mailing list": false,
}

// maxFurniture is the longest phrase in furniture, in bytes.
var maxFurniture = func() int {
	n := 0
	for k := range furniture {
		n = max(n, len(k))
	}
	return n
}()

var furniturePatterns = []*regexp.Regexp{
	regexp.MustCompile(`(?i)^it appears your web browser is not configured to display pdf files`),
	regexp.MustCompile(`(?i)^click here to (view|download) the pdf`),
	regexp.MustCompile(`(?i)^pdfs cannot be printed inline`),
	regexp.MustCompile(`(?i)^more information about the .* mailing list$`),
	regexp.MustCompile(`(?i)^(previous|next) message( \(by thread\))?:`),
	regexp.MustCompile(`(?i)^messages sorted by:`),
	regexp.MustCompile(`^[\[\]|•\s]*$`),
}

// IsFurniture reports whether a block is page furniture rather than content.
func IsFurniture(block string) bool {
	b := strings.TrimSpace(block)
	// Only a short block can be one of the phrases; the patterns ignore case
	// themselves, so a long paragraph is not copied to be lowercased.
	if len(b) <= maxFurniture && furniture[strings.ToLower(b)] {
		return true
	}
	for _, re := range furniturePatterns {
		if re.MatchString(b) {
			return true
		}
	}
	return false
}

var rightsPatterns = []*regexp.Regexp{
	regexp.MustCompile(`(?i)\bwelcomes reuse\b`),
	regexp.MustCompile(`(?i)\bsubject to copyright\b`),
	regexp.MustCompile(`(?i)\brights (status|holders?|reserved)\b`),
	regexp.MustCompile(`(?i)\bpermission (for|to) (commercial use|reproduce)\b`),
	regexp.MustCompile(`(?i)^(©|copyright\b|\(c\) \d{4})`),
	regexp.MustCompile(`(?i)\bcreative commons\b|\bpublic domain\b`),
}

// IsRights reports whether a block is a rights or permissions statement.
func IsRights(block string) bool {
	for _, re := range rightsPatterns {
		if re.MatchString(block) {
			return true
		}
	}
	return false
}
