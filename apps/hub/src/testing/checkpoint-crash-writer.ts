/**
 * Child process of checkpoint-crash.test.ts: the store's crash writer
 * (packages/store/src/testing/crash-writer.ts) with the hub's checkpointing,
 * the auto-checkpoint off and the checkpoint thread copying the WAL after
 * every few commits, so the parent's SIGKILL lands while pages move from the
 * WAL into the database file. One JSON line per acknowledged command.
 *
 * With a second argument it stops after that many commands instead, closes
 * as the hub does on SIGTERM and prints `closed`.
 *
 *   node --import tsx apps/hub/src/testing/checkpoint-crash-writer.ts /tmp/x/layan.db [commands]
 */
import type { QueueCommand } from "@layan/core";
import { createGroupCommitter, openStore, type CommitEntry } from "@layan/store";
import { pino } from "pino";
import type { CrashAck } from "../../../../packages/store/src/testing/crash-writer";
import { OfficeSimulation } from "../../../../packages/store/src/testing/office";
import { startCheckpoints } from "../checkpoints";

const path = process.argv[2];
if (!path) throw new Error("usage: checkpoint-crash-writer.ts <database file>");

const PER_TURN = 25;
const stopAfter = process.argv[3] === undefined ? Number.POSITIVE_INFINITY : Number(process.argv[3]);
// Never outlive a parent that died without killing us.
const deadline = Date.now() + 60_000;

const store = openStore(path);
const checkpoints = startCheckpoints({ db: store.db, logger: pino({ level: "silent" }), everyCommits: 2, pollMs: 1 });
if (!checkpoints) throw new Error(`${path} is not a WAL database`);
const committer = createGroupCommitter(store, { maxBatch: 64, afterCommit: () => checkpoints.committed() });
const sim = new OfficeSimulation();
const counters = sim.rules.counters.map((c) => c.id);

function nextCommand(i: number): QueueCommand {
  const counterId = counters[i % counters.length] ?? "loket-2";
  const counter = sim.state.counters.get(counterId);
  if (counter?.status !== "open") return { type: "openCounter", counterId, officerId: `officer-${counterId}` };
  if (i % 3 === 0) return { type: "issueTicket", ticketId: sim.newTicketId(), serviceId: "info", priority: null, kioskId: "kiosk-1" };
  const inHand = counter.currentTicketId === null ? undefined : sim.state.tickets.get(counter.currentTicketId);
  if (!inHand) return { type: "callNext", counterId, officerId: `officer-${counterId}` };
  if (inHand.status === "called") return { type: "startService", counterId };
  return { type: "complete", counterId, outcome: "selesai" };
}

function acknowledge(entry: CommitEntry, seqs: number[]): void {
  const ack: CrashAck = { seqs, requestId: entry.request?.id ?? null, events: entry.events };
  process.stdout.write(`${JSON.stringify(ack)}\n`);
}

let i = 0;
while (Date.now() < deadline && i < stopAfter) {
  const inFlight: Promise<void>[] = [];
  for (let k = 0; k < PER_TURN; k++) {
    sim.advance(1_000);
    const { entry } = sim.run(nextCommand(i++));
    if (!entry) continue;
    inFlight.push(committer.commit(entry).then((seqs) => acknowledge(entry, seqs)));
  }
  await Promise.all(inFlight);
}
committer.close();
await checkpoints.close();
store.close();
process.stdout.write("closed\n");
