import { afterEach, describe, expect, it } from "vitest";
import { setupFromConfig } from "./config-setup";
import { connect, must, rid, sampleOffice, startHub, type TestHubHandle } from "./testing/harness";

let h: TestHubHandle | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

describe("the kiosk's catalog helps a first-time citizen find a service", () => {
  it("lists the services most issued in the last 30 days first, then the rest in config order", async () => {
    h = await startHub();
    const kiosk = await connect(h.url, "/kiosk", h.tokens.kiosk);
    const configOrder = (await must(kiosk, "catalog:get", {})).services.map((s) => s.id);
    expect((await must(kiosk, "catalog:get", {})).popular).toEqual(configOrder);

    // 31 days ago does not count any more.
    for (let i = 0; i < 3; i++) await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "pbg" });
    h.clock.advance(31 * 86_400_000);
    for (let i = 0; i < 2; i++) await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "skck" });
    await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "kia" });
    const popular = (await must(kiosk, "catalog:get", {})).popular ?? [];
    expect(popular.slice(0, 2)).toEqual(["skck", "kia"]);
    expect(popular.slice(2)).toEqual(configOrder.filter((id) => id !== "skck" && id !== "kia"));
    kiosk.close();
  });

  it("carries each service's search words and its opening hours with the closed days", () => {
    const { catalog } = setupFromConfig(sampleOffice());
    const stnk = catalog.services.find((s) => s.id === "stnk-tahunan");
    expect(stnk?.keywords).toContain("pajak motor");
    // Samsat's own hours, not the office's; no Saturday.
    expect(stnk?.hours.weekly.mon).toEqual([{ open: "08:00", close: "14:00" }]);
    expect(stnk?.hours.weekly.sat).toBeUndefined();
    const ktp = catalog.services.find((s) => s.id === "ktp-el");
    // The office's Friday prayer break.
    expect(ktp?.hours.weekly.fri).toEqual([
      { open: "08:00", close: "11:00" },
      { open: "13:00", close: "15:00" },
    ]);
    expect(ktp?.hours.closedDates).toContainEqual({ date: "2026-12-25", name: "Hari Raya Natal" });
  });
});
