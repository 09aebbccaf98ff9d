package imageapi

// Context is the JSON-LD context of Image API 3 documents; the web layer
// sends info.json as application/ld+json;profile="<Context>".
const Context = "http://iiif.io/api/image/3/context.json"

// TileSize is the width and height of the tiles info.json offers: 256
// pixels is what OpenSeadragon and Mirador ask for by default, and a tile
// of a text scan encodes to some tens of kilobytes.
const TileSize = 256

// Info is the image information document, info.json.
type Info struct {
	Context        string   `json:"@context"`
	ID             string   `json:"id"`
	Type           string   `json:"type"`
	Protocol       string   `json:"protocol"`
	Profile        string   `json:"profile"`
	Width          int      `json:"width"`
	Height         int      `json:"height"`
	MaxWidth       int      `json:"maxWidth,omitempty"`
	MaxHeight      int      `json:"maxHeight,omitempty"`
	MaxArea        int64    `json:"maxArea,omitempty"`
	Sizes          []Dim    `json:"sizes,omitempty"`
	Tiles          []Tiles  `json:"tiles,omitempty"`
	ExtraQualities []string `json:"extraQualities,omitempty"`
	ExtraFeatures  []string `json:"extraFeatures,omitempty"`
}

// Dim is one entry of sizes.
type Dim struct {
	Width  int `json:"width"`
	Height int `json:"height"`
}

// Tiles is one entry of tiles.
type Tiles struct {
	Width        int   `json:"width"`
	Height       int   `json:"height"`
	ScaleFactors []int `json:"scaleFactors"`
}

// smallestSize is the smallest full-image size listed: a thumbnail.
const smallestSize = 64

// NewInfo describes an image of width×height served at id (the base URI:
// scheme, server, prefix and identifier, no trailing slash). gray says the
// image has no colour, so color is not offered as a quality of its own.
func NewInfo(id string, width, height int, gray bool, lim Limits) Info {
	in := Info{
		Context: Context, ID: id, Type: "ImageService3", Protocol: "http://iiif.io/api/image",
		Profile: "level2", Width: width, Height: height,
		MaxWidth: lim.MaxWidth, MaxArea: lim.MaxArea,
		// Level 2 makes gray required and bitonal optional, but the
		// specification asks every quality beyond default to be listed.
		ExtraQualities: []string{"color", "gray", "bitonal"},
		// The rest of level 2's features (CORS, base URI redirect, the
		// JSON-LD media type) are the web layer's to honour.
		ExtraFeatures: []string{"mirroring", "sizeUpscaling"},
	}
	if gray {
		in.ExtraQualities = in.ExtraQualities[1:]
	}
	if lim.MaxWidth > 0 {
		// maxHeight must not appear without maxWidth.
		in.MaxHeight = lim.maxHeight()
	}
	if lim.MaxWidth == 0 && lim.MaxArea == 0 {
		// A server that upscales must publish maxWidth or maxArea.
		in.ExtraFeatures = in.ExtraFeatures[:1]
	}
	// Sizes halve down to a thumbnail; each is within the limits, as the
	// specification requires of the sizes it lists.
	for f := 1; ; f *= 2 {
		w, h := ceilDiv(width, f), ceilDiv(height, f)
		if !over(w, h, lim) {
			in.Sizes = append([]Dim{{w, h}}, in.Sizes...)
		}
		if max(w, h) <= smallestSize || f >= 1<<16 {
			break
		}
	}
	t := Tiles{Width: TileSize, Height: TileSize}
	for f := 1; ; f *= 2 {
		t.ScaleFactors = append(t.ScaleFactors, f)
		if max(width, height) <= TileSize*f {
			break
		}
	}
	in.Tiles = []Tiles{t}
	return in
}

func ceilDiv(a, b int) int { return (a + b - 1) / b }
