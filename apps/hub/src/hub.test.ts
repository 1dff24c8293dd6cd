import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CallView, IssuedTicket, IssueTicketInput } from "@layan/protocol";
import { startPrinterEmulator } from "@layan/printer";
import type { Socket } from "socket.io-client";
import { describe, expect, it } from "vitest";
import { networkPrinting } from "./printing";
import {
  FakeClock,
  connect,
  login,
  must,
  nextPush,
  rid,
  send,
  startHub,
  type TestHubHandle,
  type TestSocket,
} from "./testing/harness";
import { closeAfterEach } from "./testing/close-after-each";

const track = closeAfterEach();

/** A hub on a database in a fresh folder, with a kiosk connected; the folder goes afterwards. */
async function withStoredHub(
  body: (hub: { dbPath: string; clock: FakeClock; first: TestHubHandle; kiosk: TestSocket<"kiosk"> }) => Promise<void>,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "layan-hub-test-"));
  try {
    const dbPath = join(dir, "layan.db");
    const clock = new FakeClock();
    const first = await startHub({ dbPath, clock });
    await body({ dbPath, clock, first, kiosk: await connect(first.url, "/kiosk", first.tokens.kiosk) });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function officeWithOfficer(options: Parameters<typeof startHub>[0] = {}) {
  const h = track(await startHub(options));
  const token = await login(h.url, h.users.officer);
  const counter = track(await connect(h.url, "/counter", token));
  const kiosk = track(await connect(h.url, "/kiosk", h.tokens.kiosk));
  const display = track(await connect(h.url, "/display", h.tokens.display));
  return { h, counter, kiosk, display };
}

const issue = (kiosk: TestSocket<"kiosk">, serviceId: string, extra: Partial<IssueTicketInput> = {}) =>
  must(kiosk, "ticket:issue", { requestId: rid(), serviceId, ...extra });

describe("hub over real sockets", () => {
  it("a kiosk issues, a counter calls, a display receives the call", async () => {
    const { counter, kiosk, display } = await officeWithOfficer();
    const issued = await issue(kiosk, "ktp-el");
    expect(issued.ticket.number).toBe("A-001");
    expect(issued.peopleAhead).toBe(0);
    expect(issued.statusUrl).toMatch(/\/t\/[A-Za-z0-9_-]{16}$/);
    expect(issued.print.ticketNumber).toBe("A-001");
    expect(issued.print.requirements.length).toBeGreaterThan(0);
    const catalog = await must(kiosk, "catalog:get", {});
    expect(catalog.kiosk).toEqual({
      id: "kiosk-lobi",
      name: "Kiosk Lobi Utama",
      inactivityResetSeconds: 60,
      canPrint: true,
      screen: { orientation: "portrait", bottomEdgeMm: 800, visibleHeightMm: 950, reachLimitMm: 1200, reachMode: "auto" },
    });
    expect(catalog.services).toHaveLength(13);

    await must(counter, "counter:open", { requestId: rid(), counterId: "loket-1" });
    const pushed = nextPush<CallView>(display, "ticket:called");
    const snap = await must(counter, "ticket:call_next", { requestId: rid(), counterId: "loket-1" });
    expect(snap.current?.number).toBe("A-001");
    expect(snap.current?.status).toBe("called");
    const call = await pushed;
    expect(call).toMatchObject({ number: "A-001", counterId: "loket-1", counterName: "Loket 1", counterNumber: 1, recalls: 0 });
    // Displays never learn ticket ids: the id is the key to the public ticket page.
    expect(JSON.stringify(call)).not.toContain(issued.ticket.id);

    const recalled = nextPush<CallView>(display, "ticket:recalled");
    await must(counter, "ticket:recall", { requestId: rid(), counterId: "loket-1" });
    expect((await recalled).recalls).toBe(1);
    await must(counter, "ticket:start", { requestId: rid(), counterId: "loket-1" });
    const done = await must(counter, "ticket:complete", { requestId: rid(), counterId: "loket-1", outcome: "selesai" });
    expect(done.current).toBeNull();
  });

  it("issues priority tickets and follows the 2:1 call policy", async () => {
    const { counter, kiosk } = await officeWithOfficer();
    await issue(kiosk, "ktp-el");
    await issue(kiosk, "ktp-el", { priority: "lansia" });
    await issue(kiosk, "ktp-el", { priority: "disabilitas" });
    await must(counter, "counter:open", { requestId: rid(), counterId: "loket-1" });
    const order: string[] = [];
    for (let i = 0; i < 3; i++) {
      const s = await must(counter, "ticket:call_next", { requestId: rid(), counterId: "loket-1" });
      order.push(`${s.current!.number}:${s.current!.priority ?? "-"}`);
      await must(counter, "ticket:complete", { requestId: rid(), counterId: "loket-1", outcome: "selesai" });
    }
    expect(order).toEqual(["A-002:lansia", "A-003:disabilitas", "A-001:-"]);
  });

  it("a retried command returns the first answer and acts once", async () => {
    const { h, kiosk } = await officeWithOfficer();
    const requestId = rid();
    const [a, b] = await Promise.all([
      send<IssuedTicket>(kiosk, "ticket:issue", { requestId, serviceId: "kartu-keluarga" }),
      send<IssuedTicket>(kiosk, "ticket:issue", { requestId, serviceId: "kartu-keluarga" }),
    ]);
    const c = await send<IssuedTicket>(kiosk, "ticket:issue", { requestId, serviceId: "kartu-keluarga" });
    expect(a).toEqual(b);
    expect(c).toEqual(a);
    expect(a.ok && a.data.ticket.number).toBe("B-001");
    const next = await issue(kiosk, "kartu-keluarga");
    expect(next.ticket.number).toBe("B-002");
    expect(h.store.lastSeq()).toBe(2);
  });

  it("a request id reused with another payload answers REQUEST_CONFLICT, also in flight and after a restart", async () => {
    await withStoredHub(async ({ dbPath, clock, first, kiosk }) => {
      const requestId = rid();
      const a = await send<IssuedTicket>(kiosk, "ticket:issue", { requestId, serviceId: "ktp-el" });
      // The same request spelled out in full (the schema's default made explicit) is a retry.
      expect(await send(kiosk, "ticket:issue", { serviceId: "ktp-el", priority: null, requestId })).toEqual(a);
      const other = await send(kiosk, "ticket:issue", { requestId, serviceId: "kartu-keluarga" });
      expect(other.ok ? null : other.error).toMatchObject({
        code: "REQUEST_CONFLICT",
        message: "Nomor permintaan ini sudah dipakai untuk perintah lain. Buat permintaan baru.",
      });

      // Two different commands racing with one id: the first acts, the second is refused.
      const racing = rid();
      const [x, y] = await Promise.all([
        send(kiosk, "ticket:issue", { requestId: racing, serviceId: "ktp-el" }),
        send(kiosk, "ticket:issue", { requestId: racing, serviceId: "kartu-keluarga" }),
      ]);
      expect([x.ok, y.ok ? "ok" : y.error.code]).toEqual([true, "REQUEST_CONFLICT"]);

      // Payloads that read alike on different events are different requests.
      const counter = await connect(first.url, "/counter", await login(first.url, first.users.officer));
      const openId = rid();
      await must(counter, "counter:open", { requestId: openId, counterId: "loket-1" });
      const start = await send(counter, "ticket:start", { requestId: openId, counterId: "loket-1" });
      expect(start.ok ? null : start.error.code).toBe("REQUEST_CONFLICT");
      kiosk.close();
      counter.close();
      await first.close();

      // After a restart the ledger still knows what the first request carried.
      const second = track(await startHub({ dbPath, clock, seeded: first }));
      const kiosk2 = track(await connect(second.url, "/kiosk", second.tokens.kiosk));
      expect(await send(kiosk2, "ticket:issue", { requestId, serviceId: "ktp-el" })).toEqual(a);
      const late = await send(kiosk2, "ticket:issue", { requestId, serviceId: "kartu-keluarga" });
      expect(late.ok ? null : late.error.code).toBe("REQUEST_CONFLICT");
      // Nothing acted twice: A-001, A-002 (the race) and the counter's opening.
      expect(second.store.lastSeq()).toBe(3);
    });
  });

  it("resyncs a screen whose sinceSeq is ahead of the hub (a reset database) with a snapshot", async () => {
    const { h, kiosk, display } = await officeWithOfficer();
    await issue(kiosk, "ktp-el");
    const dashboard = track(await connect(h.url, "/dashboard", await login(h.url, h.users.manager)));
    for (const screen of [display, dashboard] as Socket<object, object>[]) {
      const ahead = await send<{ mode: string; seq: number }>(screen, "sync:request", { sinceSeq: h.store.lastSeq() + 500 });
      expect(ahead.ok && { mode: ahead.data.mode, seq: ahead.data.seq }).toEqual({ mode: "snapshot", seq: h.store.lastSeq() });
      const current = await send<{ mode: string }>(screen, "sync:request", { sinceSeq: h.store.lastSeq() });
      expect(current.ok && current.data.mode).toBe("events");
    }
  });

  it("answers malformed payloads with INVALID_PAYLOAD and stays up", async () => {
    const { kiosk, counter } = await officeWithOfficer();
    const cases: unknown[] = [
      null,
      "ticket",
      42,
      { serviceId: "ktp-el" },
      { requestId: "short", serviceId: "ktp-el" },
      { requestId: rid(), serviceId: 7 },
      { requestId: rid(), serviceId: "ktp-el", priority: "vip" },
      { requestId: rid(), serviceId: "ktp-el", extra: true },
      { requestId: "a".repeat(500), serviceId: "ktp-el" },
    ];
    for (const payload of cases) {
      const answer = await send(kiosk, "ticket:issue", payload);
      expect(answer.ok).toBe(false);
      if (!answer.ok) {
        expect(answer.error.code).toBe("INVALID_PAYLOAD");
        expect(answer.error.message).toBe("Data permintaan tidak valid.");
      }
    }
    const bad = await send(counter, "ticket:complete", { requestId: rid(), counterId: "loket-1", outcome: "bagus" });
    expect(bad.ok || bad.error.issues).toEqual([expect.objectContaining({ path: "outcome" })]);
    // A command without an ack callback is ignored, not a crash.
    (kiosk as unknown as Socket).emit("ticket:issue", { requestId: rid(), serviceId: "ktp-el" });
    expect((await issue(kiosk, "ktp-el")).ticket.number).toBe("A-001");
  });

  it("refuses wrong roles, unknown tokens, and commands a namespace does not have", async () => {
    const h = track(await startHub());
    await expect(connect(h.url, "/kiosk", undefined)).rejects.toThrow("UNAUTHORIZED");
    await expect(connect(h.url, "/kiosk", "dev_not-a-real-token")).rejects.toThrow("UNAUTHORIZED");
    await expect(connect(h.url, "/kiosk", h.tokens.display)).rejects.toThrow("FORBIDDEN");
    await expect(connect(h.url, "/counter", h.tokens.kiosk)).rejects.toThrow("FORBIDDEN");
    const officer = await login(h.url, h.users.officer);
    await expect(connect(h.url, "/dashboard", officer)).rejects.toThrow("FORBIDDEN");
    const manager = await login(h.url, h.users.manager);
    await expect(connect(h.url, "/counter", manager)).rejects.toThrow("FORBIDDEN");
    track(await connect(h.url, "/dashboard", manager));

    const display = track(await connect(h.url, "/display", h.tokens.display));
    // /display has no handler for calling: another namespace's commands and
    // made-up events are answered at once instead of leaving the client to time out.
    for (const [event, payload] of [
      ["ticket:call_next", { requestId: rid(), counterId: "loket-1" }],
      ["ticket:issue", { requestId: rid(), serviceId: "ktp-el" }],
      ["no:such_event", {}],
    ] as const) {
      const answer = await send(display, event, payload);
      expect(answer.ok ? null : answer.error.code, event).toBe("UNKNOWN_EVENT");
      expect(answer.ok ? null : answer.error.message).toBe("Perintah tidak dikenal atau tidak tersedia untuk perangkat ini.");
    }
    // The display's own commands still work on the same socket.
    expect((await send(display, "display:config", {})).ok).toBe(true);

    // A revoked device cannot connect again.
    h.store.revokeDevice("kiosk-lobi", h.clock.now);
    await expect(connect(h.url, "/kiosk", h.tokens.kiosk)).rejects.toThrow("UNAUTHORIZED");
  });

  it("an officer acts only on the counter they opened", async () => {
    const { h, counter, kiosk } = await officeWithOfficer();
    await issue(kiosk, "ktp-el");
    await must(counter, "counter:open", { requestId: rid(), counterId: "loket-1" });
    const other = track(await connect(h.url, "/counter", await login(h.url, h.users.officer2)));
    const stolen = await send(other, "ticket:call_next", { requestId: rid(), counterId: "loket-1" });
    expect(stolen.ok || stolen.error.code).toBe("FORBIDDEN");
    const taken = await send(other, "counter:open", { requestId: rid(), counterId: "loket-1" });
    expect(taken.ok || taken.error).toMatchObject({
      code: "COUNTER_TAKEN",
      message: "Loket ini sedang dipakai petugas lain. Minta petugas tersebut atau supervisor menutupnya dulu.",
    });
    // A closed counter is nobody's: calling on it says it is not open, not that it is forbidden.
    const closed = await send(other, "ticket:call_next", { requestId: rid(), counterId: "loket-2" });
    expect(closed.ok || closed.error.code).toBe("COUNTER_NOT_OPEN");
    // /counter's ticket:cancel names the ticket only; a counterId is refused like any unknown field.
    const withCounter = await send(other, "ticket:cancel", { requestId: rid(), ticketId: "x", counterId: "loket-1" });
    expect(withCounter.ok || withCounter.error.code).toBe("INVALID_PAYLOAD");
    const supervisor = track(await connect(h.url, "/counter", await login(h.url, h.users.supervisor)));
    const called = await must(supervisor, "ticket:call_next", { requestId: rid(), counterId: "loket-1" });
    expect(called.current?.number).toBe("A-001");
  });

  it("locks a user out after 5 failed logins for 5 minutes", async () => {
    const clock = new FakeClock();
    const h = track(await startHub({ clock }));
    const attempt = (secret: string) =>
      fetch(`${h.url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: h.users.officer.username, secret }),
      });
    for (let i = 0; i < 4; i++) expect((await attempt("000000")).status).toBe(401);
    const fifth = await attempt("000000");
    expect(fifth.status).toBe(429);
    expect(((await fifth.json()) as { error: { code: string } }).error.code).toBe("LOGIN_LOCKED");
    // Even the right PIN is refused while locked.
    expect((await attempt(h.users.officer.secret)).status).toBe(429);
    clock.advance(5 * 60_000 + 1);
    expect((await attempt(h.users.officer.secret)).status).toBe(200);
    const badBody = await fetch(`${h.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" });
    expect(badBody.status).toBe(400);
  });

  it("a reconnecting display gets the calls it missed, or a snapshot when too far behind", async () => {
    const { h, counter, kiosk, display } = await officeWithOfficer();
    for (let i = 0; i < 3; i++) await issue(kiosk, "ktp-el");
    await must(counter, "counter:open", { requestId: rid(), counterId: "loket-1" });
    const first = await must(display, "sync:request", { sinceSeq: null });
    expect(first.mode).toBe("snapshot");
    const seenSeq = first.seq;
    display.disconnect();

    await must(counter, "ticket:call_next", { requestId: rid(), counterId: "loket-1" });
    await must(counter, "ticket:complete", { requestId: rid(), counterId: "loket-1", outcome: "selesai" });
    await must(counter, "ticket:call_next", { requestId: rid(), counterId: "loket-1" });

    const again = track(await connect(h.url, "/display", h.tokens.display));
    const resync = await must(again, "sync:request", { sinceSeq: seenSeq });
    expect(resync.mode).toBe("events");
    if (resync.mode !== "events") return;
    const calls = resync.events.filter((e) => e.name === "ticket:called").map((e) => e.payload.number);
    expect(calls).toEqual(["A-001", "A-002"]);
    const loket1 = resync.events.find((e) => e.name === "counter:updated" && (e.payload as unknown as { id: string }).id === "loket-1");
    expect(loket1?.payload).toMatchObject({ current: { number: "A-002", status: "called" } });
    expect(resync.seq).toBe(h.hub.engine.seq);

    const fresh = await must(again, "sync:request", { sinceSeq: null });
    expect(fresh.mode).toBe("snapshot");
    if (fresh.mode === "snapshot") expect(fresh.snapshot.lastCalls.map((c) => c.number)).toEqual(["A-002", "A-001"]);
  });

  it("display groups only receive the calls of their counters", async () => {
    const { h, counter, kiosk, display } = await officeWithOfficer();
    const dukcapil = track(await connect(h.url, "/display", h.tokens.displayDukcapil));
    await issue(kiosk, "nib-oss");
    await must(counter, "counter:open", { requestId: rid(), counterId: "loket-5" });
    const mainScreen = nextPush<CallView>(display, "ticket:called");
    const dukcapilScreen = nextPush<CallView>(dukcapil, "ticket:called", 500).then(
      () => "received",
      () => "silent",
    );
    await must(counter, "ticket:call_next", { requestId: rid(), counterId: "loket-5" });
    expect((await mainScreen).number).toBe("F-001");
    expect(await dukcapilScreen).toBe("silent");
  });

  it("SERVICE_CLOSED outside the service's hours, with an Indonesian message", async () => {
    // Friday 12:00 WIB: the Friday prayer break of the sample office.
    const clock = new FakeClock(Date.UTC(2026, 10, 27, 5, 0, 0));
    const h = track(await startHub({ clock, alwaysOpen: false }));
    const kiosk = track(await connect(h.url, "/kiosk", h.tokens.kiosk));
    const answer = await send(kiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" });
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.code).toBe("SERVICE_CLOSED");
      expect(answer.error.message).toMatch(/tutup/);
    }
    const status = await must(kiosk, "service:status", { serviceId: "ktp-el" });
    expect(status.open).toBe(false);
  });

  it("a kiosk cancels its own unprinted ticket and nobody else's", async () => {
    const { h, kiosk } = await officeWithOfficer();
    const issued = await issue(kiosk, "ktp-el");
    const other = track(await connect(h.url, "/kiosk", h.tokens.kiosk2));
    const foreign = await send(other, "ticket:cancel", { requestId: rid(), ticketId: issued.ticket.id, reason: "print_failed" });
    expect(foreign.ok || foreign.error.code).toBe("FORBIDDEN");
    await must(kiosk, "ticket:cancel", { requestId: rid(), ticketId: issued.ticket.id, reason: "print_failed" });
    expect(h.hub.engine.state.tickets.get(issued.ticket.id)?.status).toBe("cancelled");
    // The number is never reused.
    expect((await issue(kiosk, "ktp-el")).ticket.number).toBe("A-002");
  });

  it("acknowledged tickets survive a restart, and numbering continues", async () => {
    await withStoredHub(async ({ dbPath, clock, first, kiosk }) => {
      await issue(kiosk, "ktp-el");
      await issue(kiosk, "ktp-el");
      kiosk.close();
      await first.close();

      const second = track(await startHub({ dbPath, clock, seeded: first }));
      const kiosk2 = track(await connect(second.url, "/kiosk", second.tokens.kiosk));
      expect((await issue(kiosk2, "ktp-el")).ticket.number).toBe("A-003");
      const status = await must(kiosk2, "service:status", { serviceId: "ktp-el" });
      expect(status.waiting).toBe(3);
    });
  });

  it("browser kiosks print through the hub; a printer with no paper issues nothing", async () => {
    const out = mkdtempSync(join(tmpdir(), "layan-emu-"));
    const emulator = await startPrinterEmulator({ port: 0, outDir: out });
    track({ close: () => emulator.close() });
    const h0 = await startHub();
    // The kiosk's printer points at the emulator, as `--kiosk-printer` does.
    h0.setup.kiosks.set("kiosk-lobi", { id: "kiosk-lobi", name: "Kiosk Lobi", serviceIds: null, printer: { kind: "network", host: "127.0.0.1", port: emulator.port, path: null, paper: "80mm" } });
    await h0.close();
    const printing = networkPrinting(h0.setup, (await import("pino")).pino({ level: "silent" }));
    const h = track(await startHub({ printing }));
    h.setup.kiosks.set("kiosk-lobi", h0.setup.kiosks.get("kiosk-lobi")!);
    const kiosk = track(await connect(h.url, "/kiosk", h.tokens.kiosk));

    const printed = await issue(kiosk, "ktp-el", { printVia: "hub" });
    expect(printed.printed).toBe(true);
    const [job] = await emulator.waitForJobs(1);
    expect(job?.text).toContain("A-001");

    expect(await must(kiosk, "printer:status", {})).toEqual({ ready: true, code: null, problem: null });
    emulator.setState({ paperEnd: true });
    expect(await must(kiosk, "printer:status", {})).toEqual({ ready: false, code: "PAPER_END", problem: "Kertas habis" });
    const refused = await send(kiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el", printVia: "hub" });
    expect(refused.ok || refused.error.code).toBe("PRINTER_UNAVAILABLE");
    expect(refused.ok || refused.error.message).toMatch(/Kertas habis/);
    const status = await must(kiosk, "service:status", { serviceId: "ktp-el" });
    expect(status.waiting).toBe(1);
    rmSync(out, { recursive: true, force: true });
  });
});
