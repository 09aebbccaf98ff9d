-- Who may see and change what (issue 15). Every record stored before this
-- migration was public, so it is published; new records say what ingest chose.
-- The status lives beside the record's JSON, not in it, so that re-ingesting a
-- file compares and rewrites the document without touching its publication.
ALTER TABLE records ADD COLUMN status TEXT NOT NULL DEFAULT 'published';
ALTER TABLE records ADD COLUMN status_reason TEXT NOT NULL DEFAULT '';
-- Whether the record was ever published: a draft that harvesters may hold (it
-- was public once) is reported to them as deleted; one never published is not
-- mentioned at all, not even by id.
ALTER TABLE records ADD COLUMN was_public INTEGER NOT NULL DEFAULT 1;

-- Staff accounts: the argon2id hash in its PHC string form, never the password.
CREATE TABLE accounts (
    name       TEXT PRIMARY KEY,
    role       TEXT NOT NULL,
    hash       TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- Sessions live here, not in a server's memory, so every server sharing the
-- database honours a login and a logout. Only the SHA-256 of the cookie's
-- secret is kept: a copy of the table opens no session.
CREATE TABLE sessions (
    id          TEXT PRIMARY KEY,
    secret_hash TEXT NOT NULL,
    account     TEXT NOT NULL REFERENCES accounts(name) ON DELETE CASCADE,
    created_at  TEXT NOT NULL,
    last_seen   TEXT NOT NULL
);
CREATE INDEX sessions_account ON sessions(account);

-- API tokens for scripts, hashed likewise; shown once when created.
CREATE TABLE api_tokens (
    id         TEXT PRIMARY KEY,
    hash       TEXT NOT NULL,
    account    TEXT NOT NULL REFERENCES accounts(name) ON DELETE CASCADE,
    created_at TEXT NOT NULL
);

-- The audit log: logins, failed logins (also what throttles guessing, counted
-- per account and per address across every server), publication and account
-- changes.
CREATE TABLE audit (
    seq    INTEGER PRIMARY KEY AUTOINCREMENT,
    at     TEXT NOT NULL,
    actor  TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    detail TEXT NOT NULL,
    addr   TEXT NOT NULL
);
CREATE INDEX audit_action ON audit(action, at);
