-- A search in one statement: the walk down the stored order (migration 004's article_search, newest rows first, then
-- slices sized from how often the rows searched so far matched), the ranking and the hits' article rows, run on the
-- server by `lede_search`. The store sent 4-7 statements per search (its shape, the newest rows, each slice, the hits,
-- the snippets' words, a commit), each a round trip; now two (the function, the snippets' words), three with a phrase.
-- The tunables stay in the store (PostgresStore.Search.cs) and come as arguments; the settings of the search's old
-- transaction (custom plans, so the filters are planned with their values and a published-only search takes the
-- partial index of migration 006; no JIT; no parallel workers) are the function's own, and so is a random page cost
-- of 1.1 (the default 4 prices a page as if read from a spinning disk; a search's pages are in memory): planned so, the
-- walk's statements took ~25% less server CPU at the median for exclusions and phrases, ~10% for single words, the
-- slowest kinds unchanged (1M articles, 270 queries, four runs each, alternated; the same hits in all of them).
--
-- It returns a first row that describes the query (nodes 0: nothing searchable), then the hits, best first, in the order
-- the store ranked them (rank, the newest, the id). A query holding a phrase of adjacent words comes back with its
-- first row only, when no paired_match is given: the store rewrites its two-word phrases into the pair lexemes of
-- migration 005 (PostgresPhrasePairs; `unpaired` says whether some vector holds none) and calls again with that match.
CREATE OR REPLACE FUNCTION lede_search(search_text text, topic_name text, since timestamptz, published_only boolean, hits integer,
                            candidates integer, probe_rows bigint, slice_margin double precision, growth_when_none bigint,
                            compound_rows bigint, paired_match text)
RETURNS TABLE (id bigint, title text, excerpt text, web_url text, provider_name text, published_at timestamptz,
               published boolean, rank double precision, nodes integer, search_query text, search_match text,
               unpaired boolean)
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_custom_plan SET jit = off SET max_parallel_workers_per_gather = 0 SET random_page_cost = 1.1
AS $$
#variable_conflict use_column
DECLARE
    q tsquery := websearch_to_tsquery('english', search_text);
    m tsquery;
    topics bigint[];
    top_seq bigint;
    floor_seq bigint;
    start_seq bigint;
    bottom_seq bigint;
    searched bigint;
    found integer;
    ids bigint[] := '{}';
    times timestamptz[] := '{}';
    ranks double precision[] := '{}';
    more_ids bigint[];
    more_times timestamptz[];
    more_ranks double precision[];
BEGIN
    nodes := numnode(q);
    search_query := q::text;
    IF nodes = 0 THEN
        RETURN NEXT;
        RETURN;
    END IF;

    -- The query ANDed with the topic name's lexemes at weight C (the vector's part holding provider and topic names), so
    -- the index finds the topic's articles and the exact topic test runs on those only; a tsquery's text form is exact.
    -- A name of stop words only adds nothing.
    m := COALESCE(paired_match::tsquery, COALESCE(q && (
             SELECT string_agg('''' || replace(replace(v.lexeme, '\', '\\'), '''', '''''') || ''':C', ' & ')
             FROM unnest(to_tsvector('english', topic_name)) AS v)::tsquery, q));
    search_match := m::text;
    IF paired_match IS NULL AND strpos(search_match, '<->') > 0 THEN
        unpaired := EXISTS (SELECT 1 FROM article_search s WHERE s.search @@ ''' nopairs'''::tsquery);
        RETURN NEXT;
        RETURN;
    END IF;

    RETURN NEXT;
    IF topic_name IS NOT NULL THEN
        topics := ARRAY(SELECT t.id FROM topic t WHERE lower(t.name) = lower(topic_name));
    END IF;

    -- A compound search (several words, a phrase, an exclusion, a filter) stops at the newest compound_rows rows.
    -- Stored-order numbers start at 1: no walk goes below 0.
    top_seq := COALESCE((SELECT max(a.seq) FROM article a), 0) + 1;
    floor_seq := CASE WHEN nodes > 1 OR topic_name IS NOT NULL OR since IS NOT NULL OR published_only
                      THEN greatest(0, top_seq - compound_rows) ELSE 0 END;
    start_seq := top_seq;
    bottom_seq := greatest(floor_seq, top_seq - probe_rows);

    -- The newest rows, walked newest first down the stored order until enough match. The topic test looks up the
    -- topics of the rows the index found only (LIMIT 1 keeps the planner from hashing every article of the topic).
    SELECT array_agg(c.id), array_agg(c.published_at), array_agg(c.rank) INTO more_ids, more_times, more_ranks
    FROM (SELECT s.id, s.published_at, ts_rank_cd(s.search, q)::float8 AS rank FROM article_search s
          WHERE s.search @@ m AND s.seq >= bottom_seq AND s.seq < top_seq
            AND (since IS NULL OR s.published_at >= since)
            AND (NOT published_only OR s.published)
            AND (topics IS NULL OR (SELECT true FROM article_topic at
                                    WHERE at.article_id = s.id AND at.topic_id = ANY (topics) LIMIT 1))
          ORDER BY s.seq DESC
          LIMIT candidates) c;
    ids := ids || more_ids;
    times := times || more_times;
    ranks := ranks || more_ranks;
    found := cardinality(ids);
    top_seq := bottom_seq;

    -- Then slices further down, each sized from how often the rows searched so far matched, at least as long as all of
    -- them and at most growth_when_none times as long (a rate guessed from a match or two can be far too low). The
    -- hits never depend on the sizes: each slice keeps its newest matches still wanted, so the walk keeps the newest
    -- `candidates` matches above the floor whatever the slices. Materialized: planned without the LIMIT, a slice's
    -- matches come off a bitmap of the GIN index (and of the stored order), never from walking the slice row by row in
    -- search of matches that may be few.
    WHILE found < candidates AND top_seq > floor_seq LOOP
        searched := start_seq - top_seq;
        bottom_seq := greatest(floor_seq, top_seq - CASE WHEN found = 0 THEN growth_when_none * searched
            ELSE least(growth_when_none * searched,
                       greatest(searched, ceil(slice_margin * (candidates - found) * searched / found)::bigint)) END);
        SELECT array_agg(c.id), array_agg(c.published_at), array_agg(c.rank) INTO more_ids, more_times, more_ranks
        FROM (WITH matches AS MATERIALIZED (
                  SELECT s.seq, s.id, s.published_at, ts_rank_cd(s.search, q)::float8 AS rank FROM article_search s
                  WHERE s.search @@ m AND s.seq >= bottom_seq AND s.seq < top_seq
                    AND (since IS NULL OR s.published_at >= since)
                    AND (NOT published_only OR s.published)
                    AND (topics IS NULL OR (SELECT true FROM article_topic at
                                            WHERE at.article_id = s.id AND at.topic_id = ANY (topics) LIMIT 1)))
              SELECT * FROM matches ORDER BY matches.seq DESC LIMIT candidates - found) c;
        ids := ids || more_ids;
        times := times || more_times;
        ranks := ranks || more_ranks;
        found := cardinality(ids);
        top_seq := bottom_seq;
    END LOOP;

    -- The best, in PostgreSQL's order (rank, then the newest, then the id); only the hits' article rows are read.
    nodes := NULL;
    search_query := NULL;
    search_match := NULL;
    RETURN QUERY
        SELECT a.id, a.title, left(a.excerpt, 100000), a.web_url, a.provider_name, a.published_at, a.published, b.rank,
               NULL::integer, NULL::text, NULL::text, NULL::boolean
        FROM (SELECT u.id, u.at, u.rank FROM unnest(ids, times, ranks) AS u(id, at, rank)
              ORDER BY u.rank DESC, u.at DESC, u.id LIMIT hits) b
        JOIN article a ON a.id = b.id
        ORDER BY b.rank DESC, b.at DESC, b.id;
END $$;
