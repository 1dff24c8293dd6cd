-- Telling citizens outside the hall (apps/hub/src/notify/). Depends on no
-- other table: it applies in any order with 0017 and 0018. Nothing here is
-- personal data beyond a browser's push address, and the hub deletes that
-- when the ticket ends and at the end of its service day.

-- A browser's Web Push subscription for one ticket (RFC 8030 endpoint, RFC 8291 keys).
CREATE TABLE notify_subscriptions (
  id          INTEGER PRIMARY KEY,
  ticket_id   TEXT    NOT NULL,
  service_day TEXT    NOT NULL,
  endpoint    TEXT    NOT NULL,
  p256dh      TEXT    NOT NULL,
  auth        TEXT    NOT NULL,
  -- Told once when the people ahead first drop to this many or fewer.
  ahead       INTEGER NOT NULL,
  ahead_sent  INTEGER NOT NULL DEFAULT 0,
  created_at  INTEGER NOT NULL,
  UNIQUE (ticket_id, endpoint)
) STRICT;

CREATE INDEX notify_subscriptions_day ON notify_subscriptions (service_day);

-- The webhook's durable outbox: a row is written before the first attempt and
-- deleted once the gateway answered 2xx; after the last retry it stays as a
-- dead letter (dead_at set) for the manager to read.
CREATE TABLE notify_outbox (
  id          INTEGER PRIMARY KEY,
  created_at  INTEGER NOT NULL,
  service_day TEXT    NOT NULL,
  moment      TEXT    NOT NULL,
  body        TEXT    NOT NULL,
  attempts    INTEGER NOT NULL DEFAULT 0,
  next_at     INTEGER NOT NULL,
  last_error  TEXT,
  dead_at     INTEGER
) STRICT;

CREATE INDEX notify_outbox_due ON notify_outbox (next_at) WHERE dead_at IS NULL;
CREATE INDEX notify_outbox_dead ON notify_outbox (dead_at) WHERE dead_at IS NOT NULL;

-- Tickets the webhook was already told "ahead" about: once per ticket, across restarts.
CREATE TABLE notify_webhook_marks (
  ticket_id   TEXT NOT NULL PRIMARY KEY,
  service_day TEXT NOT NULL
) STRICT, WITHOUT ROWID;
