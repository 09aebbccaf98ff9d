// Package preserve carries an archive out of fond and into another as a
// BagIt bag (internal/bagit): every original byte for byte, each record as
// its public JSON and as TEI, and a ledger of which file each record came
// from, so that an import into an empty archive gives back the same records
// with the same ids, owned by the same paths.
//
// The bag's payload:
//
//	data/fond.json                  the ledger: format version, archive id, files
//	data/authorities.json           the authority file, when the archive has its own
//	data/audit.json                 what staff did to the records (publish, unpublish, withdraw)
//	data/originals/<sha256>[.ext]   each original, named by its checksum
//	data/records/<id>.json          each record (docs/record.md)
//	data/records/<id>.tei.xml       each record as TEI P5 (internal/tei)
//	data/records/<id>.aliases.json  the ids the record replaced (old permalinks)
//	data/records/<id>.names.json    an archivist's decisions on its names
//	data/records/<id><Part.Suffix>  more of a record's history (Parts)
package preserve

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"fond/internal/bagit"
	"fond/internal/ingest"
	"fond/internal/names"
	"fond/internal/record"
	"fond/internal/search"
	"fond/internal/store"
	"fond/internal/tei"
)

// LedgerFormat names the ledger's layout; LedgerVersion changes when an
// import of this version could not read a bag of the next.
const (
	LedgerFormat  = "fond-bag"
	LedgerVersion = 1
)

// Ledger is data/fond.json: what a bag holds, file by file.
type Ledger struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
	// Archive is the exporting archive's id (store.ArchiveID).
	Archive string `json:"archive"`
	// Selection says what was exported: "all records", a collection, a query.
	Selection string       `json:"selection"`
	Files     []LedgerFile `json:"files"`
	// Authorities is the payload path of the archive's authority file, when
	// an archivist has made it differ from the starter file.
	Authorities string `json:"authorities,omitempty"`
	// Audit is the payload path of the records' audit trail, when they have
	// one: an older fond, which does not know it, imports without it.
	Audit string `json:"audit,omitempty"`
}

// LedgerFile is one ingested path: its original and the records stored from
// it, in the file's order.
type LedgerFile struct {
	Path     string    `json:"path"`
	Checksum string    `json:"checksum"`
	Name     string    `json:"name"`
	Format   string    `json:"format"`
	AddedAt  time.Time `json:"added_at"`
	Original string    `json:"original"` // its payload path, under data/
	Records  []string  `json:"records"`
}

// Part is more of a record than its JSON says, carried in the bag beside it:
// the extension point for what other parts of fond keep of a record's
// history (publication status, revisions, the audit trail), which come with
// the accounts work. Export is asked for each record; Import is given what
// was exported, after the record's file is stored.
type Part struct {
	Suffix string // after the record id in data/records/: ".revisions.json"
	Export func(ctx context.Context, st store.Store, r record.Record) (data []byte, ok bool, err error)
	Import func(ctx context.Context, st store.Store, r record.Record, data []byte) error
}

// Parts are the record parts every export writes and every import reads.
// The history comes last: restoring a status writes a revision of its own,
// which the bag's history then replaces.
var Parts = []Part{aliasesPart, namesPart, statusPart, historyPart}

// historyPart carries a record's revisions (who changed which field, from
// what to what) once it has more than the ingest that made it.
var historyPart = Part{
	Suffix: ".revisions.json",
	Export: func(ctx context.Context, st store.Store, r record.Record) ([]byte, bool, error) {
		h, err := st.History(ctx, r.ID)
		if err != nil || len(h) < 2 {
			return nil, false, err
		}
		data, err := json.MarshalIndent(h, "", "  ")
		return append(data, '\n'), err == nil, err
	},
	Import: func(ctx context.Context, st store.Store, r record.Record, data []byte) error {
		var h []store.Revision
		if err := json.Unmarshal(data, &h); err != nil {
			return err
		}
		return st.RestoreHistory(ctx, r.ID, h)
	},
}

