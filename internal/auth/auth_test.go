package auth

import (
	"strings"
	"testing"
)

// A password hashes to an argon2id PHC string that checks the right password
// only, and two hashes of one password differ (salted).
func TestPasswordHash(t *testing.T) {
	h, err := HashPassword("correct horse")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=65536,t=3,p=2$") || strings.Contains(h, "correct") {
		t.Fatalf("hash %q", h)
	}
	if !CheckPassword(h, "correct horse") || CheckPassword(h, "correct horse ") || CheckPassword(h, "") {
		t.Error("CheckPassword accepts the wrong password or refuses the right one")
	}
	h2, _ := HashPassword("correct horse")
	if h == h2 {
		t.Error("unsalted")
	}
	for _, bad := range []string{"", "$argon2id$", "$argon2i$v=19$m=65536,t=3,p=2$c2FsdA$a2V5", "$argon2id$v=19$m=999999999,t=3,p=2$c2FsdA$a2V5"} {
		if CheckPassword(bad, "x") {
			t.Errorf("malformed hash %q accepted", bad)
		}
	}
	if _, err := HashPassword(""); err == nil {
		t.Error("empty password hashed")
	}
}

// Tokens carry their id; hashes compare.
func TestToken(t *testing.T) {
	id, tok, hash := NewToken()
	if TokenID(tok) != id || !SameHash(tok, hash) || SameHash(tok+"x", hash) {
		t.Errorf("token %q id %q", tok, id)
	}
	for _, bad := range []string{"", "fond_", "fond_abc_def", "Bearer x", "other_0123456789ab_x"} {
		if TokenID(bad) != "" {
			t.Errorf("TokenID(%q) = %q", bad, TokenID(bad))
		}
	}
}

func TestRoles(t *testing.T) {
	for _, s := range []string{"contributor", "editor", "admin"} {
		r, err := ParseRole(s)
		if err != nil || r.String() != s {
			t.Errorf("ParseRole(%q) = %v, %v", s, r, err)
		}
	}
	if _, err := ParseRole("root"); err == nil {
		t.Error("root accepted")
	}
	if !(Unset < Public && Public < Contributor && Contributor < Editor && Editor < Admin) {
		t.Error("roles out of order")
	}
}

// BenchmarkCheckPassword is what one sign-in costs the server (docs/security.md).
func BenchmarkCheckPassword(b *testing.B) {
	h, _ := HashPassword("correct horse")
	for b.Loop() {
		CheckPassword(h, "correct horse")
	}
}

// TestNoAccount: the check made for a name with no account does a password
// check's work (the same parameters, salt and key lengths as a real hash)
// and fails, whatever the password.
func TestNoAccount(t *testing.T) {
	h, err := HashPassword("correct horse")
	if err != nil {
		t.Fatal(err)
	}
	hashed, dummy := strings.Split(h, "$"), strings.Split(dummyHash, "$")
	if len(dummy) != len(hashed) || strings.Join(dummy[:4], "$") != strings.Join(hashed[:4], "$") ||
		len(dummy[4]) != len(hashed[4]) || len(dummy[5]) != len(hashed[5]) {
		t.Errorf("the dummy hash %q is not shaped as a real one, %q", dummyHash, h)
	}
	for _, pw := range []string{"correct horse", "", "no such account"} {
		if CheckNoAccount(pw) || CheckPassword(dummyHash, pw) {
			t.Errorf("%q passed the check for no account", pw)
		}
	}
}
