package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"fond/internal/bagit"
	"fond/internal/record"
	"fond/internal/store"
	"fond/internal/store/sqlite"
	"fond/internal/testutil"
)

func TestBagRoundTripSeeds(t *testing.T) {
	seeds := testutil.Shared(t, "seeds")
	bagRoundTrip(t, seeds, nil)
}

func TestBagRoundTripSynthetic(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "letters")
	writeLetters(t, dir, 40, 4)
	// A letter corrected after it was stored: its record's old id becomes an
	// alias of the new one, and the bag must keep that permalink working.
	bagRoundTrip(t, dir, func(t *testing.T, db string) []string {
		first := filepath.Join(dir, "letter-00000.txt")
		lines, _ := ingestJSON(t, db, first)
		data, _ := os.ReadFile(first)
		os.WriteFile(first, append(data, "Corrected by the archivist.\n"...), 0o644)
		if _, errs, code := fond(t, db, "ingest", first); code != 0 {
			t.Fatalf("re-ingest of a corrected letter: %s", errs)
		}
		// An archivist's authority file and a decision on a name.
		st := openSQLite(t, db)
		ctx := context.Background()
		f, _ := st.Authorities(ctx)
		f, err := f.Add("stalin", "Uncle Joe")
		if err != nil {
			t.Fatal(err)
		}
		if err := st.SetAuthorities(ctx, f); err != nil {
			t.Fatal(err)
		}
		second, _ := ingestJSON(t, db, filepath.Join(dir, "letter-00001.txt"))
		if err := st.DecideName(ctx, store.NameDecision{RecordID: second[0].ID, Start: 12, End: 19, Authority: "stalin", Status: "confirmed"}); err != nil {
			t.Fatal(err)
		}
		// A draft and a withdrawn record must not come back public, and
		// what staff did to them comes back in the audit log; a failed
		// sign-in (from an address) is not the holdings' and stays behind.
		third, _ := ingestJSON(t, db, filepath.Join(dir, "letter-00002.txt"))
		fourth, _ := ingestJSON(t, db, filepath.Join(dir, "letter-00003.txt"))
		if _, errs, code := fond(t, db, "unpublish", third[0].ID); code != 0 {
			t.Fatal(errs)
		}
		if _, errs, code := fond(t, db, "withdraw", "--reason", "The donor withdrew permission.", fourth[0].ID); code != 0 {
			t.Fatal(errs)
		}
		if err := st.Audit(ctx, store.AuditEntry{Actor: "ann", Action: store.AuditLoginFailed, Target: "ann", Addr: "10.0.0.1"}); err != nil {
			t.Fatal(err)
		}
		st.Close()
		return []string{lines[0].ID}
	})
}

