-- Search moves to fond's own index (internal/index), kept in memory and fed from
-- this change log: every write bumps meta.gen, stamps the records it writes with
-- it and logs the rows it deletes, so any process can bring its index up to date
-- by reading what changed since the generation it has. epoch tells one database
-- from another, so an index snapshot is never applied to the wrong file.
DROP TABLE records_fts;
DROP TABLE record_names;
ALTER TABLE records ADD COLUMN gen INTEGER NOT NULL DEFAULT 1;
CREATE INDEX records_gen ON records(gen);
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value NOT NULL
);
INSERT INTO meta(key, value) VALUES ('gen', 1), ('epoch', lower(hex(randomblob(8))));
CREATE TABLE record_deletions (
    rid INTEGER NOT NULL,
    gen INTEGER NOT NULL
);
CREATE INDEX record_deletions_gen ON record_deletions(gen);
