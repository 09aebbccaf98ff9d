package oai

import (
	"encoding/base64"
	"encoding/json"
	"time"
)

// token is what a resumption token carries: the whole list request, where the
// last page ended and how many items came before. Tokens are stateless, so a
// harvest survives a restart of the server and any server of several answers it.
type token struct {
	Verb   string `json:"v"`
	Prefix string `json:"p,omitempty"`
	From   int64  `json:"f,omitempty"`
	Until  int64  `json:"u,omitempty"`
	Set    string `json:"s,omitempty"`
	Stamp  int64  `json:"d,omitempty"`
	ID     string `json:"i,omitempty"`
	Cursor int    `json:"c,omitempty"`
	Size   int    `json:"n,omitempty"` // the list's size when it began
}

func (t token) encode() string {
	b, _ := json.Marshal(t)
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeToken(s, verb string) (token, *Error) {
	var t token
	b, err := base64.RawURLEncoding.DecodeString(s)
	if s == "" || err != nil || json.Unmarshal(b, &t) != nil || t.Verb != verb || t.Prefix == "" || t.Cursor < 0 || t.Size < 0 {
		return token{}, fail(BadResumptionToken, "the resumption token is not one this repository issued for %s", verb)
	}
	return t, nil
}

func unix(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.Unix()
}

func fromUnix(s int64) time.Time {
	if s == 0 {
		return time.Time{}
	}
	return time.Unix(s, 0).UTC()
}
