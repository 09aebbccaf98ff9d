package eval

import (
	"bytes"
	"context"
	"fmt"
	"hash/fnv"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"fond/internal/archref"
	"fond/internal/ingest"
	"fond/internal/ingest/scan"
	"fond/internal/ingest/tei"
	"fond/internal/record"
)

// HeldOut are the volumes kept out of what is looked at while the printed-page
// rules are developed: their figures are reported apart, as a test of rules the
// developer never tuned on them. One from each era of printing conventions.
var HeldOut = map[string]bool{
	"frus1864p4": true, "frus1884": true, "frus1918Russiav03": true, "frus1930v01": true,
}

// PrintedFields are the fields scored on printed pages.
var PrintedFields = []string{"title", "date", "doc_number", "reference", "place"}

// Printed modes: the page as text, typeset as a PDF and read through fond's PDF
// path, and that PDF's page images recognized by OCR.
const (
	ModeText = "text"
	ModePDF  = "pdf"
	ModeOCR  = "ocr"
)

// PrintedOptions chooses what is run. A mode with Every 0 is skipped; Every n
// takes every n-th document of each volume (PDF and OCR cost a process or an
// OCR run per page, so CI runs a sample).
type PrintedOptions struct {
	TextEvery, PDFEvery, OCREvery int
	// Volumes, if set, limits the run to these volume names (without ".xml").
	Volumes []string
	Samples int
	// Whole volumes, set on shared pages and read as one file each, as text
	// and as one PDF: the modes volume-text and volume-pdf.
	WholeText, WholePDF bool
	// Scan ages the OCR mode's rendered pages as scans are (nil: read the
	// clean render); PrintedScanStyle is the default of `fond eval printed`.
	Scan *ScanStyle
	// Jobs is how many documents are read at once (0 or 1: one by one).
	Jobs int
	// OCRCache, if set, is a directory keeping each page image's recognized
	// text, so that a rerun after a change to the reader skips Tesseract.
	OCRCache string
}

// PrintedRun is one mode over one split (dev or held-out).
type PrintedRun struct {
	Mode      string `json:"mode"`
	Split     string `json:"split"`
	Documents int    `json:"documents"`
	// Whole-volume modes: the records the volumes' files gave, and how many
	// of the documents printed with a number were among them.
	Records int     `json:"records,omitempty"`
	Found   int     `json:"found,omitempty"`
	Scores  []Score `json:"scores"`
}

// PrintedReport is the printed-page evaluation.
type PrintedReport struct {
	Volumes  []string             `json:"volumes"`
	HeldOut  []string             `json:"held_out"`
	Runs     []PrintedRun         `json:"runs"`
	Failures map[string][]Failure `json:"-"`
	Skipped  []string             `json:"skipped,omitempty"`
}

// newPrintedReport starts a report of the printed evaluations: the volumes
// asked for (none: every one) and the held-out list it states.
func newPrintedReport(volumes []string) (map[string]bool, *PrintedReport) {
	want := map[string]bool{}
	for _, v := range volumes {
		want[v] = true
	}
	rep := &PrintedReport{Failures: map[string][]Failure{}}
	for v := range HeldOut {
		rep.HeldOut = append(rep.HeldOut, v)
	}
	sort.Strings(rep.HeldOut)
	return want, rep
}

// splitOf is the part of the evaluation a volume belongs to.
func splitOf(volName string) string {
	if HeldOut[volName] {
		return "held-out"
	}
	return "dev"
}

