-- Harvesters (OAI-PMH) are told of deleted records: the deletion log keeps the
-- record's id, when it went, and the sets it was in. Deletions logged before
-- this migration have no id and stay invisible to harvesters.
ALTER TABLE record_deletions ADD COLUMN id TEXT NOT NULL DEFAULT '';
ALTER TABLE record_deletions ADD COLUMN deleted_at TEXT NOT NULL DEFAULT '';
ALTER TABLE record_deletions ADD COLUMN collection TEXT NOT NULL DEFAULT '';
ALTER TABLE record_deletions ADD COLUMN category TEXT NOT NULL DEFAULT '';
CREATE INDEX record_deletions_id ON record_deletions(id);
