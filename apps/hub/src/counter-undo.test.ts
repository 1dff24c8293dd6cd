/**
 * An officer's corrections over real sockets: taking a transfer back
 * ("Batalkan" in the counter app) and unticking an SOP step. Both are events
 * like any other: acknowledged after the commit, and still true after a restart.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CounterSnapshot } from "@layan/protocol";
import { afterEach, describe, expect, it } from "vitest";
import { connect, FakeClock, login, must, nextPush, rid, send, startHub, type TestSocket } from "./testing/harness";

const open: { close(): unknown }[] = [];
const track = <T extends { close(): unknown }>(x: T): T => {
  open.push(x);
  return x;
};
const dirs: string[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

/** A database in a fresh folder (removed after the test) and a clock the test moves: a hub restarted on both keeps its history. */
function durable(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return { dbPath: join(dir, "layan.db"), clock: new FakeClock() };
}

/**
 * Rina at Loket 1 (KTP-el, KIA) serving A-001; Agus at Loket 2 (KTP-el,
 * Kartu Keluarga) idle. Rina transfers A-001 to Kartu Keluarga.
 */
async function transferred(options: Parameters<typeof startHub>[0] = {}) {
  const h = track(await startHub(options));
  const rina = track(await connect(h.url, "/counter", await login(h.url, h.users.officer)));
  const agus = track(await connect(h.url, "/counter", await login(h.url, h.users.officer2)));
  const kiosk = track(await connect(h.url, "/kiosk", h.tokens.kiosk));
  await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" });
  await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "kartu-keluarga" });
  await must(rina, "counter:open", { requestId: rid(), counterId: "loket-1" });
  await must(agus, "counter:open", { requestId: rid(), counterId: "loket-2" });
  const called = await must(rina, "ticket:call_next", { requestId: rid(), counterId: "loket-1" });
  h.clock.advance(60_000);
  await must(rina, "ticket:start", { requestId: rid(), counterId: "loket-1" });
  h.clock.advance(30_000);
  await must(rina, "ticket:step", { requestId: rid(), counterId: "loket-1", stepId: "verifikasi" });
  h.clock.advance(30_000);
  const ticketId = called.current!.ticketId;
  const after = await must(rina, "ticket:transfer", {
    requestId: rid(),
    counterId: "loket-1",
    toServiceId: "kartu-keluarga",
  });
  expect(after.current).toBeNull();
  return { h, rina, agus, kiosk, ticketId, before: called };
}

const undo = (socket: TestSocket<"counter">, ticketId: string, requestId = rid()) =>
  send<CounterSnapshot>(socket, "ticket:transfer_undo", { requestId, counterId: "loket-1", ticketId });

