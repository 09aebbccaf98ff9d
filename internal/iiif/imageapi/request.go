package imageapi

import (
	"fmt"
	"strconv"
	"strings"
)

// ParamError is a request parameter the service cannot honour: malformed,
// out of the image's bounds, over the server's limits, or a feature it does
// not offer. The Image API answers all of them with 400 Bad Request.
type ParamError struct {
	Param  string // region, size, rotation, quality, format or path
	Value  string
	Reason string
}

func (e *ParamError) Error() string {
	return fmt.Sprintf("iiif %s %q: %s", e.Param, e.Value, e.Reason)
}

func paramErr(param, value, format string, args ...any) *ParamError {
	return &ParamError{Param: param, Value: value, Reason: fmt.Sprintf(format, args...)}
}

// RegionKind is how the region parameter names the part of the image.
type RegionKind int

const (
	RegionFull RegionKind = iota
	RegionSquare
	RegionPixels
	RegionPercent
)

// Region is the parsed region parameter. X, Y, W and H are pixels for
// RegionPixels and percentages for RegionPercent.
type Region struct {
	Kind       RegionKind
	X, Y, W, H float64
}

// SizeKind is the form of the size parameter.
type SizeKind int

const (
	SizeMax     SizeKind = iota // max
	SizeWidth                   // w,
	SizeHeight                  // ,h
	SizePercent                 // pct:n
	SizeExact                   // w,h
	SizeFit                     // !w,h
)

// Size is the parsed size parameter; Upscale is its leading ^.
type Size struct {
	Kind    SizeKind
	Upscale bool
	W, H    int
	Percent float64
}

// Quality is the quality parameter.
type Quality string

const (
	QualityDefault Quality = "default"
	QualityColor   Quality = "color"
	QualityGray    Quality = "gray"
	QualityBitonal Quality = "bitonal"
)

// Format is the format parameter, the extension of the request path.
type Format string

const (
	JPEG Format = "jpg"
	PNG  Format = "png"
)

// ContentType is the media type of an image in this format.
func (f Format) ContentType() string {
	if f == PNG {
		return "image/png"
	}
	return "image/jpeg"
}

// Request is a parsed image request: the four path segments after the
// identifier, {region}/{size}/{rotation}/{quality}.{format}.
type Request struct {
	Region   Region
	Size     Size
	Mirror   bool
	Rotation int // 0, 90, 180 or 270 degrees clockwise
	Quality  Quality
	Format   Format
}

// maxDigits bounds pixel and percentage numbers: nine digits keeps every
// product of two of them inside an int64, and no image is that large.
const maxDigits = 9

// Parse reads "{region}/{size}/{rotation}/{quality}.{format}" as a decoded
// URL path (no leading slash). It checks syntax only; Resolve checks the
// request against an image.
func Parse(path string) (Request, error) {
	parts := strings.Split(path, "/")
	if len(parts) != 4 {
		return Request{}, paramErr("path", path, "want {region}/{size}/{rotation}/{quality}.{format}, four segments; got %d", len(parts))
	}
	var req Request
	var err error
	if req.Region, err = parseRegion(parts[0]); err != nil {
		return Request{}, err
	}
	if req.Size, err = parseSize(parts[1]); err != nil {
		return Request{}, err
	}
	if req.Mirror, req.Rotation, err = parseRotation(parts[2]); err != nil {
		return Request{}, err
	}
	if req.Quality, req.Format, err = parseQualityFormat(parts[3]); err != nil {
		return Request{}, err
	}
	return req, nil
}

func parseRegion(s string) (Region, error) {
	switch {
	case s == "full":
		return Region{Kind: RegionFull}, nil
	case s == "square":
		return Region{Kind: RegionSquare}, nil
	case strings.HasPrefix(s, "pct:"):
		v, err := numbers(s[len("pct:"):], 4, parseDecimal)
		if err != nil {
			return Region{}, paramErr("region", s, "want pct:x,y,w,h with four decimal percentages: %v", err)
		}
		if v[2] <= 0 || v[3] <= 0 {
			return Region{}, paramErr("region", s, "width and height must be more than zero")
		}
		return Region{Kind: RegionPercent, X: v[0], Y: v[1], W: v[2], H: v[3]}, nil
	}
	v, err := numbers(s, 4, parseInt)
	if err != nil {
		return Region{}, paramErr("region", s, "want full, square, x,y,w,h in pixels or pct:x,y,w,h: %v", err)
	}
	if v[2] == 0 || v[3] == 0 {
		return Region{}, paramErr("region", s, "width and height must be more than zero")
	}
	return Region{Kind: RegionPixels, X: v[0], Y: v[1], W: v[2], H: v[3]}, nil
}

