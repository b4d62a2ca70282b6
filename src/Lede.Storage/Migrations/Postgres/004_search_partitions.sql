-- The search index in slices of the stored order: a copy of each article's search vector (and of the two fields a search
-- filters on besides topics, so a search reads no article row until it ranks) in `article_search`, a table
-- partitioned by `seq` range (100,000 per partition), each partition with its own GIN index. A search walks the newest
-- articles first; one GIN index over every article made it read a common word's whole posting list (~5-20 ms at 1M)
-- to find its newest 200 matches. Now it reads the posting lists of the partitions it walks only.
-- Statement triggers on `article` keep the copy in step in the writer's transaction, creating partitions as `seq`
-- reaches them; `lede db check` reports an article whose copy is missing or differs (kind `search`).
DROP INDEX article_search;

CREATE TABLE article_search (
    seq           bigint PRIMARY KEY,
    id            bigint NOT NULL,
    published_at  timestamptz NOT NULL,
    published     boolean NOT NULL,
    search        tsvector NOT NULL
) PARTITION BY RANGE (seq);

-- Creates the partitions holding first_seq..last_seq that are missing. A partition is created alone, then attached:
-- attaching locks the parent against other attaches only (SHARE UPDATE EXCLUSIVE), never against searches or writes.
-- The lock is taken before looking again, so two writers reaching a new partition at once create it once.
CREATE FUNCTION article_search_partitions(first_seq bigint, last_seq bigint) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    size constant bigint := 100000;
    part text;
BEGIN
    FOR bucket IN first_seq / size .. last_seq / size LOOP
        part := 'article_search_' || bucket;
        IF to_regclass(part) IS NULL THEN
            LOCK TABLE article_search IN SHARE UPDATE EXCLUSIVE MODE;
            IF to_regclass(part) IS NULL THEN
                EXECUTE format('CREATE TABLE %I (LIKE article_search INCLUDING DEFAULTS)', part);
                EXECUTE format('ALTER TABLE article_search ATTACH PARTITION %I FOR VALUES FROM (%s) TO (%s)',
                               part, bucket * size, (bucket + 1) * size);
            END IF;
        END IF;
    END LOOP;
END $$;

SELECT article_search_partitions(min(seq), max(seq)) FROM article HAVING count(*) > 0;
INSERT INTO article_search (seq, id, published_at, published, search) SELECT seq, id, published_at, published, search FROM article;
CREATE INDEX article_search_words ON article_search USING gin (search);
ANALYZE article_search;

CREATE FUNCTION article_search_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM article_search_partitions(min(seq), max(seq)) FROM new_rows HAVING count(*) > 0;
    INSERT INTO article_search (seq, id, published_at, published, search)
        SELECT seq, id, published_at, published, search FROM new_rows;
    RETURN NULL;
END $$;

-- Only rows whose copied fields changed are written again (most updates change a score or a story).
CREATE FUNCTION article_search_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE article_search s SET id = n.id, published_at = n.published_at, published = n.published, search = n.search
    FROM new_rows n JOIN old_rows o ON o.seq = n.seq
    WHERE s.seq = n.seq AND (o.id <> n.id OR o.published_at <> n.published_at OR o.published <> n.published
                             OR o.search IS DISTINCT FROM n.search);
    RETURN NULL;
END $$;

CREATE FUNCTION article_search_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM article_search s USING old_rows o WHERE s.seq = o.seq;
    RETURN NULL;
END $$;

CREATE TRIGGER article_search_inserted AFTER INSERT ON article
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION article_search_inserted();
CREATE TRIGGER article_search_updated AFTER UPDATE ON article
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION article_search_updated();
CREATE TRIGGER article_search_deleted AFTER DELETE ON article
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION article_search_deleted();
