package extract

import (
	"strings"
	"testing"
)

// Notes at the foot of a page shared by two documents, each numbering its own:
// the first document's run of stars (four and five of them too) goes to it,
// the "1" that restarts the count to the document whose heading calls it.
func TestSplitVolumeNotes(t *testing.T) {
	pages := []string{
		"434 FOREIGN RELATIONS, VOLUME II\n\n2.\n\nThe Secretary of State to the Minister in Cuba*\n\nWashington, March 2, 1925.\n\nThe treaty was signed today.\n\n* File No. 837.014P/300.",
		"CUBA 435\n\nIt will be sent to the Senate.\n\nKellogg\n\n3.\n\nThe Secretary of State to the Ambassador in Cuba (Crowder)1\n\nWashington, March 13, 1925.\n\nThe Senate gave its consent.\n\n" +
			"** For texts, see Foreign Relations, 1898.\n**** Filed separately.\n***** Foreign Relations, 1904, p. 243.\n1 837.014P/371a: Telegram",
		"436 FOREIGN RELATIONS, VOLUME II\n\nKellogg",
	}
	parts := SplitVolume(pages)
	if len(parts) != 2 || parts[0].Number != "2" || parts[1].Number != "3" {
		t.Fatalf("parts %+v", parts)
	}
	if parts[0].First != 0 || parts[0].Last != 1 || parts[1].First != 1 || parts[1].Last != 2 {
		t.Errorf("pages: %d–%d, %d–%d", parts[0].First, parts[0].Last, parts[1].First, parts[1].Last)
	}
	first, second := parts[0].Text, parts[1].Text
	for _, s := range []string{"Filed separately", "Foreign Relations, 1904", "sent to the Senate", "837.014P/300"} {
		if !strings.Contains(first, s) || strings.Contains(second, s) {
			t.Errorf("%q not the first document's alone:\n%s\n----\n%s", s, first, second)
		}
	}
	if !strings.Contains(second, "837.014P/371a") || strings.Contains(first, "371a") || !strings.HasPrefix(second, "CUBA 435") {
		t.Errorf("second document:\n%s", second)
	}
}

// Numbers that are not documents' are not taken: a despatch's number under the
// heading, a telegram's far above the last document's, a numbered paragraph.
func TestSplitVolumeNumbers(t *testing.T) {
	pages := []string{
		"12 FOREIGN RELATIONS, 1934\n\n3.\n\nThe Ambassador in Argentina (Weddell) to the Secretary of State\n\nNo. 28\n\nSir: I have the honor.\n\n4. The second paragraph.\n\nNo. 3219\n\nWeddell",
		"ARGENTINA 13\n\nNo. 4\n\nMemorandum by the Secretary of State\n\nWashington, May 2, 1934.\n\nThe Ambassador called.",
	}
	parts := SplitVolume(pages)
	if len(parts) != 2 || parts[0].Number != "3" || parts[1].Number != "4" || !strings.Contains(parts[0].Text, "No. 3219") {
		for _, p := range parts {
			t.Logf("%s: %q", p.Number, p.Text)
		}
		t.Fatalf("%d parts", len(parts))
	}
	if SplitVolume(pages[:1]) != nil {
		t.Error("one document split")
	}
}
