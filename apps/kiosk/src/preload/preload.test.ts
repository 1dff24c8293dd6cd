import { beforeEach, describe, expect, it, vi } from "vitest";
import { IPC } from "../shared/bridge";

// Electron's preload API, as plain fakes: what was exposed, what was invoked.
const exposed = new Map<string, unknown>();
const invoke = vi.fn((..._args: unknown[]) => Promise.resolve("answer"));
vi.mock("electron", () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: { invoke },
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
    };
    await bridge.settings();
    await bridge.printerStatus();
    await bridge.printTicket({ ticketNumber: "A-001" });
    await bridge.printComplaint({ code: "PGD-7K3M9Q2X" });
    await bridge.adminExit("2468");
    expect(invoke.mock.calls).toEqual([
      [IPC.settings],
      [IPC.printerStatus],
      [IPC.printTicket, { ticketNumber: "A-001" }],
      [IPC.printComplaint, { code: "PGD-7K3M9Q2X" }],
      [IPC.adminExit, "2468"],
    ]);
  });
});
