package romanize

import "testing"

func TestFamilyFirst(t *testing.T) {
	for _, c := range []struct {
		name string
		want bool
	}{
		{"Kim Il Sung", true}, {"Kim Il-sung", true}, {"Pak Hon-yong", true},
		{"Pak Heon-yeong", true}, {"Hong Myeong-hui", true}, {"Paek Nam Un", true},
		{"Mao Zedong", true}, {"Zhou Enlai", true}, {"Chou En-lai", true},
		{"Mao Tse-tung", true}, {"Deng Xiaoping", true}, {"Liu Shaoqi", true},
		{"Kim Hak-joon", true}, {"Kim Jong Il", true}, {"Pak Chong-ae", true},
		{"Syngman Rhee", false}, {"Kim Philby", false}, {"Lee Harvey Oswald", false},
		{"Terentii Fomich Shtykov", false}, {"Gary Goldberg", false},
		{"Kathryn Weathersby", false}, {"Kim I.M.", false}, {"Stalin", false},
		{"Andrei Vyshinsky", false}, {"Charles Kraus", false},
	} {
		if got := FamilyFirst(c.name); got != c.want {
			t.Errorf("FamilyFirst(%q) = %v, want %v", c.name, got, c.want)
		}
	}
}
