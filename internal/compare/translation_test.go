package compare

import (
	"context"
	"fmt"
	"testing"

	"fond/internal/names"
)

// A translation shares no words with its original but names (met by their
// romanization keys) and numbers; with the alignment's preference for 1:1
// steps that is enough to pair Russian with English sentence by sentence,
// including a translator's two sentences made one, which side-by-side pages
// rely on.
func TestAlignsTranslationByNamesAndNumbers(t *testing.T) {
	ru := "Шифротелеграмма Штыкова Вышинскому от 7 февраля 1950 года.\n\n" +
		"Ким Ир Сен принял меня 4 февраля. Он сказал, что Пак Хон Ен согласен. Сессия Верховного Народного Собрания откроется 25 февраля.\n\n" +
		"Ким Ир Сен просил кредит на 1951 год. Он хочет купить оружие для трёх дивизий.\n\nПрошу указаний."
	en := "Ciphered telegram from Shtykov to Vyshinsky, 7 February 1950.\n\n" +
		"Kim Il Sung received me on 4 February and said that Pak Hon Yong agrees. The session of the Supreme People's Assembly opens on 25 February.\n\n" +
		"Kim Il Sung asked for a credit for 1951. He wants to buy arms for three divisions.\n\nI request instructions."
	res, err := Compare(context.Background(), ru, en, names.Key, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range res.Pairs {
		got = append(got, fmt.Sprint(p.AIdx, p.BIdx))
	}
	want := []string{"[0] [0]", "[1 2] [1]", "[3] [2]", "[4] [3]", "[5] [4]", "[6] [5]"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("pairs %q, want %q", got, want)
	}
}

// Paragraphs holds Sentences' sentences in their paragraphs, blank ones
// dropped, so sentence indices read back as paragraphs.
func TestParagraphsKeepSentences(t *testing.T) {
	text := "One. Two.\r\n\r\n  \n\nThree? Four!\n\nFive"
	paras := Paragraphs(text)
	var flat []string
	for _, p := range paras {
		flat = append(flat, p...)
	}
	if len(paras) != 3 || fmt.Sprint(flat) != fmt.Sprint(Sentences(text)) || len(flat) != 5 {
		t.Errorf("paragraphs %q, sentences %q", paras, Sentences(text))
	}
}
