// Package bagit writes and validates BagIt bags (RFC 8493), the packaging
// libraries and archives exchange holdings in: a folder of payload files under
// data/, a manifest of their SHA-256 checksums, and tag files describing the
// bag, themselves listed in a tag manifest. It knows neither the database nor
// HTTP: a bag is written from payload files and read back as files.
package bagit

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Version is the BagIt version written in bagit.txt.
const Version = "1.0"

// Field is one line of bag-info.txt.
type Field struct {
	Label, Value string
}

// Entry is one manifest line: a file's checksum and its path in the bag,
// slash-separated (payload paths begin with "data/").
type Entry struct {
	Checksum string // lowercase hex
	Path     string
}

// Writer writes a bag into a new folder: payload files one at a time, hashed
// as they are written, then the tag files at Close.
type Writer struct {
	dir      string
	manifest []Entry
	seen     map[string]bool
	octets   int64
}

// Create starts a bag in dir, which must not exist or be empty: a bag is
// written whole, never merged into what a folder already holds.
func Create(dir string) (*Writer, error) {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return nil, fmt.Errorf("bag %s: %w: the folder is not empty", dir, fs.ErrExist)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("bag %s: %w", dir, err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "data"), 0o755); err != nil {
		return nil, fmt.Errorf("bag %s: %w", dir, err)
	}
	return &Writer{dir: dir, seen: map[string]bool{}}, nil
}

// Add writes one payload file at name (slash-separated, relative to data/)
// from r.
func (w *Writer) Add(name string, r io.Reader) error {
	p := "data/" + name
	if err := checkPath(p); err != nil {
		return err
	}
	if w.seen[p] {
		return fmt.Errorf("bag %s: %s added twice", w.dir, p)
	}
	w.seen[p] = true
	sum, n, err := writeFile(filepath.Join(w.dir, filepath.FromSlash(p)), r)
	if err != nil {
		return fmt.Errorf("bag %s: %w", w.dir, err)
	}
	w.manifest = append(w.manifest, Entry{Checksum: sum, Path: p})
	w.octets += n
	return nil
}

// AddBytes writes one payload file from memory.
func (w *Writer) AddBytes(name string, data []byte) error {
	return w.Add(name, bytes.NewReader(data))
}

// Oxum is the payload's Payload-Oxum so far: octets and files.
func (w *Writer) Oxum() string {
	return fmt.Sprintf("%d.%d", w.octets, len(w.manifest))
}

// Close writes bagit.txt, bag-info.txt (info, then Payload-Oxum and Bag-Size,
// which the writer knows), the payload manifest and the tag manifest.
func (w *Writer) Close(info []Field) error {
	info = append(info, Field{"Payload-Oxum", w.Oxum()}, Field{"Bag-Size", HumanSize(w.octets)})
	var tags []Entry
	tag := func(name string, data []byte) error {
		sum, _, err := writeFile(filepath.Join(w.dir, name), bytes.NewReader(data))
		if err != nil {
			return fmt.Errorf("bag %s: %w", w.dir, err)
		}
		tags = append(tags, Entry{Checksum: sum, Path: name})
		return nil
	}
	if err := tag("bagit.txt", []byte("BagIt-Version: "+Version+"\nTag-File-Character-Encoding: UTF-8\n")); err != nil {
		return err
	}
	var b strings.Builder
	for _, f := range info {
		if err := checkField(f); err != nil {
			return fmt.Errorf("bag %s: %w", w.dir, err)
		}
		fmt.Fprintf(&b, "%s: %s\n", f.Label, f.Value)
	}
	if err := tag("bag-info.txt", []byte(b.String())); err != nil {
		return err
	}
	if err := tag("manifest-sha256.txt", FormatManifest(w.manifest)); err != nil {
		return err
	}
	if err := syncTree(w.dir); err != nil {
		return fmt.Errorf("bag %s: %w", w.dir, err)
	}
	// The tag manifest lists the other tag files, not itself (RFC 8493 §2.2.1).
	// Written last, once the rest is on disk, it marks the bag complete.
	if _, _, err := writeFile(filepath.Join(w.dir, "tagmanifest-sha256.txt"), bytes.NewReader(FormatManifest(tags))); err != nil {
		return fmt.Errorf("bag %s: %w", w.dir, err)
	}
	return syncTree(w.dir)
}

