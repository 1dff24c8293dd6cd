import type { AuditAction, AuditActorKind, AuditEntry, AuditValues } from "@layan/protocol";
import type Database from "better-sqlite3";

// The audit trail (migration 0016): one row per administrative action,
// written by the same transaction as the change it records, so an
// acknowledged change always has its row and a change rolled back has none.

export interface AuditActor {
  kind: AuditActorKind;
  id: string | null;
  name: string;
  address: string;
  userAgent: string | null;
}

export interface NewAuditEntry {
  at: number;
  actor: AuditActor;
  action: AuditAction;
  target: string | null;
  before?: AuditValues | null;
  after?: AuditValues | null;
}

export interface AuditRow {
  id: number;
  at: number;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string;
  address: string;
  user_agent: string | null;
  action: string;
  target: string | null;
  before_json: string | null;
  after_json: string | null;
  count: number;
  last_at: number;
}

export interface AuditFilter {
  /** Hub time, inclusive. */
  fromAt?: number;
  /** Hub time, exclusive. */
  toAt?: number;
  actorName?: string;
  action?: AuditAction;
  /** Rows with a smaller id only (the previous page's last id). */
  beforeId?: number;
  limit: number;
}

/** Longest user agent kept: enough to tell a browser and its version, not a header someone stuffed. */
const USER_AGENT_MAX = 200;
const NAME_MAX = 64;

export const auditFromRow = (r: AuditRow): AuditEntry => ({
  id: r.id,
  at: r.at,
  actor: { kind: r.actor_kind as AuditActorKind, id: r.actor_id, name: r.actor_name },
  address: r.address,
  userAgent: r.user_agent,
  action: r.action as AuditAction,
  target: r.target,
  before: r.before_json === null ? null : (JSON.parse(r.before_json) as AuditValues),
  after: r.after_json === null ? null : (JSON.parse(r.after_json) as AuditValues),
  count: r.count,
  lastAt: r.last_at,
});

export interface AuditQueries {
  /** Appends one row; call it inside the transaction of the change it records. */
  recordAudit(entry: NewAuditEntry): void;
  /**
   * Appends, or folds into the row of the same action, address and target
   * written within `windowMs` before (count + 1): a flood of failed sign-ins
   * from one PC at one username is one row a minute, not one per guess.
   */
  recordRepeatedAudit(entry: NewAuditEntry, windowMs: number): void;
  /** Newest first. */
  listAudit(filter: AuditFilter): AuditEntry[];
  /**
   * Runs `change` and its audit rows as one IMMEDIATE transaction: the rule
   * it checks (the last active admin) cannot be raced by another connection
   * (the CLI) between the check and the write.
   */
  audited<T>(change: () => T): T;
}

export function createAuditQueries(db: Database.Database): AuditQueries {
  const s = {
    insert: db.prepare<[number, string, string | null, string, string, string | null, string, string | null, string | null, string | null, number]>(
      `INSERT INTO audit_log (at, actor_kind, actor_id, actor_name, address, user_agent, action, target, before_json, after_json, count, last_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`,
    ),
    fold: db.prepare<[{ at: number; action: string; address: string; target: string | null; since: number }]>(
      `UPDATE audit_log SET count = count + 1, last_at = @at
       WHERE id = (SELECT id FROM audit_log WHERE action = @action AND address = @address AND target IS @target
                   AND at >= @since ORDER BY at DESC LIMIT 1)`,
    ),
    list: db.prepare<
      [{ fromAt: number | null; toAt: number | null; actor: string | null; action: string | null; beforeId: number | null; limit: number }],
      AuditRow
    >(
      `SELECT * FROM audit_log
       WHERE (@fromAt IS NULL OR at >= @fromAt) AND (@toAt IS NULL OR at < @toAt)
         AND (@actor IS NULL OR actor_name = @actor COLLATE NOCASE) AND (@action IS NULL OR action = @action)
         AND (@beforeId IS NULL OR id < @beforeId)
       ORDER BY id DESC LIMIT @limit`,
    ),
  };
  const json = (v: AuditValues | null | undefined) => (v ? JSON.stringify(v) : null);
  const insert = (e: NewAuditEntry) =>
    s.insert.run(
      e.at,
      e.actor.kind,
      e.actor.id,
      e.actor.name.slice(0, NAME_MAX),
      e.actor.address,
      e.actor.userAgent?.slice(0, USER_AGENT_MAX) ?? null,
      e.action,
      e.target?.slice(0, NAME_MAX) ?? null,
      json(e.before),
      json(e.after),
      e.at,
    );
  const repeated = db.transaction((e: NewAuditEntry, windowMs: number) => {
    const target = e.target?.slice(0, NAME_MAX) ?? null;
    if (s.fold.run({ at: e.at, action: e.action, address: e.actor.address, target, since: e.at - windowMs }).changes === 0) insert(e);
  });
  return {
    recordAudit: (e) => void insert(e),
    recordRepeatedAudit: (e, windowMs) => repeated(e, windowMs),
    listAudit: (f) =>
      s.list
        .all({
          fromAt: f.fromAt ?? null,
          toAt: f.toAt ?? null,
          actor: f.actorName ?? null,
          action: f.action ?? null,
          beforeId: f.beforeId ?? null,
          limit: f.limit,
        })
        .map(auditFromRow),
    audited: (change) => db.transaction(change).immediate(),
  };
}