func parseSize(s string) (Size, error) {
	orig := s
	var z Size
	if rest, ok := strings.CutPrefix(s, "^"); ok {
		z.Upscale, s = true, rest
	}
	switch {
	case s == "max":
		z.Kind = SizeMax
		return z, nil
	case strings.HasPrefix(s, "pct:"):
		n, err := parseDecimal(s[len("pct:"):])
		if err != nil {
			return Size{}, paramErr("size", orig, "want pct:n: %v", err)
		}
		if n <= 0 {
			return Size{}, paramErr("size", orig, "the percentage must be more than zero")
		}
		if n > 100 && !z.Upscale {
			return Size{}, paramErr("size", orig, "over 100%% would upscale: write ^pct:%s", s[len("pct:"):])
		}
		z.Kind, z.Percent = SizePercent, n
		return z, nil
	}
	if rest, ok := strings.CutPrefix(s, "!"); ok {
		z.Kind, s = SizeFit, rest
	}
	w, h, ok := strings.Cut(s, ",")
	if !ok || strings.Contains(h, ",") {
		return Size{}, paramErr("size", orig, "want max, w, ,h, w,h, !w,h or pct:n (each may start with ^)")
	}
	var err error
	if w != "" {
		if z.W, err = positive(w); err != nil {
			return Size{}, paramErr("size", orig, "width: %v", err)
		}
	}
	if h != "" {
		if z.H, err = positive(h); err != nil {
			return Size{}, paramErr("size", orig, "height: %v", err)
		}
	}
	switch {
	case z.Kind == SizeFit && (w == "" || h == ""):
		return Size{}, paramErr("size", orig, "!w,h needs both a width and a height")
	case z.Kind == SizeFit:
	case w != "" && h != "":
		z.Kind = SizeExact
	case w != "":
		z.Kind = SizeWidth
	case h != "":
		z.Kind = SizeHeight
	default:
		return Size{}, paramErr("size", orig, "a width, a height or both are needed")
	}
	return z, nil
}

func positive(s string) (int, error) {
	v, err := parseInt(s)
	if err != nil {
		return 0, err
	}
	if v == 0 {
		return 0, fmt.Errorf("must be more than zero")
	}
	return int(v), nil
}

func parseRotation(s string) (mirror bool, degrees int, err error) {
	orig := s
	if rest, ok := strings.CutPrefix(s, "!"); ok {
		mirror, s = true, rest
	}
	v, perr := parseDecimal(s)
	if perr != nil {
		return false, 0, paramErr("rotation", orig, "want n or !n, degrees from 0 to 360: %v", perr)
	}
	if v > 360 {
		return false, 0, paramErr("rotation", orig, "degrees go from 0 to 360")
	}
	switch v {
	case 0, 360:
		return mirror, 0, nil
	case 90, 180, 270:
		return mirror, int(v), nil
	}
	return false, 0, paramErr("rotation", orig, "only multiples of 90 degrees are supported (compliance level 2)")
}

func parseQualityFormat(s string) (Quality, Format, error) {
	q, f, ok := strings.Cut(s, ".")
	if !ok {
		return "", "", paramErr("quality", s, "want {quality}.{format}, such as default.jpg")
	}
	var quality Quality
	switch Quality(q) {
	case QualityDefault, QualityColor, QualityGray, QualityBitonal:
		quality = Quality(q)
	default:
		return "", "", paramErr("quality", q, "want default, color, gray or bitonal")
	}
	switch Format(f) {
	case JPEG, PNG:
		return quality, Format(f), nil
	case "tif", "gif", "jp2", "pdf", "webp":
		return "", "", paramErr("format", f, "not offered here: jpg or png")
	}
	return "", "", paramErr("format", f, "want jpg or png")
}

// numbers splits a comma-separated list of exactly n numbers.
func numbers(s string, n int, parse func(string) (float64, error)) ([]float64, error) {
	parts := strings.Split(s, ",")
	if len(parts) != n {
		return nil, fmt.Errorf("%d numbers, not %d", n, len(parts))
	}
	out := make([]float64, n)
	for i, p := range parts {
		v, err := parse(p)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

// parseInt takes only decimal digits: the specification's integers have no
// sign, and strconv would also take "+5" and "0x5".
func parseInt(s string) (float64, error) {
	if s == "" || len(s) > maxDigits || strings.Trim(s, "0123456789") != "" {
		return 0, fmt.Errorf("%q is not a whole number of at most %d digits", s, maxDigits)
	}
	v, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("%q: %w", s, err)
	}
	return float64(v), nil
}

// parseDecimal takes the floating point values the specification allows:
// decimal digits and at most one ".", no sign, exponent, "Inf" or "NaN".
func parseDecimal(s string) (float64, error) {
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" || len(whole) > maxDigits || strings.Trim(whole, "0123456789") != "" ||
		len(frac) > maxDigits || strings.Trim(frac, "0123456789") != "" || strings.HasSuffix(s, ".") {
		return 0, fmt.Errorf("%q is not a decimal number such as 12 or 0.5", s)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, fmt.Errorf("%q: %w", s, err)
	}
	return v, nil
}
