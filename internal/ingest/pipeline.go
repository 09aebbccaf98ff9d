package ingest

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"fond/internal/editions"
	"fond/internal/record"
	"fond/internal/store"
)

// Outcome reports one record ingested, or one file that failed.
type Outcome struct {
	File   string `json:"file"`
	ID     string `json:"id,omitempty"`
	Title  string `json:"title,omitempty"`
	Status string `json:"status,omitempty"`
	Error  string `json:"error,omitempty"`
	// Warning is a doubt about how the file was read, naming it.
	Warning string `json:"warning,omitempty"`
}

// Ingester stores files in a store.
type Ingester struct {
	Store store.Store
	Log   *slog.Logger
	// Limits bound what one file may cost (the zero value: the defaults).
	Limits Limits
}

// Paths ingests files and folders (recursively, hidden entries skipped, in name
// order). Every file is its own transaction: a bad file is reported through emit and
// the rest go on. It returns how many files failed; err is for failures that stop
// everything (a cancelled context, a broken store).
func (in *Ingester) Paths(ctx context.Context, paths []string, emit func(Outcome)) (failed int, err error) {
	for _, p := range paths {
		files, err := listFiles(p)
		if err != nil {
			emit(Outcome{File: p, Error: err.Error()})
			failed++
			continue
		}
		for _, f := range files {
			if err := ctx.Err(); err != nil {
				return failed, err
			}
			outs, err := in.File(ctx, f)
			if err != nil {
				if errors.Is(err, context.Canceled) || errors.Is(err, errStore) {
					return failed, err
				}
				emit(Outcome{File: f, Error: err.Error()})
				failed++
				continue
			}
			for _, o := range outs {
				emit(o)
			}
		}
	}
	return failed, nil
}

var errStore = errors.New("store")

func listFiles(root string) ([]string, error) {
	info, err := os.Stat(root)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return []string{root}, nil
	}
	var out []string
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

// File ingests one file in one transaction.
func (in *Ingester) File(ctx context.Context, path string) ([]Outcome, error) {
	data, err := readFile(ctx, path, in.Limits.maxFileSize())
	if err != nil {
		return nil, err
	}
	res, err := in.Limits.Extract(ctx, path, data)
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	outs, err := in.put(ctx, abs, path, filepath.Base(path), data, res)
	return withWarnings(outs, res), err
}

// withWarnings puts a file's warnings on its outcomes.
func withWarnings(outs []Outcome, res Result) []Outcome {
	if len(res.Warnings) > 0 {
		for i := range outs {
			outs[i].Warning = strings.Join(res.Warnings, "; ")
		}
	}
	return outs
}

func (in *Ingester) put(ctx context.Context, key, shown, name string, data []byte, res Result) ([]Outcome, error) {
	put, err := in.Store.PutFile(ctx, store.File{
		Path:     key,
		Original: store.Original{Checksum: res.Checksum, Name: name, Size: int64(len(data)), Data: data},
		Format:   res.Format,
		Records:  res.Records,
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %w", shown, errStore, err)
	}
	if err := in.linkEditions(ctx, res.Records); err != nil {
		return nil, fmt.Errorf("%s: editions: %w: %w", shown, errStore, err)
	}
	if err := in.linkDiscussions(ctx, res.Records); err != nil {
		return nil, fmt.Errorf("%s: discussion links: %w: %w", shown, errStore, err)
	}
	outs := make([]Outcome, 0, len(put))
	for _, p := range put {
		outs = append(outs, Outcome{File: shown, ID: p.ID, Title: p.Title, Status: p.Status})
	}
	if in.Log != nil {
		in.Log.Debug("ingested", "file", shown, "format", res.Format, "records", len(outs))
	}
	return outs, nil
}

// linkEditions joins each new record to stored records of the same archival
// document.
func (in *Ingester) linkEditions(ctx context.Context, recs []record.Record) error {
	var links []store.EditionLink
	for i := range recs {
		r := &recs[i]
		for _, src := range r.Sources {
			cands, err := in.Store.SameFile(ctx, src)
			if err != nil {
				return err
			}
			for j := range cands {
				if ok, why := editions.Same(r, &cands[j]); ok {
					links = append(links, store.EditionLink{A: r.ID, B: cands[j].ID, Reason: why})
				}
			}
		}
	}
	for i := range recs {
		r := &recs[i]
		if r.Category != record.Primary {
			continue
		}
		sig := editions.Signature(r.Body)
		if sig == nil {
			continue
		}
		near, err := in.Store.NearText(ctx, r.ID, sig, editions.BandKeys(sig))
		if err != nil {
			return err
		}
		for _, n := range near {
			if n.Record.Category != record.Primary || !editions.DatesCompatible(r.Date, n.Record.Date) {
				continue
			}
			if sim := editions.Similarity(sig, n.Signature); sim >= editions.NearIdentical {
				links = append(links, store.EditionLink{A: r.ID, B: n.Record.ID, Reason: fmt.Sprintf("near-identical text (MinHash similarity %.2f)", sim)})
			}
		}
	}
	if len(links) == 0 {
		return nil
	}
	return in.Store.LinkEditions(ctx, links)
}

// Reindex re-derives every stored file's records from its original bytes, for when
// extraction has improved. Each file is its own transaction.
func (in *Ingester) Reindex(ctx context.Context, emit func(Outcome)) (failed int, err error) {
	files, err := in.Store.Files(ctx)
	if err != nil {
		return 0, err
	}
	for _, f := range files {
		o, err := in.Store.Original(ctx, f.Original.Checksum)
		if err != nil {
			return failed, err
		}
		res, err := in.Limits.Extract(ctx, o.Name, o.Data)
		if err != nil {
			emit(Outcome{File: f.Path, Error: err.Error()})
			failed++
			continue
		}
		outs, err := in.put(ctx, f.Path, f.Path, o.Name, o.Data, res)
		if err != nil {
			return failed, err
		}
		for _, out := range withWarnings(outs, res) {
			emit(out)
		}
	}
	return failed, nil
}
