/**
 * Today's service operations over real HTTP against a real hub process
 * (issue 16): the role matrix for every operation, an audit entry for each,
 * a kiosk refused SERVICE_CLOSED after a close and issuing after the reopen,
 * an officer's counter closed by a supervisor, the displays told of a new
 * running text, a closure that survives SIGKILL, and a 20-kiosk burst across
 * a quota change (no number twice, never over the quota).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditEntry, AuditPage, CounterSnapshot, IssuedTicket, OperationsToday, ServiceStatus, TodayNotices } from "@layan/protocol";
import { connect, must, nextPush, rid, send, type TestSocket } from "../../apps/hub/src/testing/harness";
import { startTestHub, type TestHub } from "../support/test-hub";
import { adminClient } from "./admin.support";

let hub: TestHub;
const tokens: Record<"officer" | "supervisor" | "manager" | "admin", string> = { officer: "", supervisor: "", manager: "", admin: "" };
const client = adminClient(() => hub.url, "layan-operations-test/1");
const call = <T = OperationsToday>(method: "GET" | "POST", path: string, token: string | null, body?: object) => client.call<T>(method, path, token, body);
const { login } = client;

const ok = async (path: string, body: object, token = tokens.supervisor): Promise<OperationsToday> => {
  const answer = await call("POST", path, token, body);
  expect(answer.status, `${path}: ${answer.body.error?.code ?? ""}`).toBe(200);
  return answer.body.data;
};

const today = async (): Promise<OperationsToday> => (await call("GET", "/api/admin/operations", tokens.admin)).body.data;
const service = async (id: string) => (await today()).services.find((s) => s.id === id)!;

async function audit(action: string): Promise<AuditEntry[]> {
  return (await call<AuditPage>("GET", `/api/admin/audit?action=${action}`, tokens.admin)).body.data.entries;
}

beforeAll(async () => {
  hub = await startTestHub();
  for (const role of ["officer", "supervisor", "manager", "admin"] as const) {
    tokens[role] = await login(hub.user(role).username, hub.user(role).secret);
  }
}, 60_000);

afterAll(async () => {
  await hub?.stop();
});

/** Every operation, each on its own service or counter so the matrix can run them twice (supervisor, admin). */
const OPERATIONS: { path: string; body: object }[] = [
  { path: "/api/admin/operations/services/skck/close", body: { reason: "Sistem Polri gangguan" } },
  { path: "/api/admin/operations/services/skck/reopen", body: {} },
  { path: "/api/admin/operations/services/sppl/quota", body: { quota: 40 } },
  { path: "/api/admin/operations/counters/loket-9/close", body: { reason: "Petugas rapat" } },
  { path: "/api/admin/operations/counters/loket-9/reopen", body: {} },
  { path: "/api/admin/operations/notice", body: { kind: "runningText", text: "Uji teks berjalan" } },
  { path: "/api/admin/operations/notice", body: { kind: "announcement", text: "Uji pengumuman" } },
];

describe("the role matrix", () => {
  it("refuses officers, managers, devices and no token for every operation and the view; nothing changes", async () => {
    const before = await today();
    for (const role of ["officer", "manager"] as const) {
      expect((await call("GET", "/api/admin/operations", tokens[role])).status, role).toBe(403);
      for (const op of OPERATIONS) {
        const refused = await call("POST", op.path, tokens[role], op.body);
        expect([refused.status, refused.body.error?.code], `${role} ${op.path}`).toEqual([403, "ADMIN_FORBIDDEN"]);
      }
    }
    for (const op of OPERATIONS) {
      expect((await call("POST", op.path, hub.kioskToken, op.body)).status, `kiosk ${op.path}`).toBe(403);
      expect((await call("POST", op.path, null, op.body)).status, `none ${op.path}`).toBe(401);
    }
    expect(await today()).toEqual(before);
  });

  it("lets supervisors and admins do each, with an audit entry naming who, what and where", async () => {
    const actions = ["service.close_today", "service.reopen_today", "service.quota_today", "counter.close_today", "counter.reopen_today", "notice.running_text", "notice.announcement"];
    for (const role of ["supervisor", "admin"] as const) {
      for (const [i, op] of OPERATIONS.entries()) {
        // The second round changes something too, so each is audited again.
        const body = role === "admin" && "quota" in op.body ? { quota: 41 } : role === "admin" && "text" in op.body ? { ...op.body, text: `${String(op.body.text)} 2` } : op.body;
        await ok(op.path, body, tokens[role]);
        const [entry] = await audit(actions[i]!);
        expect(entry, `${role} ${op.path}`).toMatchObject({ actor: { kind: "user", name: hub.user(role).username }, userAgent: "layan-operations-test/1" });
        expect(entry?.address).toMatch(/127\.0\.0\.1/);
      }
    }
    expect((await audit("service.close_today"))[0]).toMatchObject({ target: "skck", after: { reason: "Sistem Polri gangguan" } });
    expect((await audit("service.quota_today"))[0]).toMatchObject({ target: "sppl", after: { quota: 41 } });
  });

  it("answers bad input with INVALID_PAYLOAD and an unknown service with SERVICE_UNKNOWN, in Indonesian", async () => {
    const short = await call("POST", "/api/admin/operations/services/kia/close", tokens.supervisor, { reason: "x" });
    expect([short.status, short.body.error?.code]).toEqual([400, "INVALID_PAYLOAD"]);
    const negative = await call("POST", "/api/admin/operations/services/kia/quota", tokens.supervisor, { quota: -1 });
    expect(negative.status).toBe(400);
    const unknown = await call("POST", "/api/admin/operations/services/tidak-ada/close", tokens.supervisor, { reason: "Alasan uji" });
    expect([unknown.status, unknown.body.error?.code]).toEqual([404, "SERVICE_UNKNOWN"]);
    expect(unknown.body.error?.message).toMatch(/layanan/i);
  });
});

