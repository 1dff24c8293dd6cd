import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startPrinterEmulator, type PrinterEmulator } from "@layan/printer";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { IPC, type ComplaintToPrint, type KioskBridge, type TicketToPrint } from "../shared/bridge";
import { registerBridge, type InvokeEvent } from "./ipc";
import { createKioskPrinter, transportFor } from "./printer";

const ticket: TicketToPrint = {
  officeName: "Mal Pelayanan Publik Kabupaten Pesawaran",
  agencyName: "Dinas Kependudukan dan Pencatatan Sipil",
  serviceName: "Perekaman dan Pencetakan KTP-el",
  ticketNumber: "A-007",
  priority: "lansia",
  issuedAt: Date.UTC(2026, 10, 27, 2, 0),
  timeZone: "Asia/Jakarta",
  peopleAhead: 3,
  waitEstimate: { p50: 10, p90: 25 },
  requirements: [
    { text: "Fotokopi Kartu Keluarga", condition: null },
    { text: "KTP-el lama", condition: "Untuk KTP-el rusak atau perubahan data" },
  ],
  statusUrl: "http://127.0.0.1:8080/t/abc123",
  footer: "Pengaduan: SP4N-LAPOR! lapor.go.id",
};

const complaint: ComplaintToPrint = {
  officeName: "Mal Pelayanan Publik Kabupaten Pesawaran",
  officeAddress: "Jl. Raya Kedondong No. 1",
  code: "PGD-7K3M9Q2X",
  categoryLabel: "Waktu pelayanan",
  serviceName: "Perekaman dan Pencetakan KTP-el",
  filedAt: Date.UTC(2026, 10, 18, 2, 30),
  dueAt: Date.UTC(2026, 10, 25, 16, 59),
  targetWorkingDays: 5,
  timeZone: "Asia/Jakarta",
  statusUrl: "http://127.0.0.1:8080/pengaduan/PGD-7K3M9Q2X",
  elsewhere: [{ name: "SP4N-LAPOR!", contact: "lapor.go.id" }],
};

describe("IPC bridge", () => {
  function setup() {
    const handlers = new Map<string, (event: InvokeEvent, ...args: unknown[]) => unknown>();
    const ipc = {
      handle: (channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => unknown) =>
        void handlers.set(channel, listener),
    };
    const impl = {
      settings: vi.fn(() => ({
        hubUrl: "http://h:8080",
        deviceToken: "dev_x",
        paper: "80mm" as const,
        inactivityResetSeconds: null,
      })),
      printerStatus: vi.fn(() => Promise.resolve({ ready: true, problem: null, paperNearEnd: false })),
      printTicket: vi.fn(() => Promise.resolve({ ok: true as const })),
      printComplaint: vi.fn(() => Promise.resolve({ ok: true as const })),
      adminExit: vi.fn(() => true),
      pairing: vi.fn(() => ({ status: "asking" as const })),
    };
    registerBridge(ipc, impl, "app://layan");
    const call = (channel: string, url: string | null, ...args: unknown[]) =>
      handlers.get(channel)!({ senderFrame: url === null ? null : { url } }, ...args);
    return { handlers, impl, call };
  }

  it("handles exactly one channel per bridge method", () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual(Object.values(IPC).sort());
    // onPairing listens to main's push channel (IPC_PUSH); it handles nothing.
    const methods: (keyof KioskBridge)[] = ["settings", "printerStatus", "printTicket", "printComplaint", "adminExit", "pairing"];
    expect(Object.keys(IPC).sort()).toEqual(methods.sort());
  });

  it("answers frames of the app's own origin", async () => {
    const { impl, call } = setup();
    await expect(call(IPC.printTicket, "app://layan/kiosk/", ticket)).resolves.toEqual({ ok: true });
    expect(impl.printTicket).toHaveBeenCalledWith(ticket);
    await expect(call(IPC.printComplaint, "app://layan/kiosk/", complaint)).resolves.toEqual({ ok: true });
    expect(impl.printComplaint).toHaveBeenCalledWith(complaint);
    expect(call(IPC.adminExit, "app://layan/kiosk/", "2468")).toBe(true);
  });

  it("refuses any other sender: no printing, no token, no exit", async () => {
    const { impl, call } = setup();
    await expect(call(IPC.printTicket, "https://evil.example/", ticket)).rejects.toThrow("refused");
    await expect(call(IPC.printComplaint, "https://evil.example/", complaint)).rejects.toThrow("refused");
    await expect(call(IPC.settings, "http://127.0.0.1:8080/kiosk/", undefined)).rejects.toThrow("refused");
    await expect(call(IPC.printerStatus, null)).rejects.toThrow("refused");
    expect(call(IPC.adminExit, "https://evil.example/", "2468")).toBe(false);
    expect(impl.printTicket).not.toHaveBeenCalled();
    expect(impl.printComplaint).not.toHaveBeenCalled();
    expect(impl.settings).not.toHaveBeenCalled();
    expect(impl.adminExit).not.toHaveBeenCalled();
  });

  it("starts pairing only for the app's own frame, and only with a yes/no", async () => {
    const { impl, call } = setup();
    expect(call(IPC.pairing, "app://layan/kiosk/", true)).toEqual({ status: "asking" });
    expect(impl.pairing).toHaveBeenCalledWith(true);
    await expect(call(IPC.pairing, "https://evil.example/", true)).rejects.toThrow("refused");
    await expect(call(IPC.pairing, "app://layan/kiosk/", "yes")).rejects.toThrow("refused");
    await expect(call(IPC.pairing, "app://layan/kiosk/")).rejects.toThrow("refused");
    expect(impl.pairing).toHaveBeenCalledTimes(1);
  });
});