// Printed evaluates printed-page layouts generated from every TEI volume in dir.
func Printed(ctx context.Context, dir string, opt PrintedOptions) (*PrintedReport, error) {
	files, err := volumeFiles(dir)
	if err != nil {
		return nil, err
	}
	want, rep := newPrintedReport(opt.Volumes)
	type key struct{ mode, split string }
	runs := map[key]*PrintedRun{}
	counts := map[key]map[string]*Score{}
	tools := scan.FromEnv()
	every := map[string]int{ModeText: opt.TextEvery, ModePDF: opt.PDFEvery, ModeOCR: opt.OCREvery}
	wholePDF := opt.WholePDF
	// Without its programs a mode would read nothing and score zero, which
	// says nothing of the reader: it is skipped, saying what to install.
	missing := func(progs ...string) string {
		for _, p := range progs {
			if _, err := exec.LookPath(p); err != nil {
				return p
			}
		}
		return ""
	}
	if every[ModePDF] > 0 || every[ModeOCR] > 0 || wholePDF {
		if p := missing("groff", tools.PDFToText); p != "" {
			rep.Skipped = append(rep.Skipped, fmt.Sprintf("pdf and ocr: %s is not installed (apt-get install groff poppler-utils)", p))
			every[ModePDF], every[ModeOCR] = 0, 0
			wholePDF = false
		}
	}
	if every[ModeOCR] > 0 {
		if p := missing(tools.PDFToPPM, tools.Tesseract); p != "" {
			rep.Skipped = append(rep.Skipped, fmt.Sprintf("ocr: %s is not installed (apt-get install poppler-utils tesseract-ocr)", p))
			every[ModeOCR] = 0
		}
	}
	newRun := func(k key) {
		if runs[k] == nil {
			runs[k] = &PrintedRun{Mode: k.mode, Split: k.split}
			counts[k] = map[string]*Score{}
			for _, f := range PrintedFields {
				counts[k][f] = &Score{Field: f}
			}
		}
	}
	score := func(k key, show bool, name string, g PrintedGold, got record.Record) {
		check := func(field, want, have string, right bool) {
			if want == "" {
				return
			}
			c := counts[k][field]
			c.Checked++
			if right {
				c.Correct++
			} else if show && len(rep.Failures[k.mode+"/"+field]) < opt.Samples {
				rep.Failures[k.mode+"/"+field] = append(rep.Failures[k.mode+"/"+field], Failure{field, name, want, have})
			}
		}
		check("title", g.Title, got.Title, normalize(g.Title) == normalize(got.Title))
		check("date", g.Date, exactDay(got.Date), g.Date == exactDay(got.Date))
		check("doc_number", g.DocNumber, got.DocNumber, g.DocNumber == got.DocNumber)
		ref, ok := referenceFound(got, g.Reference)
		check("reference", g.Reference, ref, ok)
		check("place", g.Place, got.Place, normalize(g.Place) == normalize(got.Place))
	}
	seq := 0
	for _, path := range files {
		volName := strings.TrimSuffix(filepath.Base(path), ".xml")
		if len(want) > 0 && !want[volName] {
			continue
		}
		rep.Volumes = append(rep.Volumes, volName)
		split := splitOf(volName)
		docs, err := readVolume(ctx, path)
		if err != nil {
			return nil, err
		}
		for _, mode := range []string{ModeVolumeText, ModeVolumePDF} {
			if mode == ModeVolumeText && !opt.WholeText || mode == ModeVolumePDF && !wholePDF {
				continue
			}
			k := key{mode, split}
			newRun(k)
			v := LayOutVolume(docs)
			records, got, err := volumeScores(ctx, mode, volName, v)
			if err != nil {
				return nil, fmt.Errorf("%s %s: %w", mode, volName, err)
			}
			runs[k].Records += records
			for i, g := range v.Golds {
				if g.DocNumber == "" {
					continue // printed without a number: nothing to find it by
				}
				runs[k].Documents++
				r, ok := got[g.DocNumber]
				if ok {
					runs[k].Found++
				}
				score(k, split == "dev", mode+" "+volName+"#"+docs[i].XMLID, g, r)
			}
		}
		// The volume's reads run opt.Jobs at a time (PDF and OCR wait on
		// groff and Tesseract) and are scored in order, so the report does
		// not depend on which finished first.
		var reads []printedRead
		for i := range docs {
			d := &docs[i]
			seq++
			for _, mode := range []string{ModeText, ModePDF, ModeOCR} {
				// Counted across volumes, so a sample smaller than the
				// volumes still spreads over them.
				if n := every[mode]; n <= 0 || (seq-1)%n != 0 {
					continue
				}
				reads = append(reads, printedRead{mode: mode, name: volName + "#" + d.XMLID, page: LayOut(d)})
			}
		}
		if err := readAll(ctx, tools, reads, opt); err != nil {
			return nil, err
		}
		for _, rd := range reads {
			k := key{rd.mode, split}
			newRun(k)
			runs[k].Documents++
			// Held-out volumes' failures are not shown: they are not to be
			// looked at while the rules are developed.
			show := split == "dev"
			if rd.err != nil && show && len(rep.Failures["error"]) < opt.Samples {
				rep.Failures["error"] = append(rep.Failures["error"], Failure{"error", rd.name, "", rd.err.Error()})
			}
			score(k, show, rd.mode+" "+rd.name, rd.page.Gold, rd.got)
		}
	}
	var keys []key
	for k := range runs {
		keys = append(keys, k)
	}
	order := map[string]int{ModeText: 0, ModePDF: 1, ModeOCR: 2, ModeVolumeText: 3, ModeVolumePDF: 4}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].mode != keys[j].mode {
			return order[keys[i].mode] < order[keys[j].mode]
		}
		return keys[i].split < keys[j].split
	})
	for _, k := range keys {
		r := runs[k]
		for _, f := range PrintedFields {
			c := counts[k][f]
			if c.Checked > 0 {
				c.Rate = float64(c.Correct) / float64(c.Checked)
			}
			r.Scores = append(r.Scores, *c)
		}
		rep.Runs = append(rep.Runs, *r)
	}
	return rep, nil
}

