-- Booked visits (docs/booking.md). `bookings` is a read model of the
-- booking.* events, written in the same transaction as them
-- (read-models/bookings.ts) and derived again by a rebuild: the live queue
-- replays only today, so the hub seeds the bookings still open (other days)
-- from here at start (decision 2). No personal data in it: the name and the
-- phone's last digits and HMAC are personal_data rows of kind
-- 'booking_contact', deleted when the booking ends (decision 3).

CREATE TABLE bookings (
  booking_id      TEXT    PRIMARY KEY,
  code            TEXT    NOT NULL,
  service_id      TEXT    NOT NULL,
  -- Office-local "YYYY-MM-DD" of the slot: the staff list's day.
  service_day     TEXT    NOT NULL,
  slot_start      INTEGER NOT NULL,
  slot_end        INTEGER NOT NULL,
  status          TEXT    NOT NULL
                  CHECK (status IN ('held', 'confirmed', 'checked_in', 'expired', 'released')),
  held_at         INTEGER NOT NULL,
  hold_expires_at INTEGER NOT NULL,
  confirmed_at    INTEGER,
  checked_in_at   INTEGER,
  -- Released or expired; a checked-in booking ends with its ticket (tickets.ended_at).
  ended_at        INTEGER,
  -- 'service_closed': a supervisor closed the service on the booking's day (not a no-show).
  release_reason  TEXT    CHECK (release_reason IN ('hold_lapsed', 'citizen_cancelled', 'staff_cancelled', 'service_closed')),
  ticket_id       TEXT,
  held_seq        INTEGER NOT NULL,
  updated_seq     INTEGER NOT NULL
) STRICT;

-- The staff list: one day (and service), in slot order.
CREATE INDEX bookings_day_service ON bookings (service_day, service_id, slot_start);
-- Start-up: the open ones of days gone by (the sweep ends them), a few at most.
CREATE INDEX bookings_open ON bookings (slot_start) WHERE status IN ('held', 'confirmed');
-- A finished ticket finds its booking (its contact is deleted with the visit).
CREATE INDEX bookings_ticket ON bookings (ticket_id) WHERE ticket_id IS NOT NULL;

-- personal_data gets a third kind. SQLite cannot change a CHECK in place:
-- the table is copied (a few thousand rows at most: profiles and contacts are
-- purged), and its one trigger made again as 0014 left it.
CREATE TABLE personal_data_0020 (
  ref       TEXT PRIMARY KEY,
  kind      TEXT NOT NULL CHECK (kind IN ('survey_profile', 'complaint_contact', 'booking_contact')),
  data      TEXT NOT NULL,
  stored_at INTEGER NOT NULL
) STRICT;
INSERT INTO personal_data_0020 SELECT ref, kind, data, stored_at FROM personal_data;
DROP TABLE personal_data;
ALTER TABLE personal_data_0020 RENAME TO personal_data;
-- The booking contacts by kind: the limits are rebuilt from them at start.
CREATE INDEX personal_data_kind ON personal_data (kind) WHERE kind = 'booking_contact';

CREATE TRIGGER report_survey_profile_roll AFTER INSERT ON personal_data WHEN NEW.kind = 'survey_profile'
BEGIN
  INSERT INTO report_survey_profiles
    SELECT s.service_day, s.service_id, coalesce(s.counter_id, ''), j.key, j.value, 1
    FROM survey_responses AS s, json_each(NEW.data) AS j
    WHERE s.response_id = substr(NEW.ref, 8) AND j.type = 'text'
  ON CONFLICT (service_day, service_id, counter_id, field, value) DO UPDATE SET n = n + 1;
END;
