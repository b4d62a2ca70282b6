-- Leaner article writes (issue 6 item 8): fewer b-trees and bytes per stored article, the same answers.
--
-- 1. The search index keeps no copy of the text it indexes. It reads the text from the view article_search_row (FTS5
--    external content): the article row and its topics are the one copy, snippets are made from them for the returned
--    rows only. An external-content index is told explicitly what it held before a change ('delete' with the old
--    values): the store's code does so before it rewrites an indexed article, and the triggers below for the rarer
--    writers (a deleted article, a renamed topic). `lede db check` runs FTS5's integrity-check against the view.
-- 2. The small child rows keyed by (article_id, position) live in their primary key (WITHOUT ROWID): one b-tree per
--    row instead of a rowid table plus its primary-key index.

DROP TRIGGER IF EXISTS article_search_delete;
DROP TRIGGER IF EXISTS article_search_topic_rename;
DROP VIEW IF EXISTS article_search_row;
DROP TABLE IF EXISTS article_search;

CREATE TABLE article_topic_new (
    article_id  INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    topic_id    INTEGER NOT NULL REFERENCES topic(id),
    score       REAL,
    why         TEXT,
    PRIMARY KEY (article_id, position)
) WITHOUT ROWID;
INSERT INTO article_topic_new (article_id, position, topic_id, score, why)
SELECT article_id, position, topic_id, score, why FROM article_topic;
DROP TABLE article_topic;
ALTER TABLE article_topic_new RENAME TO article_topic;
CREATE INDEX article_topic_topic ON article_topic(topic_id);

CREATE TABLE article_image_new (
    article_id  INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    url         TEXT NOT NULL,
    width       INTEGER,
    height      INTEGER,
    is_cached   INTEGER NOT NULL CHECK (is_cached IN (0, 1)),
    PRIMARY KEY (article_id, position)
) WITHOUT ROWID;
INSERT INTO article_image_new (article_id, position, url, width, height, is_cached)
SELECT article_id, position, url, width, height, is_cached FROM article_image;
DROP TABLE article_image;
ALTER TABLE article_image_new RENAME TO article_image;

CREATE TABLE related_snapshot_image_new (
    article_id          INTEGER NOT NULL,
    related_position    INTEGER NOT NULL,
    position            INTEGER NOT NULL,
    url                 TEXT NOT NULL,
    width               INTEGER,
    height              INTEGER,
    is_cached           INTEGER NOT NULL CHECK (is_cached IN (0, 1)),
    PRIMARY KEY (article_id, related_position, position),
    FOREIGN KEY (article_id, related_position) REFERENCES related_snapshot(article_id, position) ON DELETE CASCADE
) WITHOUT ROWID;
INSERT INTO related_snapshot_image_new (article_id, related_position, position, url, width, height, is_cached)
SELECT article_id, related_position, position, url, width, height, is_cached FROM related_snapshot_image;
DROP TABLE related_snapshot_image;
ALTER TABLE related_snapshot_image_new RENAME TO related_snapshot_image;

-- What the index holds for each article, as in 005; the index reads its text from here.
CREATE VIEW article_search_row (seq, id, title, excerpt, provider, topics, facets) AS
SELECT a.seq, a.id, a.title, a.excerpt, a.provider_name,
       COALESCE((SELECT group_concat(name, ' ') FROM (
           SELECT p.name FROM article_topic t JOIN topic p ON p.id = t.topic_id WHERE t.article_id = a.id ORDER BY t.position)), ''),
       'lpub' || a.published || ' ly' || substr(a.published_at, 1, 4) || ' lm' || substr(a.published_at, 1, 4) || substr(a.published_at, 6, 2)
           || ' ld' || substr(a.published_at, 1, 4) || substr(a.published_at, 6, 2) || substr(a.published_at, 9, 2) || COALESCE((SELECT ' ' || group_concat('ltopic' || t.topic_id, ' ') FROM article_topic t WHERE t.article_id = a.id), '')
FROM article a;

CREATE VIRTUAL TABLE article_search USING fts5(
    title, excerpt, provider, topics, facets,
    content = 'article_search_row', content_rowid = 'seq',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO article_search (article_search, rank) VALUES ('rank', 'bm25(10.0, 3.0, 2.0, 2.0, 0.0)');

-- BEFORE: the old values are still in the view (the article's topics go with it, by cascade, once it is deleted).
CREATE TRIGGER article_search_delete BEFORE DELETE ON article BEGIN
    INSERT INTO article_search (article_search, rowid, title, excerpt, provider, topics, facets)
    SELECT 'delete', seq, title, excerpt, provider, topics, facets FROM article_search_row WHERE id = OLD.id;
END;

-- A renamed topic changes the text of every article that carries it: out with the old name, in with the new.
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

INSERT INTO article_search (article_search) VALUES ('rebuild');
