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
	// Replace lets a file take over records another file owns (fond ingest
	// --replace) rather than be refused as a conflict. Reindex ignores it.
	Replace bool
	// Status is the publication state of the records a file adds (record.Draft
	// for fond ingest --draft; "" publishes). Stored records keep theirs.
	Status string
	// Limits bound what one file may cost (the zero value: the defaults).
	Limits Limits
	// FileDone, when set, is told of each file Paths has finished with,
	// stored or refused, for a progress display.
	FileDone func(path string)
	// Author and Action name who stores files and why in the records'
	// history: a person's upload (store.ActionUpload), or the command line
	// ("" and store.ActionIngest, the default).
	Author string
	Action string
}

// Count lists what Paths would read: how many files and their bytes, for a
// progress display's totals. Unreadable paths count nothing; Paths reports them.
func Count(paths []string) (files int, bytes int64) {
	for _, p := range paths {
		list, _ := listFiles(p)
		for _, f := range list {
			if info, err := os.Stat(f); err == nil {
				files++
				bytes += info.Size()
			}
		}
	}
	return files, bytes
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
			if in.FileDone != nil {
				in.FileDone(f)
			}
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
	return in.putFile(ctx, key, shown, name, data, res, in.Replace, in.Action)
}

// putFile writes one file with everything derived from it, links included, in
// one PutFile. A conflict (the file's records belong to another file) and a
// link to a record deleted meanwhile fail this file alone; other store errors
// stop the batch.
func (in *Ingester) putFile(ctx context.Context, key, shown, name string, data []byte, res Result, replace bool, action string) ([]Outcome, error) {
	return in.store(ctx, shown, store.File{
		Path:     key,
		Original: store.Original{Checksum: res.Checksum, Name: name, Size: int64(len(data)), Data: data},
		Format:   res.Format,
		Records:  res.Records,
		Replace:  replace,
		Status:   in.Status,
		Author:   in.Author,
		Action:   action,
	})
}

func (in *Ingester) store(ctx context.Context, shown string, f store.File) ([]Outcome, error) {
	return in.storeLinked(ctx, shown, f, nil)
}

// storeLinked is store with edition links a person asserted (Attach) added to
// the derived ones: written last, their reasons win.
func (in *Ingester) storeLinked(ctx context.Context, shown string, f store.File, asserted []store.EditionLink) ([]Outcome, error) {
	if err := in.derive(ctx, &f); err != nil {
		return nil, fmt.Errorf("%s: links: %w: %w", shown, errStore, err)
	}
	f.Editions = append(f.Editions, asserted...)
	put, err := in.Store.PutFile(ctx, f)
	switch {
	case errors.Is(err, store.ErrConflict):
		return nil, fmt.Errorf("%s: %w; nothing of the file was stored (fond ingest --replace takes the records over)", shown, err)
	case errors.Is(err, store.ErrNotFound):
		return nil, fmt.Errorf("%s: %w", shown, err)
	case err != nil:
		return nil, fmt.Errorf("%s: %w: %w", shown, errStore, err)
	}
	outs := make([]Outcome, 0, len(put))
	for _, p := range put {
		outs = append(outs, Outcome{File: shown, ID: p.ID, Title: p.Title, Status: p.Status})
	}
	if in.Log != nil {
		in.Log.Debug("ingested", "file", shown, "format", f.Format, "records", len(outs))
	}
	return outs, nil
}

// derive computes what the file's records are linked by (text signatures,
// editions, discussions) from the store as it stands, for PutFile to write in
// the file's transaction. Stored records with the ids of the file's own are
// their earlier versions: the file's records are compared with one another
// here instead.
func (in *Ingester) derive(ctx context.Context, f *store.File) error {
	own := make(map[string]int, len(f.Records))
	for i := range f.Records {
		own[f.Records[i].ID] = i
	}
	var err error
	if f.Signatures, f.Editions, err = in.linkEditions(ctx, f.Records, own); err != nil {
		return fmt.Errorf("editions: %w", err)
	}
	if f.Discussions, err = in.linkDiscussions(ctx, f.Records, own); err != nil {
		return fmt.Errorf("discussion links: %w", err)
	}
	return nil
}

