-- A device id is the devices.yaml entry it stands for (its printer, its
-- display group), so a replacement kiosk or a display paired again after a
-- revocation must get that same id back. 0003 made the id the primary key,
-- so a revoked row kept the id forever. Now: any number of revoked rows per
-- id (their history stays for the audit trail), at most one active one.
-- Depends only on 0003's table.

CREATE TABLE devices_next (
  id         TEXT    NOT NULL,
  kind       TEXT    NOT NULL CHECK (kind IN ('kiosk', 'display')),
  name       TEXT    NOT NULL,
  token_hash TEXT    NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
) STRICT;

INSERT INTO devices_next (id, kind, name, token_hash, created_at, revoked_at)
  SELECT id, kind, name, token_hash, created_at, revoked_at FROM devices;

DROP TABLE devices;
ALTER TABLE devices_next RENAME TO devices;

CREATE UNIQUE INDEX devices_active_id ON devices (id) WHERE revoked_at IS NULL;
