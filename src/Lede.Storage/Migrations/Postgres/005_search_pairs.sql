-- Phrases found by the index: the search index's copy of each article's vector (article_search, migration 004) also
-- holds every pair of lexemes at adjacent positions as one lexeme, ' first second' (a space before each: no word the
-- parser makes holds a space, so no query word can be one), without positions. A search rewrites a two-word phrase
-- 'a' <-> 'b' into ' a b' | (' nopairs' & 'a' <-> 'b') (PostgresPhrasePairs): exact, and an index lookup with no
-- position check. Before, every row holding both words had its stored vector read and its positions compared (~4,000
-- rows for a phrase of a common word within the newest 250,000 articles, ~25 ms of server CPU).
-- The pairs come from the stored positions, so they are exactly the adjacencies PostgreSQL's phrase search sees (stop
-- words keep their positions; positions past 16,383 are clamped, as the phrase test reads them). A pair longer than
-- 2,000 bytes is not made (the search never looks for one); a vector whose lexemes and pairs would pass 900,000 bytes
-- (the tsvector limit is 1 MB), or with a lexeme without positions, gets ' nopairs' instead, and its phrases are
-- checked by position as before. The article's own vector (article.search, which ranks) is unchanged, and ts_rank_cd
-- reads only the query's lexemes of the copy. `lede db check` compares each copy with lede_search_vector(article.search).
CREATE FUNCTION lede_search_vector(v tsvector) RETURNS tsvector LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT CASE
        WHEN EXISTS (SELECT 1 FROM unnest(v) AS u WHERE u.positions IS NULL)
          OR (SELECT COALESCE(sum(octet_length(u.lexeme)), 0) FROM unnest(v) AS u) + pairs.bytes > 900000
        THEN v || array_to_tsvector(ARRAY[' nopairs'])
        ELSE v || COALESCE(array_to_tsvector(pairs.lexemes), ''::tsvector)
    END
    FROM (
        SELECT array_agg(pair) AS lexemes, COALESCE(sum(octet_length(pair)), 0) AS bytes
        FROM (
            SELECT DISTINCT ' ' || a.lexeme || ' ' || b.lexeme AS pair
            FROM (SELECT u.lexeme, p FROM unnest(v) AS u, unnest(u.positions) AS p) AS a
            JOIN (SELECT u.lexeme, p FROM unnest(v) AS u, unnest(u.positions) AS p) AS b ON b.p = a.p + 1
            WHERE octet_length(a.lexeme) + octet_length(b.lexeme) <= 1998
        ) AS x
    ) AS pairs
$$;

DROP INDEX article_search_words;
UPDATE article_search SET search = lede_search_vector(search);
CREATE INDEX article_search_words ON article_search USING gin (search);
ANALYZE article_search;

CREATE OR REPLACE FUNCTION article_search_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM article_search_partitions(min(seq), max(seq)) FROM new_rows HAVING count(*) > 0;
    INSERT INTO article_search (seq, id, published_at, published, search)
        SELECT seq, id, published_at, published, lede_search_vector(search) FROM new_rows;
    RETURN NULL;
END $$;

-- Only rows whose copied fields changed are written again (most updates change a score or a story).
CREATE OR REPLACE FUNCTION article_search_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE article_search s SET id = n.id, published_at = n.published_at, published = n.published,
                                search = lede_search_vector(n.search)
    FROM new_rows n JOIN old_rows o ON o.seq = n.seq
    WHERE s.seq = n.seq AND (o.id <> n.id OR o.published_at <> n.published_at OR o.published <> n.published
                             OR o.search IS DISTINCT FROM n.search);
    RETURN NULL;
END $$;
