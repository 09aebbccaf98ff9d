package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestRomanizeCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "fond.db")
	cases := []struct {
		args []string
		code int
		want []romanizeReport
	}{
		{[]string{"신의주", "Мейеровка", "Mao Tsetung"}, 0, []romanizeReport{
			{Input: "신의주", Script: "hangul", Spellings: map[string]string{"rr": "Sinuiju", "mr": "Sinŭiju", "mr1984": "Shinŭiju"}},
			{Input: "Мейеровка", Script: "cyrillic", Spellings: map[string]string{"alalc": "Meierovka", "bgn": "Meyyerovka", "scholarly": "Mejerovka", "popular": "Meyerovka"}},
			{Input: "Mao Tsetung", Script: "latin", Spellings: map[string]string{"pinyin": "Mao Zedong", "wade-giles": "Mao Tse-tung"}},
		}},
		{[]string{"--scheme", "wade-giles", "dia"}, 0, []romanizeReport{
			{Input: "dia", Script: "latin", Spellings: map[string]string{"wade-giles": "tia"}},
		}},
		{[]string{"--name", "조만식"}, 0, []romanizeReport{
			{Input: "조만식", Script: "hangul", Spellings: map[string]string{"rr": "Jo Man-sik", "mr": "Cho Man-sik", "mr1984": "Cho Man-shik"}},
		}},
		{[]string{"--scheme", "rr", "종로", "Ежов"}, 1, []romanizeReport{
			{Input: "종로", Script: "hangul", Spellings: map[string]string{"rr": "Jongno"}},
			{Input: "Ежов", Script: "cyrillic", Spellings: map[string]string{}, Error: "scheme rr is for hangul, not cyrillic"},
		}},
		{[]string{"Truman", "1945"}, 1, []romanizeReport{
			{Input: "Truman", Script: "latin", Spellings: map[string]string{}, Error: "not Pinyin or Wade–Giles"},
			{Input: "1945", Script: "other", Spellings: map[string]string{}, Error: "nothing to romanize"},
		}},
	}
	for _, c := range cases {
		out, errs, code := fond(t, db, append([]string{"romanize", "--json"}, c.args...)...)
		if code != c.code {
			t.Errorf("romanize %v: exit %d, want %d (%s)", c.args, code, c.code, errs)
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if len(lines) != len(c.want) {
			t.Fatalf("romanize %v: %d lines, want %d: %s", c.args, len(lines), len(c.want), out)
		}
		for i, l := range lines {
			var got romanizeReport
			if err := json.Unmarshal([]byte(l), &got); err != nil {
				t.Fatalf("romanize %v: %q: %v", c.args, l, err)
			}
			w := c.want[i]
			if got.Input != w.Input || got.Script != w.Script || got.Error != w.Error || len(got.Spellings) != len(w.Spellings) {
				t.Errorf("romanize %v: got %+v, want %+v", c.args, got, w)
				continue
			}
			for k, v := range w.Spellings {
				if got.Spellings[k] != v {
					t.Errorf("romanize %v: %s %s = %q, want %q", c.args, w.Input, k, got.Spellings[k], v)
				}
			}
		}
	}
	out, _, code := fond(t, db, "romanize", "신라")
	if code != 0 || out != "신라\trr\tSilla\n신라\tmr\tSilla\n신라\tmr1984\tShilla\n" {
		t.Errorf("romanize text: %d %q", code, out)
	}
	for _, args := range [][]string{{"romanize"}, {"romanize", "--scheme", "yale", "한"}} {
		if _, _, code := fond(t, db, args...); code != 2 {
			t.Errorf("fond %v: exit %d, want 2", args, code)
		}
	}
}
