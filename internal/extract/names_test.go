package extract

import (
	"fmt"
	"testing"
)

func TestNameList(t *testing.T) {
	cases := map[string]string{
		"A.Ia. Vyshinsky, T.F. Shtykov, Kim I.M. (Translator)":              "[A.Ia. Vyshinsky Shtykov Kim I.M.]",
		"Pak Heon-yeong [Pak Hon Yong], Hong Myeong-hui [Hong Myung Hwi]":   "[Pak Heon-yeong Hong Myeong-hui]",
		"the Korean ambassador to the USSR Ju Yong-ha [Ju Yong Ha], Mun Il": "[Ju Yong-ha Mun Il]",
		"Cde. Stalin and Comrade Molotov":                                   "[Stalin Molotov]",
	}
	for in, want := range cases {
		if got := fmt.Sprint(NameList(in)); got != want {
			t.Errorf("NameList(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestCleanNameVariants(t *testing.T) {
	name, variants := CleanName("Pak Heon-yeong [Pak Hon Yong]")
	if name != "Pak Heon-yeong" || fmt.Sprint(variants) != "[Pak Hon Yong]" {
		t.Errorf("CleanName = %q %q", name, variants)
	}
}

func TestTitleParties(t *testing.T) {
	cases := map[string]string{
		"Meeting between Stalin and Kim Il Sung":                                      "[Stalin Kim Il Sung]",
		"Record of a Conversation of Cde. Stalin with Kim Il Sung and Pak Heon-yeong": "[Stalin Kim Il Sung Pak Heon-yeong]",
		"Stalin's Meeting with Kim Il Sung":                                           "[Stalin Kim Il Sung]",
		"Ciphered Telegram, Shtykov to Vyshinsky":                                     "[]",
	}
	for in, want := range cases {
		if got := fmt.Sprint(TitleParties(in)); got != want {
			t.Errorf("TitleParties(%q) = %s, want %s", in, got, want)
		}
	}
	from, to := TitleFromTo("Ciphered Telegram, Shtykov to Vyshinsky")
	if fmt.Sprint(from, to) != "[Shtykov] [Vyshinsky]" {
		t.Errorf("TitleFromTo = %q %q", from, to)
	}
	from, to = TitleFromTo("Letter from Kim Il Sung to Stalin")
	if fmt.Sprint(from, to) != "[Kim Il Sung] [Stalin]" {
		t.Errorf("TitleFromTo(letter) = %q %q", from, to)
	}
}

func TestPresentListsStopAtSentenceEnd(t *testing.T) {
	got := PresentLists("The meeting began at 8:00 p.m. Present were P.F. Peng Dehuai, V.I. Ivanov, Nam Il. On the Korean side: Choe Yong-geon [Choi Yong Kun], Pak Jeong-ae.]")
	if fmt.Sprint(got) != "[Peng Dehuai Ivanov Nam Il Choe Yong-geon Pak Jeong-ae]" {
		t.Errorf("PresentLists = %q", got)
	}
}

func TestSpeakersAndMerge(t *testing.T) {
	paras := []string{
		"Stalin asks how they travelled.", "Kim Il Sung answers that they came by railroad.",
		"Stalin asks whether they became ill.", "Kim answers that they were healthy.", "Kim Il Sung thanks him.",
		"Further Kim Il Sung indicates the need.", "Vyshinsky answers that he doesn't have any.",
	}
	got := MergeNames([]string{"A.Ia. Vyshinsky"}, SpeakersKnown(paras, []string{"A.Ia. Vyshinsky"}))
	if fmt.Sprint(got) != "[Stalin Kim Il Sung Vyshinsky]" {
		t.Errorf("participants = %q", got)
	}
}