// referenceFound: the source note is found if a source has its file number, or
// reads as the note (a layout may print "Source: Department of State, Central
// Files," before it).
func referenceFound(r record.Record, want string) (string, bool) {
	if want == "" {
		return "", false
	}
	file := archref.Parse(want).File
	for _, s := range r.Sources {
		n, w := normalize(s.Reference), normalize(want)
		if n == w || strings.HasSuffix(n, " "+w) || file != "" && s.File == file {
			return s.Reference, true
		}
	}
	if len(r.Sources) == 0 {
		return "", false
	}
	return r.Sources[0].Reference, false
}

// printedRead is one document read in one mode, and what came of it.
type printedRead struct {
	mode, name string
	page       *PrintedPage
	got        record.Record
	err        error
}

// readAll reads each document, opt.Jobs at a time. Only the context's end
// stops it; a document that cannot be read is scored as read empty.
func readAll(ctx context.Context, tools scan.Tools, reads []printedRead, opt PrintedOptions) error {
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(opt.Jobs, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				rd := &reads[i]
				rd.got, rd.err = readPrinted(ctx, tools, rd.mode, rd.name, rd.page, opt)
			}
		}()
	}
	for i := range reads {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	return ctx.Err()
}

func readPrinted(ctx context.Context, tools scan.Tools, mode, name string, page *PrintedPage, opt PrintedOptions) (record.Record, error) {
	var data []byte
	switch mode {
	case ModeText:
		data = []byte(page.Text())
	case ModePDF, ModeOCR:
		pdf, err := page.PDF(ctx)
		if err != nil {
			return record.Record{}, err
		}
		data = pdf
		if mode == ModeOCR {
			h := fnv.New64a()
			h.Write([]byte(name))
			text, err := ocrPDF(ctx, tools, pdf, opt.Scan, h.Sum64(), opt.OCRCache)
			if err != nil {
				return record.Record{}, err
			}
			data = []byte(text)
		}
	}
	ext := map[string]string{ModeText: ".txt", ModePDF: ".pdf", ModeOCR: ".txt"}[mode]
	res, err := ingest.Extract(ctx, name+ext, data)
	if err != nil || len(res.Records) == 0 {
		return record.Record{}, err
	}
	return res.Records[0], nil
}

// PrintedGold is what a reader of the printed page should recover.
type PrintedGold struct {
	Title, Date, DocNumber, Reference, Place string
}