// linkEditions finds the stored records, and the file's other records, that
// are editions of each of the file's records: by archival reference, and by
// near-identical text (whose signatures it returns for the store to keep).
func (in *Ingester) linkEditions(ctx context.Context, recs []record.Record, own map[string]int) ([]store.Signature, []store.EditionLink, error) {
	var links []store.EditionLink
	at := map[[2]string]int{}
	add := func(a, b, why string) {
		if a == b {
			return
		}
		if a > b {
			a, b = b, a
		}
		// A pair found twice keeps the reason found last, as the store would.
		if i, ok := at[[2]string{a, b}]; ok {
			links[i].Reason = why
			return
		}
		at[[2]string{a, b}] = len(links)
		links = append(links, store.EditionLink{A: a, B: b, Reason: why})
	}
	var cited []int
	for i := range recs {
		r := &recs[i]
		for _, src := range r.Sources {
			cands, err := in.Store.SameFile(ctx, src)
			if err != nil {
				return nil, nil, err
			}
			for j := range cands {
				if _, mine := own[cands[j].ID]; mine {
					continue
				}
				if ok, why := editions.Same(r, &cands[j]); ok {
					add(r.ID, cands[j].ID, why)
					continue
				}
				ok, why, err := in.sameRelease(ctx, r, cands[j])
				if err != nil {
					return nil, nil, err
				}
				if ok {
					add(r.ID, cands[j].ID, why)
				}
			}
		}
		if len(r.Sources) > 0 && r.Category == record.Primary {
			cited = append(cited, i)
		}
	}
	for x, i := range cited {
		for _, j := range cited[x+1:] {
			if ok, why := editions.Same(&recs[i], &recs[j]); ok {
				add(recs[i].ID, recs[j].ID, why)
			} else if ok, why := editions.SameRelease(&recs[i], &recs[j]); ok {
				add(recs[i].ID, recs[j].ID, why)
			}
		}
	}

	var sigs []store.Signature
	var dates []record.Date
	for i := range recs {
		r := &recs[i]
		if r.Category != record.Primary {
			continue
		}
		sig := editions.Signature(r.Body)
		if sig == nil {
			continue
		}
		bands := editions.BandKeys(sig)
		sigs = append(sigs, store.Signature{ID: r.ID, Sig: sig, Bands: bands})
		dates = append(dates, r.Date)
		near, err := in.Store.NearText(ctx, bands)
		if err != nil {
			return nil, nil, err
		}
		for _, n := range near {
			if _, mine := own[n.Record.ID]; mine {
				continue
			}
			if n.Record.Category != record.Primary || !editions.DatesCompatible(r.Date, n.Record.Date) {
				continue
			}
			if sim := editions.Similarity(sig, n.Signature); sim >= editions.NearIdentical {
				add(r.ID, n.Record.ID, nearReason(sim))
				continue
			}
			ok, why, err := in.sameRelease(ctx, r, n.Record)
			if err != nil {
				return nil, nil, err
			}
			if ok {
				add(r.ID, n.Record.ID, why)
			}
		}
	}
	// The file's own records sharing a band key are candidates, as stored ones are.
	byBand := map[uint64][]int{}
	for k := range sigs {
		for _, b := range sigs[k].Bands {
			byBand[b] = append(byBand[b], k)
		}
	}
	compared := map[[2]int]bool{}
	for k := range sigs {
		for _, b := range sigs[k].Bands {
			for _, m := range byBand[b] {
				if m <= k || compared[[2]int{k, m}] {
					continue
				}
				compared[[2]int{k, m}] = true
				if !editions.DatesCompatible(dates[k], dates[m]) {
					continue
				}
				if sim := editions.Similarity(sigs[k].Sig, sigs[m].Sig); sim >= editions.NearIdentical {
					add(sigs[k].ID, sigs[m].ID, nearReason(sim))
				}
			}
		}
	}
	return sigs, links, nil
}

// sameRelease tells whether r and a stored record (read without its body)
// are releases of one document, reading the stored body only when one of
// them shows declassification and their dates agree: the check compares
// whole texts.
func (in *Ingester) sameRelease(ctx context.Context, r *record.Record, stored record.Record) (bool, string, error) {
	if !editions.IsRelease(r) && !editions.IsRelease(&stored) || !editions.DatesCompatible(r.Date, stored.Date) || stored.Category != record.Primary {
		return false, "", nil
	}
	full, err := in.Store.Get(ctx, stored.ID)
	if err != nil {
		return false, "", fmt.Errorf("release %s: %w", stored.ID, err)
	}
	ok, why := editions.SameRelease(r, &full)
	return ok, why, nil
}

func nearReason(sim float64) string {
	return fmt.Sprintf("%s (MinHash similarity %.2f)", store.NearTextReason, sim)
}

// Reindex re-derives every stored file's records from its original bytes, for when
// extraction has improved. Each file is its own transaction.
func (in *Ingester) Reindex(ctx context.Context, emit func(Outcome)) (failed int, err error) {
	files, err := in.Store.Files(ctx)
	if err != nil {
		return 0, err
	}
	for _, f := range files {
		if f.Format == FormatManual {
			continue // made by hand: there is no reading to redo
		}
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
		// A file re-derived from its own original is its own source; it never
		// takes records over, and one whose records another file took (fond
		// ingest --replace) is reported, not forced.
		outs, err := in.putFile(ctx, f.Path, f.Path, o.Name, o.Data, res, false, store.ActionReindex)
		if err != nil && !errors.Is(err, errStore) {
			emit(Outcome{File: f.Path, Error: err.Error()})
			failed++
			continue
		}
		if err != nil {
			return failed, err
		}
		for _, out := range withWarnings(outs, res) {
			emit(out)
		}
	}
	return failed, nil
}

// Restore stores records derived elsewhere (by another archive, carried in a
// bag) with the original they came from, as they are: no reader runs, so a
// record comes back with the fields, id and ingest time it had, whatever this
// version of fond would extract today. Links are computed as for any file,
// so that an archive restored file by file links as one ingested so.
func (in *Ingester) Restore(ctx context.Context, path string, o store.Original, format string, recs []record.Record) ([]Outcome, error) {
	return in.store(ctx, path, store.File{Path: path, Original: o, Format: format, Records: recs})
}
