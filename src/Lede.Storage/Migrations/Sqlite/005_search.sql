-- Full-text search over the articles' public fields only: title, excerpt, provider name and topic names. The sealed
-- full text is never indexed (it stays encrypted at rest). The index holds its own copy of what it shows in snippets.
--
-- The index's rowid is the article's seq (the order Lede stored it), so a walk down the rowids meets the newest first.
-- `facets` holds tokens no user word can reach (queries name the other columns): `ltopic<id>` for each topic,
-- `lpub0`/`lpub1` for the published flag, and the publication year, month and day (`ly2026 lm202611 ld20261124`), so
-- that the topic, published and since filters are part of the FTS match: a rare filter narrows the index walk instead
-- of a scan over ranked rows. Its bm25 weight is 0.
CREATE VIRTUAL TABLE article_search USING fts5(
    title, excerpt, provider, topics, facets,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO article_search (article_search, rank) VALUES ('rank', 'bm25(10.0, 3.0, 2.0, 2.0, 0.0)');

-- What the index must hold for each article; the triggers and `lede db check` both read it.
CREATE VIEW article_search_row (seq, id, title, excerpt, provider, topics, facets) AS
SELECT a.seq, a.id, a.title, a.excerpt, a.provider_name,
       COALESCE((SELECT group_concat(name, ' ') FROM (
           SELECT p.name FROM article_topic t JOIN topic p ON p.id = t.topic_id WHERE t.article_id = a.id ORDER BY t.position)), ''),
       'lpub' || a.published || ' ly' || substr(a.published_at, 1, 4) || ' lm' || substr(a.published_at, 1, 4) || substr(a.published_at, 6, 2)
           || ' ld' || substr(a.published_at, 1, 4) || substr(a.published_at, 6, 2) || substr(a.published_at, 9, 2) || COALESCE((SELECT ' ' || group_concat('ltopic' || t.topic_id, ' ') FROM article_topic t WHERE t.article_id = a.id), '')
FROM article a;

-- The index row is written inside the writing transaction, so it is never out of step with a committed article. The
-- store's code writes it once per saved article, after the article's topics are in, and after a decision
-- (SqliteStore.IndexForSearch), rather than triggers on article and article_topic: a trigger is compiled into every
-- statement that may fire it, and Microsoft.Data.Sqlite prepares statements afresh, so triggers on the hot insert path
-- cost more than the indexing itself. The triggers below cover the rarer writers: deleted articles, renamed topics.
CREATE TRIGGER article_search_delete AFTER DELETE ON article BEGIN
    DELETE FROM article_search WHERE rowid = OLD.seq;
END;

-- A renamed topic changes the text of every article that carries it.
CREATE TRIGGER article_search_topic_rename AFTER UPDATE OF name ON topic WHEN OLD.name IS NOT NEW.name BEGIN
    DELETE FROM article_search WHERE rowid IN (SELECT a.seq FROM article a JOIN article_topic t ON t.article_id = a.id WHERE t.topic_id = NEW.id);
    INSERT INTO article_search (rowid, title, excerpt, provider, topics, facets)
    SELECT seq, title, excerpt, provider, topics, facets FROM article_search_row
    WHERE id IN (SELECT article_id FROM article_topic WHERE topic_id = NEW.id);
END;

INSERT INTO article_search (rowid, title, excerpt, provider, topics, facets)
SELECT seq, title, excerpt, provider, topics, facets FROM article_search_row;
