package extract

import (
	"fmt"
	"testing"
)

func TestHeadingParties(t *testing.T) {
	tests := []struct{ heading, from, to string }{
		{"Ciphered Telegram, Shtykov to Vyshinsky", "[Shtykov]", "[Vyshinsky]"},
		{"Telegram, Roshchin to Filippov", "[Roshchin]", "[Filippov]"},
		{"The Secretary of State to the Ambassador in the Soviet Union (Harriman)", "[Secretary of State]", "[Harriman]"},
		{"Mr. Dayton to M. Drouyn de Lhuys", "[Mr. Dayton]", "[M. Drouyn de Lhuys]"},
		{"Hale, Minister in Ruritania, to the Secretary of State", "[Hale]", "[Secretary of State]"},
		{"Report on the harvest", "[]", "[]"},
	}
	for _, tc := range tests {
		from, to := HeadingParties(tc.heading)
		if fmt.Sprint(from) != tc.from || fmt.Sprint(to) != tc.to {
			t.Errorf("HeadingParties(%q) = %v, %v; want %s, %s", tc.heading, from, to, tc.from, tc.to)
		}
	}
}
