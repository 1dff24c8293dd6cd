import { describe, expect, it } from "vitest";
import { formatIssue } from "./issues";
import { inspectConfig, loadConfig } from "./load";
import { toOfficeRules } from "./rules";
import { type ConfigCopy, freshCopyEachTest } from "./test-support";

let copy: ConfigCopy;
freshCopyEachTest((c) => (copy = c));

const issues = () => inspectConfig(copy.dir).issues.map(formatIssue).join("\n");
const setKtpBooking = (yaml: string) => {
  const ktp = copy.read("services/ktp-el.yaml");
  const start = ktp.indexOf("booking:\n");
  const end = ktp.indexOf("\n\n", start);
  copy.write("services/ktp-el.yaml", `${ktp.slice(0, start)}${yaml}${ktp.slice(end)}`);
};

describe("office.yaml booking", () => {
  it("ships off, with the design's defaults, and maps into the core's policy", () => {
    const config = loadConfig(copy.dir);
    expect(config.office.booking).toEqual({
      enabled: false,
      holdMinutes: 10,
      ask: { name: true, phone: true },
      bookedInARow: 2,
      limits: { perContactPerDay: 1, perContactOpen: 2, perDevicePerDay: 2, perAddressPerHour: 20 },
    });
    expect(toOfficeRules(config).booking).toEqual({ enabled: false, holdMinutes: 10, bookedInARow: 2 });
  });

  it("fills what an office leaves out", () => {
    const office = copy.read("office.yaml");
    const start = office.indexOf("\nbooking:\n");
    copy.write("office.yaml", `${office.slice(0, start)}\nbooking:\n  enabled: true\n  limits: { perContactOpen: 3 }\n`);
    const booking = loadConfig(copy.dir).office.booking;
    expect(booking).toMatchObject({ enabled: true, holdMinutes: 10, limits: { perContactPerDay: 1, perContactOpen: 3 } });
  });

  it("refuses a typo and a hold of zero minutes, naming the key", () => {
    const office = copy.read("office.yaml");
    copy.write("office.yaml", office.replace("  holdMinutes: 10\n", "  holdMinutes: 0\n  enable: true\n"));
    const text = issues();
    expect(text).toContain("booking.holdMinutes");
    expect(text).toContain("minutes a picked slot waits");
    expect(text).toContain("enable");
  });
});

describe("service booking", () => {
  it("makes the example KTP-el and KIA bookable and leaves the others not", () => {
    const rules = toOfficeRules(loadConfig(copy.dir));
    const ktp = rules.services.find((s) => s.id === "ktp-el");
    expect(ktp?.booking).toEqual({
      slotMinutes: 30,
      capacity: 6,
      daysAhead: 14,
      minLeadMinutes: 60,
      earlyMinutes: 30,
      lateMinutes: 15,
      maxShareOfQuota: 0.5,
    });
    expect(rules.services.filter((s) => s.booking !== null).map((s) => s.id).sort()).toEqual(["kia", "ktp-el"]);
  });

  it("takes the defaults but wants the places per slot stated", () => {
    setKtpBooking("booking:\n  capacity: 3");
    const ktp = toOfficeRules(loadConfig(copy.dir)).services.find((s) => s.id === "ktp-el");
    expect(ktp?.booking).toMatchObject({ capacity: 3, slotMinutes: 30, maxShareOfQuota: 0.5 });
    setKtpBooking("booking:\n  slotMinutes: 20");
    expect(issues()).toContain("expected the places per slot");
  });

  it("keeps the quota share in (0, 1] and slots of 5 minutes to 4 hours", () => {
    setKtpBooking("booking:\n  capacity: 3\n  maxShareOfQuota: 0");
    expect(issues()).toContain("a share of 0 books nothing");
    setKtpBooking("booking:\n  capacity: 3\n  maxShareOfQuota: 1.5");
    expect(issues()).toContain("at most 1 (the whole daily quota)");
    setKtpBooking("booking:\n  capacity: 3\n  slotMinutes: 2");
    expect(issues()).toContain("fewer than 5 minutes");
  });
});

describe("the nothing-to-book warning", () => {
  const warnings = () => inspectConfig(copy.dir).warnings.map(formatIssue);
  const dropBooking = (file: string) => {
    const yaml = copy.read(file);
    const start = yaml.indexOf("booking:\n");
    const end = yaml.indexOf("\n\n", start);
    copy.write(file, yaml.slice(0, start) + yaml.slice(end + 2));
  };

  it("warns, pointing at office.yaml booking.enabled, when booking is on and no service is bookable", () => {
    copy.write("office.yaml", copy.read("office.yaml").replace("booking:\n  enabled: false", "booking:\n  enabled: true"));
    expect(warnings().filter((w) => w.includes("nothing can be booked"))).toEqual([]);
    dropBooking("services/ktp-el.yaml");
    expect(warnings().filter((w) => w.includes("nothing can be booked"))).toEqual([]);
    dropBooking("services/kia.yaml");
    expect(issues()).toBe("");
    expect(warnings().filter((w) => w.includes("nothing can be booked"))).toEqual([
      `kiosk-config/office.yaml:${copy.read("office.yaml").split("\n").indexOf("booking:") + 2} booking.enabled: booking is on but no service has a \`booking\` block: nothing can be booked; add \`booking:\` (slotMinutes, capacity) to the services citizens may book, or set enabled: false`,
    ]);
  });

  it("stays quiet while booking is off, whatever the services say", () => {
    dropBooking("services/ktp-el.yaml");
    dropBooking("services/kia.yaml");
    expect(warnings().filter((w) => w.includes("nothing can be booked"))).toEqual([]);
  });
});
