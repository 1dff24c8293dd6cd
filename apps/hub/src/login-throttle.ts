/**
 * Online guessing guard for the login. Failures are counted per (account,
 * source address) and per source address, never per account alone: a lock
 * per account lets anyone on the office network lock every officer out with
 * five requests each, while a lock per (account, source) only stops the one
 * PC that is guessing. A source that fails across many accounts is refused
 * altogether for a while.
 *
 * Unknown usernames are counted exactly like known ones, so the answers
 * (401, then 429) do not tell who exists.
 *
 * Kept in memory: a hub restart forgets the counts, which costs an attacker
 * a restart of the hub for every 5 guesses per address, and keeps a crashed
 * hub from locking everyone out for good.
 */
export const LOGIN_LIMITS = {
  /** Failures of one account from one address before that pair is locked. */
  perAccountAndSource: 5,
  /** Failures from one address, over any accounts, before the address is refused. */
  perSource: 20,
  /** Failures count within this window from the first one. */
  windowMs: 5 * 60_000,
  /** How long a locked pair or a refused address waits. */
  lockMs: 5 * 60_000,
  /** Bounds memory when someone sprays usernames from many addresses. */
  maxEntries: 10_000,
} as const;

interface Failures {
  count: number;
  firstAt: number;
  lockedUntil: number | null;
  /**
   * The account's secret hash when the failures were counted: a new PIN
   * (`pnpm hub user pin`) makes the old failures moot and lifts the lock.
   */
  stamp: string;
}

export interface Refusal {
  retryAt: number;
}

export class LoginThrottle {
  private readonly pairs = new Map<string, Failures>();
  private readonly sources = new Map<string, Failures>();

  constructor(private readonly limits: typeof LOGIN_LIMITS = LOGIN_LIMITS) {}

  /** The address is refused whatever account it tries. */
  sourceRefused(source: string, now: number): Refusal | null {
    return this.locked(this.sources, source, "", now);
  }

  /** This account is locked for this address (other addresses are not affected). */
  accountRefused(source: string, username: string, stamp: string, now: number): Refusal | null {
    return this.locked(this.pairs, pairKey(source, username), stamp, now);
  }

  /** Counts a failure; returns the refusal it caused, if any. */
  fail(source: string, username: string, stamp: string, now: number): Refusal | null {
    const bySource = this.count(this.sources, source, "", now, this.limits.perSource);
    const byPair = this.count(this.pairs, pairKey(source, username), stamp, now, this.limits.perAccountAndSource);
    return byPair ?? bySource;
  }

  succeeded(source: string, username: string): void {
    this.pairs.delete(pairKey(source, username));
  }

  /** Forgets the account's failures from every address; true when there were any. */
  unlockAccount(username: string): boolean {
    const suffix = pairKey("", username);
    let any = false;
    for (const key of [...this.pairs.keys()]) {
      if (!key.endsWith(suffix)) continue;
      this.pairs.delete(key);
      any = true;
    }
    return any;
  }

  /** The latest lock of this account from any address, or null when none holds now. */
  accountLockedUntil(username: string, stamp: string, now: number): number | null {
    const suffix = pairKey("", username);
    let until: number | null = null;
    for (const key of [...this.pairs.keys()]) {
      if (!key.endsWith(suffix)) continue;
      const lock = this.locked(this.pairs, key, stamp, now);
      if (lock && (until === null || lock.retryAt > until)) until = lock.retryAt;
    }
    return until;
  }

  private locked(map: Map<string, Failures>, key: string, stamp: string, now: number): Refusal | null {
    const f = this.live(map, key, stamp, now);
    return f?.lockedUntil == null ? null : { retryAt: f.lockedUntil };
  }

  private count(map: Map<string, Failures>, key: string, stamp: string, now: number, limit: number): Refusal | null {
    let f = this.live(map, key, stamp, now);
    if (!f) {
      f = { count: 0, firstAt: now, lockedUntil: null, stamp };
      map.set(key, f);
      this.bound(map);
    }
    f.count += 1;
    if (f.lockedUntil === null && f.count >= limit) f.lockedUntil = now + this.limits.lockMs;
    return f.lockedUntil === null ? null : { retryAt: f.lockedUntil };
  }

  /** The counts that still apply: dropped once their window or lock ran out, or the PIN changed. */
  private live(map: Map<string, Failures>, key: string, stamp: string, now: number): Failures | undefined {
    const f = map.get(key);
    if (!f) return undefined;
    const over = f.lockedUntil === null ? now - f.firstAt > this.limits.windowMs : f.lockedUntil <= now;
    if (f.stamp === stamp && !over) return f;
    map.delete(key);
    return undefined;
  }

  private bound(map: Map<string, Failures>): void {
    // Insertion order is age order: the oldest counts go first.
    while (map.size > this.limits.maxEntries) {
      const oldest = map.keys().next().value;
      if (oldest === undefined) return;
      map.delete(oldest);
    }
  }
}

// Usernames are case-insensitive in the store (COLLATE NOCASE): so are the counts.
const pairKey = (source: string, username: string) => `${source}\n${username.trim().toLowerCase()}`;

/** The peer address as one key: IPv4 clients on a dual-stack socket read "::ffff:a.b.c.d". */
export function sourceAddress(remote: string | undefined): string {
  if (!remote) return "unknown";
  return remote.startsWith("::ffff:") ? remote.slice(7) : remote;
}
