-- Central reports (docs/regency.md "Reports"): the office hubs' report facts,
-- derived from office_events at ingest in the same transaction as the events
-- (apps/regency/src/reports/project.ts), and day rollups over them.

-- A ticket's events are what its facts are derived from: found by ticket id.
CREATE INDEX office_events_ticket ON office_events (office_id, (body ->> 'ticketId'), stream, seq)
  WHERE type LIKE 'ticket.%';

-- One row per ticket the office issued (the hub's report_issued counts these).
CREATE TABLE regency_tickets (
  office_id         text NOT NULL REFERENCES offices (id),
  ticket_id         text NOT NULL,
  -- Office-local service day, "YYYY-MM-DD", as the hub's reports select on.
  service_day       text NOT NULL,
  issued_service_id text NOT NULL,
  priority          text,
  issued_at_ms      bigint NOT NULL,
  PRIMARY KEY (office_id, ticket_id)
);

-- One row per ended queue segment: the hub's service_log, with the office.
-- Keyed by the segment, not by the event that ended it: a restored office's
-- later stream that ends the same segment again replaces the row.
CREATE TABLE regency_segments (
  office_id         text NOT NULL,
  ticket_id         text NOT NULL,
  segment_index     integer NOT NULL,
  service_day       text NOT NULL,
  service_id        text NOT NULL,
  priority          text,
  counter_id        text,
  officer_id        text,
  enqueued_at_ms    bigint NOT NULL,
  ended_at_ms       bigint NOT NULL,
  outcome           text NOT NULL,
  wait_ms           bigint,
  service_ms        bigint,
  wait_target_ms    bigint,
  service_target_ms bigint,
  wait_met          boolean,
  service_met       boolean,
  recalls           integer NOT NULL,
  -- The event that ended it, for tracing a figure back to the log.
  ended_stream      integer NOT NULL,
  ended_seq         bigint NOT NULL,
  PRIMARY KEY (office_id, ticket_id, segment_index),
  FOREIGN KEY (office_id, ticket_id) REFERENCES regency_tickets (office_id, ticket_id) ON DELETE CASCADE
);
CREATE INDEX regency_segments_day ON regency_segments (office_id, service_day, service_id);

-- One row per ticked SOP step of a measured segment: the hub's step_log.
CREATE TABLE regency_steps (
  office_id     text NOT NULL,
  ticket_id     text NOT NULL,
  segment_index integer NOT NULL,
  step_order    integer NOT NULL,
  step_id       text NOT NULL,
  service_day   text NOT NULL,
  service_id    text NOT NULL,
  ms            bigint NOT NULL,
  target_ms     bigint,
  met           boolean,
  PRIMARY KEY (office_id, ticket_id, segment_index, step_order),
  FOREIGN KEY (office_id, ticket_id, segment_index) REFERENCES regency_segments (office_id, ticket_id, segment_index) ON DELETE CASCADE
);
CREATE INDEX regency_steps_day ON regency_steps (office_id, service_day, service_id);

-- Per office, day and service: what the league table and the trend sum.
-- Rewritten from the fact rows for every (office, day, service) a batch
-- touched, so it is always the facts' sum, whatever order batches came in.
CREATE TABLE regency_day_services (
  office_id          text NOT NULL REFERENCES offices (id),
  service_day        text NOT NULL,
  service_id         text NOT NULL,
  issued             integer NOT NULL,
  segments           integer NOT NULL,
  selesai            integer NOT NULL,
  berkas_tidak_lengkap integer NOT NULL,
  dirujuk            integer NOT NULL,
  transferred        integer NOT NULL,
  no_show            integer NOT NULL,
  cancelled          integer NOT NULL,
  wait_n             integer NOT NULL,
  wait_sum           bigint NOT NULL,
  wait_judged        integer NOT NULL,
  wait_met           integer NOT NULL,
  service_n          integer NOT NULL,
  service_sum        bigint NOT NULL,
  service_judged     integer NOT NULL,
  service_met        integer NOT NULL,
  wait_target_min    bigint,
  wait_target_max    bigint,
  service_target_min bigint,
  service_target_max bigint,
  PRIMARY KEY (office_id, service_day, service_id)
);

-- Who may read the reports. A viewer token is "<id>.<secret>" like an
-- office credential (only the secret's SHA-256 is kept). `kind` leaves room
-- for the dashboard's own user logins (kind 'user' with a password hash in
-- their own table keyed by this id), which come next.
CREATE TABLE regency_viewers (
  id          text PRIMARY KEY,
  kind        text NOT NULL DEFAULT 'token' CHECK (kind IN ('token', 'user')),
  name        text NOT NULL,
  -- NULL: every office; otherwise this office only.
  office_id   text REFERENCES offices (id),
  secret_hash bytea,
  created_at  timestamptz NOT NULL,
  revoked_at  timestamptz,
  CHECK (kind <> 'token' OR secret_hash IS NOT NULL)
);

-- Which projection version the fact tables were built with; `pnpm regency
-- serve` rebuilds them from office_events when it is behind (an upgrade, or
-- events ingested before this migration).
CREATE TABLE regency_projection (
  version integer NOT NULL
);

-- SKM answers (survey.submitted), one row per response: the nine unsur
-- scores the IKM is computed from (PermenPANRB 14/2017, @layan/core ikmOf).
-- Keyed by the response: a restored stream re-telling it replaces it.
CREATE TABLE regency_surveys (
  office_id   text NOT NULL REFERENCES offices (id),
  response_id text NOT NULL,
  service_day text NOT NULL,
  service_id  text NOT NULL,
  persyaratan smallint NOT NULL,
  prosedur    smallint NOT NULL,
  waktu       smallint NOT NULL,
  biaya       smallint NOT NULL,
  produk      smallint NOT NULL,
  kompetensi  smallint NOT NULL,
  perilaku    smallint NOT NULL,
  sarana      smallint NOT NULL,
  pengaduan   smallint NOT NULL,
  PRIMARY KEY (office_id, response_id)
);
CREATE INDEX regency_surveys_day ON regency_surveys (office_id, service_day);

-- Complaints' life cycle without their text (which never leaves the office).
CREATE TABLE regency_complaints (
  office_id         text NOT NULL REFERENCES offices (id),
  complaint_id      text NOT NULL,
  filed_day         text NOT NULL,
  service_id        text,
  category          text NOT NULL,
  filed_at_ms       bigint NOT NULL,
  due_at_ms         bigint NOT NULL,
  first_response_ms bigint,
  closed_at_ms      bigint,
  PRIMARY KEY (office_id, complaint_id)
);
CREATE INDEX regency_complaints_day ON regency_complaints (office_id, filed_day);
