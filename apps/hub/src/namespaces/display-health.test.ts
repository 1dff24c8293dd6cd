import type { DisplayHealth } from "@layan/protocol";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { connect, login, must, nextPush, send, startHub, type TestHubHandle } from "../testing/harness";

let hub: TestHubHandle;
beforeEach(async () => {
  hub = await startHub();
});
afterEach(() => hub.close());

const utama = (list: DisplayHealth[]) => list.find((d) => d.displayId === "display-utama");

describe("display:sound", () => {
  it("reaches the dashboard's live view at once, in hub time, and a disconnect with it", async () => {
    const dashboard = await connect(hub.url, "/dashboard", await login(hub.url, hub.users.manager));
    // The list sent as the dashboard connects goes out before this test can listen; the e2e test sees it.
    const connected = nextPush<DisplayHealth[]>(dashboard, "displays:health", 3_000, (l) => utama(l)?.connections === 1);
    const display = await connect(hub.url, "/display", hub.tokens.display);
    expect(utama(await connected)).toMatchObject({ connections: 1, audio: null, reportedAt: null });

    const locked = nextPush<DisplayHealth[]>(dashboard, "displays:health", 3_000, (l) => utama(l)?.audio === "locked");
    expect(
      await must(display, "display:sound", { audio: "locked", lastAnnouncementAgoMs: 4_000, lastAnnouncementOk: false }),
    ).toBeNull();
    expect(utama(await locked)).toMatchObject({
      connections: 1,
      audio: "locked",
      reportedAt: hub.clock.now,
      // An age, turned into the hub's time: the display's own clock never counts.
      lastAnnouncementAt: hub.clock.now - 4_000,
      lastAnnouncementOk: false,
    });

    const gone = nextPush<DisplayHealth[]>(dashboard, "displays:health", 3_000, (l) => utama(l)?.connections === 0);
    display.disconnect();
    expect(utama(await gone)).toMatchObject({ connections: 0, audio: "locked" });
    dashboard.disconnect();
  });

  it("refuses a malformed report", async () => {
    const display = await connect(hub.url, "/display", hub.tokens.display);
    const answer = await send(display, "display:sound", { audio: "loud", lastAnnouncementAgoMs: -1 });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.code).toBe("INVALID_PAYLOAD");
    display.disconnect();
  });

  it("is a display's command only", async () => {
    const kiosk = await connect(hub.url, "/kiosk", hub.tokens.kiosk);
    const answer = await send(kiosk, "display:sound", { audio: "unlocked", lastAnnouncementAgoMs: null, lastAnnouncementOk: null });
    expect(answer.ok ? null : answer.error.code).toBe("UNKNOWN_EVENT");
    kiosk.disconnect();
  });
});
