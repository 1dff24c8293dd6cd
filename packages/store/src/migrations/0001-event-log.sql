-- The append-only event log (the truth) and the idempotency ledger.
-- Read models are derived from `events` and can be rebuilt from it at any time;
-- `events` itself is never rewritten.

CREATE TABLE events (
  -- Global sequence. A rowid alias, so SQLite hands out max+1; rows are never
  -- deleted (see the triggers below), so a seq is never reused.
  seq        INTEGER PRIMARY KEY,
  type       TEXT    NOT NULL,
  -- Hub time, epoch ms.
  at         INTEGER NOT NULL,
  -- Copies of the event's ticketId / counterId, for lookups; the payload holds them too.
  ticket_id  TEXT,
  counter_id TEXT,
  -- The event's fields other than type and at, as JSON.
  payload    TEXT    NOT NULL CHECK (json_valid(payload))
) STRICT;

-- Start-up replay begins at "the first event of today": find it without a scan.
CREATE INDEX events_at ON events (at);
-- A ticket's history (status page, audits, replay start-point).
CREATE INDEX events_ticket ON events (ticket_id) WHERE ticket_id IS NOT NULL;

-- Acknowledged history must not change: a bug or a hand-typed query that tries gets an error.
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN
  SELECT RAISE(ABORT, 'events are append-only');
END;

CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN
  SELECT RAISE(ABORT, 'events are append-only');
END;

-- A retried command (same client request id) gets the first answer, also after a restart.
CREATE TABLE requests (
  request_id TEXT    PRIMARY KEY,
  namespace  TEXT    NOT NULL,
  response   TEXT    NOT NULL CHECK (json_valid(response)),
  at         INTEGER NOT NULL
) STRICT;

-- For pruning old answers.
CREATE INDEX requests_at ON requests (at);
