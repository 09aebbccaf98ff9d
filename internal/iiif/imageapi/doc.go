// Package imageapi is the IIIF Image API 3.0 (https://iiif.io/api/image/3.0/)
// at compliance level 2, in pure Go: it parses the parameters of an image
// request, resolves them against an image's dimensions and the server's
// limits, renders and encodes the result, describes an image in info.json,
// and keeps rendered images in a size-bounded disk cache.
//
// It knows nothing of records, stores or HTTP routing: the web layer maps a
// URL's identifier to a Source and hands the rest of the path to
// Service.Image; a *ParamError is a 400 for the client.
//
// The package is not named image so that it can use the standard library's
// image package under its own name.
package imageapi
