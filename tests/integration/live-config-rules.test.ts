/**
 * When a config change takes effect, rule by rule, on a real hub with a real
 * store: now, from the next service day (across midnight on the hub's
 * clock), or refused with the queue untouched.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { Catalog, CounterSnapshot, IssuedTicket } from "@layan/protocol";
import { afterEach, describe, expect, it } from "vitest";
import { FakeClock, connect, login, must, nextPush, rid, send } from "../../apps/hub/src/testing/harness";
import { liveOffice, until, type LiveOffice } from "./live-config.support";

/** Friday 27 November 2026, 23:50 WIB: ten minutes before the next service day. */
const FRIDAY_2350_WIB = Date.UTC(2026, 10, 27, 16, 50, 0);

const offices: LiveOffice[] = [];
afterEach(async () => {
  for (const o of offices.splice(0)) await o.close();
});

async function office(clock = new FakeClock()) {
  const o = await liveOffice({ clock, dayCheckMs: 20 });
  offices.push(o);
  const kiosk = await connect(o.hub.url, "/kiosk", o.hub.tokens.kiosk);
  const issue = (serviceId: string) => send<IssuedTicket>(kiosk, "ticket:issue", { requestId: rid(), serviceId });
  return { ...o, clock, kiosk, issue };
}

/** The new service day begins on the hub's clock; the hub notices it and applies what waited. */
async function crossMidnight(o: Awaited<ReturnType<typeof office>>): Promise<void> {
  const version = o.live.status().version;
  o.clock.now += 15 * 60_000;
  await until("the next service day's config applied", () => o.live.status().version > version);
}

