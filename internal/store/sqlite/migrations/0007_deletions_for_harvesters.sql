-- Harvesters (OAI-PMH) page through records by datestamp (updated_at to the
-- second, then id), and are told of deleted records: a tombstone keeps each
-- deleted record's id, when it went and the sets it was in, until it is added
-- again. Deletions before this migration left no ids, so they have none.
CREATE INDEX records_datestamp ON records(substr(updated_at, 1, 19), id);
CREATE TABLE tombstones (
    id         TEXT PRIMARY KEY,
    ds         TEXT NOT NULL,
    gen        INTEGER NOT NULL,
    collection TEXT NOT NULL DEFAULT '',
    category   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX tombstones_ds ON tombstones(ds, id);
CREATE INDEX tombstones_gen ON tombstones(gen);
