import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { connect, must, rid, send, startHub, type TestHubHandle } from "./testing/harness";

const open: { close(): unknown }[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

const STORAGE_MESSAGE = "Penyimpanan hub penuh atau tidak dapat ditulis; hubungi petugas TI.";

async function hubWithLog() {
  const lines: { level: number; msg: string; code?: string }[] = [];
  const logger = pino({ level: "info" }, { write: (l: string) => void lines.push(JSON.parse(l) as (typeof lines)[number]) });
  const h: TestHubHandle = await startHub({ logger });
  open.push(h);
  const kiosk = await connect(h.url, "/kiosk", h.tokens.kiosk);
  open.push(kiosk);
  return { h, kiosk, lines };
}

const postLogin = (url: string, body: unknown) =>
  fetch(`${url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("storage that cannot be written", () => {
  it("disk full: commands refused with a storage message, the cause logged, reads served, recovery without loss", async () => {
    const { h, kiosk, lines } = await hubWithLog();
    await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" });
    // The database may grow no further than it is now: the disk is full.
    const pages = h.store.db.pragma("page_count", { simple: true }) as number;
    h.store.db.pragma(`max_page_count = ${pages}`);
    let acked = 1;
    let refusal: { code: string; message: string } | null = null;
    for (let i = 0; i < 500 && !refusal; i++) {
      const answer = await send(kiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" });
      if (answer.ok) acked += 1;
      else refusal = answer.error;
    }
    expect(refusal).toEqual(expect.objectContaining({ code: "STORE_UNAVAILABLE", message: STORAGE_MESSAGE }));
    expect(lines.find((l) => l.level === 50 && l.code === "SQLITE_FULL")?.msg).toMatch(/storage/);
    // Reads still answer, from what was acknowledged.
    const status = await must(kiosk, "service:status", { serviceId: "ktp-el" });
    expect(status.waiting).toBe(acked);

    h.store.db.pragma("max_page_count = 1073741823");
    const next = await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" });
    expect(next.ticket.number).toBe(`A-${String(acked + 1).padStart(3, "0")}`);
    expect(h.store.db.prepare("SELECT count(*) AS n FROM tickets").get()).toEqual({ n: acked + 1 });
  });

  it("read-only database: the login and commands answer STORE_UNAVAILABLE, not 500, and recover", async () => {
    const { h, kiosk, lines } = await hubWithLog();
    h.store.db.pragma("query_only = ON");
    const res = await postLogin(h.url, h.users.officer);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: "STORE_UNAVAILABLE", message: STORAGE_MESSAGE } });
    const refused = await send(kiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" });
    expect(refused.ok || refused.error.code).toBe("STORE_UNAVAILABLE");
    expect(lines.filter((l) => l.level === 50).map((l) => l.code)).toEqual(["SQLITE_READONLY", "SQLITE_READONLY"]);

    h.store.db.pragma("query_only = OFF");
    expect((await postLogin(h.url, h.users.officer)).status).toBe(200);
    expect((await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" })).ticket.number).toBe("A-001");
  });
});
