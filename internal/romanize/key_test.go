package romanize

import "testing"

func TestHangul(t *testing.T) {
	cases := map[string][2]string{
		"박헌영": {"bakheonyeong", "pakhŏnyŏng"},
		"김일성": {"gimilseong", "kimilsŏng"},
		"강원":  {"gangwon", "kangwŏn"},
		"청진":  {"cheongjin", "ch'ŏngchin"}, // syllable by syllable: no medial voicing
	}
	for h, want := range cases {
		if got := HangulToRR(h); got != want[0] {
			t.Errorf("HangulToRR(%s) = %s, want %s", h, got, want[0])
		}
		if got := HangulToMR(h); got != want[1] {
			t.Errorf("HangulToMR(%s) = %s, want %s", h, got, want[1])
		}
	}
}

func TestKeysMerge(t *testing.T) {
	same := [][]string{
		{"Pak Heon-yeong", "Pak Hon-yong", "Pak Hon Yong", "박헌영"},
		{"Jeong Jun-taek", "Chong Chun-taek"},
		{"Gangwon", "Kangwon", "강원"},
		{"Cheongjin", "Chongjin", "청진"},
		{"Hong Myeong-hui", "Hong Myong-hui"},
		{"Baek Nam-eun", "Paek Nam Un"},
		{"Kim Jeong-ju", "Kim Chong-ju"},
		{"Ju Yong-ha", "Chu Yong-ha"},
		{"Jang Shi-u", "Chang Shi-u"},
		{"Vyshinsky", "Vyshinskii", "Vyshinskiy", "Вышинский"},
		{"Shtykov", "Штыков"},
		{"Khrushchev", "Хрущев"},
		{"Molotov", "Molotoff"},
		{"Mao Zedong", "Mao Tse-tung"},
		{"Zhou Enlai", "Chou En-lai"},
		{"Peng Dehuai", "P'eng Te-huai"},
	}
	for _, group := range same {
		for _, other := range group[1:] {
			if Key(group[0]) != Key(other) {
				t.Errorf("Key(%q) = %q but Key(%q) = %q", group[0], Key(group[0]), other, Key(other))
			}
		}
	}
}

func TestKeysKeepApart(t *testing.T) {
	apart := [][2]string{
		{"Pak Heon-yeong", "Pak Heon Hyeong"},
		{"Pak Heon-yeong", "Kim Il Sung"},
		{"Molotov", "Malenkov"},
		{"Stalin", "Shtykov"},
		{"Mao Zedong", "Zhou Enlai"},
		{"Gangwon", "Wonsan"},
		{"Vyshinsky", "Vasilevsky"},
	}
	for _, p := range apart {
		if Key(p[0]) == Key(p[1]) {
			t.Errorf("Key(%q) == Key(%q) == %q", p[0], p[1], Key(p[0]))
		}
	}
}

func FuzzKey(f *testing.F) {
	for _, s := range []string{"Pak Heon-yeong", "박헌영", "Вышинский", "Tse-tung"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if k := Key(s); len(k) > 4*len(s)+8 {
			t.Fatalf("key of %q grew to %d bytes", s, len(k))
		}
	})
}
