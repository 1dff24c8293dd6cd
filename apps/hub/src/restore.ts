/**
 * `pnpm hub restore --from-regency --url URL --credential C [--data DIR]`:
 * an office whose hub PC died gets its log back from the central server's
 * copy. The events are written into a fresh store through the store's own
 * append (the read models follow each event, as in a rebuild), every one
 * checked against the hash central keeps and read back to check the store
 * keeps it as shipped; the store takes the data folder's `layan.db` only
 * when the whole log is in and checked. Central then opens a new stream at
 * the restored seq, so its record shows where the office was restored and
 * the hub ships on from there: nothing is sent or counted twice.
 *
 * What the central copy does not hold stays lost: complaint and survey
 * texts (never shipped), the hub's users, devices and request ledger (not
 * in the log), and events the dead hub had not shipped yet.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { QueueEvent } from "@layan/core";
import { openStore } from "@layan/store";
import { shippedHash } from "./shipping/batching";
import { RegencyClient } from "./shipping/client";
import { hubInstanceId, RegencyConfig, writeRegencyConfig } from "./shipping/config";

export interface RestoreOptions {
  dataDir: string;
  config: RegencyConfig;
  /** Events per page asked of central (default: its maximum). */
  pageSize?: number;
  onProgress?: (seq: number, lastSeq: number) => void;
}

export interface RestoreResult {
  office: string;
  events: number;
  lastSeq: number;
  /** The stream central opened for the restored hub. */
  stream: number;
}

export class RestoreError extends Error {}

export async function restoreFromRegency(options: RestoreOptions): Promise<RestoreResult> {
  const target = join(options.dataDir, "layan.db");
  if (existsSync(target)) {
    throw new RestoreError(`${target} exists: a restore writes a fresh store; move the old one away first (it may hold events central never got)`);
  }
  const client = new RegencyClient(options.config);
  const position = await client.position();
  if (position.lastSeq === 0) throw new RestoreError(`the central server holds no events of office "${position.office}": nothing to restore`);

  mkdirSync(options.dataDir, { recursive: true });
  const partial = `${target}.restoring`;
  const removePartial = () => {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(partial + suffix, { force: true });
  };
  removePartial();
  const store = openStore(partial);
  let stream: number;
  try {
    let after = 0;
    for (;;) {
      const page = await client.history(after, options.pageSize);
      if (page.office !== position.office || page.lastSeq !== position.lastSeq) {
        throw new RestoreError("the central copy changed during the restore (is another hub shipping with this credential?); run it again");
      }
      if (page.events.length === 0) break;
      page.events.forEach((e, i) => {
        if (e.seq !== after + 1 + i) throw new RestoreError(`central's history skips from seq ${after + i} to ${e.seq}`);
        if (shippedHash({ seq: e.seq, event: e.event as unknown as QueueEvent }) !== e.hash) {
          throw new RestoreError(`event ${e.seq} does not match its hash at the central server`);
        }
      });
      const { seqs } = store.append([{ events: page.events.map((e) => e.event as unknown as QueueEvent) }]);
      if (seqs[0]?.[0] !== after + 1 || seqs[0].at(-1) !== page.events.at(-1)!.seq) throw new RestoreError("the fresh store numbered the events otherwise than central");
      // Read back: the store must give each event back as it was shipped, or the next batch would diverge.
      for (const [i, stored] of store.eventsAfter(after, page.events.length).entries()) {
        if (shippedHash(stored) !== page.events[i]!.hash) throw new RestoreError(`event ${stored.seq} reads back otherwise than central holds it`);
      }
      after = page.events.at(-1)!.seq;
      options.onProgress?.(after, position.lastSeq);
      if (page.nextAfter === null) break;
    }
    if (store.lastSeq() !== position.lastSeq) throw new RestoreError(`central's history ended at seq ${store.lastSeq()} of ${position.lastSeq}`);
    store.db.pragma("wal_checkpoint(TRUNCATE)");
    // The central record of where the office was restored; the hub ships on in it. A takeover: the dead PC's hub may have shipped minutes ago.
    stream = (await client.openStream(position.stream, position.lastSeq, { hubInstance: hubInstanceId(options.dataDir), takeover: true })).stream;
  } catch (err) {
    store.close();
    removePartial();
    throw err;
  }
  store.close();
  for (const suffix of ["-wal", "-shm"]) rmSync(partial + suffix, { force: true });
  renameSync(partial, target);
  writeRegencyConfig(options.dataDir, options.config);
  return { office: position.office, events: position.lastSeq, lastSeq: position.lastSeq, stream };
}

/** The command's words: parsed, run, and its one-paragraph answer. */
export async function restoreCommand(args: { url?: string; credential?: string; data: string; fromRegency: boolean }): Promise<string> {
  if (!args.fromRegency) throw new RestoreError("usage: pnpm hub restore --from-regency --url URL --credential ID.SECRET [--data DIR]");
  const parsed = RegencyConfig.safeParse({ url: args.url, credential: args.credential });
  if (!parsed.success) throw new RestoreError(`usage: pnpm hub restore --from-regency --url URL --credential ID.SECRET (${parsed.error.issues.map((i) => i.message).join("; ")})`);
  let shown = 0;
  const result = await restoreFromRegency({
    dataDir: args.data,
    config: parsed.data,
    onProgress: (seq, last) => {
      const pct = Math.floor((seq / last) * 10);
      if (pct > shown || seq === last) {
        shown = pct;
        process.stderr.write(`  ${seq.toLocaleString("en")} / ${last.toLocaleString("en")} events\n`);
      }
    },
  });
  return [
    `Restored office "${result.office}": ${result.events.toLocaleString("en")} events from the central server, checked by hash, into ${join(args.data, "layan.db")}.`,
    `Central opened stream ${result.stream} at seq ${result.lastSeq}; the hub ships on from there when started (regency.json written).`,
    "Not in the central copy: users and devices (pnpm hub user add / device add), complaint and survey texts, and whatever the old hub had not shipped.",
  ].join("\n");
}
