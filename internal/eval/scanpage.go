package eval

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"math/rand/v2"
	"os"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// A page for the OCR evaluation is typeset from known lines in a monospaced
// face, as a typewriter would strike it (each letter's ink and height a
// little off), then aged and scanned: stains, a slight skew, grain and
// specks. Everything is drawn in Go from a seed, so a page is the same on
// every machine that has the fonts.

// ScanStyle is how a page is typeset and degraded.
type ScanStyle struct {
	DPI      int     `json:"dpi"`      // 200 or 300 as archives scan
	Points   float64 `json:"points"`   // type size
	SkewDeg  float64 `json:"skew_deg"` // most skew, either way, in degrees
	Noise    float64 `json:"noise"`    // standard deviation of the grain, in grey levels
	Specks   float64 `json:"specks"`   // fraction of pixels flipped to ink or paper
	Stains   int     `json:"stains"`   // light blotches
	Seed     uint64  `json:"seed"`
	FontFile string  `json:"font_file,omitempty"` // for Hangul and Han: an OpenType collection with Noto Sans Mono CJK
}

// DefaultScanStyle is a typed carbon copy, scanned a little crooked.
var DefaultScanStyle = ScanStyle{DPI: 300, Points: 11, SkewDeg: 1.2, Noise: 14, Specks: 0.0008, Stains: 3, Seed: 1949}

