package bagit

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

const sumA = "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb"

func TestParseManifest(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []Entry
		err      string
	}{
		{"two spaces", sumA + "  data/a.txt\n", []Entry{{sumA, "data/a.txt"}}, ""},
		{"one space, CRLF", sumA + " data/a.txt\r\n", []Entry{{sumA, "data/a.txt"}}, ""},
		{"tab", sumA + "\tdata/a.txt\n", []Entry{{sumA, "data/a.txt"}}, ""},
		{"upper-case hex", strings.ToUpper(sumA) + "  data/a.txt\n", []Entry{{sumA, "data/a.txt"}}, ""},
		{"space in a path", sumA + "  data/two words.txt\n", []Entry{{sumA, "data/two words.txt"}}, ""},
		{"encoded CR LF %", sumA + "  data/a%0D%0Ab%25c%41\n", []Entry{{sumA, "data/a\r\nb%c%41"}}, ""},
		{"blank lines", "\n" + sumA + "  data/a\n\n", []Entry{{sumA, "data/a"}}, ""},
		{"no path", sumA + "\n", nil, "line 1: no path"},
		{"short checksum", "abcd  data/a\n", nil, "not a checksum"},
		{"not hex", strings.Repeat("zz", 32) + "  data/a\n", nil, "not a checksum"},
		{"parent", sumA + "  data/../../etc/passwd\n", nil, "unsafe path"},
		{"absolute", sumA + "  /etc/passwd\n", nil, "unsafe path"},
		{"backslash", sumA + `  data\a` + "\n", nil, "unsafe path"},
		{"empty element", sumA + "  data//a\n", nil, "unsafe path"},
		{"twice", sumA + "  data/a\n" + sumA + "  data/a\n", nil, "line 2: data/a listed twice"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseManifest(strings.NewReader(tc.in), 32)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("got %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}

func TestParseInfo(t *testing.T) {
	got, err := ParseInfo(strings.NewReader("Source-Organization: Example Archive\r\nExternal-Description: a long\n  description\nPayload-Oxum: 10.2\n"))
	want := []Field{{"Source-Organization", "Example Archive"}, {"External-Description", "a long description"}, {"Payload-Oxum", "10.2"}}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("got %q %v", got, err)
	}
	if Get(got, "payload-oxum") != "10.2" || Get(got, "Bag-Count") != "" {
		t.Errorf("Get")
	}
	for _, in := range []string{" continued first\n", "no colon\n", ": no label\n"} {
		if _, err := ParseInfo(strings.NewReader(in)); err == nil {
			t.Errorf("ParseInfo(%q) accepted", in)
		}
	}
}

// writeBag writes a small bag with a nested payload file.
func writeBag(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "bag")
	w, err := Create(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.AddBytes("originals/a.txt", []byte("a")); err != nil {
		t.Fatal(err)
	}
	if err := w.AddBytes("records/x 1%.json", []byte(`{"id":"x"}`)); err != nil {
		t.Fatal(err)
	}
	if err := w.AddBytes("originals/a.txt", []byte("again")); err == nil {
		t.Error("a payload path added twice")
	}
	if err := w.AddBytes("../escape", []byte("x")); err == nil {
		t.Error("a path outside data/ accepted")
	}
	if err := w.Close([]Field{{"Source-Organization", "Example Archive"}}); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestWriteThenValidate(t *testing.T) {
	dir := writeBag(t)
	b, err := Validate(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := Get(b.Info, "Payload-Oxum"); got != "11.2" {
		t.Errorf("Payload-Oxum %q, want 11.2", got)
	}
	if Get(b.Info, "Source-Organization") != "Example Archive" || Get(b.Info, "Bag-Size") != "11 bytes" {
		t.Errorf("bag-info %q", b.Info)
	}
	if len(b.Manifest) != 2 || b.Manifest[0] != (Entry{sumA, "data/originals/a.txt"}) {
		t.Errorf("manifest %q", b.Manifest)
	}
	if data, err := b.ReadFile("data/records/x 1%.json"); err != nil || string(data) != `{"id":"x"}` {
		t.Errorf("ReadFile: %q %v", data, err)
	}
	if _, err := Create(dir); err == nil {
		t.Error("a bag written into a folder that is not empty")
	}
	tagman, _ := os.ReadFile(filepath.Join(dir, "tagmanifest-sha256.txt"))
	for _, f := range []string{"bagit.txt", "bag-info.txt", "manifest-sha256.txt"} {
		if !strings.Contains(string(tagman), "  "+f+"\n") {
			t.Errorf("tag manifest lacks %s:\n%s", f, tagman)
		}
	}
}

func TestValidateNamesWhatIsWrong(t *testing.T) {
	for _, tc := range []struct {
		name   string
		damage func(dir string) error
		want   string
	}{
		{"changed byte", func(dir string) error {
			return os.WriteFile(filepath.Join(dir, "data/originals/a.txt"), []byte("b"), 0o644)
		}, "data/originals/a.txt has changed: its SHA-256 is 3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d, the manifest says " + sumA},
		{"missing", func(dir string) error {
			return os.Remove(filepath.Join(dir, "data/originals/a.txt"))
		}, "data/originals/a.txt is in the manifest but missing"},
		{"unlisted", func(dir string) error {
			return os.WriteFile(filepath.Join(dir, "data/extra.txt"), nil, 0o644)
		}, "data/extra.txt is not in the manifest"},
		{"oxum", func(dir string) error {
			return replaceIn(filepath.Join(dir, "bag-info.txt"), "11.2", "12.2")
		}, "Payload-Oxum 12.2, the payload is 11.2"},
		{"tag file changed", func(dir string) error {
			return replaceIn(filepath.Join(dir, "bag-info.txt"), "Example", "Exemplary")
		}, "bag-info.txt has changed"},
		{"manifest escapes", func(dir string) error {
			return os.WriteFile(filepath.Join(dir, "manifest-sha256.txt"), []byte(sumA+"  data/../bagit.txt\n"), 0o644)
		}, `unsafe path "data/../bagit.txt"`},
		{"no version", func(dir string) error {
			return os.WriteFile(filepath.Join(dir, "bagit.txt"), []byte("Tag-File-Character-Encoding: UTF-8\n"), 0o644)
		}, "bagit.txt: no BagIt-Version"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeBag(t)
			if err := tc.damage(dir); err != nil {
				t.Fatal(err)
			}
			_, err := Validate(dir)
			var inv *InvalidError
			if !errors.As(err, &inv) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Validate: %v\nwant an InvalidError with %q", err, tc.want)
			}
		})
	}
}

func replaceIn(name, old, new string) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	return os.WriteFile(name, []byte(strings.Replace(string(data), old, new, 1)), 0o644)
}

// FuzzParseManifest: any input parses or is refused without panicking; what
// parses names only paths inside the bag, and writes back to the same entries.
func FuzzParseManifest(f *testing.F) {
	f.Add(sumA + "  data/a.txt\n")
	f.Add(sumA + " data/a%0D%0Ab%25\r\n" + sumA + "\tdata/b\n")
	f.Add(sumA + "  data/../x\n")
	f.Add("%%%  \t\n\n")
	f.Fuzz(func(t *testing.T, in string) {
		entries, err := ParseManifest(strings.NewReader(in), 0)
		if err != nil {
			return
		}
		for _, e := range entries {
			if checkPath(e.Path) != nil {
				t.Fatalf("unsafe path %q parsed from %q", e.Path, in)
			}
		}
		again, err := ParseManifest(strings.NewReader(string(FormatManifest(entries))), 0)
		if err != nil {
			t.Fatalf("written manifest of %q does not parse: %v", entries, err)
		}
		if len(again) != len(entries) {
			t.Fatalf("round trip: %q became %q", entries, again)
		}
		byPath := map[string]string{}
		for _, e := range entries {
			byPath[e.Path] = e.Checksum
		}
		for _, e := range again {
			if byPath[e.Path] != e.Checksum {
				t.Fatalf("round trip: %q became %q", entries, again)
			}
		}
	})
}
