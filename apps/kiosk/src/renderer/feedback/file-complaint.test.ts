import type { KioskComplaintInput, KioskComplaintReceipt } from "@layan/protocol";
import { describe, expect, it } from "vitest";
import type { ComplaintToPrint, PrintOutcome } from "../../shared/bridge";
import { fileComplaintAt, type ComplaintAnswer, type ComplaintHub } from "./file-complaint";

const print: ComplaintToPrint = {
  officeName: "Mal Pelayanan Publik Kabupaten Pesawaran",
  code: "PGD-7K3M9Q2X",
  categoryLabel: "Waktu pelayanan",
  serviceName: "Perekaman KTP-el",
  filedAt: Date.UTC(2026, 10, 18, 2, 30),
  dueAt: Date.UTC(2026, 10, 25, 16, 59),
  targetWorkingDays: 5,
  timeZone: "Asia/Jakarta",
  statusUrl: "http://hub/pengaduan/PGD-7K3M9Q2X",
  elsewhere: [{ name: "SP4N-LAPOR!", contact: "lapor.go.id" }],
};

const receipt = (printed: boolean): KioskComplaintReceipt => ({
  code: print.code,
  filedAt: print.filedAt,
  dueAt: print.dueAt,
  targetWorkingDays: 5,
  statusUrl: print.statusUrl,
  elsewhere: print.elsewhere,
  printed,
  print,
});

function fakeHub(answer: (r: KioskComplaintInput) => ComplaintAnswer) {
  const sent: KioskComplaintInput[] = [];
  const hub: ComplaintHub = {
    fileComplaint: (request) => {
      sent.push(request);
      return Promise.resolve(answer(request));
    },
  };
  return { hub, sent };
}

function fakeBridge(outcome: () => Promise<PrintOutcome>) {
  const printed: ComplaintToPrint[] = [];
  return {
    printed,
    bridge: {
      printComplaint: (r: ComplaintToPrint) => {
        printed.push(r);
        return outcome();
      },
    },
  };
}

const request = {
  requestId: "req-complaint-0001",
  category: "waktu",
  serviceId: "ktp-el",
  text: "antrean perekaman lama sekali",
  contact: null,
  consent: false,
};

describe("a complaint filed at the kiosk", () => {
  it("Electron: filed with printVia kiosk, then the hub's receipt printed on the kiosk's own printer", async () => {
    const { hub, sent } = fakeHub(() => ({ ok: true, data: receipt(false) }));
    const { bridge, printed } = fakeBridge(() => Promise.resolve({ ok: true }));
    const answer = await fileComplaintAt(hub, { via: "bridge", bridge }, request);
    expect(sent).toEqual([{ ...request, printVia: "kiosk" }]);
    expect(printed).toEqual([print]);
    expect(answer).toMatchObject({ ok: true, data: { code: "PGD-7K3M9Q2X", printed: true } });
  });

  it("Electron: the code stands when the printer fails or the bridge throws", async () => {
    for (const outcome of [
      () => Promise.resolve({ ok: false as const, problem: "PAPER_END" as const }),
      () => Promise.reject(new Error("IPC gone")),
    ]) {
      const { hub } = fakeHub(() => ({ ok: true, data: receipt(false) }));
      const answer = await fileComplaintAt(
        hub,
        { via: "bridge", bridge: fakeBridge(outcome).bridge },
        request,
      );
      expect(answer).toMatchObject({ ok: true, data: { code: "PGD-7K3M9Q2X", printed: false } });
    }
  });

  it("Electron: nothing is printed for a refused or unanswered complaint", async () => {
    const refused: ComplaintAnswer = {
      ok: false,
      error: {
        code: "COMPLAINT_CATEGORY_UNKNOWN",
        message: "Kategori tidak dikenal.",
        messageEn: "Unknown category.",
      },
    };
    for (const hubAnswer of [refused, { ok: false as const, unreachable: true as const }]) {
      const { hub } = fakeHub(() => hubAnswer);
      const { bridge, printed } = fakeBridge(() => Promise.resolve({ ok: true }));
      await expect(fileComplaintAt(hub, { via: "bridge", bridge }, request)).resolves.toEqual(hubAnswer);
      expect(printed).toEqual([]);
    }
  });

  it("browser kiosk: the hub prints; an information kiosk prints nothing", async () => {
    const viaHub = fakeHub(() => ({ ok: true, data: receipt(true) }));
    await expect(fileComplaintAt(viaHub.hub, { via: "hub" }, request)).resolves.toMatchObject({
      data: { printed: true },
    });
    expect(viaHub.sent[0]?.printVia).toBe("hub");
    const none = fakeHub(() => ({ ok: true, data: receipt(false) }));
    await expect(fileComplaintAt(none.hub, { via: "none" }, request)).resolves.toMatchObject({
      data: { printed: false },
    });
    expect(none.sent[0]?.printVia).toBe("kiosk");
  });
});
