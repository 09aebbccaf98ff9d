-- Cataloguing (issue 16): every change of a record is a revision, each field
-- remembers who set it, and records that need a person are queued.
-- The revision number and the provenance live beside the record's JSON, like
-- its status, so that re-ingesting compares the document alone.
ALTER TABLE records ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE records ADD COLUMN provenance TEXT NOT NULL DEFAULT '';

-- One row per stored change after the first: who, when, why, and each field's
-- value before and after (JSON). A record's first revision has a row only
-- when a person made it (an upload, a record made by hand); one read from a
-- file at ingest is the record's own ingested_at, which costs a bulk ingest
-- nothing.
CREATE TABLE revisions (
    record_id TEXT NOT NULL,
    revision  INTEGER NOT NULL,
    author    TEXT NOT NULL,
    at        TEXT NOT NULL,
    action    TEXT NOT NULL,
    note      TEXT NOT NULL,
    changes   TEXT NOT NULL,
    PRIMARY KEY (record_id, revision)
);

-- The review queue: a row per record and reason (internal/review), rewritten
-- with the record, so the queue and its counts are lookups.
CREATE TABLE review (
    record_id TEXT NOT NULL,
    reason    TEXT NOT NULL,
    PRIMARY KEY (record_id, reason)
);
CREATE INDEX review_reason ON review(reason, record_id);

-- Records stored before this migration enter the queue for what their
-- columns and JSON say (review.Reasons in SQL, for the last time).
INSERT INTO review(record_id, reason) SELECT id, 'no-title' FROM records WHERE title = '' AND status <> 'withdrawn';
INSERT INTO review(record_id, reason) SELECT id, 'no-date' FROM records WHERE earliest = '' AND json_extract(doc, '$.date.edtf') = '' AND status <> 'withdrawn';
INSERT INTO review(record_id, reason) SELECT id, 'date-inferred' FROM records
    WHERE earliest <> '' AND json_extract(doc, '$.date.qualifier') IN ('inferred', 'approximate', 'uncertain')
    AND coalesce(json_extract(doc, '$.date.note'), '') = '' AND status <> 'withdrawn';
INSERT INTO review(record_id, reason) SELECT id, 'ocr-low' FROM records
    WHERE coalesce(json_extract(doc, '$.ocr_confidence'), 0) > 0 AND json_extract(doc, '$.ocr_confidence') < 0.8 AND status <> 'withdrawn';
INSERT INTO review(record_id, reason) SELECT id, 'field-unsure' FROM records
    WHERE EXISTS (SELECT 1 FROM json_each(records.doc, '$.confidence') WHERE value < 0.6) AND status <> 'withdrawn';
INSERT INTO review(record_id, reason) SELECT id, 'draft' FROM records WHERE status = 'draft';