describe("a service closed for today", () => {
  it("refuses a kiosk SERVICE_CLOSED with the reason in its status, keeps the waiting ticket, and issues again after the reopen", async () => {
    const kiosk = await connect(hub.url, "/kiosk", hub.kioskToken);
    const waiting = await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" });
    const closed = await ok("/api/admin/operations/services/ktp-el/close", { reason: "Blangko KTP-el habis" });
    expect(closed.services.find((s) => s.id === "ktp-el")).toMatchObject({ closedToday: { reason: "Blangko KTP-el habis" }, waiting: 1 });
    const refused = await send(kiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" });
    expect(refused.ok ? null : refused.error.code).toBe("SERVICE_CLOSED");
    const status = await must(kiosk, "service:status", { serviceId: "ktp-el" });
    expect(status).toMatchObject<Partial<ServiceStatus>>({ open: false, closedToday: { reason: "Blangko KTP-el habis", at: expect.any(Number) as number } });
    // The ticket already in a citizen's hand is still called.
    const counter: TestSocket<"counter"> = await connect(hub.url, "/counter", tokens.officer);
    await must(counter, "counter:open", { requestId: rid(), counterId: "loket-1" });
    const called = await must(counter, "ticket:call_next", { requestId: rid(), counterId: "loket-1" });
    expect(called.current?.number).toBe(waiting.ticket.number);
    await must(counter, "ticket:complete", { requestId: rid(), counterId: "loket-1", outcome: "selesai" });
    await must(counter, "counter:close", { requestId: rid(), counterId: "loket-1" });
    counter.close();

    await ok("/api/admin/operations/services/ktp-el/reopen", {});
    const issued = await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" });
    expect(issued.ticket.number).not.toBe(waiting.ticket.number);
    expect((await must(kiosk, "service:status", { serviceId: "ktp-el" })).closedToday).toBeNull();
    kiosk.close();
  });

  it("is kept after a SIGKILL: the log replays it", async () => {
    await ok("/api/admin/operations/services/akta-kelahiran/close", { reason: "Sistem pusat gangguan" });
    await ok("/api/admin/operations/services/kia/quota", { quota: 7 });
    await hub.kill();
    await hub.restart();
    for (const role of ["supervisor", "admin"] as const) tokens[role] = await login(hub.user(role).username, hub.user(role).secret);
    expect((await service("akta-kelahiran")).closedToday?.reason).toBe("Sistem pusat gangguan");
    expect((await service("kia")).quota).toBe(7);
    await ok("/api/admin/operations/services/akta-kelahiran/reopen", {});
  }, 60_000);
});

describe("today's quota", () => {
  it("refuses a quota below what was issued today with QUOTA_BELOW_ISSUED", async () => {
    const kiosk = await connect(hub.url, "/kiosk", hub.kioskToken);
    await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "pbg" });
    await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "pbg" });
    kiosk.close();
    const refused = await call("POST", "/api/admin/operations/services/pbg/quota", tokens.supervisor, { quota: 1 });
    expect([refused.status, refused.body.error?.code]).toEqual([409, "QUOTA_BELOW_ISSUED"]);
    expect(refused.body.error?.message).toMatch(/Kuota tidak boleh/);
    expect((await ok("/api/admin/operations/services/pbg/quota", { quota: 2 })).services.find((s) => s.id === "pbg")).toMatchObject({ issued: 2, quota: 2 });
  });

  it("20 kiosks issuing across a raise: no number twice, never over the quota, every place used", async () => {
    await ok("/api/admin/operations/services/nib-oss/quota", { quota: 10 });
    const kiosks = await Promise.all(Array.from({ length: 20 }, () => connect(hub.url, "/kiosk", hub.kioskToken)));
    const numbers: string[] = [];
    const codes = new Set<string>();
    let raised = false;
    const load = kiosks.map(async (kiosk) => {
      let refusedSinceRaise = 0;
      // Bounded: 60 attempts a kiosk at most.
      for (let i = 0; i < 60 && refusedSinceRaise < 2; i++) {
        const answer = await send<IssuedTicket>(kiosk, "ticket:issue", { requestId: rid(), serviceId: "nib-oss" });
        if (answer.ok) numbers.push(answer.data.ticket.number);
        else {
          codes.add(answer.error.code);
          if (raised) refusedSinceRaise += 1;
          else await new Promise((r) => setTimeout(r, 5));
        }
      }
    });
    for (let i = 0; i < 400 && numbers.length < 10; i++) await new Promise((r) => setTimeout(r, 10));
    await ok("/api/admin/operations/services/nib-oss/quota", { quota: 25 });
    raised = true;
    await Promise.all(load);
    for (const k of kiosks) k.close();
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.length).toBe(25);
    expect([...codes]).toEqual(["QUOTA_REACHED"]);
    expect(await service("nib-oss")).toMatchObject({ issued: 25, quota: 25 });
  }, 60_000);
});

