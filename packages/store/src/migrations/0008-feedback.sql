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
