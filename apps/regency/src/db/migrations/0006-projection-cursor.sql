-- The projector's cursor per office (apps/regency/src/projector.ts): the
-- reports' tables include every event of the office up to (stream,
-- projected_seq) in (stream, seq) order, and none after. Ingest no longer
-- projects inside its transaction (docs/regency.md "Ingest and projection");
-- the projector advances the cursor in the same transaction as the facts it
-- writes, so a crash redoes at most the chunk it had not committed.
CREATE TABLE office_projection (
  office_id       text PRIMARY KEY REFERENCES offices (id),
  stream          integer NOT NULL CHECK (stream >= 0),
  projected_seq   bigint NOT NULL CHECK (projected_seq >= 0),
  -- The last projected event's own time (the hub's clock, epoch ms): what "current through" shows.
  projected_at_ms bigint,
  projected_at    timestamptz NOT NULL
);

-- Until now every acknowledged event was projected with its batch: each
-- office's facts are current through its last event.
INSERT INTO office_projection (office_id, stream, projected_seq, projected_at_ms, projected_at)
SELECT o.id, e.stream, e.seq, (extract(epoch FROM e.at) * 1000)::int8, now()
  FROM offices o
  CROSS JOIN LATERAL (
    SELECT stream, seq, at FROM office_events WHERE office_id = o.id ORDER BY stream DESC, seq DESC LIMIT 1
  ) e;

-- What each inserted event cost ingest beyond its row and key (docs/benchmarks.md
-- "Projection off the ingest"): the foreign key's per-row check of the stream
-- (ingest holds that very row locked FOR UPDATE while it inserts, and streams
-- are never deleted) and an index on (office, at) no query reads.
ALTER TABLE office_events DROP CONSTRAINT office_events_office_id_stream_fkey;
DROP INDEX office_events_office_at;
