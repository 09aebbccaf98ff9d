package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"fond/internal/ingest"
	"fond/internal/ingest/scan"
	"fond/internal/record"
)

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := e.flags("ingest")
	asJSON := fs.Bool("json", false, "one JSON object per line: {file,id,status} or {file,error}")
	replace := fs.Bool("replace", false, "let these files take over records that other files (other paths) own, such as a corpus moved to another folder; without it such a file is refused as a conflict")
	draft := fs.Bool("draft", false, "store new records as drafts, seen only by staff until published (fond publish); without it they are published at once; records already stored keep their status")
	indexMode := fs.String("index", "auto", "keep the search index up to date in this process: load (index as it stores, the fast way for a large ingest), skip (leave it to the server or the next search, which catch up from the change log: adding a few files to a large archive then costs what they change), or auto (load unless the files are small beside the saved index)")
	limits := ingestLimitFlags(fs)
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return fmt.Errorf("%w: name at least one file or folder", errUsage)
	}
	_, inputBytes := ingest.Count(paths)
	load, err := e.loadIndexFor(*indexMode, inputBytes)
	if err != nil {
		return err
	}
	open := e.openStore
	if load {
		open = e.openIndexedStore
	}
	st, err := open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	in := &ingest.Ingester{Store: st, Log: e.log, Replace: *replace, Limits: *limits}
	if *draft {
		in.Status = record.Draft
	}
	counts := map[string]int{}
	// What became of each file, for the summary: new (every record added),
	// unchanged (none changed), updated (anything else), refused.
	fileState := map[string]string{}
	var order []string
	noteFile := func(file, status string) {
		prev, seen := fileState[file]
		if !seen {
			order = append(order, file)
		}
		switch {
		case status == "refused":
			fileState[file] = "refused"
		case !seen:
			fileState[file] = map[string]string{"added": "new", "unchanged": "unchanged"}[status]
			if fileState[file] == "" {
				fileState[file] = "updated"
			}
		case prev == "new" && status != "added", prev == "unchanged" && status != "unchanged":
			fileState[file] = "updated"
		}
	}
	var prog *progress
	if !*asJSON {
		files, bytes := ingest.Count(paths)
		prog = newProgress(e.stderr, files, bytes)
		in.FileDone = prog.done
	}
	enc := json.NewEncoder(e.stdout)
	warned := ""
	failed, err := in.Paths(ctx, paths, func(o ingest.Outcome) {
		if o.Error != "" {
			counts["failed"]++
			noteFile(o.File, "refused")
		} else {
			counts[o.Status]++
			noteFile(o.File, o.Status)
		}
		switch {
		case *asJSON && o.Error != "":
			enc.Encode(struct {
				File  string `json:"file"`
				Error string `json:"error"`
			}{o.File, o.Error})
		case *asJSON:
			enc.Encode(struct {
				File    string `json:"file"`
				ID      string `json:"id"`
				Status  string `json:"status"`
				Title   string `json:"title"`
				Warning string `json:"warning,omitempty"`
			}{o.File, o.ID, o.Status, o.Title, o.Warning})
		case o.Error != "":
			fmt.Fprintf(e.stderr, "error    %s\n", o.Error)
		default:
			// A file's warning is on each of its records; said once.
			if o.Warning != "" && o.File != warned {
				warned = o.File
				fmt.Fprintf(e.stderr, "warning  %s\n", o.Warning)
			}
			fmt.Fprintf(e.stdout, "%-9s %s  %s  (%s)\n", o.Status, o.ID, o.Title, o.File)
		}
	})
	if prog != nil {
		prog.finish()
		byState := map[string]int{}
		for _, f := range order {
			byState[fileState[f]]++
		}
		replaced := ""
		if n := counts["replaced"]; n > 0 {
			replaced = fmt.Sprintf(", %d replaced", n)
		}
		fmt.Fprintf(e.stderr, "files: %d new, %d updated, %d unchanged, %d refused; records: %d added, %d updated, %d unchanged%s\n",
			byState["new"], byState["updated"], byState["unchanged"], byState["refused"], counts["added"], counts["updated"], counts["unchanged"], replaced)
	}
	if err != nil {
		return err
	}
	if failed > 0 {
		return errFailed
	}
	return nil
}

func runReindex(ctx context.Context, e *env, args []string) error {
	fs := e.flags("reindex")
	asJSON := fs.Bool("json", false, "one JSON object per line")
	limits := ingestLimitFlags(fs)
	if _, err := parseInterspersed(fs, args); err != nil {
		return err
	}
	st, err := e.openIndexedStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	in := &ingest.Ingester{Store: st, Log: e.log, Limits: *limits}
	enc := json.NewEncoder(e.stdout)
	failed, err := in.Reindex(ctx, func(o ingest.Outcome) {
		if *asJSON {
			enc.Encode(o)
		} else if o.Error != "" {
			fmt.Fprintf(e.stderr, "error    %s\n", o.Error)
		} else {
			if o.Warning != "" {
				fmt.Fprintf(e.stderr, "warning  %s\n", o.Warning)
			}
			fmt.Fprintf(e.stdout, "%-9s %s  %s\n", o.Status, o.ID, o.Title)
		}
	})
	if err != nil {
		return err
	}
	if failed > 0 {
		return errFailed
	}
	return nil
}

// ingestLimitFlags adds the flags that bound what one input may cost, for every
// command that reads files into the store.
func ingestLimitFlags(fs *flag.FlagSet) *ingest.Limits {
	l := &ingest.Limits{MaxFileSize: ingest.DefaultMaxFileSize, MaxPixels: scan.DefaultMaxPixels}
	fs.Var((*byteSize)(&l.MaxFileSize), "max-file-size", "refuse files larger than this, unread (bytes, or with KB, MB, GB, KiB, MiB, GiB)")
	fs.Int64Var(&l.MaxPixels, "max-pixels", l.MaxPixels, "refuse images and rendered PDF pages of more pixels than this, before OCR")
	return l
}

// byteSize is a flag of a number of bytes, written plainly or with a unit.
type byteSize int64

func (b *byteSize) String() string {
	if b == nil {
		return ""
	}
	if *b%(1<<20) == 0 && *b > 0 {
		return strconv.FormatInt(int64(*b)>>20, 10) + "MiB"
	}
	return strconv.FormatInt(int64(*b), 10)
}

func (b *byteSize) Set(s string) error {
	units := []struct {
		suffix string
		mult   int64
	}{{"kib", 1 << 10}, {"mib", 1 << 20}, {"gib", 1 << 30}, {"kb", 1e3}, {"mb", 1e6}, {"gb", 1e9}, {"k", 1 << 10}, {"m", 1 << 20}, {"g", 1 << 30}, {"b", 1}}
	t := strings.ToLower(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range units {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 || n > (1<<62)/mult {
		return fmt.Errorf("%q is not a positive size (e.g. 64MiB)", s)
	}
	*b = byteSize(n * mult)
	return nil
}