// writeFile writes r to name, creating its folder, and returns the SHA-256 and
// length of what it wrote. Close syncs every file at once: a sync a file cost
// most of an export's time (3,000 records: 21 s, against 7.6 s syncing at the end).
func writeFile(name string, r io.Reader) (string, int64, error) {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return "", 0, err
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return "", 0, err
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(f, h), r)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", 0, fmt.Errorf("write %s: %w", name, err)
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}

func checkField(f Field) error {
	if f.Label == "" || strings.ContainsAny(f.Label, ":\r\n") || strings.TrimSpace(f.Label) != f.Label {
		return fmt.Errorf("bag-info label %q: labels are one line, without colons or surrounding spaces", f.Label)
	}
	if strings.ContainsAny(f.Value, "\r\n") {
		return fmt.Errorf("bag-info %s: a value is one line", f.Label)
	}
	return nil
}

// HumanSize is a byte count as people read it, and as the RFC's examples write
// Bag-Size ("260 GB"); fond's progress lines use it too.
func HumanSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// checkPath refuses a manifest path that could name a file outside the bag, or
// be read differently on another system: absolute, with "." or ".."
// elements, empty elements, or backslashes.
func checkPath(p string) error {
	if p == "" || strings.HasPrefix(p, "/") || strings.Contains(p, `\`) || strings.ContainsRune(p, 0) {
		return fmt.Errorf("unsafe path %q in bag", p)
	}
	for _, el := range strings.Split(p, "/") {
		if el == "" || el == "." || el == ".." {
			return fmt.Errorf("unsafe path %q in bag", p)
		}
	}
	return nil
}

// FormatManifest writes manifest lines, sorted by path, with the characters
// RFC 8493 §2.1.3 requires encoded in paths (CR, LF, %).
func FormatManifest(entries []Entry) []byte {
	sorted := append([]Entry(nil), entries...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Path < sorted[j].Path })
	var b bytes.Buffer
	enc := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	for _, e := range sorted {
		fmt.Fprintf(&b, "%s  %s\n", e.Checksum, enc.Replace(e.Path))
	}
	return b.Bytes()
}

// ParseManifest reads manifest lines: a checksum, whitespace, a path (in which
// %0D, %0A and %25 stand for CR, LF and %). It refuses malformed lines, paths
// that leave the bag, a path listed twice, and checksums that are not
// size-hex digits long (size 0: any even length).
func ParseManifest(r io.Reader, size int) ([]Entry, error) {
	var out []Entry
	seen := map[string]bool{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if line == "" {
			continue
		}
		sum, p, ok := strings.Cut(line, " ")
		if !ok {
			if sum, p, ok = strings.Cut(line, "\t"); !ok {
				return nil, fmt.Errorf("line %d: no path after the checksum", n)
			}
		}
		p = strings.TrimLeft(p, " \t")
		sum = strings.ToLower(sum)
		if _, err := hex.DecodeString(sum); err != nil || sum == "" || (size > 0 && len(sum) != 2*size) {
			return nil, fmt.Errorf("line %d: %q is not a checksum", n, sum)
		}
		p = decodePath(p)
		if err := checkPath(p); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		if seen[p] {
			return nil, fmt.Errorf("line %d: %s listed twice", n, p)
		}
		seen[p] = true
		out = append(out, Entry{Checksum: sum, Path: p})
	}
	return out, sc.Err()
}

// decodePath undoes the percent-encoding of CR, LF and % only: any other %
// sequence is taken as written, as RFC 8493 encodes nothing else.
func decodePath(p string) string {
	if !strings.Contains(p, "%") {
		return p
	}
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		if p[i] == '%' && i+2 < len(p) {
			switch strings.ToUpper(p[i+1 : i+3]) {
			case "0D":
				b.WriteByte('\r')
				i += 2
				continue
			case "0A":
				b.WriteByte('\n')
				i += 2
				continue
			case "25":
				b.WriteByte('%')
				i += 2
				continue
			}
		}
		b.WriteByte(p[i])
	}
	return b.String()
}

// ParseInfo reads bag-info.txt: "Label: value" lines, a line beginning with
// space or tab continuing the value before it.
func ParseInfo(r io.Reader) ([]Field, error) {
	var out []Field
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if line == "" {
			continue
		}
		if line[0] == ' ' || line[0] == '\t' {
			if len(out) == 0 {
				return nil, fmt.Errorf("line %d: a continuation before any label", n)
			}
			out[len(out)-1].Value += " " + strings.TrimSpace(line)
			continue
		}
		label, value, ok := strings.Cut(line, ":")
		if !ok || strings.TrimSpace(label) == "" {
			return nil, fmt.Errorf("line %d: not \"Label: value\"", n)
		}
		out = append(out, Field{strings.TrimSpace(label), strings.TrimSpace(value)})
	}
	return out, sc.Err()
}

// Get returns the first value of label in info ("" when absent); labels are
// compared without regard to case, as the RFC asks.
func Get(info []Field, label string) string {
	for _, f := range info {
		if strings.EqualFold(f.Label, label) {
			return f.Value
		}
	}
	return ""
}

// Bag is a bag that validated.
type Bag struct {
	Dir      string
	Info     []Field
	Manifest []Entry // the payload manifest's entries, by path
}

// Open opens a payload file of the bag by its manifest path ("data/…").
func (b *Bag) Open(p string) (*os.File, error) {
	if err := checkPath(p); err != nil {
		return nil, err
	}
	return os.Open(filepath.Join(b.Dir, filepath.FromSlash(p)))
}

// ReadFile reads a payload file of the bag by its manifest path ("data/…").
func (b *Bag) ReadFile(p string) ([]byte, error) {
	f, err := b.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// InvalidError lists everything wrong with a bag, each naming its file.
type InvalidError struct {
	Dir      string
	Problems []string
}

func (e *InvalidError) Error() string {
	const shown = 20
	ps := e.Problems
	more := ""
	if len(ps) > shown {
		more = fmt.Sprintf("; and %d more", len(ps)-shown)
		ps = ps[:shown]
	}
	return fmt.Sprintf("bag %s is not valid: %s%s", e.Dir, strings.Join(ps, "; "), more)
}

// Validate checks a bag as RFC 8493 §3 defines validity, with SHA-256 as the
// payload manifest's algorithm: bagit.txt declares a version and UTF-8, every
// payload file is in the manifest and every manifest line's file exists with
// its checksum, Payload-Oxum (when given) counts the payload, and the tag
// manifest's files (when it exists) have their checksums. Every file is read.
// It returns an InvalidError naming each file that fails.
func Validate(dir string) (*Bag, error) {
	inv := &InvalidError{Dir: dir}
	bad := func(format string, args ...any) { inv.Problems = append(inv.Problems, fmt.Sprintf(format, args...)) }
	decl, err := os.ReadFile(filepath.Join(dir, "bagit.txt"))
	if err != nil {
		return nil, fmt.Errorf("bag %s: %w", dir, err)
	}
	fields, err := ParseInfo(bytes.NewReader(bytes.TrimPrefix(decl, []byte("\xef\xbb\xbf"))))
	if err != nil {
		bad("bagit.txt: %v", err)
	} else {
		if v := Get(fields, "BagIt-Version"); v == "" {
			bad("bagit.txt: no BagIt-Version")
		}
		if enc := Get(fields, "Tag-File-Character-Encoding"); !strings.EqualFold(enc, "UTF-8") {
			bad("bagit.txt: tag files in %q; only UTF-8 is read", enc)
		}
	}
	b := &Bag{Dir: dir}
	if data, err := os.ReadFile(filepath.Join(dir, "bag-info.txt")); err == nil {
		if b.Info, err = ParseInfo(bytes.NewReader(data)); err != nil {
			bad("bag-info.txt: %v", err)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("bag %s: %w", dir, err)
	}

	mf, err := os.Open(filepath.Join(dir, "manifest-sha256.txt"))
	if err != nil {
		return nil, fmt.Errorf("bag %s: %w (fond reads bags with a SHA-256 manifest)", dir, err)
	}
	b.Manifest, err = ParseManifest(mf, sha256.Size)
	mf.Close()
	if err != nil {
		bad("manifest-sha256.txt: %v", err)
		return nil, inv
	}
	listed := map[string]bool{}
	var octets int64
	for _, e := range b.Manifest {
		listed[e.Path] = true
		if !strings.HasPrefix(e.Path, "data/") {
			bad("manifest-sha256.txt lists %s, outside data/", e.Path)
			continue
		}
		sum, n, err := hashFile(filepath.Join(dir, filepath.FromSlash(e.Path)))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			bad("%s is in the manifest but missing", e.Path)
		case err != nil:
			bad("%s: %v", e.Path, err)
		case sum != e.Checksum:
			bad("%s has changed: its SHA-256 is %s, the manifest says %s", e.Path, sum, e.Checksum)
		}
		octets += n
	}
	err = filepath.WalkDir(filepath.Join(dir, "data"), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if !d.Type().IsRegular() {
			bad("%s is not a regular file", rel)
		} else if !listed[rel] {
			bad("%s is not in the manifest", rel)
		}
		return nil
	})
	if err != nil {
		bad("data/: %v", err)
	}
	if oxum := Get(b.Info, "Payload-Oxum"); oxum != "" {
		want := fmt.Sprintf("%d.%d", octets, len(b.Manifest))
		if o, s, ok := strings.Cut(oxum, "."); !ok || !isDigits(o) || !isDigits(s) {
			bad("bag-info.txt: Payload-Oxum %q is not octets.files", oxum)
		} else if oxum != want {
			bad("bag-info.txt: Payload-Oxum %s, the payload is %s", oxum, want)
		}
	}
	validateTags(dir, bad)
	if len(inv.Problems) > 0 {
		return nil, inv
	}
	sort.Slice(b.Manifest, func(i, j int) bool { return b.Manifest[i].Path < b.Manifest[j].Path })
	return b, nil
}

// validateTags checks the tag manifest's lines, when there is one.
func validateTags(dir string, bad func(string, ...any)) {
	tf, err := os.Open(filepath.Join(dir, "tagmanifest-sha256.txt"))
	if errors.Is(err, fs.ErrNotExist) {
		return
	}
	if err != nil {
		bad("tagmanifest-sha256.txt: %v", err)
		return
	}
	defer tf.Close()
	tags, err := ParseManifest(tf, sha256.Size)
	if err != nil {
		bad("tagmanifest-sha256.txt: %v", err)
		return
	}
	for _, e := range tags {
		if strings.HasPrefix(e.Path, "data/") || path.Base(e.Path) == "tagmanifest-sha256.txt" {
			bad("tagmanifest-sha256.txt lists %s, which is not a tag file", e.Path)
			continue
		}
		sum, _, err := hashFile(filepath.Join(dir, filepath.FromSlash(e.Path)))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			bad("%s is in the tag manifest but missing", e.Path)
		case err != nil:
			bad("%s: %v", e.Path, err)
		case sum != e.Checksum:
			bad("%s has changed: its SHA-256 is %s, the tag manifest says %s", e.Path, sum, e.Checksum)
		}
	}
}

func hashFile(name string) (string, int64, error) {
	f, err := os.Open(name)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	return hex.EncodeToString(h.Sum(nil)), n, err
}

func isDigits(s string) bool {
	_, err := strconv.ParseUint(s, 10, 64)
	return err == nil
}

// syncTree puts every file and folder under dir on disk. A folder that
// cannot be synced (some systems refuse) is left to the system.
func syncTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := f.Sync(); err != nil && !d.IsDir() {
			return fmt.Errorf("sync %s: %w", p, err)
		}
		return nil
	})
}
