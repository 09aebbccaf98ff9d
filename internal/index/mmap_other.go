//go:build !unix

package index

import (
	"io"
	"os"
)

// mapFile reads f whole where the system has no mmap the index uses.
func mapFile(f *os.File) ([]byte, func() error, error) {
	data, err := io.ReadAll(f)
	return data, func() error { return nil }, err
}
