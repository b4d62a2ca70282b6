-- What the crawl scheduler keeps per source beyond 001: the learned interval and why a source was disabled.
ALTER TABLE source ADD COLUMN interval_seconds INTEGER NOT NULL DEFAULT 3600 CHECK (interval_seconds > 0);
ALTER TABLE source ADD COLUMN disabled_reason TEXT;
CREATE INDEX source_due ON source(next_due_at) WHERE disabled_at IS NULL;
