package scan

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"fond/internal/testutil"
)

func TestFromTSV(t *testing.T) {
	const head = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
	tests := []struct {
		name, tsv, text string
		conf            float64
	}{
		{"empty", head, "", 0},
		{"lines and paragraphs", head +
			"1\t1\t0\t0\t0\t0\t0\t0\t10\t10\t-1\t\n" +
			"5\t1\t1\t1\t1\t1\t0\t100\t1\t30\t90\tCIPHERED\n" +
			"5\t1\t1\t1\t1\t2\t0\t100\t1\t30\t80\tTELEGRAM\n" +
			"5\t1\t1\t1\t2\t1\t0\t140\t1\t30\t70\tFrom\n" +
			"5\t1\t1\t2\t1\t1\t0\t230\t1\t30\t60\tText.\n",
			"CIPHERED TELEGRAM\nFrom\n\nText.", 0.75},
		{"blank words and bad rows skipped", head +
			"5\t1\t1\t1\t1\t1\t0\t0\t1\t1\t95\t \n" +
			"5\t1\t1\t1\t1\t2\t0\t0\t1\t1\tx\tword\n" +
			"5\t1\t1\t1\t1\t3\t0\t0\t1\n" +
			"5\t1\t1\t1\t1\t4\t0\t0\t1\t1\t50\tkept\r\n",
			"kept", 0.5},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := fromTSV(tc.tsv)
			if got.text != tc.text || got.confidence != tc.conf {
				t.Errorf("fromTSV = %q, %v; want %q, %v", got.text, got.confidence, tc.text, tc.conf)
			}
		})
	}
}

// Each line keeps the box around its words, in the image's pixels; the
// page's size is the level-1 row's.
func TestFromTSVLines(t *testing.T) {
	tsv := "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n" +
		"1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t\n" +
		"4\t1\t1\t1\t1\t0\t90\t98\t400\t40\t-1\t\n" +
		"5\t1\t1\t1\t1\t1\t100\t100\t150\t30\t90\tCIPHERED\n" +
		"5\t1\t1\t1\t1\t2\t260\t98\t200\t34\t80\tTELEGRAM\n" +
		"5\t1\t1\t1\t2\t1\t100\t140\t80\t30\t70\tCтaлин\n" // Latin C and a: folded
	got := fromTSV(tsv).layout
	want := Layout{Width: 2480, Height: 3508, Lines: []Line{
		{Text: "CIPHERED TELEGRAM", X: 100, Y: 98, W: 360, H: 34},
		{Text: "Сталин", X: 100, Y: 140, W: 80, H: 30},
	}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("layout %+v\nwant %+v", got, want)
	}
}

// A short line's look-alikes are folded by the page's script, in the
// layout's lines as in the text.
func TestFromTSVFoldsByPage(t *testing.T) {
	tsv := "1\t1\t0\t0\t0\t0\t0\t0\t1240\t1754\t-1\t\n" +
		"5\t1\t1\t1\t1\t1\t100\t100\t40\t20\t90\tNо.\n" + // Cyrillic о
		"5\t1\t1\t1\t1\t2\t150\t100\t30\t20\t90\t17\n" +
		"5\t1\t2\t1\t1\t1\t100\t130\t200\t20\t90\tMr.\n" +
		"5\t1\t2\t1\t1\t2\t310\t130\t200\t20\t90\tAdams\n" +
		"5\t1\t2\t1\t1\t3\t520\t130\t200\t20\t90\tto\n" +
		"5\t1\t2\t1\t1\t4\t730\t130\t200\t20\t90\tMr.\n" +
		"5\t1\t2\t1\t1\t5\t940\t130\t200\t20\t90\tSeward\n"
	got := fromTSV(tsv)
	if !strings.HasPrefix(got.text, "No. 17") || len(got.layout.Lines) == 0 || got.layout.Lines[0].Text != "No. 17" {
		t.Errorf("text %q, layout %+v", got.text, got.layout.Lines)
	}
}

