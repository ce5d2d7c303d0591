-- kutip sqlite schema, version 1. Offsets are character offsets into documents.text.
CREATE TABLE documents (
    id        TEXT PRIMARY KEY,       -- the document id; exporting it again replaces the rows
    source    TEXT,                   -- the outlet (meta.source, e.g. Tribunnews.com)
    published TEXT,                   -- publication date or time from the input's meta, if any
    author    TEXT,                   -- meta.author
    text      TEXT NOT NULL,          -- the full text
    meta      TEXT NOT NULL           -- every meta field, as a JSON object
);
CREATE TABLE speakers (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE         -- the resolved name ("Ruben Vardanyan")
);
CREATE TABLE entities (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    n           INTEGER NOT NULL,     -- position in the document's entity list
    label       TEXT NOT NULL,        -- PER, ORG, LOC, DATE, TIME, MONEY, PERCENT, QUANTITY, ROLE
    text        TEXT NOT NULL,        -- as written
    canonical   TEXT NOT NULL,        -- the full name it refers to
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    cluster     INTEGER,              -- mentions of the same thing share it (per document)
    value       TEXT,                 -- ISO 8601 date, plain number
    PRIMARY KEY (document_id, n)
);
CREATE TABLE quotes (
    document_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    n            INTEGER NOT NULL,    -- position in the document's quote list
    kind         TEXT NOT NULL CHECK (kind IN ('direct', 'indirect', 'mixed')),
    content      TEXT NOT NULL,       -- the reported words
    start        INTEGER NOT NULL,    -- of the content
    "end"        INTEGER NOT NULL,
    cue          TEXT,                -- the reporting verb
    speaker_id   INTEGER REFERENCES speakers(id),  -- null when the speaker is not resolved
    speaker_text TEXT,                -- the mention as written ("Vardanyan", "-nya")
    role         TEXT,
    affiliation  TEXT,
    time         TEXT,
    confidence   REAL NOT NULL,
    rule         TEXT NOT NULL,
    PRIMARY KEY (document_id, n)
);
CREATE INDEX quotes_by_speaker ON quotes(speaker_id);
CREATE INDEX entities_by_canonical ON entities(canonical);
CREATE INDEX documents_by_source ON documents(source, published);
