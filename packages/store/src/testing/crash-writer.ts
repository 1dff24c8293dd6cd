/**
 * Child process of the crash test (crash.test.ts): writes a busy office's
 * commands through the group committer into the database file given as the
 * first argument, and prints one JSON line per acknowledged command right
 * after its promise resolved, the way the hub answers a kiosk. The parent kills
 * it with SIGKILL at some moment and checks that every printed ack survived.
 *
 *   node --import tsx packages/store/src/testing/crash-writer.ts /tmp/x/layan.db
 */
import type { QueueCommand } from "@layan/core";
import { createGroupCommitter } from "../group-commit";
import { openStore, type CommitEntry } from "../store";
import { OfficeSimulation } from "./office";

export interface CrashAck {
  seqs: number[];
  requestId: string | null;
  events: CommitEntry["events"];
}

const path = process.argv[2];
if (!path) throw new Error("usage: crash-writer.ts <database file>");

/** Commands queued per event-loop turn: one group-commit batch each. */
const PER_TURN = 25;
// Never outlive a parent that died without killing us.
const deadline = Date.now() + 60_000;

const store = openStore(path);
const committer = createGroupCommitter(store, { maxBatch: 64 });
const sim = new OfficeSimulation();
const counters = sim.rules.counters.map((c) => c.id);

/** The next thing that happens in the hall: mostly new tickets, counters working through them. */
function nextCommand(i: number): QueueCommand {
  const counterId = counters[i % counters.length] ?? "loket-2";
  const counter = sim.state.counters.get(counterId);
  if (counter?.status !== "open")
    return { type: "openCounter", counterId, officerId: `officer-${counterId}` };
  if (i % 3 === 0)
    return {
      type: "issueTicket",
      ticketId: sim.newTicketId(),
      serviceId: "info",
      priority: null,
      kioskId: "kiosk-1",
    };
  const inHand =
    counter.currentTicketId === null ? undefined : sim.state.tickets.get(counter.currentTicketId);
  if (!inHand) return { type: "callNext", counterId, officerId: `officer-${counterId}` };
  if (inHand.status === "called") return { type: "startService", counterId };
  return { type: "complete", counterId, outcome: "selesai" };
}

function acknowledge(entry: CommitEntry, seqs: number[]): void {
  const ack: CrashAck = { seqs, requestId: entry.request?.id ?? null, events: entry.events };
  // Written to a pipe, which Node writes synchronously on Linux: once this
  // returns the parent can read it, like a kiosk that got its answer.
  process.stdout.write(`${JSON.stringify(ack)}\n`);
}

let i = 0;
while (Date.now() < deadline) {
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
store.close();