describe("kiosk printer (against the printer emulator)", () => {
  let dir: string;
  let emulator: PrinterEmulator;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "kiosk-printer-"));
    emulator = await startPrinterEmulator({ port: 0, outDir: dir });
  });
  afterAll(async () => {
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const printer = () =>
    createKioskPrinter(transportFor({ kind: "network", host: "127.0.0.1", port: emulator.port }), "80mm");

  it("reports ready, prints the shared layout, and the emulator reads it back", async () => {
    emulator.setState({ paperEnd: false, coverOpen: false, paperNearEnd: false });
    const p = printer();
    await expect(p.status()).resolves.toEqual({ ready: true, problem: null, paperNearEnd: false });
    const before = emulator.jobs.length;
    await expect(p.print(ticket)).resolves.toEqual({ ok: true });
    const [job] = (await emulator.waitForJobs(before + 1)).slice(before);
    expect(job!.text).toContain("A-007");
    expect(job!.text).toContain("Perekaman dan Pencetakan KTP-el");
    expect(job!.text).toContain("KTP-el lama");
    expect(job!.text).toContain("PRIORITAS");
    await p.close();
  });

  it("prints the complaint receipt with the shared layout: code, due date, other channels", async () => {
    emulator.setState({ paperEnd: false, coverOpen: false, paperNearEnd: false });
    const p = printer();
    const before = emulator.jobs.length;
    await expect(p.printComplaint(complaint)).resolves.toEqual({ ok: true });
    const [job] = (await emulator.waitForJobs(before + 1)).slice(before);
    expect(job!.text).toContain("BUKTI PENGADUAN");
    expect(job!.text).toContain("PGD-7K3M9Q2X");
    expect(job!.text).toContain("SP4N-LAPOR!");
    emulator.setState({ paperEnd: true });
    await expect(p.printComplaint(complaint)).resolves.toEqual({ ok: false, problem: "PAPER_END" });
    emulator.setState({ paperEnd: false });
    await p.close();
  });

  it("says why it cannot print: paper out, cover open, paper nearly out still prints", async () => {
    const p = printer();
    emulator.setState({ paperEnd: true });
    await expect(p.status()).resolves.toMatchObject({ ready: false, problem: "PAPER_END" });
    await expect(p.print(ticket)).resolves.toEqual({ ok: false, problem: "PAPER_END" });
    emulator.setState({ paperEnd: false, coverOpen: true });
    await expect(p.status()).resolves.toMatchObject({ ready: false, problem: "COVER_OPEN" });
    emulator.setState({ coverOpen: false, paperNearEnd: true });
    await expect(p.status()).resolves.toEqual({ ready: true, problem: null, paperNearEnd: true });
    emulator.setState({ paperNearEnd: false });
    await p.close();
  });

  it("reports an unreachable printer as offline", async () => {
    const p = createKioskPrinter(transportFor({ kind: "network", host: "127.0.0.1", port: 1 }), "58mm");
    await expect(p.status()).resolves.toMatchObject({ ready: false, problem: "PRINTER_OFFLINE" });
    await expect(p.print(ticket)).resolves.toEqual({ ok: false, problem: "PRINTER_OFFLINE" });
  });

  it("refuses a malformed ticket from the renderer without sending anything", async () => {
    const p = printer();
    const before = emulator.jobs.length;
    await expect(p.print({ ...ticket, ticketNumber: 7 })).resolves.toEqual({
      ok: false,
      problem: "PRINTER_ERROR",
    });
    await expect(p.print({ ...ticket, extra: "<script>" })).resolves.toEqual({
      ok: false,
      problem: "PRINTER_ERROR",
    });
    await expect(p.printComplaint({ ...complaint, code: "" })).resolves.toEqual({ ok: false, problem: "PRINTER_ERROR" });
    await expect(p.printComplaint(ticket)).resolves.toEqual({ ok: false, problem: "PRINTER_ERROR" });
    await new Promise((r) => setTimeout(r, 100));
    expect(emulator.jobs.length).toBe(before);
    await p.close();
  });
});