// CJKFonts are where Debian's fonts-noto-cjk puts the collection.
var CJKFonts = []string{"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "/usr/share/fonts/opentype/noto-cjk/NotoSansCJK-Regular.ttc"}

// ErrNoFont is returned when a language's face is not installed.
var ErrNoFont = errors.New("no font for the language")

// faceFor is the monospaced face for a language: Go Mono (Latin and
// Cyrillic, built in) or the Noto Sans Mono CJK of the language's region.
func faceFor(lang string, style ScanStyle) (font.Face, error) {
	opts := &opentype.FaceOptions{Size: style.Points, DPI: float64(style.DPI), Hinting: font.HintingNone}
	region := map[string]string{"ko": "KR", "zh": "SC"}[lang]
	if region == "" {
		f, err := opentype.Parse(gomono.TTF)
		if err != nil {
			return nil, err
		}
		return opentype.NewFace(f, opts)
	}
	files := CJKFonts
	if style.FontFile != "" {
		files = []string{style.FontFile}
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			continue
		}
		c, err := opentype.ParseCollection(data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		want := "Noto Sans Mono CJK " + region
		for i := range c.NumFonts() {
			f, err := c.Font(i)
			if err != nil {
				return nil, fmt.Errorf("%s: font %d: %w", file, i, err)
			}
			if name, _ := f.Name(nil, sfnt.NameIDFamily); name == want {
				return opentype.NewFace(f, opts)
			}
		}
	}
	return nil, fmt.Errorf("%w %s: want Noto Sans Mono CJK in one of %s (apt-get install fonts-noto-cjk)", ErrNoFont, lang, strings.Join(files, ", "))
}

// ScanPage typesets the lines on an A4 page and degrades it; it returns a
// grey PNG and the lines as set (long lines are wrapped to the measure).
func ScanPage(lang string, lines []string, style ScanStyle) ([]byte, []string, error) {
	face, err := faceFor(lang, style)
	if err != nil {
		return nil, nil, err
	}
	defer face.Close()
	dpi := float64(style.DPI)
	w, h := int(8.27*dpi), int(11.69*dpi)
	margin := int(0.9 * dpi)
	page := image.NewGray(image.Rect(0, 0, w, h))
	for i := range page.Pix {
		page.Pix[i] = 255
	}
	rng := rand.New(rand.NewPCG(style.Seed, uint64(len(lang))<<8|uint64(lang[0])))
	stain(page, rng, style.Stains)
	set := wrap(face, lines, fixed.I(w-2*margin))
	lineHeight := int(1.6 * style.Points / 72 * dpi)
	d := &font.Drawer{Dst: page, Face: face}
	for i, line := range set {
		y := margin + (i+1)*lineHeight
		if y > h-margin {
			return nil, nil, fmt.Errorf("%s: %d lines do not fit on a page", lang, len(set))
		}
		d.Dot = fixed.P(margin, y)
		for _, r := range line {
			// A typewriter's letters: each struck a little harder or
			// softer, a little above or below the line.
			ink := uint8(20 + rng.IntN(70))
			d.Src = image.NewUniform(color.Gray{Y: ink})
			d.Dot.Y = fixed.I(y + rng.IntN(3) - 1)
			d.DrawString(string(r))
		}
	}
	page = rotate(page, (rng.Float64()*2-1)*style.SkewDeg*math.Pi/180)
	grain(page, rng, style.Noise, style.Specks)
	var b bytes.Buffer
	if err := png.Encode(&b, page); err != nil {
		return nil, nil, err
	}
	return b.Bytes(), set, nil
}

// wrap breaks lines wider than the measure: at a space, or between any two
// letters of Chinese, Japanese or Korean written without spaces.
func wrap(face font.Face, lines []string, measure fixed.Int26_6) []string {
	var out []string
	for _, line := range lines {
		for font.MeasureString(face, line) > measure {
			rs := []rune(line)
			cut := len(rs)
			for cut > 1 && font.MeasureString(face, string(rs[:cut])) > measure {
				cut--
			}
			if i := strings.LastIndex(string(rs[:cut]), " "); i > 0 {
				cut = len([]rune(string(rs[:cut])[:i]))
				out = append(out, strings.TrimRight(string(rs[:cut]), " "))
				line = strings.TrimLeft(string(rs[cut:]), " ")
				continue
			}
			out = append(out, string(rs[:cut]))
			line = string(rs[cut:])
		}
		out = append(out, strings.TrimRight(line, " "))
	}
	return out
}

// stain darkens a few soft-edged ellipses, as water or coffee leaves.
func stain(page *image.Gray, rng *rand.Rand, n int) {
	b := page.Bounds()
	for range n {
		cx, cy := rng.Float64()*float64(b.Dx()), rng.Float64()*float64(b.Dy())
		rx, ry := float64(b.Dx())*(0.05+0.1*rng.Float64()), float64(b.Dy())*(0.03+0.06*rng.Float64())
		depth := 25 + 35*rng.Float64()
		for y := max(0, int(cy-ry)); y < min(b.Dy(), int(cy+ry)); y++ {
			for x := max(0, int(cx-rx)); x < min(b.Dx(), int(cx+rx)); x++ {
				dx, dy := (float64(x)-cx)/rx, (float64(y)-cy)/ry
				if r := dx*dx + dy*dy; r < 1 {
					i := page.PixOffset(x, y)
					page.Pix[i] = uint8(max(0, float64(page.Pix[i])-depth*(1-r*r)))
				}
			}
		}
	}
}

// rotate turns the page by angle radians about its centre (bilinear; paper
// where the turned page leaves a corner bare).
func rotate(src *image.Gray, angle float64) *image.Gray {
	b := src.Bounds()
	dst := image.NewGray(b)
	sin, cos := math.Sincos(angle)
	cx, cy := float64(b.Dx())/2, float64(b.Dy())/2
	at := func(x, y int) float64 {
		if x < 0 || y < 0 || x >= b.Dx() || y >= b.Dy() {
			return 255
		}
		return float64(src.Pix[y*src.Stride+x])
	}
	for y := range b.Dy() {
		for x := range b.Dx() {
			dx, dy := float64(x)-cx, float64(y)-cy
			sx, sy := cos*dx+sin*dy+cx, -sin*dx+cos*dy+cy
			x0, y0 := int(math.Floor(sx)), int(math.Floor(sy))
			fx, fy := sx-float64(x0), sy-float64(y0)
			v := (at(x0, y0)*(1-fx)+at(x0+1, y0)*fx)*(1-fy) + (at(x0, y0+1)*(1-fx)+at(x0+1, y0+1)*fx)*fy
			dst.Pix[y*dst.Stride+x] = uint8(v + 0.5)
		}
	}
	return dst
}

// grain adds the scanner's noise (normal, sigma grey levels) and specks.
func grain(page *image.Gray, rng *rand.Rand, sigma, specks float64) {
	for i, v := range page.Pix {
		f := float64(v) + rng.NormFloat64()*sigma
		if rng.Float64() < specks {
			f = float64(rng.IntN(2) * 255)
		}
		page.Pix[i] = uint8(min(255, max(0, f)))
	}
}
