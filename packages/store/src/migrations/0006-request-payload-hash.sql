-- A request id reused with a different payload must be refused, not answered
-- with the first command's result: keep what the first request carried.
-- NULL for answers recorded before this migration (treated as a plain retry).
ALTER TABLE requests ADD COLUMN payload_hash TEXT;
