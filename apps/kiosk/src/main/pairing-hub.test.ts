/**
 * The Electron kiosk pairs by code against a real hub (its own process, real
 * HTTP over loopback): the main process composed as in production (index.ts
 * against plain Electron fakes), a settings file without a token, an admin
 * approving the code through the hub's admin route. Then what goes wrong at a
 * stand: the hub not up yet, the hub restarting (it forgets its codes), the
 * token refused later, a settings file that cannot be written.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync, existsSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PairingView } from "../shared/bridge";
import { afterAll, describe, expect, it, vi } from "vitest";
import { connect } from "../../../hub/src/testing/harness";
import { ROOT, startTestHub, type TestHub } from "../../../../tests/support/test-hub";
import { IPC, IPC_PUSH } from "../shared/bridge";
import type { FakeWebContents } from "./fake-electron.test-support";
import { createPairing } from "./pairing";
import { tempPathFor } from "./settings-token";

const dir = mkdtempSync(join(tmpdir(), "kiosk-pairing-"));
const settingsFile = join(dir, "kiosk-settings.json");
// As an installer writes it: no token, some fields left to their defaults, others set.
const installed = {
  hubUrl: "",
  printer: { kind: "file", path: join(dir, "out.bin") },
  paper: "58mm",
  adminPin: { salt: "00ff", hash: "abcd" },
  inactivityResetSeconds: 45,
};

const recorded = vi.hoisted(() => ({
  windows: [] as { contents: unknown }[],
  ipc: new Map<string, (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => unknown>(),
}));

vi.mock("electron", async () => {
  const { EventEmitter } = await import("node:events");
  const { FakeWebContents: Contents } = await import("./fake-electron.test-support");
  class BrowserWindow extends EventEmitter {
    webContents = new Contents();
    constructor() {
      super();
      recorded.windows.push({ contents: this.webContents });
    }
    loadURL() {
      return Promise.resolve();
    }
    show() {}
  }
  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    enableSandbox: () => {},
    requestSingleInstanceLock: () => true,
    quit: () => {},
    whenReady: () => Promise.resolve(),
    getPath: () => dir,
  });
  const session = Object.assign(new EventEmitter(), {
    setPermissionRequestHandler: () => {},
    setPermissionCheckHandler: () => {},
    setDevicePermissionHandler: () => {},
  });
  return {
    app,
    BrowserWindow,
    ipcMain: { handle: (channel: string, listener: never) => recorded.ipc.set(channel, listener) },
    protocol: { registerSchemesAsPrivileged: () => {}, handle: () => {} },
    session: { defaultSession: session },
  };
});

let hub: TestHub | undefined;
let configRoot = "";
let adminToken = "";

afterAll(async () => {
  await hub?.stop();
  rmSync(dir, { recursive: true, force: true });
  if (configRoot) rmSync(configRoot, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function api<T>(path: string, token: string | null, body?: object): Promise<{ status: number; body: { ok: boolean; data: T; error?: { code: string } } }> {
  const res = await fetch(`${hub!.url}${path}`, {
    method: body ? "POST" : "GET",
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { "content-type": "application/json" } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as never };
}

const approve = (code: string, id: string) =>
  api<{ id: string }>(`/api/admin/pairings/${code}/approve`, adminToken, { id, name: `Kios ${id}` });

const views = (contents: FakeWebContents): PairingView[] =>
  contents.sent.filter(([channel]) => channel === IPC_PUSH.pairingView).map(([, view]) => view as PairingView);

const lastCode = (contents: FakeWebContents): string | null => {
  const shown = views(contents).filter((v) => v.status === "showing");
  return shown.length > 0 ? (shown.at(-1) as { code: string }).code : null;
};

const fromApp = { senderFrame: { url: "app://layan/kiosk/" } };

describe("Electron kiosk pairing against a real hub", () => {
  it("retries while the hub is not up yet, saying so in Indonesian, then shows a code once it is", async () => {
    const port = await freePort();
    const shown: PairingView[] = [];
    let asked = 0;
    const pairing = createPairing({
      hubUrl: `http://127.0.0.1:${port}`,
      settingsFile: join(dir, "unused.json"),
      publish: (view) => shown.push(view),
      paired: () => {},
      fetch: (input, init) => {
        asked += 1;
        return fetch(input, init);
      },
      backoff: { firstMs: 20, maxMs: 200 },
      probe: () => ({ ok: true }),
    });
    expect(pairing.start()).toEqual({ status: "asking" });
    await vi.waitFor(() => expect(asked).toBeGreaterThanOrEqual(3), { timeout: 10_000 });
    const waiting = shown.filter((v) => v.status === "waiting");
    expect(waiting.length).toBeGreaterThanOrEqual(2);
    expect(waiting[0]).toMatchObject({
      message: expect.stringMatching(/^Tidak dapat terhubung ke server antrean \(http:\/\/127\.0\.0\.1:\d+\)\. Mencoba lagi dalam 1 detik\.$/),
    });
    expect(shown.some((v) => v.status === "showing")).toBe(false);

    configRoot = mkdtempSync(join(tmpdir(), "kiosk-pairing-config-"));
    cpSync(join(ROOT, "kiosk-config"), join(configRoot, "kiosk-config"), { recursive: true });
    hub = await startTestHub({ port, configDir: join(configRoot, "kiosk-config") });
    await vi.waitFor(() => expect(pairing.view().status).toBe("showing"), { timeout: 10_000 });
    pairing.stop();
    const login = await api<{ token: string }>("/api/auth/login", null, hub.user("admin"));
    adminToken = login.body.data.token;
    expect(adminToken).not.toBe("");
  }, 60_000);

  it("a kiosk with no token pairs: the renderer is shown the code, the token lands in the file, the renderer restarts", async () => {
    writeFileSync(settingsFile, `${JSON.stringify({ ...installed, hubUrl: hub!.url }, null, 2)}\n`);
    chmodSync(settingsFile, 0o640);
    process.env.LAYAN_KIOSK_SETTINGS = settingsFile;
    await import("./index");
    await vi.waitFor(() => expect(recorded.windows).toHaveLength(1));
    const contents = recorded.windows[0]!.contents as FakeWebContents;

    // The renderer asks (no token): main is already pairing, and pushes the code when it has one.
    const now = (await recorded.ipc.get(IPC.pairing)!(fromApp, false)) as PairingView;
    expect(["asking", "showing"]).toContain(now.status);
    await vi.waitFor(() => expect(lastCode(contents)).not.toBeNull(), { timeout: 10_000 });
    const code = lastCode(contents)!;
    const shown = views(contents).find((v) => v.status === "showing");
    expect(shown).toMatchObject({ pageUrl: `${hub!.url}/dashboard/#/admin/perangkat?kode=${code}` });
    // Someone else's IPC, or a malformed one, starts nothing.
    await expect(recorded.ipc.get(IPC.pairing)!({ senderFrame: { url: "https://evil.example/" } }, false)).rejects.toThrow("refused");
    await expect(recorded.ipc.get(IPC.pairing)!(fromApp, "yes")).rejects.toThrow("refused");

    const pending = await api<{ kind: string; userAgent: string }>(`/api/admin/pairings/${code}`, adminToken);
    expect(pending.body.data).toMatchObject({ kind: "kiosk", userAgent: "layan-kiosk (electron)" });
    expect((await approve(code, "kiosk-lantai-2")).status).toBe(200);

    await vi.waitFor(() => expect(contents.reloads).toBe(1), { timeout: 10_000 });
    const written = JSON.parse(readFileSync(settingsFile, "utf8")) as Record<string, unknown>;
    const token = written.deviceToken as string;
    expect(token).toMatch(/^dev_/);
    expect(written).toEqual({ ...installed, hubUrl: hub!.url, deviceToken: token });
    expect(Object.keys(written)).toEqual([...Object.keys(installed), "deviceToken"]);
    expect(statSync(settingsFile).mode & 0o777).toBe(0o640);
    expect(existsSync(tempPathFor(settingsFile))).toBe(false);

    // After the reload the renderer reads the token from main, and the hub takes it.
    const settings = (await recorded.ipc.get(IPC.settings)!(fromApp)) as { deviceToken: string };
    expect(settings.deviceToken).toBe(token);
    const socket = await connect(hub!.url, "/kiosk", token);
    expect(socket.connected).toBe(true);
    socket.close();
  }, 60_000);

  it("a refused token starts pairing again; a hub restart ends the code and a new one is shown", async () => {
    const contents = recorded.windows[0]!.contents as FakeWebContents;
    const before = views(contents).length;
    const first = lastCode(contents);
    expect(((await recorded.ipc.get(IPC.pairing)!(fromApp, true)) as PairingView).status).toBe("asking");
    await vi.waitFor(() => expect(lastCode(contents)).not.toBe(first), { timeout: 10_000 });
    const second = lastCode(contents)!;

    // The hub goes down (power cut): the code stays on screen, with a line saying the hub is away.
    await hub!.kill();
    await vi.waitFor(() => expect(views(contents).at(-1)).toMatchObject({ status: "showing", code: second, hubUnreachable: true }), { timeout: 20_000 });
    // It keeps codes in memory: back up, it no longer knows this one, so the kiosk asks for another.
    await hub!.restart();
    await vi.waitFor(() => expect(lastCode(contents)).not.toBe(second), { timeout: 20_000 });
    expect(views(contents).slice(before).map((v) => v.status)).not.toContain("failed");

    adminToken = (await api<{ token: string }>("/api/auth/login", null, hub!.user("admin"))).body.data.token;
    expect((await approve(lastCode(contents)!, "kiosk-lantai-3")).status).toBe(200);
    await vi.waitFor(() => expect(contents.reloads).toBe(2), { timeout: 10_000 });
    const written = JSON.parse(readFileSync(settingsFile, "utf8")) as Record<string, unknown>;
    expect(written).toEqual({ ...installed, hubUrl: hub!.url, deviceToken: expect.stringMatching(/^dev_/) });
  }, 60_000);

  it("cannot store the token: says so on screen and shows no code (none is wasted)", () => {
    const file = join(dir, "locked.json");
    writeFileSync(file, JSON.stringify({ ...installed, hubUrl: hub!.url }));
    // Root passes every permission check; a folder where the temp file goes fails for anyone.
    mkdirSync(tempPathFor(file));
    const shown: PairingView[] = [];
    let asked = 0;
    const pairing = createPairing({
      hubUrl: hub!.url,
      settingsFile: file,
      publish: (view) => shown.push(view),
      paired: () => {},
      fetch: (input, init) => {
        asked += 1;
        return fetch(input, init);
      },
    });
    const view = pairing.start();
    expect(view.status).toBe("failed");
    expect(view).toMatchObject({ message: expect.stringContaining(`Kios tidak dapat menyimpan token ke berkas pengaturan (${tempPathFor(file)}: EISDIR)`) });
    expect(shown).toEqual([view]);
    expect(pairing.start()).toBe(view);
    expect(asked).toBe(0);
  });

  it("the file becomes unwritable after the code was shown: the collected token is reported lost, not silently dropped", async () => {
    const file = join(dir, "later.json");
    writeFileSync(file, JSON.stringify({ ...installed, hubUrl: hub!.url }));
    const shown: PairingView[] = [];
    let pairedWith: string | null = null;
    const pairing = createPairing({ hubUrl: hub!.url, settingsFile: file, publish: (v) => shown.push(v), paired: (t) => (pairedWith = t) });
    pairing.start();
    await vi.waitFor(() => expect(pairing.view().status).toBe("showing"), { timeout: 10_000 });
    mkdirSync(tempPathFor(file));
    expect((await approve((pairing.view() as { code: string }).code, "kiosk-lantai-4")).status).toBe(200);
    await vi.waitFor(() => expect(pairing.view().status).toBe("failed"), { timeout: 10_000 });
    expect(pairing.view()).toMatchObject({ message: expect.stringContaining(`${file}: EISDIR`) });
    expect(pairedWith).toBeNull();
    expect(JSON.parse(readFileSync(file, "utf8"))).not.toHaveProperty("deviceToken");
  });
});
