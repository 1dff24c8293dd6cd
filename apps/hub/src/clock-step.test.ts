import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { connect, login, must, rid, startHub, type TestHubHandle } from "./testing/harness";

const open: { close(): unknown }[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

describe("a clock that steps back (NTP correction)", () => {
  it("never moves event time backwards, so no waiting time is negative; the step is logged once", async () => {
    const lines: { level: number; msg: string }[] = [];
    const logger = pino({ level: "info" }, { write: (l: string) => void lines.push(JSON.parse(l) as (typeof lines)[number]) });
    const h: TestHubHandle = await startHub({ logger });
    open.push(h);
    const kiosk = await connect(h.url, "/kiosk", h.tokens.kiosk);
    const counter = await connect(h.url, "/counter", await login(h.url, h.users.officer));
    open.push(kiosk, counter);

    await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" });
    h.clock.advance(2 * 60_000);
    await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" });
    // The machine's clock is corrected 10 minutes back in the middle of the queue.
    h.clock.advance(-10 * 60_000);
    await must(counter, "counter:open", { requestId: rid(), counterId: "loket-1" });
    for (let i = 0; i < 2; i++) {
      await must(counter, "ticket:call_next", { requestId: rid(), counterId: "loket-1" });
      h.clock.advance(60_000);
      await must(counter, "ticket:start", { requestId: rid(), counterId: "loket-1" });
      await must(counter, "ticket:complete", { requestId: rid(), counterId: "loket-1", outcome: "selesai" });
    }

    const times = (h.store.db.prepare("SELECT at FROM events ORDER BY seq").all() as { at: number }[]).map((r) => r.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const log = h.store.db.prepare("SELECT ticket_number, wait_ms, service_ms FROM service_log ORDER BY ticket_number").all() as {
      wait_ms: number;
      service_ms: number;
    }[];
    expect(log).toHaveLength(2);
    for (const row of log) {
      expect(row.wait_ms).toBeGreaterThanOrEqual(0);
      expect(row.service_ms).toBeGreaterThanOrEqual(0);
    }
    const steps = () => lines.filter((l) => l.msg.startsWith("hub clock stepped back"));
    expect(steps()).toHaveLength(1);
    expect(steps()[0]?.level).toBe(40);

    // Once the clock has caught up, a second step back is a new step and logged again.
    h.clock.advance(20 * 60_000);
    await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" });
    h.clock.advance(-5 * 60_000);
    await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" });
    expect(steps()).toHaveLength(2);
  });
});
