package subjects

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"

	"fond/internal/record"
)

func TestAssign(t *testing.T) {
	v := Default()
	cases := []struct {
		name string
		text Text
		want []string
	}{
		{"a title hit is enough", Text{Title: "Proposed tariff on wool"}, []string{"trade-tariffs"}},
		{"one passing text hit is not", Text{Body: "He spoke of the tariff once, and of the weather."}, nil},
		{"two text hits are", Text{Body: "The new tariff raises duties. Tariffs on wool double."}, []string{"trade-tariffs"}},
		{"phrases across hyphens", Text{Body: "most-favored-nation treatment and most favored nation clauses"}, []string{"trade-tariffs"}},
		{"prefix terms", Text{Body: "The indemnities claimed, and the indemnity paid."}, []string{"claims"}},
		{"case and punctuation", Text{Title: "EXTRADITION of a Fugitive"}, []string{"extradition"}},
		{"words whole: 'armsful' is not arms", Text{Body: "armsful armsful"}, nil},
		{"several subjects, vocabulary order", Text{Title: "Seizure of the schooner; indemnity"}, []string{"claims", "shipping"}},
		{"collection assigns every record", Text{Title: "Mr. Smith to Mr. Hay", Collection: "Whaling and Sealing Claims Against Russia"}, []string{"claims", "shipping", "soviet-relations"}},
		{"Russian terms", Text{Body: "Вопрос о кредите. Советское правительство предоставит кредит."}, []string{"loans-debt"}},
		{"a min above the default", Text{Body: "He arrived from Moscow. Moscow is cold."}, nil},
		{"the min reached", Text{Body: "Moscow; the Soviet government; Molotov."}, []string{"soviet-relations"}},
		{"nothing", Text{}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := v.Assign(c.text)
			if !slices.Equal(got, c.want) {
				t.Errorf("Assign(%+v) = %q, want %q", c.text, got, c.want)
			}
		})
	}
}

func TestOfPrefersAPersonsSubjects(t *testing.T) {
	v := Default()
	r := record.Record{Title: "Extradition of a fugitive"}
	if got := v.Of(&r); !slices.Equal(got, []string{"extradition"}) {
		t.Fatalf("assigned %q", got)
	}
	r.Subjects = []string{"treaties"}
	if got := v.Of(&r); !slices.Equal(got, []string{"treaties"}) {
		t.Fatalf("a person's subjects: got %q", got)
	}
	r = record.Record{Title: "Mr. Smith to Mr. Hay", Collection: &record.Collection{Title: "The Paris Peace Conference, 1919"}}
	if got := v.Of(&r); !slices.Equal(got, []string{"peace-settlement"}) {
		t.Fatalf("from the collection: got %q", got)
	}
}

func TestCheck(t *testing.T) {
	v := Default()
	got, err := v.Check([]string{"claims", "Korean War", " ", "CLAIMS"})
	if err != nil || !slices.Equal(got, []string{"claims", "korean-war"}) {
		t.Fatalf("Check = %q, %v", got, err)
	}
	if _, err := v.Check([]string{"claims", "astrology"}); err == nil || !strings.Contains(err.Error(), `"astrology"`) {
		t.Fatalf("an unknown subject: %v", err)
	}
}

func TestLookupAndLabel(t *testing.T) {
	v := Default()
	if s, ok := v.Lookup("korean war"); !ok || s.ID != "korean-war" {
		t.Fatalf("by label: %+v %v", s, ok)
	}
	if v.Label("claims") != "Claims and indemnities" || v.Label("gone") != "gone" {
		t.Fatalf("labels: %q %q", v.Label("claims"), v.Label("gone"))
	}
}

// The shipped vocabulary loads, and every subject has a scope note readers see.
func TestDefaultVocabulary(t *testing.T) {
	v := Default()
	if len(v.Subjects) < 12 || len(v.Version) != 16 {
		t.Fatalf("%d subjects, version %q", len(v.Subjects), v.Version)
	}
	for _, s := range v.Subjects {
		if strings.TrimSpace(s.Scope) == "" {
			t.Errorf("subject %q has no scope note", s.ID)
		}
	}
}

