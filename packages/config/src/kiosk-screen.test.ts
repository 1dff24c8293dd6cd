import { describe, expect, it } from "vitest";
import { loadConfig } from "./load";
import { configErrors, type ConfigCopy, freshCopyEachTest } from "./test-support";

let copy: ConfigCopy;
freshCopyEachTest((c) => (copy = c));

const kiosk = (id: string) => loadConfig(copy.dir).devices.kiosks.find((k) => k.id === id);

describe("a kiosk's screen geometry and reach limit (devices.yaml)", () => {
  it("reads the shipped stands, with the landscape default height where none is given", () => {
    expect(kiosk("kiosk-lobi")).toMatchObject({
      screen: { orientation: "portrait", bottomEdgeMm: 800, visibleHeightMm: 950 },
      reach: { limitMm: 1200, mode: "auto" },
    });
    expect(kiosk("kiosk-samsat")).toMatchObject({
      screen: { orientation: "landscape", bottomEdgeMm: 850, visibleHeightMm: 535 },
      reach: { limitMm: 1200, mode: "auto" },
    });
  });

  it("assumes the common 43-inch portrait stand when a kiosk says nothing", () => {
    expect(kiosk("kiosk-informasi")).toMatchObject({
      screen: { orientation: "portrait", bottomEdgeMm: 800, visibleHeightMm: 950 },
      reach: { limitMm: 1200, mode: "auto" },
    });
  });

  it("refuses a reach limit at or below the screen's bottom edge, at the limit's line", () => {
    copy.replace("devices.yaml", "limitMm: 1200", "limitMm: 780");
    expect(configErrors(copy.dir)).toEqual([
      `kiosk-config/devices.yaml:${copy.lineOf("devices.yaml", "limitMm: 780")} kiosks[0].reach.limitMm: reach limit 780 mm is at or below the screen's bottom edge (screen.bottomEdgeMm 800 mm): no control could be reached from a wheelchair`,
    ]);
  });

  it("points at the kiosk when the limit is the default and the screen sits too high", () => {
    copy.replace("devices.yaml", "bottomEdgeMm: 850", "bottomEdgeMm: 1250");
    expect(configErrors(copy.dir)).toEqual([
      `kiosk-config/devices.yaml:${copy.lineOf("devices.yaml", "id: kiosk-samsat")} kiosks[1].reach.limitMm: reach limit 1200 mm is at or below the screen's bottom edge (screen.bottomEdgeMm 1250 mm): no control could be reached from a wheelchair`,
    ]);
  });

  it("names the wrong orientation, reach mode and an impossible size", () => {
    copy.replace("devices.yaml", "orientation: landscape", "orientation: mendatar");
    copy.replace("devices.yaml", "mode: auto", "mode: always");
    copy.replace("devices.yaml", "visibleHeightMm: 950", "visibleHeightMm: 0");
    expect(configErrors(copy.dir)).toEqual([
      `kiosk-config/devices.yaml:${copy.lineOf("devices.yaml", "visibleHeightMm: 0")} kiosks[0].screen.visibleHeightMm: must be at least 100`,
      `kiosk-config/devices.yaml:${copy.lineOf("devices.yaml", "mode: always")} kiosks[0].reach.mode: expected one of "auto", "on", "off"`,
      `kiosk-config/devices.yaml:${copy.lineOf("devices.yaml", "orientation: mendatar")} kiosks[1].screen.orientation: expected one of "portrait", "landscape"`,
    ]);
  });
});
