import { beforeEach, describe, expect, it, vi } from "vitest";
import { IPC, IPC_PUSH, type PairingView } from "../shared/bridge";

// Electron's preload API, as plain fakes: what was exposed, what was invoked.
const exposed = new Map<string, unknown>();
const invoke = vi.fn((..._args: unknown[]) => Promise.resolve("answer"));
const listeners = vi.hoisted(() => new Map<string, Set<(...args: unknown[]) => void>>());
vi.mock("electron", () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke,
    on: (channel: string, fn: (...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(fn);
    },
    removeListener: (channel: string, fn: (...args: unknown[]) => void) => listeners.get(channel)?.delete(fn),
  },
}));

describe("preload", () => {
  beforeEach(async () => {
    exposed.clear();
    vi.resetModules();
    await import("./index");
  });

  it("exposes one object, window.layanKiosk, and nothing else", () => {
    expect([...exposed.keys()]).toEqual(["layanKiosk"]);
    const bridge = exposed.get("layanKiosk") as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual([
      "adminExit",
      "kind",
      "onPairing",
      "pairing",
      "printComplaint",
      "printTicket",
      "printerStatus",
      "settings",
    ]);
    expect(bridge.kind).toBe("electron");
    // No raw IPC, no Node: only functions that each invoke their own channel.
    expect(Object.values(bridge).some((v) => v === invoke)).toBe(false);
  });

  it("maps every method to its one IPC channel", async () => {
    const bridge = exposed.get("layanKiosk") as {
      printTicket(t: unknown): Promise<unknown>;
      printComplaint(r: unknown): Promise<unknown>;
      adminExit(p: string): Promise<unknown>;
      settings(): Promise<unknown>;
      printerStatus(): Promise<unknown>;
      pairing(refused: boolean): Promise<unknown>;
    };
    await bridge.settings();
    await bridge.printerStatus();
    await bridge.printTicket({ ticketNumber: "A-001" });
    await bridge.printComplaint({ code: "PGD-7K3M9Q2X" });
    await bridge.adminExit("2468");
    await bridge.pairing(true);
    expect(invoke.mock.calls).toEqual([
      [IPC.settings],
      [IPC.printerStatus],
      [IPC.printTicket, { ticketNumber: "A-001" }],
      [IPC.printComplaint, { code: "PGD-7K3M9Q2X" }],
      [IPC.adminExit, "2468"],
      [IPC.pairing, true],
    ]);
  });

  it("hands the renderer main's pairing views, never the IPC event, and lets it stop listening", () => {
    const bridge = exposed.get("layanKiosk") as { onPairing(fn: (view: PairingView) => void): () => void };
    const seen: unknown[][] = [];
    const stop = bridge.onPairing((...args) => seen.push(args));
    const view: PairingView = { status: "waiting", message: "Tidak dapat terhubung ke server antrean" };
    const sender = { send: () => {} };
    for (const fn of listeners.get(IPC_PUSH.pairingView) ?? []) fn({ sender }, view);
    expect(seen).toEqual([[view]]);
    stop();
    expect(listeners.get(IPC_PUSH.pairingView)?.size).toBe(0);
  });
});
