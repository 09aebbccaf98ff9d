package cite

import "testing"

func TestSplitName(t *testing.T) {
	for _, c := range []struct {
		in       string
		want     personName
		display  string
		inverted string
	}{
		{"Kim Il Sung", personName{Family: "Kim", Given: "Il Sung", FamilyFirst: true}, "Kim Il Sung", "Kim, Il Sung"},
		{"Kim Il-sung", personName{Family: "Kim", Given: "Il-sung", FamilyFirst: true}, "Kim Il-sung", "Kim, Il-sung"},
		{"Pak Hon-yong", personName{Family: "Pak", Given: "Hon-yong", FamilyFirst: true}, "Pak Hon-yong", "Pak, Hon-yong"},
		{"Mao Zedong", personName{Family: "Mao", Given: "Zedong", FamilyFirst: true}, "Mao Zedong", "Mao, Zedong"},
		{"Zhou Enlai", personName{Family: "Zhou", Given: "Enlai", FamilyFirst: true}, "Zhou Enlai", "Zhou, Enlai"},
		{"Ким Ир Сен", personName{Family: "Ким", Given: "Ир Сен", FamilyFirst: true}, "Ким Ир Сен", "Ким, Ир Сен"},
		{"Terentii Fomich Shtykov", personName{Family: "Shtykov", Given: "Terentii Fomich"}, "Terentii Fomich Shtykov", "Shtykov, Terentii Fomich"},
		{"Терентий Фомич Штыков", personName{Family: "Штыков", Given: "Терентий Фомич"}, "Терентий Фомич Штыков", "Штыков, Терентий Фомич"},
		{"Gary Goldberg", personName{Family: "Goldberg", Given: "Gary"}, "Gary Goldberg", "Goldberg, Gary"},
		{"Kim, Il Sung", personName{Family: "Kim", Given: "Il Sung", FamilyFirst: true}, "Kim Il Sung", "Kim, Il Sung"},
		{"Weathersby, Kathryn", personName{Family: "Weathersby", Given: "Kathryn"}, "Kathryn Weathersby", "Weathersby, Kathryn"},
		{"King, Martin Luther, Jr.", personName{Family: "King", Given: "Martin Luther", Suffix: "Jr."}, "Martin Luther King Jr.", "King, Martin Luther, Jr."},
		{"Martin Luther King Jr.", personName{Family: "King", Given: "Martin Luther", Suffix: "Jr."}, "Martin Luther King Jr.", "King, Martin Luther, Jr."},
		{"Charles de Gaulle", personName{Family: "de Gaulle", Given: "Charles"}, "Charles de Gaulle", "de Gaulle, Charles"},
		{"Syngman Rhee", personName{Family: "Rhee", Given: "Syngman"}, "Syngman Rhee", "Rhee, Syngman"},
		{"Kim I.M.", personName{Family: "Kim", Given: "I.M."}, "I.M. Kim", "Kim, I.M."},
		{"A. Second", personName{Family: "Second", Given: "A."}, "A. Second", "Second, A."},
		{"Stalin", personName{Family: "Stalin"}, "Stalin", "Stalin"},
		{"Secretary of State", personName{Literal: "Secretary of State"}, "Secretary of State", "Secretary of State"},
		{"Ministry of Foreign Affairs, DPRK", personName{Literal: "Ministry of Foreign Affairs, DPRK"}, "Ministry of Foreign Affairs, DPRK", "Ministry of Foreign Affairs DPRK"},
		{"김일성", personName{Literal: "김일성"}, "김일성", "김일성"},
		{"毛泽东", personName{Literal: "毛泽东"}, "毛泽东", "毛泽东"},
		{"", personName{}, "", ""},
	} {
		got := splitName(c.in)
		if got != c.want {
			t.Errorf("splitName(%q) = %+v, want %+v", c.in, got, c.want)
		}
		if d := got.display(); d != c.display {
			t.Errorf("%q: display %q, want %q", c.in, d, c.display)
		}
		if inv := got.inverted(); inv != c.inverted {
			t.Errorf("%q: inverted %q, want %q", c.in, inv, c.inverted)
		}
	}
}
