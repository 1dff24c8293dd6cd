-- The regency's copy of every office hub's event log (docs/regency.md).

CREATE TABLE offices (
  id         text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  name       text NOT NULL,
  -- The OPD the office belongs to (Dinas, Badan, Kecamatan): the league table's second dimension.
  agency     text NOT NULL,
  created_at timestamptz NOT NULL
);

-- A credential is "<id>.<secret>"; only the secret's SHA-256 is kept (it is
-- 256 random bits, so a slow hash adds nothing), and the id names the row
-- and, through it, the office: a request can only ever act for that office.
CREATE TABLE office_credentials (
  id          text PRIMARY KEY,
  office_id   text NOT NULL REFERENCES offices (id),
  secret_hash bytea NOT NULL,
  created_at  timestamptz NOT NULL,
  revoked_at  timestamptz
);
CREATE INDEX office_credentials_office ON office_credentials (office_id);

-- One stream per incarnation of an office's log. Stream 1 starts at seq 1;
-- when a hub restored from a backup reuses seqs for other events, central
-- closes the stream and opens the next one at base_seq (the last seq both
-- still agree on). An office's history is each stream's events, plus none
-- twice: events up to base_seq are read from the earlier streams.
CREATE TABLE office_streams (
  office_id    text NOT NULL REFERENCES offices (id),
  stream       integer NOT NULL CHECK (stream > 0),
  base_seq     bigint NOT NULL CHECK (base_seq >= 0),
  last_seq     bigint NOT NULL,
  opened_at    timestamptz NOT NULL,
  closed_at    timestamptz,
  -- Why it was closed, for the operator: "restored: hub had seq N, agreed up to M".
  closed_reason text,
  PRIMARY KEY (office_id, stream),
  CHECK (last_seq >= base_seq)
);
-- At most one open stream per office.
CREATE UNIQUE INDEX office_streams_open ON office_streams (office_id) WHERE closed_at IS NULL;

-- The events, as the hub logged them (minus private text, see
-- packages/protocol/src/regency.ts). (office, stream, seq) is the key a retry
-- collides on; the hash tells a retry (same content) from a divergent event.
-- Reports are built on type, at and body (jsonb) later; partitioning by month
-- of `at` is the way to grow (docs/operations.md).
CREATE TABLE office_events (
  office_id   text NOT NULL,
  stream      integer NOT NULL,
  seq         bigint NOT NULL,
  type        text NOT NULL,
  at          timestamptz NOT NULL,
  body        jsonb NOT NULL,
  hash        bytea NOT NULL,
  received_at timestamptz NOT NULL,
  PRIMARY KEY (office_id, stream, seq),
  FOREIGN KEY (office_id, stream) REFERENCES office_streams (office_id, stream)
);
CREATE INDEX office_events_office_at ON office_events (office_id, at);

-- The office's published service standards (the kiosk catalog's services:
-- Persyaratan, Prosedur, Jangka Waktu, Biaya, Produk, Pengaduan), latest per service.
CREATE TABLE office_standards (
  office_id   text NOT NULL REFERENCES offices (id),
  service_id  text NOT NULL,
  standard    jsonb NOT NULL,
  hash        bytea NOT NULL,
  received_at timestamptz NOT NULL,
  PRIMARY KEY (office_id, service_id)
);
