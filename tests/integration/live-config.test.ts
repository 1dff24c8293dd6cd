/**
 * The config folder watched by a real hub while the office works: saves are
 * picked up without a restart, by every kiosk, and nothing acknowledged is
 * lost or numbered twice.
 */
import { renameSync, writeFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Catalog, IssuedTicket } from "@layan/protocol";
import { afterEach, describe, expect, it } from "vitest";
import { connect, must, rid, send, type TestSocket } from "../../apps/hub/src/testing/harness";
import { liveOffice, until, type LiveOffice } from "./live-config.support";

const offices: LiveOffice[] = [];
afterEach(async () => {
  for (const o of offices.splice(0)) await o.close();
});

const requirement = (c: Catalog) => c.services.find((s) => s.id === "ktp-el")?.persyaratan[1]?.text;

describe("a watched config folder", () => {
  it("reloads while 20 kiosks issue: no acknowledged ticket lost, none numbered twice, every kiosk sees the new config", async () => {
    const o = await liveOffice({ watch: true });
    offices.push(o);
    const kiosks: TestSocket<"kiosk">[] = await Promise.all(Array.from({ length: 20 }, () => connect(o.hub.url, "/kiosk", o.hub.tokens.kiosk)));
    const told = kiosks.map(() => 0);
    kiosks.forEach((k, i) => k.on("config:changed", () => (told[i] = (told[i] ?? 0) + 1)));
    // Services without a daily quota: the test is about the reload, not the quota.
    const services = ["kartu-keluarga", "akta-kelahiran", "nib-oss", "stnk-tahunan", "bpjs-pendaftaran"];
    const acked: IssuedTicket[] = [];
    let issuing = true;
    const load = kiosks.map(async (kiosk, k) => {
      // Bounded: at most 400 tickets a kiosk, stopped once the saves are in.
      for (let i = 0; issuing && i < 400; i++) {
        const answer = await send<IssuedTicket>(kiosk, "ticket:issue", { requestId: rid(), serviceId: services[(k + i) % services.length]! });
        if (answer.ok) acked.push(answer.data);
        else throw new Error(`refused: ${answer.error.code}`);
      }
    });
    await until("kiosks issuing", () => acked.length >= 40);
    // Three saves, each applied on its own, while the kiosks keep issuing.
    const beforeSaves = acked.length;
    for (const [n, text] of ["Fotokopi KK (1)", "Fotokopi KK (2)", "Fotokopi KK (3)"].entries()) {
      o.edit("services/ktp-el.yaml", (t) => t.replace(/^ {2}- text: Fotokopi (Kartu Keluarga|KK).*$/m, `  - text: ${text}`));
      await until(`save ${n + 1} applied`, () => o.live.status().version === n + 2);
    }
    const duringSaves = acked.length - beforeSaves;
    issuing = false;
    await Promise.all(load);
    expect(duringSaves).toBeGreaterThan(0);

    await until("every kiosk told of every change", () => told.every((t) => t === 3));
    for (const kiosk of kiosks) expect(requirement(await must(kiosk, "catalog:get", {}))).toBe("Fotokopi KK (3)");

    const issued = new Map<string, string>();
    for (const { event } of o.hub.hub.context.store.iterateEvents(1)) {
      if (event.type === "ticket.issued") issued.set(event.ticketId, `${event.serviceDay} ${event.number}`);
    }
    for (const t of acked) expect(issued.get(t.ticket.id)).toBe(`${t.ticket.serviceDay} ${t.ticket.number}`);
    const numbers = [...issued.values()];
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(acked.length).toBeGreaterThan(40);
    for (const k of kiosks) k.close();
  });

  it("a burst of saves is one reload; an editor that saves by rename is picked up", async () => {
    const o = await liveOffice({ watch: true, debounceMs: 200 });
    offices.push(o);
    const kiosk = await connect(o.hub.url, "/kiosk", o.hub.tokens.kiosk);
    for (let i = 1; i <= 5; i++) o.edit("office.yaml", (t) => t.replace(/^ {2}- Selamat datang.*$/m, `  - Selamat datang (${i}).`));
    await until("the burst applied", () => o.live.status().version > 1);
    // The debounce has passed once more: still one.
    await new Promise((r) => setTimeout(r, 400));
    expect(o.live.status().version).toBe(2);
    expect((await must(kiosk, "catalog:get", {})).office.runningText).toMatch(/^Selamat datang \(5\)\./);

    // vim, many IDEs: write a new file beside it, then rename it over the old one.
    const file = join(o.dir, "services/ktp-el.yaml");
    const text = readFileSync(file, "utf8").replace(/^ {2}- text: Fotokopi Kartu Keluarga.*$/m, "  - text: Fotokopi KK (disimpan lewat rename)");
    writeFileSync(`${file}.swp-new`, text);
    renameSync(`${file}.swp-new`, file);
    await until("the renamed file applied", () => o.live.status().version === 3);
    expect(requirement(await must(kiosk, "catalog:get", {}))).toBe("Fotokopi KK (disimpan lewat rename)");
    kiosk.close();
  });

  it("an invalid save is refused with its file:line and nothing changes; the next good save applies", async () => {
    const o = await liveOffice({ watch: true });
    offices.push(o);
    const kiosk = await connect(o.hub.url, "/kiosk", o.hub.tokens.kiosk);
    const before = await must(kiosk, "catalog:get", {});
    o.edit("services/ktp-el.yaml", (t) => t.replace(/^ {2}- text: Fotokopi Kartu Keluarga.*$/m, "  - text: Fotokopi KK\n    minutes: lima"));
    await until("the refusal recorded", () => o.live.status().lastRefusal !== null);
    const refusal = o.live.status().lastRefusal;
    expect(refusal?.code).toBe("CONFIG_INVALID");
    expect(refusal?.lines.some((l) => /^kiosk-config\/services\/ktp-el\.yaml:\d+ persyaratan\[1\]/.test(l))).toBe(true);
    expect(o.live.status().version).toBe(1);
    expect(await must(kiosk, "catalog:get", {})).toEqual(before);
    const t = await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" });
    expect(t.ticket.number).toBe("A-001");

    o.edit("services/ktp-el.yaml", (t2) => t2.replace("  - text: Fotokopi KK\n    minutes: lima", "  - text: Fotokopi KK"));
    await until("the fixed save applied", () => o.live.status().version === 2);
    expect(o.live.status().lastRefusal).toBeNull();
    expect(requirement(await must(kiosk, "catalog:get", {}))).toBe("Fotokopi KK");
    kiosk.close();
  });
});