// PrintedPage is a document laid out on numbered pages as a printed volume sets
// it: a running head and page number on each page, the document number, the
// heading with the source note's footnote marker, the dateline at the top or
// closing the text, the running text, and footnotes at the foot of the page
// that calls them (the source note at the foot of the first).
type PrintedPage struct {
	Pages []Page
	Gold  PrintedGold
}

// Page is one printed page.
type Page struct {
	Head  string   // the running head with the page number
	Lines []string // "" separates paragraphs
	Feet  []string // footnotes, marker first
	// Centered counts the opening lines set centred (number and heading).
	Centered int
	// CenterAt marks further lines set centred: a volume's documents open
	// anywhere on a page.
	CenterAt map[int]bool
}

const (
	pageLines = 42
	lineWidth = 76
)

var superscripts = []rune("⁰¹²³⁴⁵⁶⁷⁸⁹")

func superscript(n int) string {
	var b strings.Builder
	for _, c := range strconv.Itoa(n) {
		b.WriteRune(superscripts[c-'0'])
	}
	return b.String()
}

// LayOut sets a document on pages. The layout's choices (number style, where the
// dateline stands, how footnotes are marked) follow from a hash of the
// document's id, so every run prints the same pages.
func LayOut(d *tei.Document) *PrintedPage {
	s := setDocument(d)
	var pages []Page
	for start := 0; start < len(s.lines) || len(pages) == 0; start += pageLines {
		end := min(start+pageLines, len(s.lines))
		body := s.lines[start:end]
		for len(body) > 0 && body[0] == "" {
			body = body[1:]
		}
		p := Page{Head: runningHead(d.Volume, s.firstPage+len(pages)), Lines: body}
		if len(pages) == 0 {
			p.Feet = s.feet
			p.Centered = s.centered
		}
		pages = append(pages, p)
	}
	pages[len(pages)-1].Feet = append(pages[len(pages)-1].Feet, s.lastFeet...)
	return &PrintedPage{Pages: pages, Gold: s.gold}
}

// setting is a document set as lines, before they are cut into pages: the
// opening lines set centred, the notes due at the foot of the page where it
// starts (feet) and where it ends (lastFeet).
type setting struct {
	lines          []string
	centered       int
	feet, lastFeet []string
	gold           PrintedGold
	firstPage      int
}

func setDocument(d *tei.Document) setting {
	h := fnv.New32a()
	if d.Volume != nil {
		h.Write([]byte(d.Volume.ID))
	}
	h.Write([]byte(d.XMLID))
	seed := h.Sum32()
	numberStyle := seed % 2
	datelineAtEnd := seed/2%2 == 1
	markStyle := seed / 4 % 3 // ¹, 1, *
	sourceStyle := seed / 12 % 2
	firstPage := 1 + int(seed/24%700)

	g := d.Gold()
	gold := PrintedGold{Title: g.Title, Date: g.Date, DocNumber: d.N, Place: g.Place}
	ref := goldReference(d)
	gold.Reference = ref
	mark := func(n int) string {
		switch markStyle {
		case 0:
			return superscript(n)
		case 1:
			return strconv.Itoa(n)
		}
		return strings.Repeat("*", n)
	}
	var lines []string
	centered := 0
	var feet []string // due at the foot of the first page
	para := func(text string, wrap bool) {
		if len(lines) > 0 {
			lines = append(lines, "")
		}
		for _, l := range strings.Split(text, "\n") {
			if wrap {
				lines = append(lines, wrapLine(l, lineWidth)...)
			} else {
				lines = append(lines, strings.TrimSpace(l))
			}
		}
	}
	if d.N != "" {
		if numberStyle == 0 {
			para(d.N+".", false)
		} else {
			para("No. "+d.N, false)
		}
		centered = 1
	}
	blocks := d.Blocks()
	var dateline string
	footN := 0
	for i, b := range blocks {
		switch b.Kind {
		case "head":
			head := b.Text
			// File references are set as the heading's footnote; a despatch's
			// number ("No. 378.]") stays under the heading, as the older
			// volumes print it.
			if ref != "" && footN == 0 && isFileReference(ref) {
				footN = 1
				m := mark(1)
				head = strings.TrimRight(head, " ") + m
				note := ref
				if sourceStyle == 1 && archref.Parse(ref).File != "" && !strings.HasPrefix(ref, "File") {
					note = "Source: Department of State, Central Files, " + ref
				}
				feet = append(feet, m+" "+note)
			}
			opening := len(lines) == centered
			para(head, true)
			if opening {
				centered = len(lines)
			}
		case "source":
			if b.Text == ref && footN == 1 {
				continue // printed as the footnote
			}
			para(b.Text, true)
		case "dateline":
			if datelineAtEnd && dateline == "" && hasTextAfter(blocks, i) {
				dateline = b.Text
				continue
			}
			para(b.Text, false)
		case "closer":
			if dateline != "" {
				para(dateline, false)
				dateline = ""
			}
			para(b.Text, false)
		case "text":
			if dateline != "" && !hasTextAfter(blocks, i) {
				para(b.Text, true)
				para(dateline, false)
				dateline = ""
				continue
			}
			para(b.Text, true)
		default:
			para(b.Text, true)
		}
	}
	if dateline != "" {
		para(dateline, false)
	}
	// The other footnotes stand at the foot of the last page, numbered on from
	// the source note's.
	var lastFeet []string
	for _, f := range d.Footnotes {
		footN++
		lastFeet = append(lastFeet, mark(footN)+" "+f.Text)
	}
	return setting{lines: lines, centered: centered, feet: feet, lastFeet: lastFeet, gold: gold, firstPage: firstPage}
}

