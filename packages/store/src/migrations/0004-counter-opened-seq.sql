-- Where the current open (or paused) stretch of each counter began: the
-- counter.opened that set its officer. A start-up replay reaches back to it;
-- without it a counter left open overnight came back "closed" with a ticket
-- still in hand. Null while closed.

ALTER TABLE counters ADD COLUMN opened_seq INTEGER;

UPDATE counters
SET opened_seq = coalesce(
  (SELECT max(seq) FROM events WHERE counter_id = counters.id AND type = 'counter.opened'),
  (SELECT max(seq) FROM events WHERE counter_id = counters.id AND type = 'counter.paused')
)
WHERE status <> 'closed';
