-- The fact tables' foreign keys go (docs/benchmarks.md "The regency"). The
-- projection (apps/regency/src/reports/project.ts) is their only writer: it
-- deletes a ticket's steps, segments and ticket row together and writes them
-- again in the same transaction, so the keys guarded nothing it does not
-- already keep, while their per-row triggers (a lookup per inserted step and
-- segment, a cascading delete per ticket and segment) were the largest single
-- cost of ingesting a batch. The primary keys stay: a fact is still written once.
ALTER TABLE regency_steps DROP CONSTRAINT regency_steps_office_id_ticket_id_segment_index_fkey;
ALTER TABLE regency_segments DROP CONSTRAINT regency_segments_office_id_ticket_id_fkey;
