-- Lede's first schema: everything a record holds, plus the state DESIGN.md lists for the pipeline.
-- Times are UTC text, 'YYYY-MM-DDTHH:MM:SSZ'. Article ids are the 64-bit ids as signed integers.

CREATE TABLE provider (
    domain      TEXT PRIMARY KEY,             -- registrable domain
    name        TEXT NOT NULL,
    reputation  REAL                          -- quality prior; NULL until known
);

CREATE TABLE source (
    id                  INTEGER PRIMARY KEY,
    url                 TEXT NOT NULL UNIQUE,
    kind                TEXT NOT NULL DEFAULT 'feed',
    title               TEXT,
    topics_hint         TEXT,                 -- JSON array of topic names
    etag                TEXT,
    last_modified       TEXT,
    last_fetched_at     TEXT,
    last_status         INTEGER,
    next_due_at         TEXT,
    consecutive_errors  INTEGER NOT NULL DEFAULT 0 CHECK (consecutive_errors >= 0),
    last_error          TEXT,
    disabled_at         TEXT,
    created_at          TEXT NOT NULL
);

CREATE TABLE story (
    id              INTEGER PRIMARY KEY,
    first_seen_at   TEXT NOT NULL,
    last_seen_at    TEXT NOT NULL,
    centroid        BLOB,                     -- the clusterer's term vector
    providers       INTEGER NOT NULL DEFAULT 0,
    heat            INTEGER NOT NULL DEFAULT -1 CHECK (heat >= -1)
);

CREATE TABLE story_heat (
    story_id    INTEGER NOT NULL REFERENCES story(id) ON DELETE CASCADE,
    at          TEXT NOT NULL,
    heat        INTEGER NOT NULL CHECK (heat >= -1),
    PRIMARY KEY (story_id, at)
);

CREATE TABLE article (
    id                  INTEGER PRIMARY KEY,
    seq                 INTEGER NOT NULL UNIQUE,  -- the order in which Lede first stored it
    category            TEXT NOT NULL,
    title               TEXT NOT NULL,
    excerpt             TEXT NOT NULL,
    published_at        TEXT NOT NULL,
    original_url        TEXT NOT NULL,
    web_url             TEXT NOT NULL UNIQUE,
    amp_web_url         TEXT,
    cdn_amp_web_url     TEXT,
    type                TEXT NOT NULL CHECK (type IN ('article', 'video')),
    language            TEXT,
    quality             INTEGER NOT NULL CHECK (quality BETWEEN 0 AND 100),
    heat                INTEGER NOT NULL CHECK (heat >= -1),
    published           INTEGER NOT NULL CHECK (published IN (0, 1)),
    provider_domain     TEXT NOT NULL REFERENCES provider(domain),
    provider_name       TEXT NOT NULL,        -- the name as this article's record gives it
    story_id            INTEGER REFERENCES story(id) ON DELETE SET NULL,
    source_id           INTEGER REFERENCES source(id) ON DELETE SET NULL,
    secured_ciphertext  TEXT,                 -- base64, exactly as written in the record
    secured_iv          TEXT,
    secured_key_id      TEXT,                 -- NULL: imported without its key
    secured_mac         TEXT,                 -- HMAC-SHA256 over IV and ciphertext
    secured_verified    INTEGER NOT NULL DEFAULT 0 CHECK (secured_verified IN (0, 1)),
    body                TEXT NOT NULL DEFAULT '',
    content_hash        TEXT,
    signature           INTEGER,              -- near-duplicate signature
    duplicate_of        INTEGER REFERENCES article(id) ON DELETE SET NULL,
    first_seen_at       TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    CHECK ((secured_ciphertext IS NULL) = (secured_iv IS NULL))
);
CREATE INDEX article_published_at ON article(published_at, seq);
CREATE INDEX article_story ON article(story_id);
CREATE INDEX article_provider ON article(provider_domain);

CREATE TABLE topic (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    description TEXT,
    parent_id   INTEGER REFERENCES topic(id)
);

CREATE TABLE article_topic (
    article_id  INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    topic_id    INTEGER NOT NULL REFERENCES topic(id),
    score       REAL,
    why         TEXT,
    PRIMARY KEY (article_id, position)
);
CREATE INDEX article_topic_topic ON article_topic(topic_id);

-- The image cache: one row per image file Lede holds or has tried to fetch.
CREATE TABLE image (
    url             TEXT PRIMARY KEY,
    width           INTEGER,
    height          INTEGER,
    content_type    TEXT,
    file_hash       TEXT,                     -- content address under data/images/
    fetched_at      TEXT
);

-- The images of an article as its record lists them.
CREATE TABLE article_image (
    article_id  INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    url         TEXT NOT NULL,
    width       INTEGER,
    height      INTEGER,
    is_cached   INTEGER NOT NULL CHECK (is_cached IN (0, 1)),
    PRIMARY KEY (article_id, position)
);

-- The record's related snapshot: other coverage as it stood when the record was written.
CREATE TABLE related_snapshot (
    article_id          INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    position            INTEGER NOT NULL,
    title               TEXT NOT NULL,
    excerpt             TEXT NOT NULL,
    published_at        TEXT NOT NULL,
    web_url             TEXT NOT NULL,
    amp_web_url         TEXT,
    cdn_amp_web_url     TEXT,
    type                TEXT NOT NULL CHECK (type IN ('article', 'video')),
    provider_name       TEXT NOT NULL,
    provider_domain     TEXT NOT NULL,
    quality             INTEGER NOT NULL CHECK (quality BETWEEN 0 AND 100),
    PRIMARY KEY (article_id, position)
);

CREATE TABLE related_snapshot_image (
    article_id          INTEGER NOT NULL,
    related_position    INTEGER NOT NULL,
    position            INTEGER NOT NULL,
    url                 TEXT NOT NULL,
    width               INTEGER,
    height              INTEGER,
    is_cached           INTEGER NOT NULL CHECK (is_cached IN (0, 1)),
    PRIMARY KEY (article_id, related_position, position),
    FOREIGN KEY (article_id, related_position) REFERENCES related_snapshot(article_id, position) ON DELETE CASCADE
);

-- Editorial decisions, newest last; an editor's decision always wins over the rules.
CREATE TABLE decision (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    decided_by  TEXT NOT NULL,                -- 'rules' or an editor's name
    decided_at  TEXT NOT NULL,
    published   INTEGER NOT NULL CHECK (published IN (0, 1)),
    reason      TEXT
);
CREATE INDEX decision_article ON decision(article_id, id);
