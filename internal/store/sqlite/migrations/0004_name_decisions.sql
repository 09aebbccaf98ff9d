-- An archivist's decisions on names found in a record: confirm a mention as an
-- authority (or correct it to another), or reject it.
CREATE TABLE name_decisions (
    record_id TEXT NOT NULL,
    start     INTEGER NOT NULL,
    end_      INTEGER NOT NULL,
    authority TEXT NOT NULL,
    status    TEXT NOT NULL CHECK (status IN ('confirmed', 'rejected')),
    PRIMARY KEY (record_id, start)
);
