package main

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// readParagraphs streams the text of every <p> element of the XML files in dir to
// fn, one paragraph at a time, so a 40 MB corpus never sits in memory as a tree.
// Notes inside a paragraph are skipped: they are editorial apparatus, not prose.
func readParagraphs(ctx context.Context, dir string, fn func(string)) (files int, err error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.xml"))
	if err != nil {
		return 0, fmt.Errorf("list corpus: %w", err)
	}
	sort.Strings(paths) // a stable order keeps word ids, and so sampling, deterministic
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return files, err
		}
		if err := readFileParagraphs(p, fn); err != nil {
			return files, err
		}
		files++
	}
	return files, nil
}

func readFileParagraphs(path string, fn func(string)) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open corpus file: %w", err)
	}
	defer f.Close()
	dec := xml.NewDecoder(f)
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	var (
		buf     strings.Builder
		inP     int // depth of nested <p>
		inNote  int
		errBody error
	)
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			// A malformed tail should not cost the whole file's text.
			errBody = fmt.Errorf("%s: %w", path, err)
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "p":
				inP++
			case "note":
				inNote++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "p":
				if inP > 0 {
					inP--
				}
				if inP == 0 && buf.Len() > 0 {
					fn(buf.String())
					buf.Reset()
				}
			case "note":
				if inNote > 0 {
					inNote--
				}
			}
		case xml.CharData:
			if inP > 0 && inNote == 0 {
				buf.Write(t)
			}
		}
	}
	if errBody != nil && buf.Len() == 0 {
		fmt.Fprintf(os.Stderr, "fondbench: corpus: %v (kept what was read)\n", errBody)
	}
	return nil
}
