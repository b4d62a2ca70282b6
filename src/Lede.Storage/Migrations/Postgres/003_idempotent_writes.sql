-- A transaction run again after its commit's answer was lost must not write twice (see PostgresStore.InTransactionAsync).
-- Each editor decision carries the key its call drew once: the retry's INSERT finds it and does nothing.
ALTER TABLE decision ADD COLUMN request_id uuid;
CREATE UNIQUE INDEX decision_request ON decision (request_id) WHERE request_id IS NOT NULL;

-- Each take of a named lease carries its call's key: taken again with the same key, the turn does not move twice.
ALTER TABLE work_lease ADD COLUMN token uuid;
