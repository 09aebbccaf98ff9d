-- The curated authority file, one JSON document (internal/names), replacing the
-- starter file once an archivist imports or edits names.
CREATE TABLE authority_file (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    doc TEXT NOT NULL
);