describe("ticket:transfer_undo", () => {
  it("puts the citizen back at the counter as before; the other counter's queue drops it; a restart keeps it", async () => {
    const { dbPath, clock } = durable("layan-undo-");
    const { h, agus, ticketId } = await transferred({ dbPath, clock });
    const rina = track(await connect(h.url, "/counter", await login(h.url, h.users.officer)));
    await must(rina, "counter:watch", { counterId: "loket-1" });
    const agusSees = nextPush<CounterSnapshot>(
      agus,
      "counter:snapshot",
      3_000,
      (s) => s.queues.find((q) => q.serviceId === "kartu-keluarga")?.waiting === 1,
    );
    clock.advance(9_000);
    const answer = await undo(rina, ticketId);
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.data.current).toMatchObject({
      ticketId,
      number: "A-001",
      serviceId: "ktp-el",
      status: "serving",
      transferredFrom: [],
      stepsDone: [{ stepId: "verifikasi" }],
    });
    // Loket 2 had B-001 and A-001 waiting for Kartu Keluarga; now only B-001.
    expect((await agusSees).queues.find((q) => q.serviceId === "kartu-keluarga")?.next.map((t) => t.number)).toEqual([
      "B-001",
    ]);

    // Durable: a new hub on the same database has A-001 in hand at Loket 1, in its first segment.
    await h.close();
    open.splice(open.indexOf(h), 1);
    const again = track(await startHub({ dbPath, clock, seeded: h }));
    const rina2 = track(await connect(again.url, "/counter", await login(again.url, again.users.officer)));
    const snap = await must(rina2, "counter:watch", { counterId: "loket-1" });
    expect(snap.current).toMatchObject({ number: "A-001", status: "serving", serviceId: "ktp-el" });
    await must(rina2, "ticket:complete", { requestId: rid(), counterId: "loket-1", outcome: "selesai" });
    // Logged once, as one KTP-el segment: the transfer left nothing behind.
    expect(
      again.store.db.prepare("SELECT service_id, segment_index, outcome FROM service_log_ids WHERE ticket_id = ?").all(ticketId),
    ).toEqual([{ service_id: "ktp-el", segment_index: 0, outcome: "selesai" }]);
  });

  it("is refused in Indonesian once the target service has called the ticket", async () => {
    const { rina, agus, ticketId } = await transferred();
    await must(agus, "ticket:call", { requestId: rid(), counterId: "loket-2", ticketId });
    const answer = await undo(rina, ticketId);
    expect(answer).toMatchObject({
      ok: false,
      error: {
        code: "TRANSFER_ALREADY_CALLED",
        message: "Nomor ini sudah dipanggil di layanan tujuan; pengalihan tidak bisa dibatalkan.",
      },
    });
  });

  it("is refused once the window has passed, and for another officer's counter", async () => {
    const { h, agus, rina, ticketId } = await transferred();
    expect(await send(agus, "ticket:transfer_undo", { requestId: rid(), counterId: "loket-1", ticketId })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    h.clock.advance(16_000);
    expect(await undo(rina, ticketId)).toMatchObject({
      ok: false,
      error: { code: "TRANSFER_UNDO_WINDOW_PASSED", message: "Batas waktu untuk membatalkan pengalihan sudah lewat." },
    });
  });

  it("a retry of the same undo returns the first answer", async () => {
    const { rina, ticketId } = await transferred();
    const requestId = rid();
    const first = await undo(rina, ticketId, requestId);
    const retry = await undo(rina, ticketId, requestId);
    expect(first.ok).toBe(true);
    expect(retry).toEqual(first);
  });
});

describe("ticket:untick_step", () => {
  it("takes a tick back, durably; a step never ticked is refused", async () => {
    const { dbPath, clock } = durable("layan-untick-");
    const h = await startHub({ dbPath, clock });
    const rina = await connect(h.url, "/counter", await login(h.url, h.users.officer));
    const kiosk = await connect(h.url, "/kiosk", h.tokens.kiosk);
    await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" });
    await must(rina, "counter:open", { requestId: rid(), counterId: "loket-1" });
    await must(rina, "ticket:call_next", { requestId: rid(), counterId: "loket-1" });
    await must(rina, "ticket:start", { requestId: rid(), counterId: "loket-1" });
    await must(rina, "ticket:step", { requestId: rid(), counterId: "loket-1", stepId: "verifikasi" });
    await must(rina, "ticket:step", { requestId: rid(), counterId: "loket-1", stepId: "perekaman" });
    const after = await must(rina, "ticket:untick_step", { requestId: rid(), counterId: "loket-1", stepId: "perekaman" });
    expect(after.current?.stepsDone.map((s) => s.stepId)).toEqual(["verifikasi"]);
    expect(
      await send(rina, "ticket:untick_step", { requestId: rid(), counterId: "loket-1", stepId: "pencetakan" }),
    ).toMatchObject({ ok: false, error: { code: "STEP_NOT_DONE", message: "Langkah SOP ini belum dicentang." } });
    rina.close();
    kiosk.close();
    await h.close();

    const again = track(await startHub({ dbPath, clock, seeded: h }));
    const rina2 = track(await connect(again.url, "/counter", await login(again.url, again.users.officer)));
    const snap = await must(rina2, "counter:watch", { counterId: "loket-1" });
    expect(snap.current?.stepsDone.map((s) => s.stepId)).toEqual(["verifikasi"]);
  });
});