// statusPart carries a record's publication state when it is not published:
// a draft or a withdrawn record (with its reason) must not come back public
// in the archive a bag is restored into. Published records carry nothing,
// so bags of public holdings are unchanged.
var statusPart = Part{
	Suffix: ".status.json",
	Export: func(ctx context.Context, st store.Store, r record.Record) ([]byte, bool, error) {
		got, err := st.Statuses(ctx, []string{r.ID})
		if err != nil {
			return nil, false, err
		}
		status := got[r.ID]
		if status == "" || status == record.Published {
			return nil, false, nil
		}
		data, err := json.Marshal(struct {
			Status string `json:"status"`
			Reason string `json:"reason,omitempty"`
		}{status, r.WithdrawnReason})
		return append(data, '\n'), err == nil, err
	},
	Import: func(ctx context.Context, st store.Store, r record.Record, data []byte) error {
		var v struct{ Status, Reason string }
		if err := json.Unmarshal(data, &v); err != nil {
			return err
		}
		switch v.Status {
		case record.Draft, record.Withdrawn:
		default:
			return fmt.Errorf("%q is not a publication status a bag carries", v.Status)
		}
		_, err := st.SetStatus(ctx, r.ID, v.Status, v.Reason, "")
		return err
	},
}

// namesPart carries an archivist's decisions on the names in a record
// (confirmed as an authority, or rejected).
var namesPart = Part{
	Suffix: ".names.json",
	Export: func(ctx context.Context, st store.Store, r record.Record) ([]byte, bool, error) {
		ds, err := st.NameDecisions(ctx, r.ID)
		if err != nil || len(ds) == 0 {
			return nil, false, err
		}
		data, err := json.MarshalIndent(ds, "", "  ")
		return append(data, '\n'), err == nil, err
	},
	Import: func(ctx context.Context, st store.Store, r record.Record, data []byte) error {
		var ds []store.NameDecision
		if err := json.Unmarshal(data, &ds); err != nil {
			return err
		}
		for _, d := range ds {
			if d.RecordID != r.ID {
				return fmt.Errorf("a decision on record %s, not %s", d.RecordID, r.ID)
			}
			if err := st.DecideName(ctx, d); err != nil {
				return err
			}
		}
		return nil
	},
}

// aliasesPart carries the ids a record replaced (a changed file's records
// take over their predecessors' ids as aliases), so that old permalinks
// resolve in the archive a bag is imported into.
var aliasesPart = Part{
	Suffix: ".aliases.json",
	Export: func(ctx context.Context, st store.Store, r record.Record) ([]byte, bool, error) {
		k, ok := st.(store.AliasKeeper)
		if !ok {
			return nil, false, nil
		}
		old, err := k.Aliases(ctx, r.ID)
		if err != nil || len(old) == 0 {
			return nil, false, err
		}
		data, err := json.Marshal(old)
		return append(data, '\n'), err == nil, err
	},
	Import: func(ctx context.Context, st store.Store, r record.Record, data []byte) error {
		k, ok := st.(store.AliasKeeper)
		if !ok {
			return errors.New("this store cannot keep aliases")
		}
		var old []string
		if err := json.Unmarshal(data, &old); err != nil {
			return err
		}
		for _, id := range old {
			if !validID.MatchString(id) {
				return fmt.Errorf("%q is not a record id", id)
			}
		}
		return k.AddAliases(ctx, r.ID, old)
	},
}

// Options say what to export and how to describe the bag.
type Options struct {
	Collection string // only records of this collection id
	Query      string // only records this search finds (fond's query syntax)
	// Info is bag-info.txt's fields before those the bag computes (Payload-Oxum,
	// Bag-Size): Source-Organization, Bagging-Date, the software.
	Info []bagit.Field
	// Progress, when set, is told of each record written.
	Progress func(done, total int)
}

// Summary counts what a bag holds.
type Summary struct {
	Files, Originals, Records int
	Audit                     int // entries of the records' audit trail
	Oxum                      string
}