// bagRoundTrip ingests in, lets edit change the archive (returning ids that
// must resolve as aliases), exports everything as a bag, imports the bag into
// an empty archive and compares the two archives record by record, field by
// field, with the paths that own them, the originals' bytes and the aliases.
func bagRoundTrip(t *testing.T, in string, edit func(t *testing.T, db string) []string) {
	dir := t.TempDir()
	db, back, bag := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db"), filepath.Join(dir, "bag")
	if _, errs, code := fond(t, db, "ingest", in); code != 0 {
		t.Fatalf("ingest: %s", errs)
	}
	var aliases []string
	if edit != nil {
		aliases = edit(t, db)
	}
	if _, errs, code := fond(t, db, "export", "--bagit", bag, "--source-organization", "Example Archive"); code != 0 {
		t.Fatalf("export: exit %d %s", code, errs)
	}
	info, err := os.ReadFile(filepath.Join(bag, "bag-info.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, label := range []string{"Source-Organization: Example Archive\n", "Bagging-Date: 20", "Bag-Software-Agent: fond ", "Payload-Oxum: ", "Bag-Size: ", "External-Identifier: fond archive "} {
		if !strings.Contains(string(info), label) {
			t.Errorf("bag-info.txt lacks %q:\n%s", label, info)
		}
	}
	if _, err := bagit.Validate(bag); err != nil {
		t.Fatalf("the exported bag: %v", err)
	}
	if _, errs, code := fond(t, back, "import", "--bagit", bag); code != 0 {
		t.Fatalf("import: exit %d %s", code, errs)
	}
	if out, errs, code := fond(t, back, "verify"); code != 0 {
		t.Fatalf("verify of the imported archive: exit %d\n%s%s", code, out, errs)
	}
	a, b := openSQLite(t, db), openSQLite(t, back)
	ctx := context.Background()
	want, n, err := a.List(ctx, store.ListQuery{IDsOnly: true})
	if err != nil || n == 0 {
		t.Fatalf("list: %d %v", n, err)
	}
	got, m, _ := b.List(ctx, store.ListQuery{IDsOnly: true})
	if m != n {
		t.Fatalf("imported %d records, exported %d", m, n)
	}
	decisions := 0
	for i := range want {
		if got[i].ID != want[i].ID {
			t.Fatalf("record %d: id %s, want %s", i, got[i].ID, want[i].ID)
		}
		ra, err := a.Get(ctx, want[i].ID)
		if err != nil {
			t.Fatal(err)
		}
		rb, err := b.Get(ctx, want[i].ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range fieldDiffs(ra, rb) {
			t.Errorf("record %s: %s", ra.ID, d)
		}
		pa, _ := a.Source(ctx, ra.ID)
		pb, _ := b.Source(ctx, ra.ID)
		if pa != pb {
			t.Errorf("record %s: owned by %s, was %s", ra.ID, pb, pa)
		}
		oa, _ := a.Original(ctx, ra.Checksum)
		ob, err := b.Original(ctx, ra.Checksum)
		if err != nil || string(oa.Data) != string(ob.Data) || oa.Name != ob.Name || !oa.AddedAt.Equal(ob.AddedAt) {
			t.Errorf("record %s: original %s not the same (%v)", ra.ID, ra.Checksum, err)
		}
		na, _ := a.NameDecisions(ctx, ra.ID)
		nb, _ := b.NameDecisions(ctx, ra.ID)
		if !reflect.DeepEqual(na, nb) {
			t.Errorf("record %s: name decisions %+v, were %+v", ra.ID, nb, na)
		}
		decisions += len(na)
		la, _ := a.Links(ctx, ra.ID)
		lb, _ := b.Links(ctx, ra.ID)
		if !reflect.DeepEqual(la, lb) {
			t.Errorf("record %s: links %+v, were %+v", ra.ID, lb, la)
		}
		if _, err := os.Stat(filepath.Join(bag, "data", "records", ra.ID+".tei.xml")); err != nil {
			t.Errorf("no TEI for %s: %v", ra.ID, err)
		}
	}
	fa, _ := a.Authorities(ctx)
	fb, _ := b.Authorities(ctx)
	ja, _ := fa.JSON()
	jb, _ := fb.JSON()
	if string(ja) != string(jb) {
		t.Errorf("the authority file differs after the import")
	}
	for _, old := range aliases {
		ra, err := a.Get(ctx, old)
		if err != nil || ra.ID == old {
			t.Fatalf("%s is no alias in the exporting archive (%s, %v)", old, ra.ID, err)
		}
		if rb, err := b.Get(ctx, old); err != nil || rb.ID != ra.ID {
			t.Errorf("alias %s resolves to %q (%v) after the import, to %s before", old, rb.ID, err, ra.ID)
		}
	}
	trailA, trailB := recordTrail(t, a), recordTrail(t, b)
	if !reflect.DeepEqual(trailA, trailB) {
		t.Errorf("the records' audit trail after the import:\n%v\nbefore:\n%v", trailB, trailA)
	}
	if l, _ := b.AuditLog(ctx, store.AuditQuery{Action: store.AuditLoginFailed}); len(l) != 0 {
		t.Errorf("sign-ins were carried in the bag: %+v", l)
	}
	if data, err := os.ReadFile(filepath.Join(bag, "data", "audit.json")); err == nil && strings.Contains(string(data), "10.0.0.") {
		t.Errorf("the bag's audit trail keeps addresses: %s", data)
	}
	t.Logf("%d records the same field by field, %d aliases, %d name decisions, %d audit entries checked", n, len(aliases), decisions, len(trailA))

	// A second import into the now full archive is refused.
	if _, errs, code := fond(t, back, "import", "--bagit", bag); code != 1 || !strings.Contains(errs, "empty archive") {
		t.Errorf("import into a full archive: exit %d %s", code, errs)
	}
}

// recordTrail is what staff did to records, oldest first, without the
// sequence numbers and addresses, which a bag does not carry.
func recordTrail(t *testing.T, st store.Store) []string {
	t.Helper()
	var out []string
	for _, action := range []string{store.AuditPublish, store.AuditUnpublish, store.AuditWithdraw} {
		es, err := st.AuditLog(context.Background(), store.AuditQuery{Action: action, Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range es {
			out = append(out, e.At.UTC().Format(time.RFC3339Nano)+" "+e.Actor+" "+e.Action+" "+e.Target+" "+e.Detail)
		}
	}
	sort.Strings(out)
	return out
}

// fieldDiffs names each field of the record contract whose JSON differs.
func fieldDiffs(a, b record.Record) []string {
	var ma, mb map[string]json.RawMessage
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	json.Unmarshal(ja, &ma)
	json.Unmarshal(jb, &mb)
	var out []string
	for k, v := range ma {
		if string(mb[k]) != string(v) {
			out = append(out, k+": "+string(mb[k])+", was "+string(v))
		}
	}
	for k := range mb {
		if _, ok := ma[k]; !ok {
			out = append(out, k+" added")
		}
	}
	return out
}

func openSQLite(t *testing.T, path string) store.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestBagWithAChangedByteIsRefused(t *testing.T) {
	dir := t.TempDir()
	writeLetters(t, filepath.Join(dir, "in"), 5, 5)
	db, back, bag := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db"), filepath.Join(dir, "bag")
	if _, errs, code := fond(t, db, "ingest", filepath.Join(dir, "in")); code != 0 {
		t.Fatalf("ingest: %s", errs)
	}
	if _, errs, code := fond(t, db, "export", "--bagit", bag, "--query", "Shtykov OR Molotov"); code != 0 {
		t.Fatalf("export: %s", errs)
	}
	if _, errs, code := fond(t, db, "export", "--bagit", bag); code != 1 || !strings.Contains(errs, "not empty") {
		t.Errorf("export into a bag's folder: exit %d %s", code, errs)
	}
	originals, _ := filepath.Glob(filepath.Join(bag, "data", "originals", "*"))
	if len(originals) == 0 {
		t.Fatal("no originals in the bag")
	}
	victim := originals[0]
	data, _ := os.ReadFile(victim)
	data[len(data)/2] ^= 1
	if err := os.WriteFile(victim, data, 0o644); err != nil {
		t.Fatal(err)
	}
	_, errs, code := fond(t, back, "import", "--bagit", bag)
	rel := "data/originals/" + filepath.Base(victim) + " has changed"
	if code != 1 || !strings.Contains(errs, rel) {
		t.Errorf("import of a changed bag: exit %d %s, want it refused naming %s", code, errs, rel)
	}
	if n := countRecords(t, back); n != 0 {
		t.Errorf("a refused bag stored %d records", n)
	}
}
