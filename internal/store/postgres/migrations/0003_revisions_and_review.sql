-- SQLite's migration 0009, in PostgreSQL's words.
-- Cataloguing (issue 16): every change of a record is a revision, each field
-- remembers who set it, and records that need a person are queued.
ALTER TABLE records ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE records ADD COLUMN provenance TEXT NOT NULL DEFAULT '';

CREATE TABLE revisions (
    record_id TEXT COLLATE "C" NOT NULL,
    revision  INTEGER NOT NULL,
    author    TEXT NOT NULL,
    at        TEXT NOT NULL,
    action    TEXT NOT NULL,
    note      TEXT NOT NULL,
    changes   TEXT NOT NULL,
    PRIMARY KEY (record_id, revision)
);

CREATE TABLE review (
    record_id TEXT COLLATE "C" NOT NULL,
    reason    TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (record_id, reason)
);
CREATE INDEX review_reason ON review(reason, record_id);

INSERT INTO review(record_id, reason) SELECT id, 'no-title' FROM records WHERE title = '' AND status <> 'withdrawn';
INSERT INTO review(record_id, reason) SELECT id, 'no-date' FROM records WHERE earliest = '' AND coalesce(doc::jsonb #>> '{date,edtf}', '') = '' AND status <> 'withdrawn';
INSERT INTO review(record_id, reason) SELECT id, 'date-inferred' FROM records
    WHERE earliest <> '' AND doc::jsonb #>> '{date,qualifier}' IN ('inferred', 'approximate', 'uncertain')
    AND coalesce(doc::jsonb #>> '{date,note}', '') = '' AND status <> 'withdrawn';
INSERT INTO review(record_id, reason) SELECT id, 'ocr-low' FROM records
    WHERE coalesce((doc::jsonb ->> 'ocr_confidence')::float8, 0) > 0 AND (doc::jsonb ->> 'ocr_confidence')::float8 < 0.8 AND status <> 'withdrawn';
INSERT INTO review(record_id, reason) SELECT id, 'field-unsure' FROM records
    WHERE EXISTS (SELECT 1 FROM jsonb_each_text(coalesce(doc::jsonb -> 'confidence', '{}'::jsonb)) c WHERE c.value::float8 < 0.6) AND status <> 'withdrawn';
INSERT INTO review(record_id, reason) SELECT id, 'draft' FROM records WHERE status = 'draft';
