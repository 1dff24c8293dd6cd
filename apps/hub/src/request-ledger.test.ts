import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { IssuedTicket } from "@layan/protocol";
import { describe, expect, it } from "vitest";
import { closeAfterEach } from "./testing/close-after-each";
import { connect, FakeClock, rid, send, startHub } from "./testing/harness";

const track = closeAfterEach();
const HOUR = 60 * 60_000;

function ticketCount(db: { prepare(sql: string): { get(): unknown } }): number {
  return (db.prepare("SELECT count(*) AS n FROM tickets").get() as { n: number }).n;
}

describe("the request ledger keeps answers for a day", () => {
  it("a retry within 24 h gets the first answer after a restart; a later one REQUEST_EXPIRED, never a second ticket", async () => {
    const dir = mkdtempSync(join(tmpdir(), "layan-ledger-"));
    try {
      const dbPath = join(dir, "layan.db");
      const clock = new FakeClock();
      const first = await startHub({ dbPath, clock });
      const kiosk = await connect(first.url, "/kiosk", first.tokens.kiosk);
      const requestId = rid();
      const issued = await send<IssuedTicket>(kiosk, "ticket:issue", { requestId, serviceId: "ktp-el" });
      expect(issued.ok).toBe(true);
      kiosk.close();
      await first.close();

      // Twelve hours on (Friday 21:00): the answer comes from the ledger, not memory.
      clock.advance(12 * HOUR);
      const second = await startHub({ dbPath, clock, seeded: first });
      const kiosk2 = await connect(second.url, "/kiosk", second.tokens.kiosk);
      expect(await send(kiosk2, "ticket:issue", { requestId, serviceId: "ktp-el" })).toEqual(issued);
      kiosk2.close();
      await second.close();

      // Saturday 10:00, 25 hours after the ticket: the new day's start pruned its answer.
      clock.advance(13 * HOUR);
      const third = track(await startHub({ dbPath, clock, seeded: first }));
      expect(third.store.db.prepare("SELECT count(*) AS n FROM requests").get()).toEqual({ n: 0 });
      const kiosk3 = track(await connect(third.url, "/kiosk", third.tokens.kiosk));
      const tickets = ticketCount(third.store.db);
      const seq = third.store.lastSeq();
      const late = await send(kiosk3, "ticket:issue", { requestId, serviceId: "ktp-el" });
      expect(late.ok ? null : late.error).toMatchObject({
        code: "REQUEST_EXPIRED",
        message: "Permintaan ini sudah kedaluwarsa dan tidak dijalankan lagi. Buat permintaan baru.",
      });
      // Whatever the late retry carries, it runs nothing.
      const other = await send(kiosk3, "ticket:issue", { requestId, serviceId: "kartu-keluarga" });
      expect(other.ok ? null : other.error.code).toBe("REQUEST_EXPIRED");
      expect([ticketCount(third.store.db), third.store.lastSeq()]).toEqual([tickets, seq]);
      // A new request id is a new ticket, as always.
      const fresh = await send<IssuedTicket>(kiosk3, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" });
      expect(fresh.ok ? fresh.data.ticket.number : null).toBe("A-001");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
