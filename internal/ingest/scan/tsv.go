package scan

import (
	"strconv"
	"strings"
)

// tsvPage is what Tesseract's TSV output says of one image.
type tsvPage struct {
	text       string  // in paragraphs (see paragraphs)
	confidence float64 // mean of the words', 0 to 1
	words      int
	layout     Layout // lines and their boxes, in the image's pixels
}

// fromTSV reads Tesseract's TSV output. Rows that do not parse are skipped:
// the text is what could be read.
func fromTSV(tsv string) tsvPage {
	var lines []line
	var page tsvPage
	var width, height float64
	index := map[string]int{} // page.block.par.line -> lines index
	var sum float64
	for _, row := range strings.Split(tsv, "\n") {
		f := strings.Split(strings.TrimRight(row, "\r"), "\t")
		if len(f) < 12 {
			continue
		}
		n := make([]float64, 4) // left, top, width, height
		bad := false
		for i := range n {
			var err error
			n[i], err = strconv.ParseFloat(f[6+i], 64)
			bad = bad || err != nil
		}
		if f[0] == "1" && !bad {
			width, height = max(width, n[2]), max(height, n[3])
		}
		if f[0] != "5" || bad {
			continue
		}
		word := strings.TrimSpace(strings.Join(f[11:], " "))
		conf, err := strconv.ParseFloat(f[10], 64)
		if word == "" || err != nil || conf < 0 {
			continue
		}
		left, top := n[0], n[1]
		right, bottom := left+n[2], top+n[3]
		block := f[1] + "." + f[2]
		key := block + "." + f[3] + "." + f[4]
		i, ok := index[key]
		if !ok {
			i = len(lines)
			index[key] = i
			lines = append(lines, line{top: top, bottom: bottom, left: left, right: right, block: block})
		}
		l := &lines[i]
		if l.text != "" {
			l.text += " "
		}
		l.text += word
		l.top, l.bottom = min(l.top, top), max(l.bottom, bottom)
		l.left, l.right = min(l.left, left), max(l.right, right)
		sum += min(conf, 100)
		page.words++
	}
	if page.words == 0 {
		return page
	}
	page.text = paragraphs(lines)
	page.confidence = sum / float64(page.words) / 100
	page.layout = layout(width, height, 1, lines)
	return page
}
