-- Storage per ticket (issue 13): the ledger keeps answers only as long as a
-- retry can arrive, and remembers the ids it forgot.
--
-- An answer older than the window (store.ts REQUEST_ANSWER_KEEP_MS) is
-- deleted by the hub at each service-day change; what stays is 8 bytes of the
-- SHA-256 of the request key, so a retry that late is answered
-- REQUEST_EXPIRED instead of being run again (a second ticket). A random
-- 64-bit key: two of an office's ~10 million requests a year collide with a
-- chance of about 1 in 300,000 per year, and a collision only makes a new
-- request answer REQUEST_EXPIRED (the client makes a new id and sends again).
CREATE TABLE request_tombstones (
  key_hash INTEGER PRIMARY KEY
) STRICT;