// Export writes the selected records, their originals and the ledger as a
// bag in dir, which must not exist or be empty.
func Export(ctx context.Context, st store.Store, dir string, opt Options) (Summary, error) {
	var sum Summary
	lister, ok := st.(store.FileLister)
	if !ok {
		return sum, errors.New("this store cannot list a file's records")
	}
	ids, selection, err := selectRecords(ctx, st, opt)
	if err != nil {
		return sum, err
	}
	if len(ids) == 0 {
		return sum, fmt.Errorf("no records to export (%s)", selection)
	}
	archive, err := st.ArchiveID(ctx)
	if err != nil {
		return sum, err
	}
	files, err := st.Files(ctx)
	if err != nil {
		return sum, err
	}
	byPath := map[string]store.File{}
	for _, f := range files {
		byPath[f.Path] = f
	}
	// Group the selected records by the path that owns them, in the file's order.
	chosen := map[string]bool{}
	var paths []string
	for _, id := range ids {
		p, err := st.Source(ctx, id)
		if err != nil {
			return sum, err
		}
		if !chosen[p] {
			paths = append(paths, p)
		}
		chosen[p] = true
		chosen[id] = true
	}
	sort.Strings(paths)

	w, err := bagit.Create(dir)
	if err != nil {
		return sum, err
	}
	ledger := Ledger{Format: LedgerFormat, Version: LedgerVersion, Archive: archive, Selection: selection}
	written := map[string]string{} // checksum -> payload path
	done := 0
	for _, p := range paths {
		f, ok := byPath[p]
		if !ok {
			return sum, fmt.Errorf("records stored from %s, which the store lists no file for", p)
		}
		all, err := lister.FileRecords(ctx, p)
		if err != nil {
			return sum, err
		}
		lf := LedgerFile{Path: p, Checksum: f.Original.Checksum, Name: f.Original.Name, Format: f.Format}
		for _, id := range all {
			if chosen[id] {
				lf.Records = append(lf.Records, id)
			}
		}
		o, err := st.Original(ctx, f.Original.Checksum)
		if err != nil {
			return sum, fmt.Errorf("original of %s: %w", p, err)
		}
		lf.AddedAt = o.AddedAt
		if lf.Original = written[o.Checksum]; lf.Original == "" {
			lf.Original = originalPath(o)
			if err := w.AddBytes(lf.Original, o.Data); err != nil {
				return sum, err
			}
			written[o.Checksum] = lf.Original
			sum.Originals++
		}
		for _, id := range lf.Records {
			if err := ctx.Err(); err != nil {
				return sum, err
			}
			r, err := st.Get(ctx, id)
			if err != nil {
				return sum, err
			}
			if err := writeRecord(ctx, st, w, r); err != nil {
				return sum, err
			}
			done++
			if opt.Progress != nil {
				opt.Progress(done, len(ids))
			}
		}
		ledger.Files = append(ledger.Files, lf)
	}
	if ledger.Authorities, err = exportAuthorities(ctx, st, w); err != nil {
		return sum, err
	}
	if ledger.Audit, sum.Audit, err = exportAudit(ctx, st, w, ids); err != nil {
		return sum, fmt.Errorf("audit trail: %w", err)
	}
	data, err := json.MarshalIndent(ledger, "", "  ")
	if err != nil {
		return sum, err
	}
	if err := w.AddBytes("fond.json", append(data, '\n')); err != nil {
		return sum, err
	}
	sum.Files, sum.Records, sum.Oxum = len(ledger.Files), done, w.Oxum()
	info := append(slices.Clone(opt.Info),
		bagit.Field{Label: "External-Identifier", Value: "fond archive " + archive},
		bagit.Field{Label: "Internal-Sender-Description", Value: fmt.Sprintf("%d records (%s) from %d files, %d originals", done, selection, len(ledger.Files), sum.Originals)})
	return sum, w.Close(info)
}

// selectRecords returns the ids to export, in a stable order, and says what
// they are.
func selectRecords(ctx context.Context, st store.Store, opt Options) ([]string, string, error) {
	var ids []string
	selection := "all records"
	if opt.Query != "" {
		selection = "records found by " + opt.Query
		lim := search.DefaultLimits
		lim.MaxOffset = 1 << 30
		lim.MaxDuration = time.Hour
		const page = 1000
		for off := 0; ; off += page {
			// Preservation is staff's: drafts and withdrawn records go in too.
			res, err := st.Search(ctx, search.Query{Text: opt.Query, Limit: page, Offset: off, Sort: search.SortDateAsc, Match: search.MatchAll, Limits: lim, Unpublished: true})
			if err != nil {
				return nil, "", fmt.Errorf("query %q: %w", opt.Query, err)
			}
			for _, h := range res.Hits {
				ids = append(ids, h.ID)
			}
			if len(res.Hits) < page {
				break
			}
		}
	} else {
		const page = 1000
		for off := 0; ; off += page {
			recs, _, err := st.List(ctx, store.ListQuery{Limit: page, Offset: off, IDsOnly: opt.Collection == ""})
			if err != nil {
				return nil, "", err
			}
			for _, r := range recs {
				if opt.Collection == "" || (r.Collection != nil && r.Collection.ID == opt.Collection) {
					ids = append(ids, r.ID)
				}
			}
			if len(recs) < page {
				break
			}
		}
	}
	if opt.Collection != "" {
		if opt.Query == "" {
			selection = "records"
		}
		selection += " of collection " + opt.Collection
		if opt.Query != "" {
			kept := ids[:0]
			for _, id := range ids {
				r, err := st.Get(ctx, id)
				if err != nil {
					return nil, "", err
				}
				if r.Collection != nil && r.Collection.ID == opt.Collection {
					kept = append(kept, id)
				}
			}
			ids = kept
		}
	}
	return slices.Compact(ids), selection, nil
}

