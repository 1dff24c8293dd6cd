-- Read models: derived from `events` in the same transaction as each append, and
-- rebuilt from it by rebuildReadModels(). Safe to drop; never the truth.

-- One row per ticket, describing its current service segment.
CREATE TABLE tickets (
  id                TEXT    PRIMARY KEY,
  number            TEXT    NOT NULL,
  service_day       TEXT    NOT NULL,
  issued_service_id TEXT    NOT NULL,
  -- The service the ticket is in now (differs from issued_service_id after a transfer).
  service_id        TEXT    NOT NULL,
  priority          TEXT,
  status            TEXT    NOT NULL
                    CHECK (status IN ('waiting', 'called', 'serving', 'done', 'no_show', 'cancelled')),
  issued_at         INTEGER NOT NULL,
  issued_seq        INTEGER NOT NULL,
  kiosk_id          TEXT,
  -- Current segment: 0 at issue, +1 per transfer or reinstatement.
  segment_index     INTEGER NOT NULL,
  enqueued_at       INTEGER NOT NULL,
  counter_id        TEXT,
  officer_id        TEXT,
  -- First call of the current segment (the end of the wait); last_called_at moves with recalls.
  called_at         INTEGER,
  last_called_at    INTEGER,
  started_at        INTEGER,
  ended_at          INTEGER,
  outcome           TEXT,
  cancel_reason     TEXT,
  recalls           INTEGER NOT NULL,
  no_show_at        INTEGER,
  updated_seq       INTEGER NOT NULL
) STRICT;

CREATE INDEX tickets_day_number ON tickets (service_day, number);
-- openTicketsFirstSeq(): tiny, because only unfinished tickets are in it.
CREATE INDEX tickets_open_issued_seq ON tickets (issued_seq)
  WHERE status IN ('waiting', 'called', 'serving');

-- A row appears with a counter's first event.
CREATE TABLE counters (
  id                TEXT    PRIMARY KEY,
  status            TEXT    NOT NULL CHECK (status IN ('open', 'paused', 'closed')),
  officer_id        TEXT,
  current_ticket_id TEXT    REFERENCES tickets (id),
  since             INTEGER,
  updated_seq       INTEGER NOT NULL
) STRICT;

-- One row per finished service segment: completed, no-show, transferred or cancelled.
-- Targets are the ones copied into the event, so config edits never rewrite history.
CREATE TABLE service_log (
  ticket_id         TEXT    NOT NULL REFERENCES tickets (id),
  segment_index     INTEGER NOT NULL,
  ticket_number     TEXT    NOT NULL,
  service_day       TEXT    NOT NULL,
  service_id        TEXT    NOT NULL,
  priority          TEXT,
  counter_id        TEXT,
  officer_id        TEXT,
  issued_at         INTEGER NOT NULL,
  enqueued_at       INTEGER NOT NULL,
  called_at         INTEGER,
  started_at        INTEGER,
  ended_at          INTEGER NOT NULL,
  -- selesai | berkas_tidak_lengkap | dirujuk | transferred | no_show | cancelled
  outcome           TEXT    NOT NULL,
  cancel_reason     TEXT,
  wait_ms           INTEGER,
  service_ms        INTEGER,
  -- Null for cancelled segments: a cancellation carries no measurement.
  wait_target_ms    INTEGER,
  service_target_ms INTEGER,
  wait_met          INTEGER CHECK (wait_met IN (0, 1)),
  service_met       INTEGER CHECK (service_met IN (0, 1)),
  recalls           INTEGER NOT NULL,
  ended_seq         INTEGER NOT NULL,
  PRIMARY KEY (ticket_id, segment_index)
) STRICT;

-- Dashboard reports over up to a year: by day, then by service / counter / officer.
CREATE INDEX service_log_day ON service_log (service_day);
CREATE INDEX service_log_service_day ON service_log (service_id, service_day);
CREATE INDEX service_log_counter_day ON service_log (counter_id, service_day);
CREATE INDEX service_log_officer_day ON service_log (officer_id, service_day);

-- Ticked SOP steps of measured segments (completed, no-show, transferred).
CREATE TABLE step_log (
  ticket_id     TEXT    NOT NULL,
  segment_index INTEGER NOT NULL,
  step_id       TEXT    NOT NULL,
  -- Position in the order the officer ticked them.
  step_order    INTEGER NOT NULL,
  service_day   TEXT    NOT NULL,
  service_id    TEXT    NOT NULL,
  ms            INTEGER NOT NULL,
  target_ms     INTEGER,
  met           INTEGER CHECK (met IN (0, 1)),
  PRIMARY KEY (ticket_id, segment_index, step_id),
  FOREIGN KEY (ticket_id, segment_index) REFERENCES service_log (ticket_id, segment_index)
) STRICT;

CREATE INDEX step_log_service_day ON step_log (service_id, service_day);
