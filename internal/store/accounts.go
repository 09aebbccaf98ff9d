package store

import (
	"context"
	"errors"
	"time"

	"fond/internal/record"
)

// ErrExists is returned when an account of that name is already stored.
var ErrExists = errors.New("already exists")

// Roles, from least to most trusted. A contributor prepares and edits drafts;
// an editor also publishes, unpublishes and withdraws; an admin also manages
// accounts.
const (
	RoleContributor = "contributor"
	RoleEditor      = "editor"
	RoleAdmin       = "admin"
)

// Account is a member of staff. Hash is the password's argon2id hash (PHC
// string); nothing else about the password is kept.
type Account struct {
	Name    string    `json:"name"`
	Role    string    `json:"role"`
	Hash    string    `json:"-"`
	Created time.Time `json:"created"`
}

// Session is a signed-in browser. The cookie carries ID and a secret; the
// store keeps only SecretHash, the secret's SHA-256 (hex).
type Session struct {
	ID         string
	SecretHash string
	Account    string
	Created    time.Time
	LastSeen   time.Time
}

// Token is an API token for scripts: Hash is the SHA-256 (hex) of the secret
// shown once at creation.
type Token struct {
	ID      string    `json:"id"`
	Hash    string    `json:"-"`
	Account string    `json:"account"`
	Created time.Time `json:"created"`
}

// AuditEntry is one line of the audit log: who did what to what, when, from
// which address ("" from the command line).
type AuditEntry struct {
	Seq    int64     `json:"seq"`
	At     time.Time `json:"at"`
	Actor  string    `json:"actor"`
	Action string    `json:"action"`
	Target string    `json:"target"`
	Detail string    `json:"detail,omitempty"`
	Addr   string    `json:"addr,omitempty"`
}

// Audit actions.
const (
	AuditLogin        = "login"
	AuditLoginFailed  = "login.failed"
	AuditLogout       = "logout"
	AuditPublish      = "publish"
	AuditUnpublish    = "unpublish"
	AuditWithdraw     = "withdraw"
	AuditAccountAdd   = "account.add"
	AuditAccountPass  = "account.passwd"
	AuditAccountDel   = "account.remove"
	AuditTokenCreate  = "token.create"
	AuditTokenRevoke  = "token.revoke"
	AuditLoginLimited = "login.refused" // over the failure limit: not checked at all
)

// StatusAction is the audit action of a change to each publication status.
var StatusAction = map[string]string{record.Published: AuditPublish, record.Draft: AuditUnpublish, record.Withdrawn: AuditWithdraw}

// Audit actions of cataloguing in the browser.
const (
	AuditUpload  = "upload"  // a file uploaded: one entry per record it made
	AuditAttach  = "attach"  // a file attached to a record as another of its texts
	AuditConfirm = "confirm" // a queue's question answered (store.ActionConfirm)
	// AuditAuthority is a change of one authority record (edited, or split):
	// its target is the authority's id, its detail the change. The authority
	// file keeps no history of its own; this is it.
	AuditAuthority = "authority"
)

// AuditQuery selects audit entries, newest first.
type AuditQuery struct {
	Limit  int
	Action string    // "" for any
	Target string    // "" for any; with Action, one thing's history (an authority's)
	Since  time.Time // zero for all
}

// Accounts is what the store keeps of people and their access: accounts,
// sessions, API tokens, the audit log and the server secret. Sessions and
// secrets live in the database so that every server sharing it agrees.
type Accounts interface {
	AddAccount(ctx context.Context, a Account) error // ErrExists when the name is taken
	Account(ctx context.Context, name string) (Account, error)
	ListAccounts(ctx context.Context) ([]Account, error)
	SetPassword(ctx context.Context, name, hash string) error
	// RemoveAccount ends the account's sessions and tokens with it.
	RemoveAccount(ctx context.Context, name string) error

	AddSession(ctx context.Context, s Session) error
	Session(ctx context.Context, id string) (Session, error)
	// TouchSession notes the session's use, for idle expiry.
	TouchSession(ctx context.Context, id string, at time.Time) error
	DeleteSession(ctx context.Context, id string) error
	// PruneSessions deletes sessions last used before seenBefore or opened
	// before createdBefore: expired ones, which no request would end.
	PruneSessions(ctx context.Context, seenBefore, createdBefore time.Time) error

	AddToken(ctx context.Context, t Token) error
	Token(ctx context.Context, id string) (Token, error)
	ListTokens(ctx context.Context) ([]Token, error)
	RevokeToken(ctx context.Context, id string) error

	Audit(ctx context.Context, e AuditEntry) error
	AuditLog(ctx context.Context, q AuditQuery) ([]AuditEntry, error)
	// CountAudit counts entries of one action since a time whose target or
	// address is the one given ("" matches none): failed logins, for throttling.
	CountAudit(ctx context.Context, action, target, addr string, since time.Time) (int, error)

	// Secret returns the named server secret (32 random bytes), making it the
	// first time: the key anti-forgery tokens are signed with.
	Secret(ctx context.Context, name string) ([]byte, error)

	// SetStatus changes a record's publication state (record.Draft, Published,
	// Withdrawn; reason is a withdrawal's explanation) and returns the record
	// as it now is. A change is a write like any other: the search index,
	// other servers and harvesters see it, and the record's history, under
	// author ("" for the command line).
	SetStatus(ctx context.Context, id, status, reason, author string) (record.Record, error)
	// SetStatusLogged is SetStatus that also writes the audit entry e in the
	// same transaction, so that a crash keeps both or neither; e.Actor is the
	// revision's author. Target and Detail are filled in from what the
	// transaction read: the record's id, and "old → new" (with ": reason").
	SetStatusLogged(ctx context.Context, id, status, reason string, e AuditEntry) (record.Record, error)
	// Statuses returns the publication state of each id that is a record.
	Statuses(ctx context.Context, ids []string) (map[string]string, error)
}

// Audit actions on records' fields (their revisions hold the changes).
const (
	AuditEdit   = "record.edit"
	AuditCreate = "record.create"
	AuditRevert = "record.revert"
)