var safeExt = regexp.MustCompile(`^\.[A-Za-z0-9]{1,8}$`)

// originalPath names an original by its checksum, which is safe on every
// file system and unique, keeping its extension so that a person opening the
// bag sees what kind of file it is.
func originalPath(o store.Original) string {
	name := "originals/" + strings.TrimPrefix(o.Checksum, "sha256:")
	if ext := path.Ext(o.Name); safeExt.MatchString(ext) {
		name += strings.ToLower(ext)
	}
	return name
}

func writeRecord(ctx context.Context, st store.Store, w *bagit.Writer, r record.Record) error {
	data, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return fmt.Errorf("record %s: %w", r.ID, err)
	}
	if err := w.AddBytes("records/"+r.ID+".json", append(data, '\n')); err != nil {
		return err
	}
	doc, err := tei.Document(r, "")
	if err != nil {
		return fmt.Errorf("record %s as TEI: %w", r.ID, err)
	}
	if err := w.AddBytes("records/"+r.ID+".tei.xml", doc); err != nil {
		return err
	}
	for _, p := range Parts {
		data, ok, err := p.Export(ctx, st, r)
		if err != nil {
			return fmt.Errorf("record %s, %s: %w", r.ID, p.Suffix, err)
		}
		if ok {
			if err := w.AddBytes("records/"+r.ID+p.Suffix, data); err != nil {
				return err
			}
		}
	}
	return nil
}

// exportAuthorities writes the authority file when it is the archive's own: a
// starter file copied into a bag would freeze it in the importing archive,
// which should get its own version's.
func exportAuthorities(ctx context.Context, st store.Store, w *bagit.Writer) (string, error) {
	f, err := st.Authorities(ctx)
	if err != nil {
		return "", err
	}
	mine, err := f.JSON()
	if err != nil {
		return "", err
	}
	if starter, err := names.Starter().JSON(); err == nil && bytes.Equal(mine, starter) {
		return "", nil
	}
	const name = "authorities.json"
	return name, w.AddBytes(name, mine)
}

var validID = regexp.MustCompile(`^[0-9a-f]{16}$`)

