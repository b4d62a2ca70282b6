-- Articles stored in import order (issue 6 item 8): the article table is keyed by its import position, so a batch of new
-- articles appends to the end of the table instead of dirtying a random page per article (the key was the article id,
-- a URL hash). `seq` becomes the rowid (INTEGER PRIMARY KEY) and `id` a unique index, still what every child row and
-- lookup refers to: the id index is small (16 bytes an entry) and stays in the page cache, where the ~5 KB rows did not.
-- The search index's rowid was seq already (005/006): its rows and the view it reads from stay the same, and a lookup
-- of an article by seq (snippets, ranking) is now a rowid lookup.
--
-- Lede applies this with foreign keys off (SqliteMigrator), so dropping the old table takes no child row with it; the
-- view and the triggers that name `article` are dropped first and made again, unchanged, once the new table has the name.

DROP TRIGGER IF EXISTS article_search_delete;
DROP TRIGGER IF EXISTS article_search_topic_unname;
DROP TRIGGER IF EXISTS article_search_topic_rename;
DROP VIEW IF EXISTS article_search_row;

CREATE TABLE article_new (
    id                  INTEGER NOT NULL UNIQUE,
    seq                 INTEGER PRIMARY KEY,      -- the order in which Lede first stored it
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

INSERT INTO article_new (id, seq, category, title, excerpt, published_at, original_url, web_url, amp_web_url, cdn_amp_web_url,
                         type, language, quality, heat, published, provider_domain, provider_name, story_id, source_id,
                         secured_ciphertext, secured_iv, secured_key_id, secured_mac, secured_verified, body, content_hash,
                         signature, duplicate_of, first_seen_at, updated_at, explain)
SELECT id, seq, category, title, excerpt, published_at, original_url, web_url, amp_web_url, cdn_amp_web_url,
       type, language, quality, heat, published, provider_domain, provider_name, story_id, source_id,
       secured_ciphertext, secured_iv, secured_key_id, secured_mac, secured_verified, body, content_hash,
       signature, duplicate_of, first_seen_at, updated_at, explain
FROM article ORDER BY seq;

DROP TABLE article;
ALTER TABLE article_new RENAME TO article;

CREATE INDEX article_published_at ON article(published_at, seq);
CREATE INDEX article_story ON article(story_id);
CREATE INDEX article_provider ON article(provider_domain);
CREATE INDEX article_duplicate_of ON article(duplicate_of) WHERE duplicate_of IS NOT NULL;

-- As in 006.
CREATE VIEW article_search_row (seq, id, title, excerpt, provider, topics, facets) AS
SELECT a.seq, a.id, a.title, a.excerpt, a.provider_name,
       COALESCE((SELECT group_concat(name, ' ') FROM (
           SELECT p.name FROM article_topic t JOIN topic p ON p.id = t.topic_id WHERE t.article_id = a.id ORDER BY t.position)), ''),
       'lpub' || a.published || ' ly' || substr(a.published_at, 1, 4) || ' lm' || substr(a.published_at, 1, 4) || substr(a.published_at, 6, 2)
           || ' ld' || substr(a.published_at, 1, 4) || substr(a.published_at, 6, 2) || substr(a.published_at, 9, 2) || COALESCE((SELECT ' ' || group_concat('ltopic' || t.topic_id, ' ') FROM article_topic t WHERE t.article_id = a.id), '')
FROM article a;

CREATE TRIGGER article_search_delete BEFORE DELETE ON article BEGIN
    INSERT INTO article_search (article_search, rowid, title, excerpt, provider, topics, facets)
    SELECT 'delete', seq, title, excerpt, provider, topics, facets FROM article_search_row WHERE id = OLD.id;
END;

CREATE TRIGGER article_search_topic_unname BEFORE UPDATE OF name ON topic WHEN OLD.name IS NOT NEW.name BEGIN
    INSERT INTO article_search (article_search, rowid, title, excerpt, provider, topics, facets)
    SELECT 'delete', seq, title, excerpt, provider, topics, facets FROM article_search_row
    WHERE id IN (SELECT article_id FROM article_topic WHERE topic_id = OLD.id);
END;

CREATE TRIGGER article_search_topic_rename AFTER UPDATE OF name ON topic WHEN OLD.name IS NOT NEW.name BEGIN
    INSERT INTO article_search (rowid, title, excerpt, provider, topics, facets)
    SELECT seq, title, excerpt, provider, topics, facets FROM article_search_row
    WHERE id IN (SELECT article_id FROM article_topic WHERE topic_id = NEW.id);
END;
