-- Published-only searches find their rows in an index of the published articles alone: a partial GIN index on the
-- search index's copy (article_search, migration 004), on every partition, present and future (a partition attached
-- later gets it like the words' index). Without it, a search of published articles read a word's whole posting list in
-- each slice and tested every match's flag: about a quarter of the articles are published, so it read ~4 times the rows
-- it kept (1M articles, quiet machine: server CPU p99 19-23 ms, the slowest kind; with it 10-14 ms). A search's
-- filter is planned with its values (custom plans), so `NOT false OR published` becomes `published` and matches the
-- index's predicate. An editor's decision updates the copy's flag (the article trigger), which moves the row in or out.
CREATE INDEX article_search_published_words ON article_search USING gin (search) WHERE published;
ANALYZE article_search;
