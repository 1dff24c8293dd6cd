/**
 * A ticket served without a single SOP tick says nothing about its steps. The
 * step report and the compliance report count such tickets apart ("N tiket
 * tanpa langkah SOP tercatat") and judge step compliance over recorded steps
 * only. Real hub, real sockets, real HTTP.
 */
import type { ComplianceReport, StepsResponse } from "@layan/protocol";
import { afterEach, describe, expect, it } from "vitest";
import { connect, login, must, rid, startHub, type TestHubHandle } from "../testing/harness";

let h: TestHubHandle | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const DAY = "from=2026-11-27&to=2026-11-27";

async function get<T>(hub: TestHubHandle, path: string, token: string): Promise<T> {
  const res = await fetch(`${hub.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json()) as { ok: boolean; data: T };
  expect(body.ok).toBe(true);
  return body.data;
}

describe("served tickets without SOP steps recorded", () => {
  it("are counted apart in the step and compliance reports, never as within target", async () => {
    h = await startHub({ reports: true });
    const hub = h;
    const counter = await connect(hub.url, "/counter", await login(hub.url, hub.users.officer));
    const kiosk = await connect(hub.url, "/kiosk", hub.tokens.kiosk);
    try {
      for (let i = 0; i < 3; i++) await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" });
      await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "kia" });
      const on = { counterId: "loket-1" };
      await must(counter, "counter:open", { requestId: rid(), ...on });
      // served, completed without a single tick.
      for (let i = 0; i < 2; i++) {
        await must(counter, "ticket:call_next", { requestId: rid(), ...on });
        await must(counter, "ticket:start", { requestId: rid(), ...on });
        hub.clock.advance(5 * 60_000);
        await must(counter, "ticket:complete", { requestId: rid(), ...on, outcome: "selesai" });
      }
      // every step ticked, each within its target.
      await must(counter, "ticket:call_next", { requestId: rid(), ...on });
      await must(counter, "ticket:start", { requestId: rid(), ...on });
      for (const stepId of ["verifikasi", "perekaman", "pencetakan", "penyerahan"]) {
        hub.clock.advance(60_000);
        await must(counter, "ticket:step", { requestId: rid(), ...on, stepId });
      }
      await must(counter, "ticket:complete", { requestId: rid(), ...on, outcome: "selesai" });
      // D-001 (KIA): served without ticks; the only KIA ticket.
      await must(counter, "ticket:call_next", { requestId: rid(), ...on });
      await must(counter, "ticket:complete", { requestId: rid(), ...on, outcome: "selesai" });
    } finally {
      counter.close();
      kiosk.close();
    }

    const token = await login(hub.url, hub.users.manager);
    const steps = await get<StepsResponse>(hub, `/api/reports/steps?${DAY}`, token);
    // The ticked steps are all within target...
    expect(steps.rows.filter((r) => r.serviceId === "ktp-el").map((r) => [r.stepId, r.n, r.met.pct])).toEqual([
      ["verifikasi", 1, 100],
      ["perekaman", 1, 100],
      ["pencetakan", 1, 100],
      ["penyerahan", 1, 100],
    ]);
    // ...but only one of the three KTP-el tickets recorded any: the report says so.
    const ktp = steps.coverage.find((c) => c.serviceId === "ktp-el");
    expect(ktp).toEqual({
      serviceId: "ktp-el",
      serviceName: expect.any(String),
      served: 3,
      withSteps: 1,
      withoutSteps: 2,
      met: { judged: 4, met: 4, pct: 100 },
    });
    expect(steps.coverage.find((c) => c.serviceId === "kia")).toMatchObject({
      served: 1,
      withSteps: 0,
      withoutSteps: 1,
      met: { judged: 0, met: 0, pct: null },
    });

    const report = await get<ComplianceReport>(hub, "/api/reports/compliance?month=2026-11", token);
    const ktpService = report.services.find((s) => s.serviceId === "ktp-el")!;
    expect(ktpService.steps).toEqual({ serviceId: "ktp-el", served: 3, withSteps: 1, withoutSteps: 2, met: { judged: 4, met: 4, pct: 100 } });
    expect(ktpService.notes).toContain(
      "Langkah SOP: 100% langkah sesuai target, dari 1 tiket yang mencatat langkahnya; 2 tiket tanpa langkah SOP tercatat (tidak dihitung).",
    );
    const kia = report.services.find((s) => s.serviceId === "kia")!;
    expect(kia.notes).toContain("1 tiket tanpa langkah SOP tercatat: kepatuhan langkah SOP tidak dapat dinilai.");
    // A service whose SOP has nothing to tick is not reported as "without steps".
    const untickable = hub.setup.rules.services.find((s) => s.targets.steps.length === 0);
    if (untickable) expect(report.services.find((s) => s.serviceId === untickable.id)?.steps).toBeNull();

    const csv = await (
      await fetch(`${hub.url}/api/reports/compliance.csv?month=2026-11`, { headers: { authorization: `Bearer ${token}` } })
    ).text();
    expect(csv).toContain("Tiket tanpa langkah SOP tercatat");
  });
});
