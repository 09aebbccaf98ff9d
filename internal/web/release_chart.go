package web

import (
	"strconv"

	"fond/internal/redact"
)

// releaseChart is the statistics page's bar chart, drawn on the server as SVG
// so the page needs no script: per year of release, the lines withheld and
// the lines a later release showed. The table beside it says the same for
// readers who cannot see it (the SVG is labelled and points to the table).
type releaseChart struct {
	Width, Height int
	Bars          []chartBar
	Max           float64
	AxisY         int // the baseline's y
}

// chartBar is one bar with its geometry and what it says.
type chartBar struct {
	X, Y, W, H int
	Class      string // "withheld" or "released"
	First      bool   // the first bar of its year, which the year is written under
	Year       string // the year of release ("" undated)
	LabelX     int
	Value      string // the figure, for what a pointer over the bar reads
}

const (
	chartPlotHeight = 160
	chartBarWidth   = 14
	chartYearGap    = 12
	chartLeft       = 8
	chartLabelSpace = 20
)

// newReleaseChart lays out byYear's rows; nil when nothing has a size to draw
// (a chart of zero-height bars says nothing the table does not).
func newReleaseChart(byYear []redact.StatsRow) *releaseChart {
	var top float64
	for _, r := range byYear {
		top = max(top, r.Lines, r.LinesReleased)
	}
	if top == 0 {
		return nil
	}
	c := &releaseChart{Max: top, AxisY: chartPlotHeight + 4}
	x := chartLeft
	for _, r := range byYear {
		year := r.Year
		for i, v := range []float64{r.Lines, r.LinesReleased} {
			h := int(v / top * chartPlotHeight)
			if v > 0 && h == 0 {
				h = 1 // a value above zero stays visible
			}
			b := chartBar{X: x, Y: c.AxisY - h, W: chartBarWidth, H: h, Year: year, Value: formatNum(v)}
			if i == 0 {
				b.Class, b.First, b.LabelX = "withheld", true, x+chartBarWidth
			} else {
				b.Class = "released"
			}
			c.Bars = append(c.Bars, b)
			x += chartBarWidth
		}
		x += chartYearGap
	}
	c.Width = x + chartLeft
	c.Height = c.AxisY + chartLabelSpace
	return c
}

func formatNum(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
