-- Originals are kept byte for byte so records can be re-derived (fond reindex).
CREATE TABLE originals (
    checksum  TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    size      INTEGER NOT NULL,
    data      BLOB NOT NULL,
    added_at  TEXT NOT NULL
);

-- One row per ingested path: what it held when last ingested.
CREATE TABLE files (
    path        TEXT PRIMARY KEY,
    checksum    TEXT NOT NULL REFERENCES originals(checksum),
    format      TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);

CREATE TABLE records (
    rid         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    checksum    TEXT NOT NULL REFERENCES originals(checksum),
    path        TEXT NOT NULL,
    position    INTEGER NOT NULL,
    parent      TEXT NOT NULL DEFAULT '',
    title       TEXT NOT NULL,
    type        TEXT NOT NULL,
    category    TEXT NOT NULL,
    earliest    TEXT NOT NULL,
    latest      TEXT NOT NULL,
    lang        TEXT NOT NULL DEFAULT '',
    collection  TEXT NOT NULL DEFAULT '',
    doc         TEXT NOT NULL, -- the record as JSON, without derived links
    ingested_at TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX records_path ON records(path, position);
CREATE INDEX records_checksum ON records(checksum);
CREATE INDEX records_date ON records(earliest, latest);

-- Structured archival references, for edition grouping and repository filters.
CREATE TABLE sources (
    rid        INTEGER NOT NULL REFERENCES records(rid) ON DELETE CASCADE,
    repository TEXT NOT NULL,
    fond       TEXT NOT NULL,
    opis       TEXT NOT NULL,
    delo       TEXT NOT NULL,
    papka      TEXT NOT NULL,
    folios     TEXT NOT NULL,
    file       TEXT NOT NULL
);
CREATE INDEX sources_key ON sources(repository, fond, opis, delo, file);
CREATE INDEX sources_rid ON sources(rid);

CREATE TABLE editions (
    a      TEXT NOT NULL,
    b      TEXT NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (a, b)
);

-- Secondary -> primary links (asserted or suggested) and the dated mentions they
-- were computed from.
CREATE TABLE links (
    from_id  TEXT NOT NULL,
    to_id    TEXT NOT NULL,
    score    REAL NOT NULL,
    evidence TEXT NOT NULL,
    asserted INTEGER NOT NULL,
    PRIMARY KEY (from_id, to_id)
);
CREATE INDEX links_to ON links(to_id);
CREATE TABLE mentions (
    from_id  TEXT NOT NULL,
    earliest TEXT NOT NULL,
    latest   TEXT NOT NULL
);
CREATE INDEX mentions_from ON mentions(from_id);
CREATE INDEX mentions_date ON mentions(earliest, latest);

-- Ids of records replaced by a changed file point at their successors.
CREATE TABLE aliases (
    old TEXT PRIMARY KEY,
    new TEXT NOT NULL
);

-- People and places a record names, for filters and facets.
-- key is the romanization key (internal/romanize): every spelling of a name shares
-- it, so person:"Pak Hon-yong" finds "Pak Heon-yeong". kind "name" is a variant
-- pair the text gives ("Pak Heon-yeong [Pak Hon Yong]") without saying what it names.
CREATE TABLE record_names (
    rid  INTEGER NOT NULL REFERENCES records(rid) ON DELETE CASCADE,
    kind TEXT NOT NULL, -- person | place | name
    name TEXT NOT NULL,
    key  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX record_names_rid ON record_names(rid);
CREATE INDEX record_names_name ON record_names(kind, name);
CREATE INDEX record_names_key ON record_names(key);

-- Porter stemming makes "telegrams" find "telegram"; remove_diacritics 2 makes
-- "Tumen" find "Tümen". Column order is fixed: bm25() weights follow it.
-- cjk holds overlapping character bigrams of Chinese, Japanese and Korean runs:
-- unicode61 keeps a run of Han or Hangul whole, so "북한군" would not find "북한군이".
CREATE VIRTUAL TABLE records_fts USING fts5(
    title, summary, body, notes, people, places, archive, cjk,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
