-- Citizens' feedback: the SKM survey (PermenPANRB 14/2017) and complaints.
--
-- survey_responses, complaints and complaint_responses are read models: kept
-- from the survey.* and complaint.* events of the log by the writer, dropped
-- and derived again by a rebuild. personal_data is NOT derived: the events
-- carry no personal data (UU 27/2022), so a respondent's profile and a
-- complainant's contact are written here, in the same transaction as their
-- event, and deleted by the hub after the retention period the office set.

-- One response per ticket: the UNIQUE ticket_id is the last guard behind the
-- hub's check (a second answer for the same ticket fails its whole append).
CREATE TABLE survey_responses (
  response_id TEXT PRIMARY KEY,
  ticket_id   TEXT NOT NULL UNIQUE,
  seq         INTEGER NOT NULL,
  at          INTEGER NOT NULL,
  service_day TEXT NOT NULL,
  service_id  TEXT NOT NULL,
  counter_id  TEXT,
  channel     TEXT NOT NULL,
  persyaratan INTEGER NOT NULL CHECK (persyaratan BETWEEN 1 AND 4),
  prosedur    INTEGER NOT NULL CHECK (prosedur BETWEEN 1 AND 4),
  waktu       INTEGER NOT NULL CHECK (waktu BETWEEN 1 AND 4),
  biaya       INTEGER NOT NULL CHECK (biaya BETWEEN 1 AND 4),
  produk      INTEGER NOT NULL CHECK (produk BETWEEN 1 AND 4),
  kompetensi  INTEGER NOT NULL CHECK (kompetensi BETWEEN 1 AND 4),
  perilaku    INTEGER NOT NULL CHECK (perilaku BETWEEN 1 AND 4),
  sarana      INTEGER NOT NULL CHECK (sarana BETWEEN 1 AND 4),
  pengaduan   INTEGER NOT NULL CHECK (pengaduan BETWEEN 1 AND 4),
  suggestion  TEXT
) STRICT;

-- A year's IKM per service reads one range of this index.
CREATE INDEX survey_responses_day ON survey_responses (service_day, service_id);

CREATE TABLE complaints (
  complaint_id        TEXT PRIMARY KEY,
  code                TEXT NOT NULL UNIQUE,
  filed_seq           INTEGER NOT NULL,
  filed_at            INTEGER NOT NULL,
  -- Office-local day of filing: what a report's date range selects on.
  filed_day           TEXT NOT NULL,
  channel             TEXT NOT NULL,
  category            TEXT NOT NULL,
  service_id          TEXT,
  text                TEXT NOT NULL,
  target_working_days INTEGER NOT NULL,
  due_at              INTEGER NOT NULL,
  status              TEXT NOT NULL CHECK (status IN ('baru', 'diproses', 'dijawab', 'selesai')),
  assignee            TEXT,
  assigned_at         INTEGER,
  first_response_at   INTEGER,
  closed_at           INTEGER,
  closed_by           TEXT,
  close_note          TEXT,
  updated_seq         INTEGER NOT NULL
) STRICT;

CREATE INDEX complaints_day ON complaints (filed_day);
CREATE INDEX complaints_status ON complaints (status, filed_at);

CREATE TABLE complaint_responses (
  complaint_id TEXT NOT NULL REFERENCES complaints (complaint_id),
  seq          INTEGER NOT NULL,
  at           INTEGER NOT NULL,
  by_user      TEXT NOT NULL,
  text         TEXT NOT NULL,
  PRIMARY KEY (complaint_id, seq)
) STRICT;

-- ref: 'survey:<response_id>' or 'complaint:<complaint_id>'; data: JSON.
CREATE TABLE personal_data (
  ref       TEXT PRIMARY KEY,
  kind      TEXT NOT NULL CHECK (kind IN ('survey_profile', 'complaint_contact')),
  data      TEXT NOT NULL,
  stored_at INTEGER NOT NULL
) STRICT;

-- Survey rollups, as migration 0005's for the service log: a year's IKM reads
-- a few thousand day rows instead of every answer. Sums per office day,
-- service and counter ('' when none), kept by a trigger; rollups.ts compares
-- the respondents with survey_responses at start-up and refills on a difference.
CREATE TABLE report_survey_days (
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
) STRICT;

CREATE TRIGGER report_survey_roll AFTER INSERT ON survey_responses
BEGIN
  INSERT INTO report_survey_days VALUES (NEW.service_day, NEW.service_id, coalesce(NEW.counter_id, ''), 1,
    NEW.persyaratan, NEW.prosedur, NEW.waktu, NEW.biaya, NEW.produk, NEW.kompetensi, NEW.perilaku, NEW.sarana, NEW.pengaduan)
  ON CONFLICT (service_day, service_id, counter_id) DO UPDATE SET respondents = respondents + 1,
    persyaratan = persyaratan + excluded.persyaratan, prosedur = prosedur + excluded.prosedur, waktu = waktu + excluded.waktu,
    biaya = biaya + excluded.biaya, produk = produk + excluded.produk, kompetensi = kompetensi + excluded.kompetensi,
    perilaku = perilaku + excluded.perilaku, sarana = sarana + excluded.sarana, pengaduan = pengaduan + excluded.pengaduan;
END;

-- Respondent profiles, counted per day, service, counter, field and value.
-- Counts of anonymous answers, not personal data: they stay when the
-- profiles themselves are deleted after the retention period, so a year's
-- SKM report still says who answered. Written when a profile is stored
-- (its survey_responses row is written first, in the same transaction).
CREATE TABLE report_survey_profiles (
  service_day TEXT NOT NULL,
  service_id  TEXT NOT NULL,
  counter_id  TEXT NOT NULL,
  field       TEXT NOT NULL,
  value       TEXT NOT NULL,
  n           INTEGER NOT NULL,
  PRIMARY KEY (service_day, service_id, counter_id, field, value)
) STRICT;

CREATE TRIGGER report_survey_profile_roll AFTER INSERT ON personal_data WHEN NEW.kind = 'survey_profile'
BEGIN
  INSERT INTO report_survey_profiles
    SELECT s.service_day, s.service_id, coalesce(s.counter_id, ''), j.key, j.value, 1
    FROM survey_responses AS s, json_each(NEW.data) AS j
    WHERE s.response_id = substr(NEW.ref, 8) AND j.type = 'text'
  ON CONFLICT (service_day, service_id, counter_id, field, value) DO UPDATE SET n = n + 1;
END;
