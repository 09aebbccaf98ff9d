// Package auth holds what fond's access control computes without a database
// or HTTP: password hashes (argon2id), random secrets and their hashes, and
// the order of roles. The web server and the command line share it.
package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
)

// Role ranks: the zero value is no role at all, so a route whose minimum
// role was never set is refused by everyone (and panics at registration).
type Role int

const (
	Unset Role = iota
	Public
	Contributor
	Editor
	Admin
)

// ParseRole reads a stored or typed role name; anonymous readers have none.
func ParseRole(s string) (Role, error) {
	switch s {
	case "contributor":
		return Contributor, nil
	case "editor":
		return Editor, nil
	case "admin":
		return Admin, nil
	}
	return Unset, fmt.Errorf("role %q: not admin, editor or contributor", s)
}

func (r Role) String() string {
	switch r {
	case Public:
		return "public"
	case Contributor:
		return "contributor"
	case Editor:
		return "editor"
	case Admin:
		return "admin"
	}
	return "unset"
}

// Argon2id parameters: the RFC 9106 second recommendation (64 MiB, 3 passes),
// with 2 lanes for the 2 cores fond is sized for. About 0.1 s a login.
const (
	argonTime    = 3
	argonMemory  = 64 * 1024
	argonThreads = 2
	argonKeyLen  = 32
)

// HashPassword returns the password's argon2id hash as a PHC string, salt
// and parameters included, so that parameters can change later.
func HashPassword(password string) (string, error) {
	if password == "" {
		return "", errors.New("empty password")
	}
	salt := make([]byte, 16)
	rand.Read(salt)
	key := argon2.IDKey([]byte(password), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// CheckPassword reports whether password matches the PHC hash, in constant
// time over the derived key.
func CheckPassword(hash, password string) bool {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var m, t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil || m == 0 || m > 1<<21 || t == 0 || t > 16 || p == 0 {
		return false
	}
	b64 := base64.RawStdEncoding
	salt, err1 := b64.DecodeString(parts[4])
	want, err2 := b64.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(want) == 0 {
		return false
	}
	got := argon2.IDKey([]byte(password), salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// dummyHash is checked against when an account does not exist, so that a
// wrong name costs as long as a wrong password and timing tells neither. It
// has HashPassword's parameters and lengths, so checking it is the same
// work, but it is not a hash of anything: computing one when the package
// loaded cost every fond command an argon2id hash (64 MiB, 0.5–1 s on a
// slow core) before it began, searches and one-file ingests included. No
// password derives an all-zero key.
var dummyHash = fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
	base64.RawStdEncoding.EncodeToString(make([]byte, 16)), base64.RawStdEncoding.EncodeToString(make([]byte, argonKeyLen)))

// CheckNoAccount spends a password check's time and fails.
func CheckNoAccount(password string) bool {
	CheckPassword(dummyHash, password)
	return false
}

// Random returns n random bytes as lowercase hex.
func Random(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// Hash is the SHA-256 of a secret, in hex: what the store keeps of session
// and token secrets. They are random, so no salt or slow hash is needed.
func Hash(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// SameHash compares a secret with a stored hash in constant time.
func SameHash(secret, hash string) bool {
	return subtle.ConstantTimeCompare([]byte(Hash(secret)), []byte(hash)) == 1
}

// Token prefix: API tokens read "fond_ID_SECRET", so a leaked one is
// recognisable in logs and by secret scanners, and ID finds its row.
const tokenPrefix = "fond_"

// NewToken makes an API token: its id (kept), the whole token (shown once)
// and the hash the store keeps.
func NewToken() (id, token, hash string) {
	id, secret := Random(6), Random(24)
	token = tokenPrefix + id + "_" + secret
	return id, token, Hash(token)
}

// TokenID returns the id part of a token, or "" for something that is not one.
func TokenID(token string) string {
	rest, ok := strings.CutPrefix(token, tokenPrefix)
	if !ok {
		return ""
	}
	id, _, ok := strings.Cut(rest, "_")
	if !ok || len(id) != 12 {
		return ""
	}
	return id
}
