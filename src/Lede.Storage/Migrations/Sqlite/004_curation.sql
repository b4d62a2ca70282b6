-- Story intelligence beside each article: what `lede explain` shows (topic scores, story, quality points, heat
-- parts, the publishing verdict) as JSON, and what editors did (action beside the published flag of 001).
ALTER TABLE article ADD COLUMN explain TEXT;
ALTER TABLE decision ADD COLUMN action TEXT CHECK (action IN ('publish', 'unpublish', 'reject'));
-- A story's heat is its articles' heat: kept once, with its parts, and read into every record of the story.
ALTER TABLE story ADD COLUMN heat_why TEXT;
CREATE INDEX article_duplicate_of ON article(duplicate_of) WHERE duplicate_of IS NOT NULL;
