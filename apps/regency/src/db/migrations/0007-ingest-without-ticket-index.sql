-- Ingest's remaining per-event costs, and one office credential on two PCs
-- (docs/benchmarks.md "Ingest (session 24)", docs/regency.md "One hub per
-- office").

-- The projector finds a ticket's earlier events here instead of through the
-- expression index office_events_ticket (migration 0002), which ingest paid
-- for on every ticket event while only the projector read it. It writes these
-- rows itself, in the transaction that projects the events, so a crash
-- redoes them with the chunk; the chunk's own events it already holds.
CREATE TABLE regency_ticket_events (
  office_id text NOT NULL,
  ticket_id text NOT NULL,
  stream    integer NOT NULL,
  seq       bigint NOT NULL,
  PRIMARY KEY (office_id, ticket_id, stream, seq)
);

-- Every ticket event already held, projected or not: the projector's insert
-- of a chunk skips rows that are here (ON CONFLICT DO NOTHING).
INSERT INTO regency_ticket_events (office_id, ticket_id, stream, seq)
SELECT office_id, body ->> 'ticketId', stream, seq FROM office_events
 WHERE type LIKE 'ticket.%' AND body ->> 'ticketId' IS NOT NULL;

DROP INDEX office_events_ticket;

-- The hash of the event at last_seq in the stream's view (NULL at 0), moved
-- in the statement that inserts a batch: ingest compares a batch's prevHash
-- with it instead of reading the previous event back for every batch.
ALTER TABLE office_streams ADD COLUMN last_hash bytea;
UPDATE office_streams s SET last_hash = (
  SELECT e.hash FROM office_events e
   WHERE e.office_id = s.office_id AND e.seq = s.last_seq
     AND e.stream = (SELECT max(t.stream) FROM office_streams t
                      WHERE t.office_id = s.office_id AND t.stream <= s.stream AND t.base_seq < s.last_seq))
 WHERE s.last_seq > 0;

-- Which hub (a random id kept in its data folder) ships the stream, and when
-- it last did: a second PC with the same credential (a cloned disk, a second
-- install) is refused instead of mixing its seqs into the first's. NULL: a
-- stream shipped before this migration, adopted by the first hub that ships.
ALTER TABLE office_streams ADD COLUMN hub_instance text, ADD COLUMN hub_seen_at timestamptz;
