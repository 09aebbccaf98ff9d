package testutil

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"image"
	"image/png"
	"os/exec"
	"strings"
	"testing"
)

// PDF builds a minimal PDF whose pages hold the given lines of text in
// Helvetica, for tests of the PDF reader (ASCII text only: the standard font's
// encoding covers little else).
func PDF(pages ...[]string) []byte {
	var objs []string
	var kids []string
	font := 3 + 2*len(pages)
	for i, lines := range pages {
		page, content := 3+2*i, 4+2*i
		kids = append(kids, fmt.Sprintf("%d 0 R", page))
		var st strings.Builder
		st.WriteString("BT /F1 12 Tf 16 TL 72 720 Td\n")
		for _, l := range lines {
			r := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)
			fmt.Fprintf(&st, "(%s) Tj T*\n", r.Replace(l))
		}
		st.WriteString("ET")
		objs = append(objs,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R /Resources << /Font << /F1 %d 0 R >> >> >>", content, font),
			stream("", []byte(st.String())))
	}
	objs = append(objs, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	return assemble(kids, objs)
}

// ScannedPDF builds a PDF whose pages are only images, one a page, as a
// scanner makes: no text layer, so its words can only be read by OCR.
func ScannedPDF(imgs ...image.Image) []byte {
	var kids, objs []string
	for i, img := range imgs {
		page := 3 + 3*i
		kids = append(kids, fmt.Sprintf("%d 0 R", page))
		objs = append(objs, scannedPage(img, page)...)
	}
	return assemble(kids, objs)
}

// scannedPage is the objects of one image-only page numbered from n: the
// page, its content and the image.
func scannedPage(img image.Image, n int) []string {
	b := img.Bounds()
	gray := make([]byte, 0, b.Dx()*b.Dy())
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			gray = append(gray, byte((299*r+587*g+114*bl)/1000>>8))
		}
	}
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(gray)
	zw.Close()
	// The page is the image at 300 dots per inch.
	w, h := float64(b.Dx())*72/300, float64(b.Dy())*72/300
	return []string{
		fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Contents %d 0 R /Resources << /XObject << /Im1 %d 0 R >> >> >>", w, h, n+1, n+2),
		stream("", []byte(fmt.Sprintf("q %.2f 0 0 %.2f 0 0 cm /Im1 Do Q", w, h))),
		stream(fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode ", b.Dx(), b.Dy()), z.Bytes()),
	}
}

func stream(dict string, data []byte) string {
	return fmt.Sprintf("<< %s/Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// assemble writes the catalog, the page tree and objs (numbered from 3) with a
// correct cross-reference table.
func assemble(kids, objs []string) []byte {
	all := append([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids)),
	}, objs...)
	var out bytes.Buffer
	out.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(all))
	for i, o := range all {
		offsets[i] = out.Len()
		fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(all)+1)
	for _, off := range offsets {
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(all)+1, xref)
	return out.Bytes()
}

// Scan renders one page of the given lines as a scanner would see it: a PNG at
// 300 dpi (by poppler's pdftoppm, which the test must have), and a PDF that is
// only that image, with no text layer.
func Scan(t testing.TB, lines []string) (pageImage, scannedPDF []byte) {
	t.Helper()
	page, img := scanPage(t, lines)
	return page, ScannedPDF(img)
}

// ScanImages renders each page of lines as Scan does, for ScannedPDF to
// make a document of several scanned pages.
func ScanImages(t testing.TB, pages ...[]string) []image.Image {
	t.Helper()
	var out []image.Image
	for _, lines := range pages {
		_, img := scanPage(t, lines)
		out = append(out, img)
	}
	return out
}

func scanPage(t testing.TB, lines []string) ([]byte, image.Image) {
	t.Helper()
	NeedPrograms(t, "pdftoppm")
	cmd := exec.Command("pdftoppm", "-r", "300", "-gray", "-png", "-singlefile", "-")
	cmd.Stdin = bytes.NewReader(PDF(lines))
	page, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftoppm: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return page, img
}
