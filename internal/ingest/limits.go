package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"fond/internal/ingest/scan"
)

// DefaultMaxFileSize is the largest input read unless configured otherwise. The
// largest FRUS TEI volume in the test corpus is 4.2 MB and whole volumes are
// the largest single texts fond reads; 64 MiB leaves them fifteen times that
// while keeping one file's peak memory (a small multiple of its size) well
// under a gigabyte.
const DefaultMaxFileSize = 64 << 20

// Limits bound what one input may cost; the zero value means the defaults.
type Limits struct {
	// MaxFileSize is the largest file, in bytes, that is read; larger ones are
	// refused by name before being read.
	MaxFileSize int64
	// MaxPixels is the largest image, or PDF page as rendered for OCR, in
	// pixels, that is decoded or recognized (default scan.DefaultMaxPixels).
	MaxPixels int64
}

func (l Limits) maxFileSize() int64 {
	if l.MaxFileSize > 0 {
		return l.MaxFileSize
	}
	return DefaultMaxFileSize
}

func (l Limits) tools() scan.Tools {
	t := pageTools()
	t.MaxPixels = l.MaxPixels
	return t
}

// ErrTooLarge is returned for a file over the size limit.
var ErrTooLarge = errors.New("file over the size limit")

// ErrNotRegular is returned for a path that is a device, a pipe or a socket:
// reading one may never end.
var ErrNotRegular = errors.New("not a regular file")

// ReadFile reads a file under these limits, as File does.
func (l Limits) ReadFile(ctx context.Context, path string) ([]byte, error) {
	return readFile(ctx, path, l.maxFileSize())
}

// readFile reads a regular file of at most limit bytes. The file is opened
// without blocking (so a FIFO named in place of a file cannot hang the ingest
// waiting for a writer) and checked after opening (so a path swapped after a
// stat cannot slip through); the read stops at limit+1 bytes, so a file that
// grows while it is read is refused, not read without end.
func readFile(ctx context.Context, path string, limit int64) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|openNonblock, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: %w: it is %s", path, ErrNotRegular, describeMode(info.Mode()))
	}
	if info.Size() > limit {
		return nil, tooLarge(path, info.Size(), limit)
	}
	// One allocation of the size the file says it has, and a byte more to see
	// that it has not grown.
	data := make([]byte, 0, info.Size()+1)
	r := io.LimitReader(f, limit+1)
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := r.Read(data[len(data):min(cap(data), len(data)+readChunk)])
		data = data[:len(data)+n]
		if int64(len(data)) > limit {
			return nil, fmt.Errorf("%s: %w: it grew past the %d-byte limit while being read", path, ErrTooLarge, limit)
		}
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
}

// readChunk is how much is read between looks at the context.
const readChunk = 4 << 20

func tooLarge(name string, size, limit int64) error {
	return fmt.Errorf("%s: %w: it is %d bytes, over the %d-byte limit (raise it with --max-file-size)", name, ErrTooLarge, size, limit)
}

func describeMode(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a block device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	}
	return fmt.Sprintf("a special file (mode %v)", m)
}
