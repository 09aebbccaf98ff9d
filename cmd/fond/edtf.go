package main

import (
	"context"
	"encoding/json"
	"fmt"

	"fond/internal/edtf"
)

// edtfReport is what `fond edtf` says of one argument.
type edtfReport struct {
	Input       string `json:"input"`
	Valid       bool   `json:"valid"`
	Error       string `json:"error,omitempty"`
	Level       *int   `json:"level,omitempty"`
	Canonical   string `json:"canonical,omitempty"`
	Earliest    string `json:"earliest,omitempty"`
	Latest      string `json:"latest,omitempty"`
	Precision   string `json:"precision,omitempty"`
	Interval    bool   `json:"interval,omitempty"`
	Uncertain   bool   `json:"uncertain,omitempty"`
	Approximate bool   `json:"approximate,omitempty"`
}

// runEDTF checks dates as the archive reads them, for cataloguers writing a
// date by hand and for checking fond against other EDTF implementations.
func runEDTF(ctx context.Context, e *env, args []string) error {
	fs := e.flags("edtf")
	asJSON := fs.Bool("json", false, "one JSON object per date")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: fond edtf [--json] DATE...", errUsage)
	}
	bad := false
	enc := json.NewEncoder(e.stdout)
	for _, in := range fs.Args() {
		r := edtfReport{Input: in}
		d, err := edtf.Parse(in)
		if err != nil {
			r.Error, bad = err.Error(), true
		} else {
			level := d.Level()
			r.Valid, r.Level, r.Canonical = true, &level, d.String()
			r.Earliest, r.Latest, r.Precision = d.Earliest(), d.Latest(), d.Precision().String()
			r.Interval, r.Uncertain, r.Approximate = d.IsInterval(), d.Uncertain(), d.Approximate()
		}
		if *asJSON {
			enc.Encode(r)
			continue
		}
		if !r.Valid {
			fmt.Fprintf(e.stdout, "%s\tinvalid\t%s\n", in, r.Error)
			continue
		}
		fmt.Fprintf(e.stdout, "%s\tlevel %d\t%s\t%s..%s\t%s", in, *r.Level, r.Canonical, r.Earliest, r.Latest, r.Precision)
		if r.Uncertain {
			fmt.Fprint(e.stdout, "\tuncertain")
		}
		if r.Approximate {
			fmt.Fprint(e.stdout, "\tapproximate")
		}
		fmt.Fprintln(e.stdout)
	}
	if bad {
		return errFailed
	}
	return nil
}