func TestLoadRefusesBadVocabularies(t *testing.T) {
	cases := []struct{ json, want string }{
		{`{"subjects": []}`, "no subjects"},
		{`{"subjects": [{"id": "Bad Id", "label": "x", "terms": ["x"]}]}`, `id "Bad Id"`},
		{`{"subjects": [{"id": "a", "label": "", "terms": ["x"]}]}`, `"a" has no label`},
		{`{"subjects": [{"id": "a", "label": "A"}]}`, "nothing would assign it"},
		{`{"subjects": [{"id": "a", "label": "A", "terms": ["x"]}, {"id": "a", "label": "B", "terms": ["y"]}]}`, `"a" is also`},
		{`{"subjects": [{"id": "a", "label": "A", "terms": ["x*y"]}]}`, `term "x*y"`},
		{`{"subjects": [{"id": "a", "label": "A", "terms": ["--"]}]}`, "has no words"},
		{`{"subjects": [{"id": "a", "label": "A", "terms": ["ab*"]}]}`, "shorter than 4 bytes"},
		{`{"subjects": [{"id": "a", "label": "A", "terms": ["x"], "colour": 1}]}`, "unknown field"},
		{`{"subjects": [{"id": "a", "label": "A", "terms": ["x"], "min": -1}]}`, "negative min"},
		{`not json`, "subject vocabulary"},
		{tooMany(), "65 subjects, more than 64"},
	}
	for _, c := range cases {
		_, err := Load([]byte(c.json))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Load(%s) = %v, want an error with %q", c.json, err, c.want)
		}
	}
}

func TestVersionFollowsContent(t *testing.T) {
	a, err := Load([]byte(`{"subjects": [{"id": "a", "label": "A", "terms": ["x"]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	b, err := Load([]byte(`{"subjects": [{"id": "a", "label": "A", "terms": ["y"]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if a.Version == b.Version {
		t.Fatal("two vocabularies have one version")
	}
}

// Every subject has its label and scope note in Russian, told apart from the
// English, and a Russian label names the subject as the English one does.
func TestRussianLabels(t *testing.T) {
	v := Default()
	for _, s := range v.Subjects {
		if s.Labels["ru"] == "" || s.Scopes["ru"] == "" || s.LabelIn("ru") == s.Label || s.ScopeIn("ru") == s.Scope {
			t.Errorf("%s: Russian label %q, scope %q", s.ID, s.Labels["ru"], s.Scopes["ru"])
		}
		if got, ok := v.Lookup(s.Labels["ru"]); !ok || got.ID != s.ID {
			t.Errorf("%s: its Russian label finds %q", s.ID, got.ID)
		}
	}
	if v.LabelIn("korean-war", "ru") != "Корейская война" || v.LabelIn("korean-war", "de") != "Korean War" || v.LabelIn("no-such", "ru") != "no-such" {
		t.Error("LabelIn does not fall back to English, or to the id")
	}
}

// words splits as strings.FieldsFunc over the lowered text does, invalid
// UTF-8 and every script included.
func FuzzWords(f *testing.F) {
	for _, s := range []string{"", "Most-Favored-Nation", "  a  b ", "Пак Хон Ён, 1953", "北朝鮮の軍隊", "x\xffy", "İstanbul ǅ", "e\u0301 1½ ٣"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if got := words(s); !slices.Equal(got, want) {
			t.Errorf("words(%q) = %q, want %q", s, got, want)
		}
		// Split twice into one splitter: the second split reuses the
		// first's buffer and must not change what it returns.
		var sc splitter
		sc.split(s + " " + s)
		if got := sc.split(s); !slices.Equal(got, want) {
			t.Errorf("split(%q) = %q, want %q", s, got, want)
		}
		if got, want := lower(s), strings.ToLower(s); got != want {
			t.Errorf("lower(%q) = %q, want %q", s, got, want)
		}
	})
}

// tooMany is a vocabulary of one subject more than MaxSubjects.
func tooMany() string {
	var subs []string
	for i := range MaxSubjects + 1 {
		subs = append(subs, fmt.Sprintf(`{"id": "s%d", "label": "S%d", "terms": ["w%d"]}`, i, i, i))
	}
	return `{"subjects": [` + strings.Join(subs, ", ") + `]}`
}