describe("takes effect now", () => {
  it("a requirement, the running text and a counter's name: kiosks are told and read the new catalog", async () => {
    const o = await office();
    const told = nextPush(o.kiosk, "config:changed");
    const result = o.live.applyConfig([
      { file: "services/ktp-el.yaml", set: [{ path: ["persyaratan", 1, "text"], value: "Fotokopi KK terbaru" }] },
      { file: "office.yaml", set: [{ path: ["runningText", 0], value: "Selamat datang di MPP." }] },
      { file: "counters.yaml", set: [{ path: ["counters", 0, "name"], value: "Loket KTP" }] },
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.applied.map((c) => [c.kind, c.effect])).toEqual([
      ["office.changed", "now"],
      ["service.changed", "now"],
      ["counter.changed", "now"],
    ]);
    expect(result.data.pending).toEqual([]);
    expect(result.data.backup).not.toBeNull();
    await told;
    const catalog = await must(o.kiosk, "catalog:get", {});
    expect(catalog.services.find((s) => s.id === "ktp-el")?.persyaratan[1]?.text).toBe("Fotokopi KK terbaru");
    expect(catalog.office.runningText).toMatch(/^Selamat datang di MPP\./);
    const counter = await connect(o.hub.url, "/counter", await login(o.hub.url, o.hub.users.officer));
    const forCounter = (await must(counter, "catalog:get", {})) as Catalog & { counters: { id: string; name: string }[] };
    expect(forCounter.counters[0]?.name).toBe("Loket KTP");
    counter.close();
  });

  it("a display's group: the connected screen hears the calls of its new counters, no longer its old ones", async () => {
    const o = await office();
    const display = await connect(o.hub.url, "/display", o.hub.tokens.displayDukcapil);
    const r = o.live.applyConfig([{ file: "devices.yaml", set: [{ path: ["displays", 1, "group", "counters"], value: ["loket-12"] }] }]);
    expect(r.ok && r.data.applied.map((c) => c.kind)).toEqual(["devices.changed"]);
    expect((await must(display, "display:config", {})).counterIds).toEqual(["loket-12"]);
    const counter = await connect(o.hub.url, "/counter", await login(o.hub.url, o.hub.users.supervisor));
    const calls: string[] = [];
    display.on("ticket:called", (c) => calls.push(c.counterId));
    for (const [counterId, serviceId] of [["loket-1", "ktp-el"], ["loket-12", "skck"]] as const) {
      await must(counter, "counter:open", { requestId: rid(), counterId });
      expect((await o.issue(serviceId)).ok).toBe(true);
      await must(counter, "ticket:call_next", { requestId: rid(), counterId });
    }
    await until("the call at loket-12 reached the display", () => calls.includes("loket-12"));
    expect(calls).toEqual(["loket-12"]);
    counter.close();
    display.close();
  });

  it("a counter's services: its officer's waiting list follows the kiosks' issues of its new service", async () => {
    const o = await office();
    const counter = await connect(o.hub.url, "/counter", await login(o.hub.url, o.hub.users.officer));
    await must(counter, "counter:open", { requestId: rid(), counterId: "loket-12" });
    // The hub has already pushed to this counter under the old config.
    const before = nextPush(counter, "counter:snapshot");
    expect((await o.issue("skck")).ok).toBe(true);
    await before;
    const r = o.live.applyConfig([{ file: "counters.yaml", set: [{ path: ["counters", 11, "services"], value: ["skck", "ktp-el"] }] }]);
    expect(r.ok && r.data.applied.map((c) => c.kind)).toEqual(["counter.changed"]);
    const pushed = nextPush<CounterSnapshot>(counter, "counter:snapshot", 5_000, (snap) => snap.queues.some((q) => q.serviceId === "ktp-el" && q.waiting === 1));
    expect((await o.issue("ktp-el")).ok).toBe(true);
    await pushed;
    const called = await must(counter, "ticket:call_next", { requestId: rid(), counterId: "loket-12" });
    expect(called.current?.number).toBe("SK-001");
    counter.close();
  });

  it("a prefix of a service that issued nothing today, and a quota raised", async () => {
    const o = await office();
    const r = o.live.applyConfig([
      { file: "services/kartu-keluarga.yaml", set: [{ path: ["prefix"], value: "R" }] },
      { file: "services/kia.yaml", set: [{ path: ["dailyQuota"], value: 200 }] },
    ]);
    expect(r.ok && r.data.applied.map((c) => c.effect)).toEqual(["now", "now"]);
    const t = await o.issue("kartu-keluarga");
    expect(t.ok && t.data.ticket.number).toBe("R-001");
  });
});

describe("takes effect from the next service day", () => {
  it("a prefix change once the service has issued today: today's numbers go on, the new prefix starts at 001 after midnight", async () => {
    const o = await office(new FakeClock(FRIDAY_2350_WIB));
    const first = await o.issue("ktp-el");
    expect(first.ok && first.data.ticket.number).toBe("A-001");
    const r = o.live.applyConfig([{ file: "services/ktp-el.yaml", set: [{ path: ["prefix"], value: "Q" }] }]);
    expect(r.ok && r.data.pending.map((c) => [c.kind, c.subject, c.effect])).toEqual([["service.prefix", "ktp-el", "next_day"]]);
    expect(o.live.status().pending).toHaveLength(1);
    const second = await o.issue("ktp-el");
    expect(second.ok && second.data.ticket.number).toBe("A-002");
    await crossMidnight(o);
    expect(o.live.status().pending).toEqual([]);
    const tomorrow = await o.issue("ktp-el");
    expect(tomorrow.ok && tomorrow.data.ticket.number).toBe("Q-001");
  });

  it("a prefix another service used today waits for the next day", async () => {
    const o = await office(new FakeClock(FRIDAY_2350_WIB));
    expect((await o.issue("ktp-el")).ok).toBe(true);
    // ktp-el gives up A (it waits: it issued today), kartu-keluarga asks for A: it must wait too.
    const r = o.live.applyConfig([
      { file: "services/ktp-el.yaml", set: [{ path: ["prefix"], value: "Q" }] },
      { file: "services/kartu-keluarga.yaml", set: [{ path: ["prefix"], value: "A" }] },
    ]);
    expect(r.ok && r.data.pending.map((c) => c.subject).sort()).toEqual(["kartu-keluarga", "ktp-el"]);
    const kk = await o.issue("kartu-keluarga");
    expect(kk.ok && kk.data.ticket.number).toBe("B-001");
    await crossMidnight(o);
    const kkTomorrow = await o.issue("kartu-keluarga");
    expect(kkTomorrow.ok && kkTomorrow.data.ticket.number).toBe("A-001");
  });

  it("a quota lowered below what was issued today", async () => {
    const o = await office(new FakeClock(FRIDAY_2350_WIB));
    for (let i = 0; i < 3; i++) expect((await o.issue("kia")).ok).toBe(true);
    const r = o.live.applyConfig([{ file: "services/kia.yaml", set: [{ path: ["dailyQuota"], value: 2 }] }]);
    expect(r.ok && r.data.pending.map((c) => [c.kind, c.effect])).toEqual([["service.quota", "next_day"]]);
    // Today the old quota (80) still holds: no citizen is refused for a number the office already gave out.
    expect((await o.issue("kia")).ok).toBe(true);
    await crossMidnight(o);
    expect((await o.issue("kia")).ok).toBe(true);
    expect((await o.issue("kia")).ok).toBe(true);
    const third = await o.issue("kia");
    expect(!third.ok && third.error.code).toBe("QUOTA_REACHED");
  });
});

describe("refused, and nothing changes", () => {
  it("removing a service with a ticket waiting; allowed once nobody waits", async () => {
    const o = await office();
    const waiting = await o.issue("ukl-upl");
    expect(waiting.ok).toBe(true);
    rmSync(join(o.dir, "services/ukl-upl.yaml"));
    o.edit("counters.yaml", (t) => t.replace("services: [sppl, ukl-upl]", "services: [sppl]"));
    const r = o.live.reload();
    expect(!r.ok && r.error.code).toBe("CONFIG_REFUSED");
    if (r.ok) return;
    expect(r.error.message).toMatch(/tidak ada yang diubah/);
    expect(r.error.lines[0]).toMatch(/ukl-upl masih punya 1 antrean/);
    expect(o.live.status().lastRefusal?.code).toBe("CONFIG_REFUSED");
    expect((await must(o.kiosk, "catalog:get", {})).services.some((s) => s.id === "ukl-upl")).toBe(true);
    expect((await o.issue("ukl-upl")).ok).toBe(true);
    // The citizens leave; now it goes.
    for (const t of [waiting]) if (t.ok) await must(o.kiosk, "ticket:cancel", { requestId: rid(), ticketId: t.data.ticket.id, reason: "citizen_left" });
    const supervisor = await connect(o.hub.url, "/counter", await login(o.hub.url, o.hub.users.supervisor));
    const left = o.hub.hub.engine.state;
    for (const t of [...left.tickets.values()].filter((x) => x.segment.serviceId === "ukl-upl" && x.status === "waiting")) {
      await must(supervisor, "ticket:cancel", { requestId: rid(), ticketId: t.id, reason: "citizen_left" });
    }
    supervisor.close();
    const again = o.live.reload();
    expect(again.ok && again.data.applied.map((c) => c.kind)).toContain("service.removed");
    expect(o.live.status().lastRefusal).toBeNull();
    expect((await must(o.kiosk, "catalog:get", {})).services.some((s) => s.id === "ukl-upl")).toBe(false);
  });

  it("removing a counter that is open", async () => {
    const o = await office();
    const counter = await connect(o.hub.url, "/counter", await login(o.hub.url, o.hub.users.officer));
    await must(counter, "counter:open", { requestId: rid(), counterId: "loket-12" });
    o.edit("counters.yaml", (t) => t.replace(/\n {2}- id: loket-12[\s\S]*$/, "\n"));
    o.edit("counters.yaml", (t) => t.replace("services: [sppl, ukl-upl]", "services: [sppl, ukl-upl, skck]"));
    const r = o.live.reload();
    expect(!r.ok && r.error.code).toBe("CONFIG_REFUSED");
    if (!r.ok) expect(r.error.lines).toEqual([expect.stringMatching(/Loket loket-12 sedang dibuka/)]);
    expect(o.hub.hub.engine.state.counterRules.has("loket-12")).toBe(true);
    const still = await send(counter, "ticket:call_next", { requestId: rid(), counterId: "loket-12" });
    expect(!still.ok && still.error.code).toBe("QUEUE_EMPTY");
    counter.close();
  });

  it("the office's timezone", async () => {
    const o = await office();
    const r = o.live.applyConfig([{ file: "office.yaml", set: [{ path: ["timezone"], value: "Asia/Makassar" }] }]);
    expect(!r.ok && r.error.code).toBe("CONFIG_REFUSED");
    // Refused before writing: the file is as it was.
    expect(o.live.reload().ok).toBe(true);
    expect(o.hub.hub.engine.state.rules.timezone).toBe("Asia/Jakarta");
  });

  it("an invalid edit: config:check's file:line, in the answer, the log's status and /healthz; the old config keeps running", async () => {
    const o = await office();
    o.edit("services/ktp-el.yaml", (t) => t.replace(/^prefix: A$/m, "prefix: 7"));
    const r = o.live.reload();
    expect(!r.ok && r.error.code).toBe("CONFIG_INVALID");
    if (r.ok) return;
    expect(r.error.lines).toEqual([expect.stringMatching(/^kiosk-config\/services\/ktp-el\.yaml:4 prefix: /)]);
    const health = (await (await fetch(`${o.hub.url}/healthz`)).json()) as { config: { version: number; lastRefusal: { lines: string[] } } };
    expect(health.config.version).toBe(1);
    expect(health.config.lastRefusal.lines[0]).toMatch(/ktp-el\.yaml:4/);
    const t = await o.issue("ktp-el");
    expect(t.ok && t.data.ticket.number).toBe("A-001");
  });
});
