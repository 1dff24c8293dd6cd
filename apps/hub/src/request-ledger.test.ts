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

describe("the request ledger keeps answers as long as a retry can arrive (an hour)", () => {
  it("a retry within the hour gets the first answer after a restart; a later one REQUEST_EXPIRED, never a second ticket", async () => {
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

      // Half an hour on (a kiosk back after the hub's machine restarted): the answer comes from the ledger, not memory.
      clock.advance(HOUR / 2);
      const second = await startHub({ dbPath, clock, seeded: first });
      const kiosk2 = await connect(second.url, "/kiosk", second.tokens.kiosk);
      expect(await send(kiosk2, "ticket:issue", { requestId, serviceId: "ktp-el" })).toEqual(issued);
      kiosk2.close();
      await second.close();

      // 61 minutes after the ticket, the same day: the start's prune forgot its answer.
      clock.advance(HOUR / 2 + 60_000);
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
      // A new request id is a new ticket, as always (the same day: the next number).
      const fresh = await send<IssuedTicket>(kiosk3, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" });
      expect(fresh.ok ? fresh.data.ticket.number : null).toBe("A-002");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
