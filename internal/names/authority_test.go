package names

import "testing"

func TestStarterResolves(t *testing.T) {
	f := Starter()
	cases := map[string]string{
		"Filippov": "stalin", "Fyn Si": "stalin", "Сталин": "stalin", "Stalin": "stalin",
		"Pak Hon-yong": "pak-heon-yeong", "Pak Heon-yeong": "pak-heon-yeong", "Pak Hon Yong": "pak-heon-yeong", "박헌영": "pak-heon-yeong",
		"Vyshinskii": "vyshinsky", "A.Ia. Vyshinsky": "vyshinsky",
		"Chongjin": "cheongjin", "Seisin": "cheongjin", "Tsenasin": "cheongjin",
		"Kangwon": "gangwon", "Dalny": "dalian", "Dairen": "dalian",
		"Chou En-lai": "zhou-enlai", "Mao Tse-tung": "mao-zedong",
		"Chong Chun-taek": "jeong-jun-taek",
	}
	for name, id := range cases {
		m, ok := f.Resolve(name)
		if !ok || m.Authority.ID != id {
			t.Errorf("Resolve(%q) = %q (%v), want %s", name, m.Authority.ID, ok, id)
		}
	}
	for _, unknown := range []string{"Pak Heon Hyeong", "Winston Churchill", "Wonsan Harbor Authority"} {
		if m, ok := f.Resolve(unknown); ok {
			t.Errorf("Resolve(%q) = %s, want no match", unknown, m.Authority.ID)
		}
	}
	s := f.Suggest("Pak Heon Hyeong")
	if len(s) == 0 || s[0].Authority.ID != "pak-heon-yeong" || s[0].Confidence >= 0.9 {
		t.Errorf("Suggest(Pak Heon Hyeong) = %+v, want Pak Heon-yeong offered with low confidence", s)
	}
}

func TestNewRejectsBadFiles(t *testing.T) {
	if _, err := Load([]byte(`[{"id":"a","preferred":"A"},{"id":"a","preferred":"B"}]`)); err == nil {
		t.Errorf("duplicate id accepted")
	}
	if _, err := Load([]byte(`[{"id":"","preferred":"A"}]`)); err == nil {
		t.Errorf("empty id accepted")
	}
	if _, err := Load([]byte(`{`)); err == nil {
		t.Errorf("broken JSON accepted")
	}
}

func TestCoords(t *testing.T) {
	f := Starter()
	for _, a := range f.Authorities {
		if a.Kind == "place" && len(a.Coords) != 2 {
			t.Errorf("place %s has no coordinates for the map", a.ID)
		}
	}
	for _, bad := range []string{`[1]`, `[91, 0]`, `[0, 181]`, `[1, 2, 3]`} {
		if _, err := Load([]byte(`[{"id":"x","kind":"place","preferred":"X","coords":` + bad + `}]`)); err == nil {
			t.Errorf("coords %s accepted", bad)
		}
	}
}
