package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fond/internal/auth"
	"fond/internal/store"
	"fond/internal/store/sqlite"
)

// withStdin runs f with standard input reading s.
func withStdin(t *testing.T, s string, f func()) {
	t.Helper()
	old := stdin
	stdin = strings.NewReader(s)
	defer func() { stdin = old }()
	f()
}

// Accounts from the command line: added with a password read from standard
// input (stored as argon2id, never in the clear), listed as JSON, password
// changed, removed; bad roles and short passwords refused; each change in the
// audit log.
func TestUsersCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "fond.db")
	withStdin(t, "correct horse battery\n", func() {
		if _, errs, code := fond(t, db, "users", "add", "ann", "--role", "editor"); code != 0 {
			t.Fatalf("users add: %d %s", code, errs)
		}
	})
	withStdin(t, "x\n", func() {
		if _, _, code := fond(t, db, "users", "add", "bob", "--role", "root"); code != 2 {
			t.Errorf("role root: exit %d, want 2", code)
		}
		if _, errs, code := fond(t, db, "users", "add", "bob", "--role", "admin"); code != 1 || !strings.Contains(errs, "at least 8") {
			t.Errorf("short password: exit %d %q", code, errs)
		}
	})
	out, _, code := fond(t, db, "users", "list", "--json")
	var list []store.Account
	if err := json.Unmarshal([]byte(out), &list); code != 0 || err != nil || len(list) != 1 || list[0].Name != "ann" || list[0].Role != "editor" || strings.Contains(out, "argon") {
		t.Fatalf("users list --json: %d %q %v", code, out, err)
	}
	st, err := sqlite.Open(t.Context(), db)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := st.Account(t.Context(), "ann")
	st.Close()
	if !auth.CheckPassword(a.Hash, "correct horse battery") || strings.Contains(a.Hash, "horse") {
		t.Errorf("stored hash %q", a.Hash)
	}
	withStdin(t, "another long one\n", func() {
		if _, errs, code := fond(t, db, "users", "passwd", "ann"); code != 0 {
			t.Errorf("passwd: %d %s", code, errs)
		}
	})
	if _, _, code := fond(t, db, "users", "remove", "ann"); code != 0 {
		t.Errorf("remove: %d", code)
	}
	if _, _, code := fond(t, db, "users", "remove", "ann"); code != 1 {
		t.Errorf("second remove: %d, want 1", code)
	}
	out, _, _ = fond(t, db, "audit", "--json")
	for _, want := range []string{`"account.add"`, `"account.passwd"`, `"account.remove"`} {
		if !strings.Contains(out, want) {
			t.Errorf("audit lacks %s: %s", want, out)
		}
	}
	if strings.Contains(out, "horse") || strings.Contains(out, "another long") {
		t.Error("a password reached the audit log")
	}
}

// Tokens: printed once, stored hashed, revoked by id or by the token itself.
func TestTokensCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "fond.db")
	withStdin(t, "correct horse battery\n", func() { fond(t, db, "users", "add", "ann", "--role", "admin") })
	if _, _, code := fond(t, db, "tokens", "create", "nobody"); code != 1 {
		t.Errorf("token for no account: %d", code)
	}
	out, _, code := fond(t, db, "tokens", "create", "ann")
	tok := strings.TrimSpace(out)
	id := auth.TokenID(tok)
	if code != 0 || id == "" {
		t.Fatalf("tokens create: %d %q", code, out)
	}
	out, _, _ = fond(t, db, "tokens", "list", "--json")
	if !strings.Contains(out, id) || strings.Contains(out, tok) {
		t.Errorf("tokens list shows %q", out)
	}
	if _, _, code := fond(t, db, "tokens", "revoke", tok); code != 0 {
		t.Errorf("revoke: %d", code)
	}
	if out, _, _ := fond(t, db, "tokens", "list", "--json"); strings.TrimSpace(out) != "[]" {
		t.Errorf("after revoke: %q", out)
	}
}

// fond ingest --draft stores drafts, which the command line still finds;
// publish, unpublish and withdraw (which needs a reason) change the JSON's
// status and are logged.
func TestPublicationCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "fond.db")
	doc := filepath.Join(dir, "a.txt")
	os.WriteFile(doc, []byte("Telegram to Moscow\n\nPyongyang, March 3, 1950.\n\nThe zanzibarite arrived.\n"), 0o644)
	out, _, code := fond(t, db, "ingest", "--json", "--draft", doc)
	var line ingestLine
	if err := json.Unmarshal([]byte(strings.Split(out, "\n")[0]), &line); code != 0 || err != nil {
		t.Fatalf("ingest --draft: %d %q", code, out)
	}
	status := func() string {
		out, _, _ := fond(t, db, "show", "--json", line.ID)
		var r struct{ Status, WithdrawnReason string }
		json.Unmarshal([]byte(out), &r)
		var raw map[string]any
		json.Unmarshal([]byte(out), &raw)
		if s, _ := raw["withdrawn_reason"].(string); s != "" {
			return raw["status"].(string) + ": " + s
		}
		return r.Status
	}
	if got := status(); got != "draft" {
		t.Fatalf("status after ingest --draft = %q", got)
	}
	if out, _, _ := fond(t, db, "search", "zanzibarite"); !strings.Contains(out, line.ID) {
		t.Errorf("the command line does not find its draft: %q", out)
	}
	fond(t, db, "publish", line.ID)
	if got := status(); got != "published" {
		t.Errorf("after publish: %q", got)
	}
	fond(t, db, "unpublish", line.ID)
	if got := status(); got != "draft" {
		t.Errorf("after unpublish: %q", got)
	}
	if _, _, code := fond(t, db, "withdraw", line.ID); code != 2 {
		t.Errorf("withdraw without a reason: exit %d", code)
	}
	fond(t, db, "withdraw", "--reason", "Rights withdrawn", line.ID)
	if got := status(); got != "withdrawn: Rights withdrawn" {
		t.Errorf("after withdraw: %q", got)
	}
	out, _, _ = fond(t, db, "audit", "--json", "--action", "withdraw")
	if !strings.Contains(out, "draft → withdrawn: Rights withdrawn") {
		t.Errorf("audit: %q", out)
	}
	// Without --draft, ingest publishes, as before.
	other := filepath.Join(dir, "b.txt")
	os.WriteFile(other, []byte("Letter to Beijing\n\nMoscow, May 3, 1950.\n\nText.\n"), 0o644)
	out, _, _ = fond(t, db, "ingest", "--json", other)
	json.Unmarshal([]byte(strings.Split(out, "\n")[0]), &line)
	if got := status(); got != "published" {
		t.Errorf("plain ingest: %q", got)
	}
}
