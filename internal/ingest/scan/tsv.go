package scan

import (
	"strconv"
	"strings"
)

// fromTSV turns Tesseract's TSV output into text in paragraphs (see paragraphs)
// and the mean confidence of its words, from 0 to 1. Rows that do not parse are
// skipped: the text is what could be read.
func fromTSV(tsv string) (text string, confidence float64, words int) {
	var lines []line
	index := map[string]int{} // page.block.par.line -> lines index
	var sum float64
	for _, row := range strings.Split(tsv, "\n") {
		f := strings.Split(strings.TrimRight(row, "\r"), "\t")
		if len(f) < 12 || f[0] != "5" {
			continue
		}
		word := strings.TrimSpace(strings.Join(f[11:], " "))
		conf, err := strconv.ParseFloat(f[10], 64)
		if word == "" || err != nil || conf < 0 {
			continue
		}
		top, err1 := strconv.ParseFloat(f[7], 64)
		height, err2 := strconv.ParseFloat(f[9], 64)
		if err1 != nil || err2 != nil {
			continue
		}
		block := f[1] + "." + f[2]
		key := block + "." + f[3] + "." + f[4]
		i, ok := index[key]
		if !ok {
			i = len(lines)
			index[key] = i
			lines = append(lines, line{top: top, bottom: top + height, block: block})
		}
		l := &lines[i]
		if l.text != "" {
			l.text += " "
		}
		l.text += word
		l.top, l.bottom = min(l.top, top), max(l.bottom, top+height)
		sum += min(conf, 100)
		words++
	}
	if words == 0 {
		return "", 0, 0
	}
	return paragraphs(lines), sum / float64(words) / 100, words
}
