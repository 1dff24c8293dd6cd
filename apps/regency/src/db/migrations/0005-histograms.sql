-- Mergeable histograms of the reported durations (docs/regency.md "How the
-- figures are made"): the league, drill-down and trend take their medians and
-- p90 from these instead of sorting every fact row of the range, which over
-- a regency's year was a minute (docs/benchmarks.md "Histograms").
--
-- Buckets are log-spaced with a relative width of 1 %: bucket b > 0 holds the
-- values in (g^(b-2), g^(b-1)] with g = 101/99, and it is read back as
-- 2 g^(b-1) / (g + 1), which is within 1 % of every value in it. The
-- nearest-rank value of a merged histogram lies in the bucket that is read
-- back, so a median or p90 is within 1 % of the exact one (plus half a
-- millisecond of rounding to whole ms). 0 is its own bucket (exact) and a
-- negative value the mirror image of its absolute value, so that bucket order
-- is value order. The bound holds for any merge: counts of equal buckets add.
CREATE FUNCTION regency_bucket(v bigint) RETURNS smallint
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN CASE
    WHEN v = 0 THEN 0
    WHEN v > 0 THEN (ceil(ln(v::float8) / ln(101.0::float8 / 99.0)) + 1)::smallint
    ELSE -(ceil(ln(-v::float8) / ln(101.0::float8 / 99.0)) + 1)::smallint
  END;

CREATE FUNCTION regency_bucket_ms(b smallint) RETURNS float8
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN CASE
    WHEN b = 0 THEN 0
    WHEN b > 0 THEN 2 * power(101.0::float8 / 99.0, b - 1) / (101.0::float8 / 99.0 + 1)
    ELSE -2 * power(101.0::float8 / 99.0, -b - 1) / (101.0::float8 / 99.0 + 1)
  END;

-- One row per office, day, service and measure (1 wait, 2 service time,
-- 3 an SOP step's time, step_id naming the step; '' for the other two):
-- the non-empty buckets in ascending order and their counts, as two arrays
-- of the same length. Rewritten with the day rollup from the fact rows
-- (apps/regency/src/reports/project.ts), in the same transaction.
CREATE TABLE regency_day_histograms (
  office_id   text NOT NULL,
  service_day text NOT NULL,
  service_id  text NOT NULL,
  measure     smallint NOT NULL CHECK (measure IN (1, 2, 3)),
  step_id     text NOT NULL,
  buckets     smallint[] NOT NULL,
  counts      integer[] NOT NULL,
  -- Day first: a report reads the days of a partly covered month for every
  -- office (the league); the projection always names the day too.
  PRIMARY KEY (service_day, office_id, service_id, measure, step_id),
  CHECK (cardinality(buckets) = cardinality(counts))
);

-- The same merged per calendar month ("YYYY-MM"), rewritten from the day
-- rows of the months a batch touched: a year's report reads twelve rows per
-- office, service and measure, and only the days of a partly covered month.
CREATE TABLE regency_month_histograms (
  office_id     text NOT NULL,
  service_month text NOT NULL,
  service_id    text NOT NULL,
  measure       smallint NOT NULL CHECK (measure IN (1, 2, 3)),
  step_id       text NOT NULL,
  buckets       smallint[] NOT NULL,
  counts        integer[] NOT NULL,
  PRIMARY KEY (office_id, service_month, service_id, measure, step_id),
  CHECK (cardinality(buckets) = cardinality(counts))
);

-- Back-fill from the facts a central server already holds, by the same
-- statements the projection runs per batch (project.ts rewriteHistograms).
INSERT INTO regency_day_histograms
SELECT office_id, service_day, service_id, measure, step_id, array_agg(b ORDER BY b), array_agg(n ORDER BY b)
  FROM (
    SELECT office_id, service_day, service_id, measure, step_id, b, count(*)::int4 AS n
      FROM (
        SELECT office_id, service_day, service_id, 1::int2 AS measure, ''::text AS step_id, regency_bucket(wait_ms) AS b
          FROM regency_segments WHERE wait_ms IS NOT NULL
        UNION ALL
        SELECT office_id, service_day, service_id, 2::int2, '', regency_bucket(service_ms)
          FROM regency_segments WHERE service_ms IS NOT NULL
        UNION ALL
        SELECT office_id, service_day, service_id, 3::int2, step_id, regency_bucket(ms) FROM regency_steps
      ) v
     GROUP BY 1, 2, 3, 4, 5, 6
  ) c
 GROUP BY 1, 2, 3, 4, 5;

INSERT INTO regency_month_histograms
SELECT office_id, m, service_id, measure, step_id, array_agg(b ORDER BY b), array_agg(n ORDER BY b)
  FROM (
    SELECT h.office_id, left(h.service_day, 7) AS m, h.service_id, h.measure, h.step_id, u.b, sum(u.n)::int4 AS n
      FROM regency_day_histograms h, unnest(h.buckets, h.counts) AS u (b, n)
     GROUP BY 1, 2, 3, 4, 5, 6
  ) c
 GROUP BY 1, 2, 3, 4, 5;
