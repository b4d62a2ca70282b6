-- Every URL an article is known by (the link as its feed gave it, the canonical URL, the AMP URL), so that a crawl
-- recognises an item before it fetches the item's page again, whatever URL the feed uses for it.
CREATE TABLE article_url (
    url         TEXT PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX article_url_article ON article_url(article_id);
INSERT OR IGNORE INTO article_url (url, article_id) SELECT web_url, id FROM article;
INSERT OR IGNORE INTO article_url (url, article_id) SELECT original_url, id FROM article;
INSERT OR IGNORE INTO article_url (url, article_id) SELECT amp_web_url, id FROM article WHERE amp_web_url IS NOT NULL;
