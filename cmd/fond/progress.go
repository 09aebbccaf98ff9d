package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"fond/internal/bagit"
)

// progress tells a person at a terminal how far an ingest has come: files and
// bytes done of the total, the rate and the time left, redrawn in place a few
// times a second. Elsewhere (a log, CI) it writes a plain line every few
// seconds instead, so a long import is not a minute of silence.
type progress struct {
	w                io.Writer
	unit             string // what is counted: "files", "originals"
	tty              bool
	files, doneFiles int
	bytes, doneBytes int64
	start, last      time.Time
	every            time.Duration
	drawn            bool
	now              func() time.Time
}

func newProgress(w io.Writer, files int, bytes int64) *progress {
	p := &progress{w: w, unit: "files", files: files, bytes: bytes, now: time.Now, every: 5 * time.Second}
	if f, ok := w.(*os.File); ok {
		if info, err := f.Stat(); err == nil && info.Mode()&os.ModeCharDevice != 0 {
			p.tty, p.every = true, 250*time.Millisecond
		}
	}
	p.start = p.now()
	p.last = p.start
	return p
}

// done counts one file finished.
func (p *progress) done(path string) {
	var n int64
	if info, err := os.Stat(path); err == nil {
		n = info.Size()
	}
	p.set(p.doneFiles+1, p.doneBytes+n)
}

// set moves the count to so many done, of so many bytes.
func (p *progress) set(files int, bytes int64) {
	p.doneFiles, p.doneBytes = files, bytes
	if t := p.now(); t.Sub(p.last) >= p.every {
		p.last = t
		p.draw(t)
	}
}

func (p *progress) line(t time.Time) string {
	elapsed := t.Sub(p.start).Seconds()
	rate := float64(p.doneBytes) / max(elapsed, 1e-3)
	left := "?"
	if rate > 0 && p.doneBytes > 0 {
		// Files that grew while read can make done pass the total counted.
		left = (time.Duration(float64(max(p.bytes-p.doneBytes, 0))/rate) * time.Second).Round(time.Second).String()
	}
	return fmt.Sprintf("%d/%d %s, %s of %s, %s/s, %s left", p.doneFiles, p.files, p.unit, bagit.HumanSize(p.doneBytes), bagit.HumanSize(p.bytes), bagit.HumanSize(int64(rate)), left)
}

func (p *progress) draw(t time.Time) {
	if p.tty {
		fmt.Fprintf(p.w, "\r\x1b[K%s", p.line(t))
		p.drawn = true
		return
	}
	fmt.Fprintln(p.w, p.line(t))
}

// finish clears the in-place line, so the summary starts on a clean line.
func (p *progress) finish() {
	if p.tty && p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}
