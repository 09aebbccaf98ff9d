-- Search moves to fond's own index (internal/index), kept in memory and fed from
-- this change log: every write bumps meta.gen, stamps the records it writes with
-- it and logs the rows it deletes, so any process can bring its index up to date
-- by reading what changed since the generation it has. epoch tells one database
-- from another, so an index snapshot is never applied to the wrong file.
DROP TABLE records_fts;
DROP TABLE record_names;
ALTER TABLE records ADD COLUMN gen INTEGER NOT NULL DEFAULT 1;
-- The body, most of a record's bytes, moves out of the JSON document into a
-- column of its own: a result page reads bodies for snippets and the rest of the
-- document for the result line, and neither should parse the other.
ALTER TABLE records ADD COLUMN body TEXT NOT NULL DEFAULT '';
UPDATE records SET body = coalesce(json_extract(doc, '$.body'), ''), doc = json_set(doc, '$.body', '');
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
