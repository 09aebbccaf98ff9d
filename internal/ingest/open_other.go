//go:build !unix

package ingest

const openNonblock = 0
