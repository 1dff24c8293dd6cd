/**
 * The counter's screen turned to the citizen (survey:submit on /counter), over
 * real sockets and a real store: it answers for the ticket this counter served,
 * once, and never for a ticket served at another counter or not served at all.
 */
import type { SurveyReceipt } from "@layan/protocol";
import { describe, expect, it } from "vitest";
import { connect, login, must, rid, send, startHub } from "./testing/harness";
import { closeAfterEach } from "./testing/close-after-each";

const track = closeAfterEach();

/** The sample office keeps the counter's screen to the officer; these tests turn it round. */
const atCounter = { configure: (c: { office: { survey: { atCounter: boolean } } }) => void (c.office.survey.atCounter = true) };

const ANSWERS = {
  persyaratan: 4,
  prosedur: 3,
  waktu: 2,
  biaya: 4,
  produk: 3,
  kompetensi: 4,
  perilaku: 4,
  sarana: 3,
  pengaduan: 3,
} as const;

describe("survey:submit on /counter", () => {
  it("records the citizen's answers for the ticket this counter served, once", async () => {
    const h = track(await startHub(atCounter));
    const rina = track(await connect(h.url, "/counter", await login(h.url, h.users.officer)));
    const agus = track(await connect(h.url, "/counter", await login(h.url, h.users.officer2)));
    const kiosk = track(await connect(h.url, "/kiosk", h.tokens.kiosk));
    const served = await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" });
    const waiting = await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" });

    await must(rina, "counter:open", { requestId: rid(), counterId: "loket-1" });
    await must(agus, "counter:open", { requestId: rid(), counterId: "loket-2" });
    await must(rina, "ticket:call_next", { requestId: rid(), counterId: "loket-1" });
    await must(rina, "ticket:start", { requestId: rid(), counterId: "loket-1" });
    await must(rina, "ticket:complete", { requestId: rid(), counterId: "loket-1", outcome: "selesai" });

    const submit = (socket: typeof rina, counterId: string, ticketId: string) =>
      send<SurveyReceipt>(socket, "survey:submit", {
        requestId: rid(),
        counterId,
        ticketId,
        answers: ANSWERS,
        suggestion: "Kursi tunggu ditambah",
        profile: { sex: "P" },
      });

    // Loket 2 did not serve it: its screen may not answer for that citizen.
    expect(await submit(agus, "loket-2", served.ticket.id)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    // Rina may not act through a counter she does not hold.
    expect(await submit(rina, "loket-2", served.ticket.id)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });

    const receipt = await submit(rina, "loket-1", served.ticket.id);
    expect(receipt).toMatchObject({ ok: true, data: { responseId: expect.any(String) } });
    const row = h.store.db
      .prepare("SELECT channel, counter_id AS counterId FROM survey_responses WHERE ticket_id = ?")
      .get(served.ticket.id);
    expect(row).toEqual({ channel: "counter", counterId: "loket-1" });

    expect(await submit(rina, "loket-1", served.ticket.id)).toMatchObject({
      ok: false,
      error: { code: "SURVEY_ALREADY_ANSWERED", message: expect.any(String) },
    });
    // Not yet served anywhere: no counter served it, so none may answer for it.
    expect(await submit(rina, "loket-1", waiting.ticket.id)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await send(rina, "survey:submit", { requestId: rid(), counterId: "loket-1", ticketId: served.ticket.id, answers: { ...ANSWERS, waktu: 5 } })).toMatchObject({
      ok: false,
      error: { code: "INVALID_PAYLOAD" },
    });
  });

  it("is refused when the office keeps the counter's screen to the officer (survey.atCounter: false)", async () => {
    const h = track(await startHub());
    const rina = track(await connect(h.url, "/counter", await login(h.url, h.users.officer)));
    const kiosk = track(await connect(h.url, "/kiosk", h.tokens.kiosk));
    const served = await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" });
    await must(rina, "counter:open", { requestId: rid(), counterId: "loket-1" });
    await must(rina, "ticket:call_next", { requestId: rid(), counterId: "loket-1" });
    await must(rina, "ticket:complete", { requestId: rid(), counterId: "loket-1", outcome: "selesai" });
    expect(await send(rina, "survey:submit", { requestId: rid(), counterId: "loket-1", ticketId: served.ticket.id, answers: ANSWERS })).toMatchObject({
      ok: false,
      error: { code: "SURVEY_DISABLED" },
    });
    expect(h.store.db.prepare("SELECT count(*) AS n FROM survey_responses").get()).toEqual({ n: 0 });
  });
});