describe("a counter closed for today", () => {
  it("closes the officer's open counter at once and keeps it from being opened until the reopen", async () => {
    const counter: TestSocket<"counter"> = await connect(hub.url, "/counter", tokens.officer);
    await must(counter, "counter:open", { requestId: rid(), counterId: "loket-2" });
    const pushed = nextPush<CounterSnapshot>(counter, "counter:snapshot", 5_000, (s) => s.counter.status === "closed");
    const view = await ok("/api/admin/operations/counters/loket-2/close", { reason: "Komputer loket rusak" });
    expect(view.counters.find((c) => c.id === "loket-2")).toMatchObject({ status: "closed", closedToday: { reason: "Komputer loket rusak" } });
    expect((await pushed).counter.status).toBe("closed");
    const refused = await send(counter, "counter:open", { requestId: rid(), counterId: "loket-2" });
    expect(refused.ok ? null : [refused.error.code, refused.error.message]).toEqual([
      "COUNTER_SUSPENDED",
      expect.stringMatching(/ditutup hari ini/) as string,
    ]);
    await ok("/api/admin/operations/counters/loket-2/reopen", {});
    await must(counter, "counter:open", { requestId: rid(), counterId: "loket-2" });
    await must(counter, "counter:close", { requestId: rid(), counterId: "loket-2" });
    counter.close();
  });

  it("refuses while a citizen is at the desk (COUNTER_BUSY)", async () => {
    const kiosk = await connect(hub.url, "/kiosk", hub.kioskToken);
    await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "stnk-tahunan" });
    kiosk.close();
    const counter: TestSocket<"counter"> = await connect(hub.url, "/counter", tokens.officer);
    const open = await must(counter, "counter:open", { requestId: rid(), counterId: "loket-5" });
    expect(open.counter.status).toBe("open");
    const call1 = await send<CounterSnapshot>(counter, "ticket:call_next", { requestId: rid(), counterId: "loket-5" });
    expect(call1.ok).toBe(true);
    const busy = await call("POST", "/api/admin/operations/counters/loket-5/close", tokens.supervisor, { reason: "Alasan uji" });
    expect([busy.status, busy.body.error?.code]).toEqual([409, "COUNTER_BUSY"]);
    await must(counter, "ticket:complete", { requestId: rid(), counterId: "loket-5", outcome: "selesai" });
    await must(counter, "counter:close", { requestId: rid(), counterId: "loket-5" });
    counter.close();
  });
});

describe("notices", () => {
  it("tells every display of a new running text and announcement, and a display that connects later reads them in its config", async () => {
    const [displayId, token] = Object.entries(hub.displayTokens)[0]!;
    const display: TestSocket<"display"> = await connect(hub.url, "/display", token);
    const pushed = nextPush<TodayNotices>(display, "notice:changed", 5_000, (n) => n.runningText.includes("Layanan KTP-el ditutup"));
    await ok("/api/admin/operations/notice", { kind: "runningText", text: "Layanan KTP-el ditutup hari ini" });
    const notices = await pushed;
    expect(notices.runningText).toMatch(/^Selamat datang di Mal Pelayanan Publik.*• {2}Layanan KTP-el ditutup hari ini$/);
    const announced = nextPush<TodayNotices>(display, "notice:changed", 5_000, (n) => n.announcement?.text === "Mohon antre dengan tertib");
    await ok("/api/admin/operations/notice", { kind: "announcement", text: "Mohon antre dengan tertib" });
    expect((await announced).announcement?.text).toBe("Mohon antre dengan tertib");
    display.close();
    const later: TestSocket<"display"> = await connect(hub.url, "/display", token);
    const config = await must(later, "display:config", {});
    expect(config.displayId).toBe(displayId);
    expect(config.notices).toMatchObject({ runningTextToday: { text: "Layanan KTP-el ditutup hari ini" }, announcement: { text: "Mohon antre dengan tertib" } });
    await ok("/api/admin/operations/notice", { kind: "runningText", text: "" });
    expect((await must(later, "display:config", {})).notices.runningTextToday).toBeNull();
    later.close();
  });
});
