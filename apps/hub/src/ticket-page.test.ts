import { afterEach, describe, expect, it } from "vitest";
import { connect, login, must, rid, startHub, type TestHubHandle } from "./testing/harness";
import { SURVEY_QUESTIONS } from "@layan/protocol";
import { escapeHtml } from "./feedback/pages/common";
import type { PublicTicketStatus } from "./ticket-page";

let h: TestHubHandle | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const statusOf = async (url: string, id: string) => {
  const res = await fetch(`${url}/api/tickets/${id}`);
  return { status: res.status, body: (await res.json()) as { ok: boolean; data?: PublicTicketStatus } };
};

describe("the citizen's ticket page", () => {
  it("follows one ticket from waiting to called, and reveals nothing else", async () => {
    h = await startHub();
    const kiosk = await connect(h.url, "/kiosk", h.tokens.kiosk);
    const first = await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" });
    const mine = await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" });
    const path = new URL(mine.statusUrl).pathname;
    expect(mine.statusUrl).toBe(`${h.url}/t/${mine.ticket.id}`);
    const page = await fetch(`${h.url}${path}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(await page.text()).toContain("Nomor antrean Anda");

    const waiting = await statusOf(h.url, mine.ticket.id);
    expect(waiting.body.data).toMatchObject({ number: "A-002", status: "waiting", peopleAhead: 1, counter: null, expired: false });
    // Before any counter opens: the same words as the kiosk and the ticket, and the office's zone.
    expect(waiting.body.data).toMatchObject({
      peopleAheadText: "1 orang di depan Anda",
      waitText: "Belum ada loket buka",
      timeZone: "Asia/Jakarta",
      timeZoneName: "WIB",
    });
    expect((await statusOf(h.url, first.ticket.id)).body.data?.peopleAheadText).toBe("Tidak ada antrean di depan Anda");
    const text = JSON.stringify(waiting.body);
    expect(text).not.toContain(first.ticket.id);
    expect(text).not.toContain("A-001");

    const counter = await connect(h.url, "/counter", await login(h.url, h.users.officer));
    await must(counter, "counter:open", { requestId: rid(), counterId: "loket-1" });
    await must(counter, "ticket:call_next", { requestId: rid(), counterId: "loket-1" });
    expect((await statusOf(h.url, mine.ticket.id)).body.data).toMatchObject({ peopleAhead: 0, peopleAheadText: "Anda berikutnya" });
    await must(counter, "ticket:complete", { requestId: rid(), counterId: "loket-1", outcome: "selesai" });
    await must(counter, "ticket:call_next", { requestId: rid(), counterId: "loket-1" });
    const called = await statusOf(h.url, mine.ticket.id);
    expect(called.body.data).toMatchObject({ status: "called", counter: { name: "Loket 1", number: 1 } });
    // Officers' names never reach the public page.
    expect(JSON.stringify(called.body)).not.toContain("Rina");
    kiosk.close();
    counter.close();
  });

  it("answers a wrong or guessed id with a plain not-found page", async () => {
    h = await startHub();
    for (const id of ["AAAAAAAAAAAAAAAA", "short", "x".repeat(300), "%3Cscript%3E"]) {
      const page = await fetch(`${h.url}/t/${id}`);
      expect(page.status).toBe(404);
      const html = await page.text();
      expect(html).toContain("Nomor antrean tidak ditemukan");
      expect(html).not.toContain("<script>");
      expect((await statusOf(h.url, id)).status).toBe(404);
    }
  });

  it("keeps answering for a served ticket after the live queue forgot it", async () => {
    h = await startHub();
    const kiosk = await connect(h.url, "/kiosk", h.tokens.kiosk);
    const t = await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" });
    const counter = await connect(h.url, "/counter", await login(h.url, h.users.officer));
    await must(counter, "counter:open", { requestId: rid(), counterId: "loket-1" });
    await must(counter, "ticket:call_next", { requestId: rid(), counterId: "loket-1" });
    await must(counter, "ticket:complete", { requestId: rid(), counterId: "loket-1", outcome: "selesai" });
    h.clock.advance(2 * 60_000);
    expect(h.hub.engine.prune()).toBe(1);
    expect((await statusOf(h.url, t.ticket.id)).body.data).toMatchObject({ number: "A-001", status: "done" });
    kiosk.close();
    counter.close();
  });
});

describe("the ticket page's maklumat and survey", () => {
  it("carries the office's maklumat, the nine SKM questions with the privacy notice, and the complaint link", async () => {
    h = await startHub();
    const kiosk = await connect(h.url, "/kiosk", h.tokens.kiosk);
    const t = await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" });
    const html = await (await fetch(`${h.url}/t/${t.ticket.id}`)).text();
    const { office } = h.hub.context.setup.catalog;
    expect(html).toContain("Maklumat Pelayanan");
    expect(html).toContain(office.maklumat.signedBy);
    // KTP-el's agency adopted its own: shown beside the office's.
    const agency = h.hub.context.setup.catalog.agencies.find((a) => a.id === "disdukcapil");
    expect(agency?.maklumat).toBeTruthy();
    expect(html).toContain(escapeHtml(agency?.maklumat?.signedBy ?? "?"));
    expect(html).toMatch(/\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}/);
    expect(html).toContain('href="/pengaduan"');
    expect(html).toContain("Sampaikan pengaduan atau saran");
    for (const q of SURVEY_QUESTIONS) expect(html).toContain(`data-unsur="${q.unsur}"`);
    expect(html.match(/type="radio"/g)).toHaveLength(36);
    expect(html).toContain(escapeHtml(office.privacy.surveyProfile.id));
    kiosk.close();
  });
});
