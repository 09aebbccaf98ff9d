-- MinHash signatures of primary records' text and their band keys, to find
-- near-identical texts (another printing or a close translation of a document).
CREATE TABLE minhash (
    rid INTEGER PRIMARY KEY REFERENCES records(rid) ON DELETE CASCADE,
    sig BLOB NOT NULL
);
CREATE TABLE minhash_bands (
    key INTEGER NOT NULL,
    rid INTEGER NOT NULL REFERENCES records(rid) ON DELETE CASCADE
);
CREATE INDEX minhash_bands_key ON minhash_bands(key);
CREATE INDEX minhash_bands_rid ON minhash_bands(rid);
