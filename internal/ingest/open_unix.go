//go:build unix

package ingest

import "syscall"

// openNonblock keeps opening a FIFO from waiting for a writer; it changes
// nothing for a regular file.
const openNonblock = syscall.O_NONBLOCK
