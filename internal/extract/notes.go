package extract

import (
	"regexp"
	"strings"

	"fond/internal/record"
)

var noteLabels = []struct {
	re   *regexp.Regexp
	kind string
}{
	{regexp.MustCompile(`(?i)^translator[’']?s?[’']? note\s*:?\s*`), record.NoteTranslator},
	{regexp.MustCompile(`(?i)^(editor[’']?s?[’']? note|editorial note|ed\. note|note by the editors?)\s*:?\s*`), record.NoteEditor},
	{regexp.MustCompile(`(?i)^(in the margins?|marginalia|marginal note|handwritten( note)?|notation|stamp|written (at|on) the (top|bottom|margin))\b`), record.NoteMarginalia},
	{regexp.MustCompile(`(?i)^(note)\s*:\s*`), record.NoteEditor},
}

// EditorialNote classifies a square-bracketed block as editorial matter: a
// translator's or editor's note, or a description of marginalia. Bracketed blocks
// that are none of these are part of the document (an original heading, say).
func EditorialNote(block string) (record.Note, bool) {
	inner, ok := Bracketed(block)
	if !ok {
		return record.Note{}, false
	}
	for _, l := range noteLabels {
		if loc := l.re.FindStringIndex(inner); loc != nil {
			text := inner
			if l.kind != record.NoteMarginalia {
				text = strings.TrimSpace(inner[loc[1]:])
			}
			return record.Note{Kind: l.kind, Text: text}, true
		}
	}
	return record.Note{}, false
}
