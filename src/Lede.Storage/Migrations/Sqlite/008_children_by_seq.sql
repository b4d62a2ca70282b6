-- Child rows stored in import order (issue 6 item 8). Each new article dirtied a random page in every table keyed by
-- its id (a URL hash) or by URL text: its topics, images, related coverage and their images, the URLs it is known by
-- (twice: by URL and by article), ~10 b-trees that outgrew the page cache, so inserts slowed as the store grew. Now:
--
-- 1. article_topic, article_image, related_snapshot and related_snapshot_image are keyed by the article's import
--    position (`article_seq`, the article table's rowid since 007) instead of its id: a batch of new articles appends
--    to their ends. Lookups by id go through the article's unique id index to its seq, as the readers do.
-- 2. article_url keeps its rows in import order (a rowid table; the article index appends too) and finds a URL by an
--    8-byte hash of it (`url_hash`, the first 8 bytes of its UTF-8 SHA-256, lede_url_hash(), SqliteUrlHash), with the
--    URL itself compared: a small index of integers instead of the URL text twice over. A URL is held by one article
--    at most: the writers check before they insert, and `lede db check` reports a URL held twice or a hash out of step.
-- 3. An article's web URL is found the same way (`web_url_hash`, the URL compared): the UNIQUE index on the URL text
--    (~100 bytes an entry, the largest random tree left) becomes an index of integers. The writers check that no
--    other article holds a web URL before they store it, as they did; `lede db check` reports one held twice.
-- 4. The index article_provider goes: nothing reads articles by provider through it.
--
-- Lede applies this with foreign keys off (SqliteMigrator); each table is rebuilt as 006 and 007 did (upgrading a large
-- database rewrites the article table once more, ~5 KB per article). A child row whose article is missing (an orphan,
-- which foreign keys prevent) has no import position and is not carried over.

DROP TRIGGER IF EXISTS article_search_delete;
DROP TRIGGER IF EXISTS article_search_topic_unname;
DROP TRIGGER IF EXISTS article_search_topic_rename;
DROP VIEW IF EXISTS article_search_row;

CREATE TABLE article_topic_new (
    article_seq INTEGER NOT NULL REFERENCES article(seq) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    topic_id    INTEGER NOT NULL REFERENCES topic(id),
    score       REAL,
    why         TEXT,
    PRIMARY KEY (article_seq, position)
) WITHOUT ROWID;
INSERT INTO article_topic_new (article_seq, position, topic_id, score, why)
SELECT a.seq, t.position, t.topic_id, t.score, t.why FROM article_topic t JOIN article a ON a.id = t.article_id ORDER BY a.seq, t.position;
DROP TABLE article_topic;
ALTER TABLE article_topic_new RENAME TO article_topic;
CREATE INDEX article_topic_topic ON article_topic(topic_id);

CREATE TABLE article_image_new (
    article_seq INTEGER NOT NULL REFERENCES article(seq) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    url         TEXT NOT NULL,
    width       INTEGER,
    height      INTEGER,
    is_cached   INTEGER NOT NULL CHECK (is_cached IN (0, 1)),
    PRIMARY KEY (article_seq, position)
) WITHOUT ROWID;
INSERT INTO article_image_new (article_seq, position, url, width, height, is_cached)
SELECT a.seq, i.position, i.url, i.width, i.height, i.is_cached FROM article_image i JOIN article a ON a.id = i.article_id
ORDER BY a.seq, i.position;
DROP TABLE article_image;
ALTER TABLE article_image_new RENAME TO article_image;

-- The images first: they name related_snapshot, which is rebuilt below under the same name.
CREATE TABLE related_snapshot_image_new (
    article_seq         INTEGER NOT NULL,
    related_position    INTEGER NOT NULL,
    position            INTEGER NOT NULL,
    url                 TEXT NOT NULL,
    width               INTEGER,
    height              INTEGER,
    is_cached           INTEGER NOT NULL CHECK (is_cached IN (0, 1)),
    PRIMARY KEY (article_seq, related_position, position),
    FOREIGN KEY (article_seq, related_position) REFERENCES related_snapshot(article_seq, position) ON DELETE CASCADE
) WITHOUT ROWID;
INSERT INTO related_snapshot_image_new (article_seq, related_position, position, url, width, height, is_cached)
SELECT a.seq, i.related_position, i.position, i.url, i.width, i.height, i.is_cached
FROM related_snapshot_image i JOIN article a ON a.id = i.article_id ORDER BY a.seq, i.related_position, i.position;
DROP TABLE related_snapshot_image;

CREATE TABLE related_snapshot_new (
    article_seq         INTEGER NOT NULL REFERENCES article(seq) ON DELETE CASCADE,
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
    PRIMARY KEY (article_seq, position)
) WITHOUT ROWID;
INSERT INTO related_snapshot_new (article_seq, position, title, excerpt, published_at, web_url, amp_web_url, cdn_amp_web_url,
                                  type, provider_name, provider_domain, quality)
SELECT a.seq, r.position, r.title, r.excerpt, r.published_at, r.web_url, r.amp_web_url, r.cdn_amp_web_url,
       r.type, r.provider_name, r.provider_domain, r.quality
FROM related_snapshot r JOIN article a ON a.id = r.article_id ORDER BY a.seq, r.position;
DROP TABLE related_snapshot;
ALTER TABLE related_snapshot_new RENAME TO related_snapshot;
ALTER TABLE related_snapshot_image_new RENAME TO related_snapshot_image;

CREATE TABLE article_url_new (
    id          INTEGER PRIMARY KEY,
    url_hash    INTEGER NOT NULL,             -- lede_url_hash(url)
    url         TEXT NOT NULL,
    article_seq INTEGER NOT NULL REFERENCES article(seq) ON DELETE CASCADE
);
INSERT INTO article_url_new (url_hash, url, article_seq)
SELECT lede_url_hash(u.url), u.url, a.seq FROM article_url u JOIN article a ON a.id = u.article_id ORDER BY a.seq, u.url;
DROP TABLE article_url;
ALTER TABLE article_url_new RENAME TO article_url;
CREATE INDEX article_url_hash ON article_url(url_hash);
CREATE INDEX article_url_article ON article_url(article_seq);

CREATE TABLE article_new (
    id                  INTEGER NOT NULL UNIQUE,
    seq                 INTEGER PRIMARY KEY,      -- the order in which Lede first stored it
    category            TEXT NOT NULL,
    title               TEXT NOT NULL,
    excerpt             TEXT NOT NULL,
    published_at        TEXT NOT NULL,
    original_url        TEXT NOT NULL,
    web_url             TEXT NOT NULL,            -- held by one article: found by web_url_hash
    web_url_hash        INTEGER NOT NULL,         -- lede_url_hash(web_url)
    amp_web_url         TEXT,
    cdn_amp_web_url     TEXT,
    type                TEXT NOT NULL CHECK (type IN ('article', 'video')),
    language            TEXT,
    quality             INTEGER NOT NULL CHECK (quality BETWEEN 0 AND 100),
    heat                INTEGER NOT NULL CHECK (heat >= -1),
    published           INTEGER NOT NULL CHECK (published IN (0, 1)),
    provider_domain     TEXT NOT NULL REFERENCES provider(domain),
    provider_name       TEXT NOT NULL,
    story_id            INTEGER REFERENCES story(id) ON DELETE SET NULL,
    source_id           INTEGER REFERENCES source(id) ON DELETE SET NULL,
    secured_ciphertext  TEXT,
    secured_iv          TEXT,
    secured_key_id      TEXT,
    secured_mac         TEXT,
    secured_verified    INTEGER NOT NULL DEFAULT 0 CHECK (secured_verified IN (0, 1)),
    body                TEXT NOT NULL DEFAULT '',
    content_hash        TEXT,
    signature           INTEGER,
    duplicate_of        INTEGER REFERENCES article(id) ON DELETE SET NULL,
    first_seen_at       TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    explain             TEXT,
    CHECK ((secured_ciphertext IS NULL) = (secured_iv IS NULL))
);

INSERT INTO article_new (id, seq, category, title, excerpt, published_at, original_url, web_url, web_url_hash, amp_web_url,
                         cdn_amp_web_url, type, language, quality, heat, published, provider_domain, provider_name, story_id,
                         source_id, secured_ciphertext, secured_iv, secured_key_id, secured_mac, secured_verified, body,
                         content_hash, signature, duplicate_of, first_seen_at, updated_at, explain)
SELECT id, seq, category, title, excerpt, published_at, original_url, web_url, lede_url_hash(web_url), amp_web_url,
       cdn_amp_web_url, type, language, quality, heat, published, provider_domain, provider_name, story_id,
       source_id, secured_ciphertext, secured_iv, secured_key_id, secured_mac, secured_verified, body,
       content_hash, signature, duplicate_of, first_seen_at, updated_at, explain
FROM article ORDER BY seq;

DROP TABLE article;
ALTER TABLE article_new RENAME TO article;

CREATE INDEX article_web_url ON article(web_url_hash);
CREATE INDEX article_published_at ON article(published_at, seq);
CREATE INDEX article_story ON article(story_id);
CREATE INDEX article_duplicate_of ON article(duplicate_of) WHERE duplicate_of IS NOT NULL;

-- As in 006, the topics found by the article's seq.
CREATE VIEW article_search_row (seq, id, title, excerpt, provider, topics, facets) AS
SELECT a.seq, a.id, a.title, a.excerpt, a.provider_name,
       COALESCE((SELECT group_concat(name, ' ') FROM (
           SELECT p.name FROM article_topic t JOIN topic p ON p.id = t.topic_id WHERE t.article_seq = a.seq ORDER BY t.position)), ''),
       'lpub' || a.published || ' ly' || substr(a.published_at, 1, 4) || ' lm' || substr(a.published_at, 1, 4) || substr(a.published_at, 6, 2)
           || ' ld' || substr(a.published_at, 1, 4) || substr(a.published_at, 6, 2) || substr(a.published_at, 9, 2) || COALESCE((SELECT ' ' || group_concat('ltopic' || t.topic_id, ' ') FROM article_topic t WHERE t.article_seq = a.seq), '')
FROM article a;

CREATE TRIGGER article_search_delete BEFORE DELETE ON article BEGIN
    INSERT INTO article_search (article_search, rowid, title, excerpt, provider, topics, facets)
    SELECT 'delete', seq, title, excerpt, provider, topics, facets FROM article_search_row WHERE seq = OLD.seq;
END;

CREATE TRIGGER article_search_topic_unname BEFORE UPDATE OF name ON topic WHEN OLD.name IS NOT NEW.name BEGIN
    INSERT INTO article_search (article_search, rowid, title, excerpt, provider, topics, facets)
    SELECT 'delete', seq, title, excerpt, provider, topics, facets FROM article_search_row
    WHERE seq IN (SELECT article_seq FROM article_topic WHERE topic_id = OLD.id);
END;

CREATE TRIGGER article_search_topic_rename AFTER UPDATE OF name ON topic WHEN OLD.name IS NOT NEW.name BEGIN
    INSERT INTO article_search (rowid, title, excerpt, provider, topics, facets)
    SELECT seq, title, excerpt, provider, topics, facets FROM article_search_row
    WHERE seq IN (SELECT article_seq FROM article_topic WHERE topic_id = NEW.id);
END;
