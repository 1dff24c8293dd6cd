-- The audit trail: who did which administrative action, when, from where,
-- and what it changed. Written in the same transaction as the change it
-- records (packages/store/src/audit.ts). Depends only on 0003's tables
-- being there, so it applies in any order with 0015.

CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          INTEGER NOT NULL,
  actor_kind  TEXT    NOT NULL CHECK (actor_kind IN ('user', 'cli', 'system', 'anonymous')),
  -- users.id; no foreign key: the trail outlives whatever it names.
  actor_id    TEXT,
  actor_name  TEXT    NOT NULL,
  address     TEXT    NOT NULL,
  user_agent  TEXT,
  -- A closed list (AUDIT_ACTIONS in packages/protocol/src/admin.ts), checked
  -- by the code: a new action must not need a table rebuild.
  action      TEXT    NOT NULL,
  target      TEXT,
  before_json TEXT,
  after_json  TEXT,
  -- Repeats folded into this row (failed sign-ins), and the last one's time.
  count       INTEGER NOT NULL DEFAULT 1,
  last_at     INTEGER NOT NULL
) STRICT;

CREATE INDEX audit_log_at ON audit_log (at);
-- Folding a failed sign-in into the row of the minute before it.
CREATE INDEX audit_log_repeat ON audit_log (action, address, target, at);

-- Append-only: only the fold of a repeat may touch a row, and nothing deletes one.
CREATE TRIGGER audit_log_append_only BEFORE UPDATE ON audit_log
WHEN NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR NEW.actor_kind IS NOT OLD.actor_kind
  OR NEW.actor_id IS NOT OLD.actor_id OR NEW.actor_name IS NOT OLD.actor_name
  OR NEW.address IS NOT OLD.address OR NEW.user_agent IS NOT OLD.user_agent
  OR NEW.action IS NOT OLD.action OR NEW.target IS NOT OLD.target
  OR NEW.before_json IS NOT OLD.before_json OR NEW.after_json IS NOT OLD.after_json
  OR NEW.count < OLD.count
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