func isFileReference(s string) bool {
	src := archref.Parse(s)
	return src.File != "" || src.Repository != ""
}

func hasTextAfter(blocks []tei.Block, i int) bool {
	for _, b := range blocks[i+1:] {
		if b.Kind == "text" {
			return true
		}
	}
	return false
}

// runningHead is what a volume prints atop a page: the series and year on the
// left (even) pages, the volume's subject on the right, the number outside.
func runningHead(v *tei.Volume, n int) string {
	left, right := "FOREIGN RELATIONS", "DIPLOMATIC CORRESPONDENCE"
	if v != nil {
		if v.Subseries != "" {
			left += ", " + v.Subseries
		}
		if v.Number != "" {
			left += ", " + strings.ToUpper(v.Number)
		}
		if v.VolumeTitle != "" {
			// Books shorten a long subject to fit the head.
			right = strings.ToUpper(v.VolumeTitle)
			if len(right) > 50 {
				right = wrapLine(right, 50)[0]
			}
		}
	}
	if n%2 == 0 {
		return strconv.Itoa(n) + " " + left
	}
	return right + " " + strconv.Itoa(n)
}

func wrapLine(s string, width int) []string {
	words := strings.Fields(s)
	var out []string
	var cur strings.Builder
	for _, w := range words {
		if cur.Len() > 0 && cur.Len()+1+len(w) > width {
			out = append(out, cur.String())
			cur.Reset()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(w)
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

// Text is the pages as a text file made from a printed volume reads: each page's
// running head, its lines, its footnotes, pages separated by a blank line.
func (p *PrintedPage) Text() string {
	var b strings.Builder
	for i, pg := range p.Pages {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(pg.Head + "\n\n")
		b.WriteString(strings.Join(pg.Lines, "\n"))
		if len(pg.Feet) > 0 {
			b.WriteString("\n\n" + strings.Join(pg.Feet, "\n"))
		}
	}
	b.WriteByte('\n')
	return b.String()
}

// troff is the pages as groff input: no-fill lines as laid out, the number and
// heading centred, markers raised, footnotes in smaller type under a rule.
func (p *PrintedPage) troff() string {
	var b strings.Builder
	b.WriteString(".pl 11i\n.ll 6.5i\n.po 1i\n.ps 10\n.vs 12\n.nf\n")
	for i, pg := range p.Pages {
		if i > 0 {
			b.WriteString(".bp\n")
		}
		b.WriteString(".sp 0.5i\n")
		// The head as one line, number outside: a PDF reader gives it so
		// whether it is set in one piece or two.
		b.WriteString(troffEscape(pg.Head) + "\n")
		b.WriteString(".sp 1\n")
		for j, l := range pg.Lines {
			if l == "" {
				b.WriteString(".sp 0.6\n")
				continue
			}
			if j < pg.Centered || pg.CenterAt[j] {
				fmt.Fprintf(&b, ".ce\n\\fB%s\\fP\n", raiseMarks(troffEscape(l)))
				continue
			}
			b.WriteString(raiseMarks(troffEscape(l)) + "\n")
		}
		if len(pg.Feet) > 0 {
			b.WriteString(".sp 1\n\\l'1.5i'\n.ps 8\n.vs 10\n")
			for _, f := range pg.Feet {
				for k, l := range wrapLine(f, 100) {
					if k == 0 {
						l = raiseLeading(l)
					}
					b.WriteString(troffEscape(l) + "\n")
				}
			}
			b.WriteString(".ps 10\n.vs 12\n")
		}
	}
	return b.String()
}

var trailingMark = regexp.MustCompile(`([^\s\d*])([⁰¹²³⁴⁵⁶⁷⁸⁹]+|\d|\*+)$`)

// raiseMarks sets a heading's trailing footnote marker as a superscript.
func raiseMarks(l string) string {
	m := trailingMark.FindStringSubmatchIndex(l)
	if m == nil {
		return l
	}
	return l[:m[4]] + `\u\s-2` + plainDigits(l[m[4]:m[5]]) + `\s+2\d`
}

func raiseLeading(l string) string { return l }

func plainDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if i := strings.IndexRune(string(superscripts), r); i >= 0 {
			b.WriteRune('0' + rune(len([]rune(string(superscripts)[:i]))))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func troffEscape(s string) string {
	s = strings.ReplaceAll(s, `\`, `\e`)
	s = strings.ReplaceAll(s, `'`, `\(aq`)
	if strings.HasPrefix(s, ".") {
		s = `\&` + s
	}
	return s
}

// PDF typesets the pages with groff.
func (p *PrintedPage) PDF(ctx context.Context) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "groff", "-k", "-Tpdf")
	cmd.Stdin = strings.NewReader(p.troff())
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("groff: %v: %s", err, errb.String())
	}
	return out.Bytes(), nil
}

// Print writes the report as tables with sample failures.
func (r *PrintedReport) Print(w *strings.Builder) {
	fmt.Fprintf(w, "printed-page evaluation: %d volumes; held out: %s\n", len(r.Volumes), strings.Join(r.HeldOut, ", "))
	for _, s := range r.Skipped {
		fmt.Fprintf(w, "skipped %s\n", s)
	}
	fmt.Fprintf(w, "\n%-11s %-9s %6s %15s", "mode", "split", "docs", "records (found)")
	for _, f := range PrintedFields {
		fmt.Fprintf(w, " %16s", f)
	}
	fmt.Fprintln(w)
	for _, run := range r.Runs {
		found := "-"
		if run.Records > 0 {
			found = fmt.Sprintf("%d (%d)", run.Records, run.Found)
		}
		fmt.Fprintf(w, "%-11s %-9s %6d %15s", run.Mode, run.Split, run.Documents, found)
		for _, s := range run.Scores {
			if s.Checked == 0 {
				fmt.Fprintf(w, " %16s", "-")
			} else {
				fmt.Fprintf(w, " %6.1f%% %4d/%-4d", 100*s.Rate, s.Correct, s.Checked)
			}
		}
		fmt.Fprintln(w)
	}
	var keys []string
	for k := range r.Failures {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(w, "\nsample %s failures:\n", k)
		for _, x := range r.Failures[k] {
			fmt.Fprintf(w, "  %s\n    want %q\n    got  %q\n", x.Doc, x.Want, x.Got)
		}
	}
}
