-- Grows a PostgreSQL search benchmark database of N generated articles (`store search N --db …`) to 10 N without
-- going through the store: nine copies of every article, each copy later in time (one article every 30 s goes on
-- unbroken) under a new id and URL, with its topics. Copies hold no story, images or related coverage (search reads
-- none of them), so the database is smaller than one built article by article. Build the 100,000 once, then:
--   createdb -T lede_bench_100k lede_bench_1m && psql -d lede_bench_1m -v n=100000 -f postgres-grow-tenfold.sql
-- The search vector is the table's generated column, computed anew for each copy; the GIN index is built once at the end
-- (from migration 004 on, the partitioned `article_search`'s, whose rows the article triggers copy; from 005 on with
-- their pair lexemes).
\set ON_ERROR_STOP on
SELECT to_regclass('article_search_words') IS NOT NULL AS partitioned \gset
BEGIN;
\if :partitioned
DROP INDEX article_search_words;
\else
DROP INDEX article_search;
\endif
INSERT INTO article (id, category, title, excerpt, published_at, original_url, web_url, amp_web_url, cdn_amp_web_url, type,
                     language, quality, heat, published, provider_domain, provider_name, secured_ciphertext, secured_iv,
                     secured_key_id, secured_mac, secured_verified, body, content_hash, signature, explain, first_seen_at,
                     updated_at, search_topics)
SELECT a.id # (k::bigint << 52), a.category, a.title, a.excerpt, a.published_at + make_interval(secs => k * :n * 30),
       a.original_url || '?copy=' || k, a.web_url || '?copy=' || k, a.amp_web_url, a.cdn_amp_web_url, a.type, a.language,
       a.quality, a.heat, a.published, a.provider_domain, a.provider_name, a.secured_ciphertext, a.secured_iv,
       a.secured_key_id, a.secured_mac, a.secured_verified, a.body, a.content_hash, a.signature, a.explain,
       a.first_seen_at, a.updated_at, a.search_topics
FROM generate_series(1, 9) AS k CROSS JOIN article a
WHERE a.seq <= :n
ORDER BY k, a.seq;
INSERT INTO article_topic (article_id, position, topic_id, score, why)
SELECT t.article_id # (k::bigint << 52), t.position, t.topic_id, t.score, t.why
FROM generate_series(1, 9) AS k CROSS JOIN article_topic t JOIN article a ON a.id = t.article_id AND a.seq <= :n;
\if :partitioned
CREATE INDEX article_search_words ON article_search USING gin (search);
\else
CREATE INDEX article_search ON article USING gin (search);
\endif
COMMIT;
VACUUM ANALYZE article;
VACUUM ANALYZE article_topic;
\if :partitioned
VACUUM ANALYZE article_search;
\endif
