import type Database from "better-sqlite3";

/**
 * service_log and step_log name services, counters, officers and steps by
 * their code in event_words (migration 0013), the dictionary the event log's
 * payloads use: 1-2 bytes in a row and in each index key instead of the id.
 */

/** The writer's side: the code of an id, given out on its first use. */
export type CodeOf = (word: string) => number;

/**
 * Reads the table on every call, no cache: a code handed out in an append that
 * rolls back is gone with it, and the next append must not reuse it for
 * another word (the event log's own cache reloads after a rollback, this one
 * has nothing to reload). Nearly always the id is known: the event being
 * applied names it in its payload, which the log wrote just before.
 */
export function prepareCodeOf(db: Database.Database): CodeOf {
  const find = db.prepare<[string], { code: number }>("SELECT code FROM event_words WHERE word = ?");
  const add = db.prepare<[string], { code: number }>("INSERT INTO event_words (word) VALUES (?) RETURNING code");
  return (word) => (find.get(word) ?? add.get(word)!).code;
}

/** The reports' side: ids to codes for a filter, codes back to ids for an answer. */
export interface Words {
  /** A filter's id as a code; an id the store never saw matches no row (-1 is no code). */
  code(word: string): number;
  word(code: number): string;
  wordOrNull(code: number | null): string | null;
}

/** SQL for the id of a code column, for statements that write the ids out as text (the rollups). */
export const wordOf = (column: string): string => `(SELECT word FROM event_words WHERE code = ${column})`;

interface Dictionary {
  codes: Map<string, number>;
  words: Map<number, string>;
  load(): void;
}

const dictionaries = new WeakMap<Database.Database, Dictionary>();

/**
 * The dictionary (~1,200 rows on a year's store: an office's ids and days),
 * read once per connection and again only when a report meets a code or an id
 * it does not have yet (a new counter, a filter naming an id never used). A
 * committed code never changes its word (the table only grows), so what was
 * read stays true; a report never runs inside an append's transaction, so it
 * cannot read a code that a rollback takes back.
 */
export function readWords(db: Database.Database): Words {
  let d = dictionaries.get(db);
  if (!d) {
    const all = db.prepare<[], { code: number; word: string }>("SELECT code, word FROM event_words");
    const fresh: Dictionary = {
      codes: new Map(),
      words: new Map(),
      load() {
        for (const r of all.all()) {
          this.codes.set(r.word, r.code);
          this.words.set(r.code, r.word);
        }
      },
    };
    fresh.load();
    dictionaries.set(db, fresh);
    d = fresh;
  }
  const dict = d;
  const word = (code: number): string => {
    let w = dict.words.get(code);
    if (w === undefined) {
      dict.load();
      w = dict.words.get(code);
    }
    if (w === undefined) throw new Error(`code ${code} is not in event_words`);
    return w;
  };
  return {
    code: (w) => {
      let code = dict.codes.get(w);
      if (code === undefined) {
        dict.load();
        code = dict.codes.get(w);
      }
      return code ?? -1;
    },
    word,
    wordOrNull: (code) => (code === null ? null : word(code)),
  };
}

/** Byte order of UTF-8, as SQLite's ORDER BY sorts text: the order the answers had when the ids were text. */
export function compareIds(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/**
 * A service day ("YYYY-MM-DD", office-local) as `tickets` holds it since
 * migration 0015: days since 1970-01-01. It sorts as the text does.
 */
export function dayNumber(day: string): number {
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(ms)) throw new RangeError(`not a service day: ${day}`);
  return ms / 86_400_000;
}

/** SQL for the "YYYY-MM-DD" of a day-number column. */
export const dayOf = (column: string): string => `date(${column} * 86400, 'unixepoch')`;

/** The "YYYY-MM-DD" of a day number (the inverse of dayNumber). */
export function dayText(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
