-- Storage per ticket (issue 13): the log's common events (a ticket's issue,
-- call, start, steps, end; a counter's opening, pause and close) are written
-- as the list of their field values in the order the core writes them, or the
-- bare value when there is one (event-codec.ts EVENT_TUPLES): no field codes,
-- no braces, the type column says how to read it. A call was
-- {")":223,"*":224,":":318}, now [223,224,318]; a ticked step {"+":734}, now 734.
--
-- The events before this migration are written again the same way
-- (layan_recode_event, which the store registers before migrating: decode with
-- the event's type, encode, the same fields and the same word numbers), so old
-- and new rows read alike; seqs, types, times and ticket columns stay. An event
-- whose fields do not fit its list keeps the object form, which still reads.
-- The log stays append-only for everything but this.
DROP TRIGGER events_no_update;

UPDATE events SET payload = layan_recode_event((SELECT type FROM event_types WHERE code = events.type), at, payload)
WHERE type IN (SELECT code FROM event_types WHERE type IN (
  'ticket.issued', 'ticket.called', 'ticket.recalled', 'ticket.serving', 'ticket.step_done', 'ticket.step_undone',
  'ticket.completed', 'ticket.no_show', 'ticket.transferred', 'ticket.cancelled',
  'counter.opened', 'counter.paused', 'counter.closed'));

CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN
  SELECT RAISE(ABORT, 'events are append-only');
END;

-- The SKM rollups are only ever read by their key (a day range, then service
-- and counter: reports/feedback.ts) and written by it (the triggers' ON
-- CONFLICT): as rowid tables each kept its key twice, in the table and in its
-- primary-key index. WITHOUT ROWID, the key is the table. Their triggers name
-- them and are made again, as 0008 wrote them.
DROP TRIGGER report_survey_roll;
DROP TRIGGER report_survey_profile_roll;

CREATE TABLE report_survey_days_keyed (
  service_day TEXT NOT NULL,
  service_id  TEXT NOT NULL,
  counter_id  TEXT NOT NULL,
  respondents INTEGER NOT NULL,
  persyaratan INTEGER NOT NULL,
  prosedur    INTEGER NOT NULL,
  waktu       INTEGER NOT NULL,
  biaya       INTEGER NOT NULL,
  produk      INTEGER NOT NULL,
  kompetensi  INTEGER NOT NULL,
  perilaku    INTEGER NOT NULL,
  sarana      INTEGER NOT NULL,
  pengaduan   INTEGER NOT NULL,
  PRIMARY KEY (service_day, service_id, counter_id)
) STRICT, WITHOUT ROWID;
INSERT INTO report_survey_days_keyed SELECT * FROM report_survey_days ORDER BY service_day, service_id, counter_id;
DROP TABLE report_survey_days;
ALTER TABLE report_survey_days_keyed RENAME TO report_survey_days;

CREATE TABLE report_survey_profiles_keyed (
  service_day TEXT NOT NULL,
  service_id  TEXT NOT NULL,
  counter_id  TEXT NOT NULL,
  field       TEXT NOT NULL,
  value       TEXT NOT NULL,
  n           INTEGER NOT NULL,
  PRIMARY KEY (service_day, service_id, counter_id, field, value)
) STRICT, WITHOUT ROWID;
INSERT INTO report_survey_profiles_keyed SELECT * FROM report_survey_profiles ORDER BY service_day, service_id, counter_id, field, value;
DROP TABLE report_survey_profiles;
ALTER TABLE report_survey_profiles_keyed RENAME TO report_survey_profiles;

CREATE TRIGGER report_survey_roll AFTER INSERT ON survey_responses
BEGIN
  INSERT INTO report_survey_days VALUES (NEW.service_day, NEW.service_id, coalesce(NEW.counter_id, ''), 1,
    NEW.persyaratan, NEW.prosedur, NEW.waktu, NEW.biaya, NEW.produk, NEW.kompetensi, NEW.perilaku, NEW.sarana, NEW.pengaduan)
  ON CONFLICT (service_day, service_id, counter_id) DO UPDATE SET respondents = respondents + 1,
    persyaratan = persyaratan + excluded.persyaratan, prosedur = prosedur + excluded.prosedur, waktu = waktu + excluded.waktu,
    biaya = biaya + excluded.biaya, produk = produk + excluded.produk, kompetensi = kompetensi + excluded.kompetensi,
    perilaku = perilaku + excluded.perilaku, sarana = sarana + excluded.sarana, pengaduan = pengaduan + excluded.pengaduan;
END;

CREATE TRIGGER report_survey_profile_roll AFTER INSERT ON personal_data WHEN NEW.kind = 'survey_profile'
BEGIN
  INSERT INTO report_survey_profiles
    SELECT s.service_day, s.service_id, coalesce(s.counter_id, ''), j.key, j.value, 1
    FROM survey_responses AS s, json_each(NEW.data) AS j
    WHERE s.response_id = substr(NEW.ref, 8) AND j.type = 'text'
  ON CONFLICT (service_day, service_id, counter_id, field, value) DO UPDATE SET n = n + 1;
END;