func TestParagraphs(t *testing.T) {
	l := func(text string, top float64, block string) line {
		return line{text: text, top: top, bottom: top + 10, block: block}
	}
	tests := []struct {
		name  string
		lines []line
		want  string
	}{
		{"none", nil, ""},
		{"close lines are one paragraph", []line{l("a", 0, "1"), l("b", 13, "1")}, "a\nb"},
		{"a blank line's gap breaks", []line{l("a", 0, "1"), l("b", 30, "1")}, "a\n\nb"},
		{"a new block with some gap breaks", []line{l("a", 0, "1"), l("b", 15, "2")}, "a\n\nb"},
		{"a new block at line spacing does not", []line{l("a", 0, "1"), l("b", 12, "2")}, "a\nb"},
		{"back up the page is a new column", []line{l("a", 100, "1"), l("b", 20, "1")}, "a\n\nb"},
		{"an empty line leaves its gap", []line{l("a", 0, "1"), l("  ", 13, "1"), l("b", 26, "1")}, "a\n\nb"},
	}
	for _, tc := range tests {
		if got := paragraphs(tc.lines); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestFromBBox(t *testing.T) {
	out := `<!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><head></head><body><doc>
<page width="612" height="792"><flow><block>
<line xMin="72" xMax="198" yMin="63" yMax="74"><word>CIPHERED</word><word>TELEGRAM</word></line>
<line xMin="72" xMax="190" yMin="79" yMax="90"><word>From</word><word>Pyongyang&amp;Co</word></line>
</block><block><line xMin="72" xMax="100" yMin="111" yMax="122"><word>Text.</word></line></block></flow></page>
<page width="612" height="792"></page></doc></body></html>`
	pages, err := fromBBox([]byte(out))
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 2 || pages[0].text != "CIPHERED TELEGRAM\nFrom Pyongyang&Co\n\nText." || pages[1].text != "" {
		t.Errorf("pages %+v", pages)
	}
	// Boxes in points, scaled to the page drawn 3,508 pixels high.
	if l := pages[0].layout; l.Width != 2711 || l.Height != 3508 || len(l.Lines) != 3 ||
		l.Lines[0] != (Line{Text: "CIPHERED TELEGRAM", X: 319, Y: 279, W: 558, H: 49}) {
		t.Errorf("layout %+v", l)
	}
	if _, err := fromBBox([]byte("<html><body><doc><page>")); err == nil {
		t.Error("truncated output accepted")
	}
	// A font that maps a glyph to a control character must not lose the file.
	pages, err = fromBBox([]byte("<html><body><doc><page><flow><block><line yMin=\"1\" yMax=\"9\"><word>Tele\x03gram</word></line></block></flow></page></doc></body></html>"))
	if err != nil || len(pages) != 1 || pages[0].text != "Tele gram" {
		t.Errorf("control character: %+v, %v", pages, err)
	}
}

func TestCapped(t *testing.T) {
	c := &capped{max: 5}
	if n, err := c.Write([]byte("abc")); n != 3 || err != nil {
		t.Fatal(n, err)
	}
	if _, err := c.Write([]byte("def")); err == nil || !c.over || c.b.String() != "abc" {
		t.Errorf("over the cap: %v %v %q", err, c.over, c.b.String())
	}
	q := &capped{max: 2, quiet: true}
	if n, err := q.Write([]byte("abc")); n != 3 || err != nil || q.b.Len() != 0 {
		t.Errorf("quiet cap: %d %v %q", n, err, q.b.String())
	}
}

func FuzzFromBBox(f *testing.F) {
	f.Add([]byte(`<html><body><doc><page><flow><block><line yMin="1" yMax="2"><word>a</word></line></block></flow></page></doc></body></html>`))
	f.Fuzz(func(t *testing.T, out []byte) {
		pages, err := fromBBox(out)
		if err != nil {
			return
		}
		for _, pg := range pages {
			p := pg.text
			if strings.Contains(p, "\n\n\n") || strings.TrimSpace(p) != p && p != "" {
				t.Errorf("page %q: paragraphs not normalized", p)
			}
			for _, l := range pg.layout.Lines {
				if l.W <= 0 || l.H <= 0 || l.Text == "" {
					t.Errorf("line %+v: empty box or text", l)
				}
			}
		}
	})
}

func FuzzFromTSV(f *testing.F) {
	f.Add("5\t1\t1\t1\t1\t1\t0\t0\t1\t1\t90\tword\n")
	f.Add("level\tpage_num\n5\t\t\t\t\t\t\t\t\t\t-1\t\n")
	f.Fuzz(func(t *testing.T, tsv string) {
		got := fromTSV(tsv)
		text, conf, words := got.text, got.confidence, got.words
		if conf < 0 || conf > 1 || (words == 0) != (text == "") {
			t.Errorf("fromTSV(%q) = %q, %v, %d", tsv, text, conf, words)
		}
		for _, l := range got.layout.Lines {
			if l.W <= 0 || l.H <= 0 || l.Text == "" {
				t.Errorf("fromTSV(%q): line %+v has an empty box or text", tsv, l)
			}
		}
	})
}

func TestFoldHomoglyphs(t *testing.T) {
	for in, want := range map[string]string{
		"Cталин и Mолотов":          "Сталин и Молотов",   // Latin C and M in Russian words
		"Mоscоw, 7 February":        "Moscow, 7 February", // Cyrillic о in an English word
		"Stalin Сталин":             "Stalin Сталин",      // each word in one script: untouched
		"Ким Ир Сен (Kim Il Sung).": "Ким Ир Сен (Kim Il Sung).",
		"Вa":                        "Вa", // even: no majority, left as read
		// Words of look-alikes alone take the line's script, or the page's.
		"No. 17\n[From а Paris рарег.]\nM. Supervielle, who has just arrived": "No. 17\n[From a Paris paper.]\nM. Supervielle, who has just arrived",
		"Nо. 17\nThe Secretary of State to the Minister":                      "No. 17\nThe Secretary of State to the Minister",
		"Сталин и Мао встретились в Москве":                                   "Сталин и Мао встретились в Москве",
		"Сталин и Mao встретились в Москве":                                   "Сталин и Мао встретились в Москве",
		"Nо": "Nо", // nothing to say which
	} {
		if got := foldHomoglyphs(in); got != want {
			t.Errorf("foldHomoglyphs(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestKind(t *testing.T) {
	for in, want := range map[string]string{
		"%PDF-1.7\n": "pdf", "\x89PNG\r\n": "image", "\xff\xd8\xff\xe0": "image",
		"II*\x00": "image", "MM\x00*": "image", "Dear Sir": "", "": "",
	} {
		if got := Kind([]byte(in)); got != want {
			t.Errorf("Kind(%q) = %q, want %q", in, got, want)
		}
	}
}

// tools returns the configuration from the environment, or skips the test when
// the programs are missing.
func tools(t *testing.T) Tools {
	t.Helper()
	tl := FromEnv()
	testutil.NeedPrograms(t, tl.PDFToText, tl.PDFToPPM, tl.Tesseract)
	return tl
}

var telegram = []string{
	"CIPHERED TELEGRAM",
	"From Pyongyang, 7 February 1950.",
	"To Vyshinsky. Kim Il Sung asked again about the loan",
	"and the delivery of the equipment before the spring.",
}

func TestPDFTextLayer(t *testing.T) {
	tl := tools(t)
	got, err := tl.PDF(context.Background(), testutil.PDF(telegram, []string{"Second page: the answer from Moscow is awaited."}))
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Pages) != 2 || got.OCRPages != 0 || got.Confidence != 0 {
		t.Fatalf("pages %d, OCR pages %d, confidence %v; want 2, 0, 0", len(got.Pages), got.OCRPages, got.Confidence)
	}
	checkLayouts(t, got, "Pyongyang")
	if !strings.HasPrefix(got.Pages[0], "CIPHERED TELEGRAM\nFrom Pyongyang, 7 February 1950.") || !strings.Contains(got.Pages[1], "answer from Moscow") {
		t.Errorf("text:\n%s", got)
	}
}

func TestScannedPDFIsRead(t *testing.T) {
	tl := tools(t)
	_, scanned := testutil.Scan(t, telegram)
	// Without OCR there is no text: the page is only an image.
	if out, _ := tl.run(context.Background(), "", tl.PDFToText, scanned, "-", "-"); letters(string(out)) != 0 {
		t.Fatalf("the scanned PDF has a text layer: %q", out)
	}
	got, err := tl.PDF(context.Background(), scanned)
	if err != nil {
		t.Fatal(err)
	}
	if got.OCRPages != 1 || got.Confidence < 0.5 {
		t.Errorf("OCR pages %d, confidence %v; want 1 and at least 0.5", got.OCRPages, got.Confidence)
	}
	checkLayouts(t, got, "Pyongyang")
	for _, w := range []string{"CIPHERED TELEGRAM", "Pyongyang", "February 1950", "Vyshinsky", "loan"} {
		if !strings.Contains(got.String(), w) {
			t.Errorf("OCR text lacks %q:\n%s", w, got)
		}
	}
}

// checkLayouts asserts that every page has lines, that every line's box is
// inside its page, that lines go down the page, and that a line holds want.
func checkLayouts(t *testing.T, got Text, want string) {
	t.Helper()
	if len(got.Layouts) != len(got.Pages) {
		t.Fatalf("%d layouts for %d pages", len(got.Layouts), len(got.Pages))
	}
	found := false
	for p, l := range got.Layouts {
		if len(l.Lines) == 0 || l.Width < 1000 || l.Height < 1000 {
			t.Errorf("page %d: %d lines on %d×%d pixels", p+1, len(l.Lines), l.Width, l.Height)
		}
		for i, ln := range l.Lines {
			if ln.X < 0 || ln.Y < 0 || ln.W <= 0 || ln.H <= 0 || ln.X+ln.W > l.Width || ln.Y+ln.H > l.Height || ln.H > l.Height/10 {
				t.Errorf("page %d line %d: box %+v outside the page or not a line's", p+1, i+1, ln)
			}
			if i > 0 && ln.Y <= l.Lines[i-1].Y {
				t.Errorf("page %d line %d: above the line before it", p+1, i+1)
			}
			found = found || strings.Contains(ln.Text, want)
		}
	}
	if !found {
		t.Errorf("no line holds %q: %+v", want, got.Layouts)
	}
}

func TestImageIsRead(t *testing.T) {
	tl := tools(t)
	page, _ := testutil.Scan(t, telegram)
	got, err := tl.Image(context.Background(), page)
	if err != nil {
		t.Fatal(err)
	}
	// Not "Kim Il Sung": in Helvetica a capital I and a small l are one shape.
	if !strings.Contains(got.String(), "Sung asked again") || got.OCRPages != 1 {
		t.Errorf("image text (%d OCR pages):\n%s", got.OCRPages, got)
	}
}

// A page with a short text layer (a page number, a stamp) is read by OCR when
// that finds more; without OCR it keeps its layer, while a page with no text at
// all cannot be read without OCR, and says so.
func TestShortPages(t *testing.T) {
	tl := tools(t)
	ctx := context.Background()
	pdf := testutil.PDF(telegram, []string{"- 2 -"})
	got, err := tl.PDF(ctx, pdf)
	if err != nil || len(got.Pages) != 2 || got.Pages[1] != "- 2 -" {
		t.Errorf("short page with OCR: %q, %v", got.Pages, err)
	}
	noOCR := tl
	noOCR.Tesseract = "/nonexistent/tesseract"
	got, err = noOCR.PDF(ctx, pdf)
	if err != nil || len(got.Pages) != 2 || got.OCRPages != 0 || got.Pages[1] != "- 2 -" {
		t.Errorf("short page without OCR: %q, %v", got.Pages, err)
	}
	_, scanned := testutil.Scan(t, telegram)
	_, err = noOCR.PDF(ctx, scanned)
	if !errors.Is(err, ErrNoTool) || !strings.Contains(err.Error(), "page 1 is a scan") || !strings.Contains(err.Error(), "tesseract-ocr") {
		t.Errorf("scan without OCR: %v", err)
	}
}

func TestUnreadableFiles(t *testing.T) {
	tl := tools(t)
	ctx := context.Background()
	if _, err := tl.PDF(ctx, []byte("%PDF-1.4\nnot really a PDF")); err == nil || !strings.Contains(err.Error(), "pdftotext") {
		t.Errorf("damaged PDF: %v", err)
	}
	blank := testutil.PDF([]string{})
	if _, err := tl.PDF(ctx, blank); !errors.Is(err, ErrNoText) {
		t.Errorf("PDF without words: %v, want ErrNoText", err)
	}
	missing := tl
	missing.PDFToText = "/nonexistent/pdftotext"
	_, err := missing.PDF(ctx, testutil.PDF(telegram))
	if !errors.Is(err, ErrNoTool) || !strings.Contains(err.Error(), "poppler-utils") || !strings.Contains(err.Error(), "FOND_PDFTOTEXT") {
		t.Errorf("missing pdftotext: %v", err)
	}
}

func FuzzFoldHomoglyphs(f *testing.F) {
	f.Add("Cталин и Mолотов, Mоscоw")
	f.Fuzz(func(t *testing.T, s string) {
		out := foldHomoglyphs(s)
		if utf8.ValidString(s) && utf8.RuneCountInString(out) != utf8.RuneCountInString(s) || foldHomoglyphs(out) != out {
			t.Errorf("foldHomoglyphs(%q) = %q: length changed or not idempotent", s, out)
		}
	})
}

// Words are joined as their script writes them: alphabets with spaces,
// Chinese without, Korean with a space only where the page has a gap.
func TestJoinWords(t *testing.T) {
	w := func(text string, left, right float64) tsvWord {
		return tsvWord{text: text, left: left, right: right, height: 42}
	}
	for _, tc := range []struct {
		words []tsvWord
		want  string
	}{
		{nil, ""},
		{[]tsvWord{w("Kim", 0, 60), w("Il", 62, 80), w("Sung", 81, 150)}, "Kim Il Sung"}, // alphabets: always a space
		{[]tsvWord{w("大", 0, 40), w("使", 48, 88), w("说", 140, 180), w("，", 182, 200), w("1949", 202, 280), w("年", 282, 320)}, "大使说，1949年"},
		// Syllables 16 px apart are one word; 19 px (0.45 of the height) is a space.
		{[]tsvWord{w("대", 0, 30), w("표", 46, 76), w("단이", 90, 150), w("아침", 182, 260), w("1949", 280, 350), w("년", 352, 390), w("3", 409, 430), w("월", 440, 480)}, "대표단이 아침 1949년 3월"},
		{[]tsvWord{w("Moscow", 0, 100), w("모스크바", 102, 200)}, "Moscow모스크바"}, // touching: one word
	} {
		if got := joinWords(tc.words); got != tc.want {
			t.Errorf("joinWords = %q, want %q", got, tc.want)
		}
	}
}
