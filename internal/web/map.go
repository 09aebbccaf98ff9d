package web

import (
	"fmt"
	"math"
	"net/http"
	"net/url"
	"sort"
	"sync"

	"fond/internal/geo"
	"fond/internal/search"
)

// The map is drawn on a plate carrée of mapWidth × mapHeight, with an inset
// on East Asia, where most of the archive's places lie close together.
const (
	mapWidth, mapHeight    = 720.0, 360.0
	insetWest, insetEast   = 100.0, 146.0
	insetSouth, insetNorth = 18.0, 50.0
)

// landPath is the outline of the continents, read once from the vendored
// world-atlas topology (Natural Earth 1:110m land).
var landPath = sync.OnceValues(func() (string, error) {
	data, err := staticFS.ReadFile("static/vendor/world-atlas/land-110m.json")
	if err != nil {
		return "", err
	}
	rings, err := geo.Rings(data, "land")
	if err != nil {
		return "", err
	}
	return geo.Path(rings, mapWidth, mapHeight), nil
})

// mapPlace is a place drawn on the map and listed beside it.
type mapPlace struct {
	Name, URL    string
	Count        int
	X, Y         float64 // on the world map
	R, InsetR    float64 // the dot's radius in each view
	InInset      bool
	Lat, Lon     float64
	Label, Title string
}

// handleMap draws the places of the authority file that have coordinates,
// each a link that searches the documents written there or about it; without
// JavaScript it is an SVG with links, and a table says the same in words.
func (s *Server) handleMap(w http.ResponseWriter, r *http.Request) {
	land, err := landPath()
	if err != nil {
		s.serverError(w, fmt.Errorf("map outlines: %w", err))
		return
	}
	auth, err := s.store.Authorities(r.Context())
	if err != nil {
		s.serverError(w, err)
		return
	}
	pr := printer(w)
	var places []mapPlace
	for _, a := range auth.Authorities {
		if a.Kind != "place" || len(a.Coords) != 2 || len(places) == maxIndexCounts {
			continue
		}
		q := search.Query{Text: nameQuery("place", a.Preferred, auth), Limit: 1, Match: search.MatchAll}
		res, err := s.search(r.Context(), q)
		if err != nil {
			s.searchError(w, r, err)
			return
		}
		p := mapPlace{Name: a.Preferred, Count: res.Total, Lat: a.Coords[0], Lon: a.Coords[1],
			URL: "/search?place=" + url.QueryEscape(a.Preferred) + "&sort=date"}
		p.X, p.Y = geo.Project(geo.Point{Lon: p.Lon, Lat: p.Lat}, mapWidth, mapHeight)
		p.R = math.Min(2+math.Sqrt(float64(p.Count)), 9)
		p.InsetR = p.R / 4
		p.InInset = p.Lon >= insetWest && p.Lon <= insetEast && p.Lat >= insetSouth && p.Lat <= insetNorth
		p.Title = p.Name + ": " + pr.N("common.documents", p.Count)
		places = append(places, p)
	}
	// Larger dots first, so the small ones are drawn on top and stay clickable.
	sort.SliceStable(places, func(i, j int) bool { return places[i].Count > places[j].Count })
	x0, y0 := geo.Project(geo.Point{Lon: insetWest, Lat: insetNorth}, mapWidth, mapHeight)
	x1, y1 := geo.Project(geo.Point{Lon: insetEast, Lat: insetSouth}, mapWidth, mapHeight)
	s.render(w, http.StatusOK, "map", map[string]any{
		"Title": pr.T("map.title"), "Land": land, "Places": places,
		"World": fmt.Sprintf("0 0 %g %g", mapWidth, mapHeight),
		"Inset": fmt.Sprintf("%g %g %g %g", x0, y0, x1-x0, y1-y0),
	})
}
