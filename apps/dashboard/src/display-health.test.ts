import type { DisplayHealth } from "@layan/protocol";
import { describe, expect, it } from "vitest";
import { displaySound, REPORT_STALE_MS } from "./display-health";

const NOW = Date.parse("2026-11-18T09:30:00+07:00");
const healthy: DisplayHealth = {
  displayId: "display-utama",
  name: "Ruang Tunggu Utama",
  connections: 1,
  audio: "unlocked",
  reportedAt: NOW - 5_000,
  lastAnnouncementAt: NOW - 60_000,
  lastAnnouncementOk: true,
};

describe("a display's sound in the live view", () => {
  it("is healthy when unlocked and reporting", () => {
    expect(displaySound(healthy, NOW).status).toBe("ok");
  });

  it("flags a locked display with what to do", () => {
    expect(displaySound({ ...healthy, audio: "locked" }, NOW)).toMatchObject({
      status: "locked",
      label: "Suara mati — ketuk layar atau periksa pengaturan autoplay",
    });
  });

  it("flags a display that stopped reporting, even if it last said it was fine", () => {
    expect(displaySound({ ...healthy, reportedAt: NOW - REPORT_STALE_MS - 1 }, NOW).status).toBe("stale");
    expect(displaySound({ ...healthy, reportedAt: NOW - REPORT_STALE_MS }, NOW).status).toBe("ok");
  });

  it("tells a disconnected display, a failed announcement and a screen muted on purpose apart", () => {
    expect(displaySound({ ...healthy, connections: 0 }, NOW).status).toBe("offline");
    expect(displaySound({ ...healthy, lastAnnouncementOk: false }, NOW).status).toBe("failed");
    expect(displaySound({ ...healthy, audio: "off" }, NOW).status).toBe("off");
    expect(displaySound({ ...healthy, audio: null, reportedAt: null }, NOW).status).toBe("waiting");
  });

  it("says every verdict in the dashboard's Indonesian, with no English word or URL syntax for the manager to decode", () => {
    const cases: DisplayHealth[] = [
      healthy,
      { ...healthy, audio: "locked" },
      { ...healthy, audio: "off" },
      { ...healthy, lastAnnouncementOk: false },
      { ...healthy, reportedAt: NOW - REPORT_STALE_MS - 1 },
      { ...healthy, audio: null, reportedAt: null },
      { ...healthy, connections: 0 },
      { ...healthy, connections: 0, reportedAt: null },
    ];
    for (const d of cases) expect(displaySound(d, NOW).label).not.toMatch(/\bdisplay\b|\?/i);
  });
});
