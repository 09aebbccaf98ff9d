package ingest

import (
	"context"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// russian is synthetic Russian prose in the shape of a telegram: a heading in
// capitals, a dateline, running text.
const russian = "ШИФРТЕЛЕГРАММА\n\nМосква, 7 февраля 1950 года.\n\n" +
	"Сегодня вечером я встретился с министром иностранных дел и передал ему ответ нашего правительства. " +
	"Министр сказал, что вопрос о кредите будет рассмотрен на следующем заседании, и просил сообщить об этом в Москву. " +
	"По его словам, делегация готова выехать в конце месяца, если не будет новых указаний.\n"

func encode(t *testing.T, enc encoding.Encoding, s string) []byte {
	t.Helper()
	out, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestMisdeclaredEncodingIsReadRightAndSaidByName(t *testing.T) {
	page := func(charset string, body []byte) []byte {
		head := "<!DOCTYPE html>\n<html><head><meta charset=\"" + charset + "\"><title>Телеграмма</title></head><body><p>"
		return append(append([]byte(head), body...), "</p></body></html>\n"...)
	}
	cp1251 := func(s string) []byte { return encode(t, charmap.Windows1251, s) }
	koi8 := func(s string) []byte { return encode(t, charmap.KOI8R, s) }
	tests := []struct {
		name    string
		data    []byte
		warning string // "" for none
	}{
		{"declared-cp1251-really-utf8.html", page("windows-1251", []byte(russian)), `declares "windows-1251" but is UTF-8`},
		{"declared-utf8-really-cp1251.html", append(cp1251(string(page("utf-8", nil))), cp1251(russian)...), `declares "utf-8"; it reads as Russian in windows-1251`},
		{"undeclared-cp1251.txt", cp1251(russian), "declares no encoding; it reads as Russian in windows-1251"},
		{"undeclared-koi8r.txt", koi8(russian), "declares no encoding; it reads as Russian in koi8-r"},
		{"declared-koi8r-really-cp1251.html", append(page("koi8-r", nil), cp1251(russian)...), `declares "koi8-r" but reads as Russian only in windows-1251`},
		{"declared-cp1251-really-koi8r.html", append(page("windows-1251", nil), koi8(russian)...), `declares "windows-1251" but reads as Russian only in koi8-r`},
		{"declared-koi8r-right.html", append(page("koi8-r", nil), koi8(russian)...), ""},
		{"utf8-right.txt", []byte(russian), ""},
	}
	for _, tc := range tests {
		res, err := Extract(context.Background(), tc.name, tc.data)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		warnings := strings.Join(res.Warnings, "\n")
		switch {
		case tc.warning == "" && warnings != "":
			t.Errorf("%s: unexpected warning %q", tc.name, warnings)
		case tc.warning != "" && (!strings.Contains(warnings, tc.warning) || !strings.HasPrefix(warnings, tc.name+": ")):
			t.Errorf("%s: warning %q, want it to name the file and say %q", tc.name, warnings, tc.warning)
		}
		body := res.Records[0].Body
		if !strings.Contains(body, "Сегодня вечером я встретился с министром") {
			t.Errorf("%s: body read as %q", tc.name, body[:min(len(body), 120)])
		}
	}
}

// A stray byte or two in English is damage, not another encoding: still
// refused, not read as Cyrillic.
func TestStrayBytesAreNotTakenForAnEncoding(t *testing.T) {
	data := []byte("Telegram from Moscow\n\nThe text has a stray byte \xc3 here and \xff\xfe there, in a long English sentence about the loan.\n")
	if _, err := Extract(context.Background(), "stray.txt", data); err == nil || !strings.Contains(err.Error(), "not valid UTF-8") {
		t.Errorf("stray bytes: %v, want the file refused as not UTF-8", err)
	}
}

func TestCyrillicScoreSeparatesEncodings(t *testing.T) {
	right, ok := cyrillicScore(russian)
	if !ok || right < plausibleScore {
		t.Errorf("Russian scores %.1f (judged %v), want at least %d", right, ok, plausibleScore)
	}
	for _, pair := range [][2]*charmap.Charmap{{charmap.Windows1251, charmap.KOI8R}, {charmap.KOI8R, charmap.Windows1251}} {
		misread, err := pair[1].NewDecoder().Bytes(encode(t, pair[0], russian))
		if err != nil {
			t.Fatal(err)
		}
		if wrong, ok := cyrillicScore(string(misread)); ok && wrong >= plausibleScore {
			t.Errorf("%v read as %v scores %.1f, as plausible as Russian", pair[0], pair[1], wrong)
		}
	}
}
