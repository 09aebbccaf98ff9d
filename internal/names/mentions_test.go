package names

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"fond/internal/testutil"
)

func TestFindMentions(t *testing.T) {
	text := "Present were A.Ia. Vyshinsky and Cde. Stalin. On the Korean side: Pak Heon-yeong [Pak Hon Yong]. Later Pak Heon Hyeong answers. The cable went to Filippov in Moscow."
	got := Starter().FindMentions(text)
	var s []string
	for _, m := range got {
		if text[m.Start:m.End] != m.Text {
			t.Errorf("span %d..%d is %q, not %q", m.Start, m.End, text[m.Start:m.End], m.Text)
		}
		s = append(s, fmt.Sprintf("%s=%s/%.2f/%v", m.Text, m.Authority, m.Confidence, m.Suggested))
	}
	want := "[A.Ia. Vyshinsky=vyshinsky/1.00/false Cde. Stalin=stalin/0.95/false Pak Heon-yeong=pak-heon-yeong/1.00/false Pak Hon Yong=pak-heon-yeong/1.00/false Pak Heon Hyeong=pak-heon-yeong/0.50/true Filippov=stalin/1.00/false Moscow=moscow/1.00/false]"
	if fmt.Sprint(s) != want {
		t.Errorf("FindMentions:\n got %v\nwant %s", s, want)
	}
}

func TestApplyDecisions(t *testing.T) {
	f := Starter()
	text := "Pak Heon Hyeong answers. Kim I.M. took notes."
	found := f.FindMentions(text)
	if len(found) != 1 || !found[0].Suggested {
		t.Fatalf("found %+v", found)
	}
	got := f.Apply(text, found, []Decision{
		{Start: 0, End: 15, Authority: "pak-heon-yeong", Status: "confirmed"},
		{Start: 25, End: 33, Authority: "kim-il-sung", Status: "rejected"},
	})
	if len(got) != 1 || got[0].Confidence != 1 || got[0].Status != "confirmed" || got[0].Preferred != "Pak Heon-yeong" {
		t.Errorf("confirmed suggestion: %+v", got)
	}
	got = f.Apply(text, nil, []Decision{{Start: 25, End: 33, Authority: "kim-il-sung", Status: "confirmed"}})
	if len(got) != 1 || got[0].Text != "Kim I.M." || got[0].Authority != "kim-il-sung" {
		t.Errorf("a confirmed name the finder missed is added: %+v", got)
	}
}

func TestLearnFromDocuments(t *testing.T) {
	text := "the restoration of the Seisin [Cheongjin] plant; Kuznetsov (Stalin) wrote; a port called Toyohara [Yuzhno] too; Dalny [Dairen]"
	pairs := Pairs(text)
	if len(pairs) != 4 {
		t.Fatalf("pairs %+v", pairs)
	}
	f := Starter()
	g, added, unknown := f.Learn(pairs)
	if fmt.Sprint(added) != "[stalin: Kuznetsov]" {
		t.Errorf("added %v", added)
	}
	if len(unknown) != 1 || unknown[0].A != "Toyohara" {
		t.Errorf("unknown %+v", unknown)
	}
	if m, ok := g.Resolve("Kuznetsov"); !ok || m.Authority.ID != "stalin" {
		t.Errorf("learned variant not resolved")
	}
}

// BenchmarkFindMentionsFRUS finds names in the FRUS corpus's text (markup
// stripped), once a pass: what listing unconfirmed mentions in the review
// queue would add to every ingest (docs/decisions.md).
func BenchmarkFindMentionsFRUS(b *testing.B) {
	dir := testutil.Shared(b, "corpus/frus")
	files, _ := filepath.Glob(filepath.Join(dir, "*.xml"))
	tag := regexp.MustCompile(`<[^>]+>`)
	var texts []string
	size := 0
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, tag.ReplaceAllString(string(data), " "))
		size += len(texts[len(texts)-1])
	}
	f := Starter()
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		n := 0
		for _, t := range texts {
			n += len(f.FindMentions(t))
		}
		if n == 0 {
			b.Fatal("no mentions in the corpus")
		}
	}
}
