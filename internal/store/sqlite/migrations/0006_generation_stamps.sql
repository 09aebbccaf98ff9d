-- A generation number alone does not name a state of the database: a backup
-- restored and written to again reaches the same numbers with other contents,
-- and an index snapshot of the lost branch would be taken for current. Each
-- generation gets a random stamp; meta.stamp is the current one. An index saved
-- before this migration has no stamp and is rebuilt once.
CREATE TABLE generations (
    gen   INTEGER PRIMARY KEY,
    stamp TEXT NOT NULL
);
INSERT INTO meta(key, value) VALUES ('stamp', lower(hex(randomblob(8))));
INSERT INTO generations(gen, stamp) SELECT (SELECT value FROM meta WHERE key = 'gen'), (SELECT value FROM meta WHERE key = 'stamp');
