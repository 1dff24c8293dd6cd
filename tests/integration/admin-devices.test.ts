/**
 * Devices from the browser (issue 16) against a real hub process over real
 * HTTP and socket.io, on its own copy of the sample kiosk-config: a device
 * pairs by its code, an admin approves, the device collects its token once
 * with its secret and connects; wrong and reused codes; someone who only saw
 * the code collects nothing; the per-address limit; the role matrix for
 * every device action; an audit entry for each; rename and group moves
 * written back to devices.yaml; a revoked display's socket ends.
 * (Expiry needs ten minutes to pass: apps/hub/src/admin/pairing.test.ts, on a fake clock.)
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERROR_MESSAGES, formatPairingCode, type AdminDevice, type AuditEntry, type AuditPage, type DeviceList, type PairingCollected, type PairingStarted } from "@layan/protocol";
import { connect, send } from "../../apps/hub/src/testing/harness";
import { ROOT, startTestHub, type TestHub } from "../support/test-hub";
import { adminClient, type Answer } from "./admin.support";

let hub: TestHub;
let configRoot: string;
let configDir: string;
const tokens: Record<"officer" | "supervisor" | "manager" | "admin", string> = { officer: "", supervisor: "", manager: "", admin: "" };
const AGENT = "layan-devices-test/1";
const { call, login } = adminClient(() => hub.url, AGENT);

async function pairing(kind: "kiosk" | "display"): Promise<PairingStarted> {
  const started = await call<PairingStarted>("POST", "/api/pairing", null, { kind });
  expect(started.status).toBe(200);
  return started.body.data;
}

const collect = (secret: string) => call<PairingCollected>("POST", "/api/pairing/collect", null, { secret });

async function devices(): Promise<DeviceList> {
  return (await call<DeviceList>("GET", "/api/admin/devices", tokens.admin)).body.data;
}

async function device(id: string): Promise<AdminDevice | undefined> {
  return (await devices()).devices.find((d) => d.id === id);
}

async function audit(action: string): Promise<AuditEntry[]> {
  return (await call<AuditPage>("GET", `/api/admin/audit?action=${action}`, tokens.admin)).body.data.entries;
}

const devicesYaml = () => readFileSync(join(configDir, "devices.yaml"), "utf8");

beforeAll(async () => {
  configRoot = mkdtempSync(join(tmpdir(), "layan-devices-"));
  configDir = join(configRoot, "kiosk-config");
  cpSync(join(ROOT, "kiosk-config"), configDir, { recursive: true });
  hub = await startTestHub({ configDir });
  for (const role of ["officer", "supervisor", "manager", "admin"] as const) {
    tokens[role] = await login(hub.user(role).username, hub.user(role).secret);
  }
}, 60_000);

afterAll(async () => {
  await hub?.stop();
  rmSync(configRoot, { recursive: true, force: true });
});

describe("pairing by code", () => {
  it("enrols a new display: code, approval, its token collected once, then it connects to /display", async () => {
    const started = await pairing("display");
    expect(started.code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect(started.secret.length).toBeGreaterThanOrEqual(24);
    expect((await collect(started.secret)).body.data).toEqual({ status: "pending", expiresAt: started.expiresAt });

    // The admin types it as read from the screen, with the dash and in lower case.
    const typed = formatPairingCode(started.code).toLowerCase();
    const pending = await call<{ kind: string; address: string }>("GET", `/api/admin/pairings/${typed}`, tokens.admin);
    expect(pending.body.data).toMatchObject({ code: started.code, kind: "display", address: "127.0.0.1" });
    const group = { counters: ["loket-5", "loket-6"], services: [] };
    const approved = await call<AdminDevice>("POST", `/api/admin/pairings/${typed}/approve`, tokens.admin, { id: "display-lantai-2", name: "Layar Lantai 2", group });
    expect(approved.status).toBe(200);
    expect(approved.body.data).toMatchObject({ id: "display-lantai-2", kind: "display", inConfig: true, enrolled: true, revokedAt: null });
    expect(approved.body.data.group?.group).toEqual(group);
    // devices.yaml, the source of truth for groups, has the new screen.
    expect(devicesYaml()).toMatch(/id: display-lantai-2[\s\S]*name: Layar Lantai 2[\s\S]*loket-5/);

    const first = await collect(started.secret);
    expect(first.body.data).toMatchObject({ status: "approved", deviceId: "display-lantai-2", kind: "display" });
    const token = first.body.data.status === "approved" ? first.body.data.token : "";
    expect(token).toMatch(/^dev_/);
    // Once: the second ask finds nothing to hand out.
    const second = await collect(started.secret);
    expect([second.status, second.body.error?.code]).toEqual([410, "DEVICE_PAIRING_EXPIRED"]);

    const socket = await connect(hub.url, "/display", token);
    const config = await send<{ displayId: string; counterIds: string[] }>(socket, "display:config", {});
    expect(config).toMatchObject({ ok: true, data: { displayId: "display-lantai-2", counterIds: ["loket-5", "loket-6"] } });
    expect((await device("display-lantai-2"))?.connections).toBe(1);
    socket.close();

    const [entry] = await audit("device.pair");
    expect(entry).toMatchObject({
      actor: { kind: "user", name: hub.user("admin").username },
      address: "127.0.0.1",
      userAgent: AGENT,
      action: "device.pair",
      target: "display-lantai-2",
      after: { kind: "display", name: "Layar Lantai 2", code: started.code, deviceAddress: "127.0.0.1" },
    });
  });

  it("re-enrols a revoked kiosk under its devices.yaml id, and the new token issues a number", async () => {
    expect((await call("POST", "/api/admin/devices/kiosk-samsat/revoke", tokens.admin, {})).status).toBe(200);
    const started = await pairing("kiosk");
    const approved = await call<AdminDevice>("POST", `/api/admin/pairings/${started.code}/approve`, tokens.admin, { id: "kiosk-samsat", name: "Kiosk Samsat" });
    expect(approved.status).toBe(200);
    const collected = (await collect(started.secret)).body.data;
    const token = collected.status === "approved" ? collected.token : "";
    const kiosk = await connect(hub.url, "/kiosk", token);
    const catalog = await send<{ services: unknown[] }>(kiosk, "catalog:get", {});
    expect(catalog.ok).toBe(true);
    kiosk.close();
    // The old token stays refused.
    await expect(connect(hub.url, "/kiosk", hub.kioskTokens["kiosk-samsat"])).rejects.toThrow();
  });

  it("answers a wrong code, a reused code and a kind-mismatched or taken id with their codes and Indonesian messages", async () => {
    const wrong = await call("GET", "/api/admin/pairings/ZZZ-ZZZ", tokens.admin);
    expect([wrong.status, wrong.body.error?.code, wrong.body.error?.message]).toEqual([404, "DEVICE_PAIRING_UNKNOWN", ERROR_MESSAGES.DEVICE_PAIRING_UNKNOWN.id]);
    const garbage = await call("POST", "/api/admin/pairings/O0I1/approve", tokens.admin, { id: "x-1", name: "X" });
    expect([garbage.status, garbage.body.error?.code]).toEqual([404, "DEVICE_PAIRING_UNKNOWN"]);

    const started = await pairing("kiosk");
    const asDisplay = await call("POST", `/api/admin/pairings/${started.code}/approve`, tokens.admin, { id: "display-utama", name: "Salah" });
    expect([asDisplay.status, asDisplay.body.error?.code]).toEqual([409, "DEVICE_KIND_MISMATCH"]);
    const taken = await call("POST", `/api/admin/pairings/${started.code}/approve`, tokens.admin, { id: "kiosk-lobi", name: "Kiosk Lobi Utama" });
    expect([taken.status, taken.body.error?.code, taken.body.error?.message]).toEqual([409, "DEVICE_ID_TAKEN", ERROR_MESSAGES.DEVICE_ID_TAKEN.id]);
    const bad = await call("POST", `/api/admin/pairings/${started.code}/approve`, tokens.admin, { id: "Kiosk Baru!", name: "" });
    expect([bad.status, bad.body.error?.code]).toEqual([400, "INVALID_PAYLOAD"]);

    expect((await call("POST", `/api/admin/pairings/${started.code}/approve`, tokens.admin, { id: "kiosk-baru", name: "Kiosk Baru" })).status).toBe(200);
    const again = await call("POST", `/api/admin/pairings/${started.code}/approve`, tokens.admin, { id: "kiosk-baru-2", name: "Kiosk Baru 2" });
    expect([again.status, again.body.error?.code, again.body.error?.message]).toEqual([409, "DEVICE_PAIRING_USED", ERROR_MESSAGES.DEVICE_PAIRING_USED.id]);
    expect((await devices()).devices.some((d) => d.id === "kiosk-baru-2")).toBe(false);
  });

  it("hands the token only to the holder of the secret: someone who saw the code collects nothing", async () => {
    const started = await pairing("kiosk");
    expect((await call("POST", `/api/admin/pairings/${started.code}/approve`, tokens.admin, { id: "kiosk-tamu", name: "Kiosk Tamu" })).status).toBe(200);
    for (const guess of [started.code, `${started.code}${started.code}${started.code}`, "x".repeat(32)]) {
      const stolen = await collect(guess);
      expect(stolen.status, guess).not.toBe(200);
    }
    const tooShort = await call("POST", "/api/pairing/collect", null, { secret: "abc" });
    expect([tooShort.status, tooShort.body.error?.code]).toEqual([400, "INVALID_PAYLOAD"]);
    expect((await collect(started.secret)).body.data.status).toBe("approved");
  });
});

describe("the role matrix", () => {
  it("lets only an admin list, look up, approve, rename, move and revoke; others get 403 with the message, no token 401", async () => {
    const started = await pairing("display");
    const actions: [method: "GET" | "POST", path: string, body?: object][] = [
      ["GET", "/api/admin/devices"],
      ["GET", `/api/admin/pairings/${started.code}`],
      ["POST", `/api/admin/pairings/${started.code}/approve`, { id: "display-nakal", name: "Nakal" }],
      ["POST", "/api/admin/devices/display-utama/rename", { name: "Nakal" }],
      ["POST", "/api/admin/devices/display-utama/group", { group: "all" }],
      ["POST", "/api/admin/devices/display-utama/revoke", {}],
    ];
    const who: [string, string | null, number][] = [
      ["officer", tokens.officer, 403],
      ["supervisor", tokens.supervisor, 403],
      ["manager", tokens.manager, 403],
      ["kiosk token", hub.kioskToken, 403],
      ["display token", hub.displayTokens["display-utama"] ?? "", 403],
      ["nobody", null, 401],
    ];
    for (const [method, path, body] of actions) {
      for (const [name, token, status] of who) {
        const refused = await call(method, path, token, body);
        expect(refused.status, `${name} ${method} ${path}`).toBe(status);
        expect(refused.body.error?.code).toBe(status === 403 ? "ADMIN_FORBIDDEN" : "UNAUTHORIZED");
        if (status === 403) expect(refused.body.error?.message).toBe(ERROR_MESSAGES.ADMIN_FORBIDDEN.id);
      }
    }
    // Nothing happened: the code is still pending, the display untouched.
    expect((await collect(started.secret)).body.data.status).toBe("pending");
    expect(await device("display-utama")).toMatchObject({ name: "Ruang Tunggu Utama", revokedAt: null, group: { key: "all" } });
  });
});

describe("device administration", () => {
  it("renames and moves a display in devices.yaml (comments kept), each audited; the connected screen takes its new group", async () => {
    const before = devicesYaml();
    const screen = await connect(hub.url, "/display", hub.displayTokens["display-samsat"]);
    const renamed = await call<AdminDevice>("POST", "/api/admin/devices/display-samsat/rename", tokens.admin, { name: "Ruang Tunggu Samsat Timur" });
    expect(renamed.body.data).toMatchObject({ name: "Ruang Tunggu Samsat Timur", inConfig: true });
    const moved = await call<AdminDevice>("POST", "/api/admin/devices/display-samsat/group", tokens.admin, { group: { counters: ["loket-1", "loket-2", "loket-3", "loket-4"] } });
    expect(moved.status).toBe(200);
    expect(moved.body.data.group?.group).toEqual({ counters: ["loket-1", "loket-2", "loket-3", "loket-4"], services: [] });
    const after = devicesYaml();
    expect(after).toContain("name: Ruang Tunggu Samsat Timur");
    expect(after).not.toBe(before);
    expect(after).toContain("# Perangkat: kiosk antrean");
    // Live config regrouped the screen that was already connected: no restart, no reconnect.
    const config = await send<{ counterIds: string[]; name: string }>(screen, "display:config", {});
    expect(config).toMatchObject({ ok: true, data: { counterIds: ["loket-1", "loket-2", "loket-3", "loket-4"], name: "Ruang Tunggu Samsat Timur" } });
    screen.close();

    const [rename] = await audit("device.rename");
    expect(rename).toMatchObject({ target: "display-samsat", before: { name: "Ruang Tunggu Samsat" }, after: { name: "Ruang Tunggu Samsat Timur", inConfig: true }, actor: { name: hub.user("admin").username } });
    const [group] = await audit("device.group");
    expect(group).toMatchObject({ target: "display-samsat", before: { group: "counters:;services:stnk-tahunan" } });

    const unknownGroup = await call("POST", "/api/admin/devices/display-samsat/group", tokens.admin, { group: { counters: ["loket-99"] } });
    expect([unknownGroup.status, unknownGroup.body.error?.code]).toEqual([422, "CONFIG_INVALID"]);
    const kioskGroup = await call("POST", "/api/admin/devices/kiosk-lobi/group", tokens.admin, { group: "all" });
    expect(kioskGroup.body.error?.code).toBe("DEVICE_KIND_MISMATCH");
    const ghost = await call("POST", "/api/admin/devices/tidak-ada/rename", tokens.admin, { name: "X" });
    expect([ghost.status, ghost.body.error?.code]).toEqual([404, "DEVICE_NOT_FOUND"]);
  });

  it("revokes a connected display: its socket ends, the list says revoked, the trail has it", async () => {
    const socket = await connect(hub.url, "/display", hub.displayTokens["display-disdukcapil"]);
    const ended = new Promise<string>((resolve) => socket.once("disconnect", resolve));
    const revoked = await call<AdminDevice>("POST", "/api/admin/devices/display-disdukcapil/revoke", tokens.admin, {});
    expect(revoked.status).toBe(200);
    expect(revoked.body.data.revokedAt).not.toBeNull();
    await expect(ended).resolves.toBe("io server disconnect");
    expect((await device("display-disdukcapil"))?.connections).toBe(0);
    const [entry] = await audit("device.revoke");
    expect(entry).toMatchObject({ target: "display-disdukcapil", actor: { kind: "user", name: hub.user("admin").username }, address: "127.0.0.1" });
  });
});

describe("the pairing limit", () => {
  it("refuses an address that asks for more codes than a device would, with the Indonesian message", async () => {
    let refusal: Answer<unknown> | null = null;
    for (let i = 0; i < 12 && !refusal; i += 1) {
      const answer = await call("POST", "/api/pairing", null, { kind: "kiosk" });
      if (answer.status !== 200) refusal = answer;
    }
    expect(refusal?.status).toBe(429);
    expect(refusal?.body.error).toMatchObject({ code: "TOO_MANY_REQUESTS", message: ERROR_MESSAGES.TOO_MANY_REQUESTS.id });
    const bad = await call("POST", "/api/pairing", null, { kind: "printer" });
    expect(bad.status).toBe(429);
  });
});
