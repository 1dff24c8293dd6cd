import type { PrintableComplaint } from "@layan/protocol";
import { afterEach, describe, expect, it } from "vitest";
import type { TicketPrinting } from "./context";
import { connect, login, must, rid, send, startHub, type TestHubHandle } from "./testing/harness";

let h: TestHubHandle | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

/** A printer that takes everything and remembers the complaint receipts it was given. */
function recordingPrinter(): TicketPrinting & { receipts: PrintableComplaint[] } {
  const receipts: PrintableComplaint[] = [];
  return {
    receipts,
    problem: () => Promise.resolve(null),
    print: () => Promise.resolve(),
    printComplaint: (_kioskId, receipt) => {
      receipts.push(receipt);
      return Promise.resolve();
    },
  };
}

const answers = { persyaratan: 4, prosedur: 3, waktu: 3, biaya: 4, produk: 4, kompetensi: 3, perilaku: 4, sarana: 2, pengaduan: 3 } as const;

describe("the kiosk's Ombudsman loop on /kiosk", () => {
  it("files a complaint once for a double tap, prints one receipt, and the public page finds it by code", async () => {
    const printer = recordingPrinter();
    h = await startHub({ printing: printer });
    const kiosk = await connect(h.url, "/kiosk", h.tokens.kiosk);
    const filing = {
      requestId: rid(),
      category: "waktu",
      serviceId: "ktp-el",
      text: "Antrean perekaman sangat lama hari ini",
      printVia: "hub" as const,
    };
    const [first, second] = await Promise.all([must(kiosk, "complaint:file", filing), must(kiosk, "complaint:file", filing)]);
    expect(second.code).toBe(first.code);
    expect(first).toMatchObject({ printed: true, targetWorkingDays: 5, statusUrl: `${h.url}/pengaduan/${first.code}` });
    expect(first.print).toMatchObject({ code: first.code, categoryLabel: expect.any(String), serviceName: expect.stringContaining("KTP") });
    expect(printer.receipts.map((r) => r.code)).toEqual([first.code]);

    const status = (await (await fetch(`${h.url}/api/public/complaints/${first.code}`)).json()) as { data: { status: string } };
    expect(status.data.status).toBe("baru");

    const bad = await send(kiosk, "complaint:file", { ...filing, requestId: rid(), category: "tidak-ada" });
    expect(bad).toMatchObject({ ok: false, error: { code: "COMPLAINT_CATEGORY_UNKNOWN" } });
    const short = await send(kiosk, "complaint:file", { ...filing, requestId: rid(), text: "lama" });
    expect(short).toMatchObject({ ok: false, error: { code: "INVALID_PAYLOAD" } });
    kiosk.close();
  });

  it("finds today's ticket by the number the citizen types, takes one survey for it after service, and refuses a second", async () => {
    h = await startHub();
    const kiosk = await connect(h.url, "/kiosk", h.tokens.kiosk);
    const issued = await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" });
    expect(issued.ticket.number).toBe("A-001");

    expect(await send(kiosk, "survey:find", { number: "Z-999" })).toMatchObject({ ok: false, error: { code: "TICKET_UNKNOWN" } });
    expect(await must(kiosk, "survey:find", { number: "a 1" })).toMatchObject({ open: false, reason: "SURVEY_NOT_SERVED", number: "A-001" });
    const early = await send(kiosk, "survey:submit", { requestId: rid(), number: "A-001", answers });
    expect(early).toMatchObject({ ok: false, error: { code: "SURVEY_NOT_SERVED" } });

    const counter = await connect(h.url, "/counter", await login(h.url, h.users.officer));
    await must(counter, "counter:open", { requestId: rid(), counterId: "loket-1" });
    await must(counter, "ticket:call_next", { requestId: rid(), counterId: "loket-1" });
    await must(counter, "ticket:complete", { requestId: rid(), counterId: "loket-1", outcome: "selesai" });

    expect(await must(kiosk, "survey:find", { number: "A001" })).toMatchObject({ open: true, reason: null });
    const receipt = await must(kiosk, "survey:submit", {
      requestId: rid(),
      number: "A-001",
      answers,
      suggestion: "Tambah kursi tunggu",
      profile: { sex: "P", ageBand: "30-39" },
    });
    expect(receipt.responseId).toEqual(expect.any(String));
    expect(h.store.surveyResponseFor(issued.ticket.id)).toBeDefined();
    const again = await send(kiosk, "survey:submit", { requestId: rid(), number: "A-001", answers });
    expect(again).toMatchObject({ ok: false, error: { code: "SURVEY_ALREADY_ANSWERED" } });
    expect(await must(kiosk, "survey:find", { number: "A-001" })).toMatchObject({ open: false, reason: "SURVEY_ALREADY_ANSWERED" });
    expect(await send(kiosk, "survey:find", { number: "bukan nomor" })).toMatchObject({ ok: false, error: { code: "INVALID_PAYLOAD" } });
    kiosk.close();
    counter.close();
  });
});