// Import validates the bag in dir (every checksum, nothing missing or
// unlisted) and, only if it is valid, stores its files into st, which must
// hold no records: a bag is an archive's state, not a batch to merge. Records
// are stored as exported, through in.Restore, one file a transaction;
// emit is told of each record.
func Import(ctx context.Context, st store.Store, in *ingest.Ingester, dir string, emit func(ingest.Outcome)) (Summary, error) {
	var sum Summary
	bag, err := bagit.Validate(dir)
	if err != nil {
		return sum, err
	}
	var ledger Ledger
	data, err := bag.ReadFile("data/fond.json")
	if err != nil {
		return sum, fmt.Errorf("bag %s: %w (not a bag fond exported)", dir, err)
	}
	if err := json.Unmarshal(data, &ledger); err != nil {
		return sum, fmt.Errorf("bag %s: data/fond.json: %w", dir, err)
	}
	if ledger.Format != LedgerFormat || ledger.Version < 1 || ledger.Version > LedgerVersion {
		return sum, fmt.Errorf("bag %s: data/fond.json is %q version %d; this fond reads %q up to version %d", dir, ledger.Format, ledger.Version, LedgerFormat, LedgerVersion)
	}
	if _, n, err := st.List(ctx, store.ListQuery{Limit: 1, IDsOnly: true}); err != nil {
		return sum, err
	} else if n > 0 {
		return sum, fmt.Errorf("the archive holds %d records: a bag is imported into an empty archive only", n)
	}
	inBag := map[string]string{} // payload path -> SHA-256
	for _, e := range bag.Manifest {
		inBag[e.Path] = e.Checksum
	}
	// The ledger is checked against the payload whole before anything is
	// stored, so that a bag is refused or imported, not half imported.
	for _, lf := range ledger.Files {
		if err := checkOriginal(lf, inBag); err != nil {
			return sum, err
		}
		for _, id := range lf.Records {
			if _, err := readRecord(bag, lf, id); err != nil {
				return sum, err
			}
		}
	}
	trail, err := readAudit(bag, ledger, inBag)
	if err != nil {
		return sum, err
	}
	if ledger.Authorities != "" {
		if _, ok := inBag["data/"+ledger.Authorities]; !ok {
			return sum, fmt.Errorf("data/fond.json: the authority file, data/%s, is not in the bag", ledger.Authorities)
		}
		data, err := bag.ReadFile("data/" + ledger.Authorities)
		if err != nil {
			return sum, fmt.Errorf("bag %s: %w", dir, err)
		}
		f, err := names.Load(data)
		if err != nil {
			return sum, fmt.Errorf("data/%s: %w", ledger.Authorities, err)
		}
		if err := st.SetAuthorities(ctx, f); err != nil {
			return sum, err
		}
	}
	originals := map[string]bool{}
	for _, lf := range ledger.Files {
		if err := ctx.Err(); err != nil {
			return sum, err
		}
		o, err := readOriginal(bag, lf)
		if err != nil {
			return sum, err
		}
		recs := make([]record.Record, 0, len(lf.Records))
		for _, id := range lf.Records {
			r, err := readRecord(bag, lf, id)
			if err != nil {
				return sum, err
			}
			recs = append(recs, r)
		}
		outs, err := in.Restore(ctx, lf.Path, o, lf.Format, recs)
		if err != nil {
			return sum, err
		}
		for _, r := range recs {
			for _, p := range Parts {
				name := "data/records/" + r.ID + p.Suffix
				if _, ok := inBag[name]; !ok {
					continue
				}
				data, err := bag.ReadFile(name)
				if err != nil {
					return sum, err
				}
				if err := p.Import(ctx, st, r, data); err != nil {
					return sum, fmt.Errorf("%s: %w", name, err)
				}
			}
		}
		for _, o := range outs {
			emit(o)
		}
		sum.Files++
		sum.Records += len(recs)
		if !originals[o.Checksum] {
			originals[o.Checksum] = true
			sum.Originals++
		}
	}
	if err := importAudit(ctx, st, trail); err != nil {
		return sum, fmt.Errorf("data/%s: %w", ledger.Audit, err)
	}
	sum.Audit = len(trail)
	sum.Oxum = bagit.Get(bag.Info, "Payload-Oxum")
	return sum, nil
}

// checkOriginal checks that a ledger file's original is in the bag and is the
// one its records name: the manifest proves the bag unchanged since it was
// written, this that the writer put the right bytes in it. The manifest's
// checksum, computed by Validate from the bytes, is the original's SHA-256.
func checkOriginal(lf LedgerFile, inBag map[string]string) error {
	name := "data/" + lf.Original
	got, ok := inBag[name]
	if !ok {
		return fmt.Errorf("data/fond.json: the original of %s, %s, is not in the bag", lf.Path, name)
	}
	if "sha256:"+got != lf.Checksum {
		return fmt.Errorf("%s hashes to sha256:%s, but data/fond.json says %s's original is %s", name, got, lf.Path, lf.Checksum)
	}
	return nil
}

// readOriginal reads a checked original, hashing it again: the bag may have
// changed since it was validated.
func readOriginal(bag *bagit.Bag, lf LedgerFile) (store.Original, error) {
	name := "data/" + lf.Original
	data, err := bag.ReadFile(name)
	if err != nil {
		return store.Original{}, err
	}
	h := sha256.Sum256(data)
	if got := "sha256:" + hex.EncodeToString(h[:]); got != lf.Checksum {
		return store.Original{}, fmt.Errorf("%s has changed during the import: it hashes to %s, not %s", name, got, lf.Checksum)
	}
	return store.Original{Checksum: lf.Checksum, Name: lf.Name, Size: int64(len(data)), Data: data, AddedAt: lf.AddedAt}, nil
}

func readRecord(bag *bagit.Bag, lf LedgerFile, id string) (record.Record, error) {
	var r record.Record
	if !validID.MatchString(id) {
		return r, fmt.Errorf("data/fond.json: %q (from %s) is not a record id", id, lf.Path)
	}
	name := "data/records/" + id + ".json"
	data, err := bag.ReadFile(name)
	if err != nil {
		return r, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&r); err != nil {
		return r, fmt.Errorf("%s: %w", name, err)
	}
	if r.ID != id || r.Checksum != lf.Checksum {
		return r, fmt.Errorf("%s is record %s of original %s; data/fond.json lists it as %s of %s", name, r.ID, r.Checksum, id, lf.Checksum)
	}
	return r, nil
}
