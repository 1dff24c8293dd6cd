-- A day rollup of the SOP steps (docs/regency.md "How the figures are
-- made"): the step drill-down (GET /api/v1/regency/offices/:id/steps) summed
-- every raw step row of its range, a parallel scan of all of regency_steps
-- for one office's year (1.7–2.7 s over 30 offices x a year: docs/benchmarks.md
-- "Step drill-down from a day rollup"). It now sums these rows instead,
-- the steps' twin of regency_day_services.

-- Per office, day, service and SOP step: exactly what the report adds up
-- over a range, so that a sum over days is the raw aggregate's answer:
-- n steps, their total time, the largest target among them, how many were
-- judged (a target known) and met, the time over target (0 where none),
-- and the sum of their step orders (the report's average order). Rewritten
-- with regency_day_services from the fact rows for every (office, day,
-- service) a chunk touched (apps/regency/src/reports/project.ts), in the
-- same transaction: a fact re-derived twice rewrites the row, never adds.
CREATE TABLE regency_day_steps (
  office_id   text NOT NULL,
  service_day text NOT NULL,
  service_id  text NOT NULL,
  step_id     text NOT NULL,
  n           integer NOT NULL,
  ms_sum      bigint NOT NULL,
  target_max  bigint,
  judged      integer NOT NULL,
  met         integer NOT NULL,
  over_ms     bigint NOT NULL,
  order_sum   bigint NOT NULL,
  -- Office first: the drill-down names one office and a day range.
  PRIMARY KEY (office_id, service_day, service_id, step_id)
);

-- Back-fill from the facts a central server already holds, by the same
-- aggregate the projection writes per chunk (project.ts rewriteRollups).
INSERT INTO regency_day_steps
SELECT office_id, service_day, service_id, step_id, count(*), sum(ms), max(target_ms), count(met), count(*) FILTER (WHERE met),
       coalesce(sum(greatest(ms - target_ms, 0)), 0), sum(step_order)
  FROM regency_steps
 GROUP BY 1, 2, 3, 4;
