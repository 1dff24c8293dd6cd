import {
  DEFAULT_ESTIMATE_POLICY,
  DEFAULT_NO_SHOW_POLICY,
  DEFAULT_PRIORITY_POLICY,
  isOpenAt,
  type ServiceRules,
} from "@layan/core";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "./load";
import { toOfficeRules } from "./rules";
import { ConfigCopy, SAMPLE_DIR } from "./test-support";

const config = loadConfig(SAMPLE_DIR);
const rules = toOfficeRules(config);

function service(id: string): ServiceRules {
  const found = rules.services.find((s) => s.id === id);
  if (!found) throw new Error(`no service ${id}`);
  return found;
}

/** Epoch ms of an office-local (WIB, UTC+7) wall-clock time. */
function wib(date: string, time: string): number {
  return Date.parse(`${date}T${time}:00+07:00`);
}

describe("toOfficeRules on the sample office", () => {
  it("carries the timezone, every service and counter, and the queue policies", () => {
    expect(rules.timezone).toBe("Asia/Jakarta");
    expect(rules.services.map((s) => s.id)).toEqual(config.services.map((s) => s.id));
    expect(rules.counters.map((c) => c.id)).toEqual(config.counters.map((c) => c.id));
    expect(rules.priority).toEqual({ priorityTurns: 2, regularTurns: 1, maxRegularWaitMinutes: 45 });
    expect(rules.noShow).toEqual({ recallsBeforeNoShow: 2, reinstateWithinMinutes: 30 });
    expect(rules.estimate).toEqual({ sampleSize: 30, maxAgeMinutes: 480 });
  });

  it("is consistent: unique prefixes, counters serve known services, every service is served", () => {
    const ids = new Set(rules.services.map((s) => s.id));
    const prefixes = rules.services.map((s) => s.prefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    for (const p of prefixes) expect(p).toMatch(/^[A-Z]{1,2}$/);
    for (const c of rules.counters) for (const s of c.services) expect(ids.has(s)).toBe(true);
    const served = new Set(rules.counters.flatMap((c) => c.services));
    expect([...ids].filter((id) => !served.has(id))).toEqual([]);
    expect(new Set(rules.counters.map((c) => c.number)).size).toBe(rules.counters.length);
  });

  it("gives each service its timed SOP steps as step targets, within the service time", () => {
    for (const s of rules.services) {
      const source = config.services.find((c) => c.id === s.id);
      const timed = source?.sop.steps
        .filter((step) => step.timed)
        .map((step) => ({ id: step.id, minutes: step.minutes }));
      expect(s.targets.steps).toEqual(timed);
      expect(s.targets.steps.length).toBeGreaterThan(0);
      expect(s.targets.steps.reduce((sum, step) => sum + step.minutes, 0)).toBeLessThanOrEqual(
        s.targets.serviceMinutes,
      );
      expect(s.targets.waitMinutes).toBe(source?.sop.waitMinutes);
    }
    expect(service("ktp-el").targets).toEqual({
      waitMinutes: 30,
      serviceMinutes: 25,
      steps: [
        { id: "verifikasi", minutes: 5 },
        { id: "perekaman", minutes: 10 },
        { id: "pencetakan", minutes: 5 },
        { id: "penyerahan", minutes: 3 },
      ],
    });
  });

  it("uses the office hours unless the service has its own", () => {
    expect(service("ktp-el").hours).toEqual(config.office.hours);
    expect(service("stnk-tahunan").hours.mon).toEqual([{ open: "08:00", close: "14:00" }]);
    expect(service("stnk-tahunan").hours.sat).toBeUndefined();
  });

  it("opens and closes as the core reads it", () => {
    const ktp = service("ktp-el");
    const stnk = service("stnk-tahunan");
    const open = (s: ServiceRules, at: number): boolean =>
      isOpenAt(s.hours, s.closedDates, at, rules.timezone);
    expect(open(ktp, wib("2026-01-05", "09:00"))).toBe(true); // Monday morning
    expect(open(ktp, wib("2026-01-02", "12:00"))).toBe(false); // Friday prayer break
    expect(open(ktp, wib("2026-01-02", "13:30"))).toBe(true);
    expect(open(stnk, wib("2026-01-05", "14:30"))).toBe(false); // Samsat closes at 14:00
    expect(open(ktp, wib("2026-01-05", "14:30"))).toBe(true);
    expect(open(ktp, wib("2026-08-17", "09:00"))).toBe(false); // Hari Kemerdekaan
    expect(open(ktp, wib("2026-08-18", "09:00"))).toBe(true);
  });

  it("closes every service on the office's holidays, sorted", () => {
    const holidays = config.office.closedDates.map((d) => d.date);
    for (const s of rules.services) {
      expect(s.closedDates).toEqual(expect.arrayContaining(holidays));
      expect(s.closedDates).toEqual([...s.closedDates].sort());
    }
  });

  it("maps the daily quota, null when there is none", () => {
    expect(service("ktp-el").dailyQuota).toBe(120);
    expect(service("kartu-keluarga").dailyQuota).toBeNull();
  });

  it("returns fresh objects the core may keep", () => {
    const first = toOfficeRules(config);
    first.counters[0]?.services.push("x");
    first.services[0]?.hours.mon?.push({ open: "20:00", close: "21:00" });
    expect(toOfficeRules(config)).toEqual(rules);
  });
});

describe("defaults", () => {
  let copy: ConfigCopy | undefined;
  afterEach(() => copy?.dispose());

  it("equal the core's DEFAULT_*_POLICY when office.yaml states no queue policies", () => {
    copy = new ConfigCopy();
    const office = copy.read("office.yaml");
    copy.write("office.yaml", office.slice(0, office.indexOf("queue:")));
    const defaults = toOfficeRules(loadConfig(copy.dir));
    expect(defaults.priority).toEqual(DEFAULT_PRIORITY_POLICY);
    expect(defaults.noShow).toEqual(DEFAULT_NO_SHOW_POLICY);
    expect(defaults.estimate).toEqual(DEFAULT_ESTIMATE_POLICY);
  });

  it("add a service's own closed dates to the office's", () => {
    copy = new ConfigCopy();
    copy.replace(
      "services/kia.yaml",
      "dailyQuota: 80",
      'dailyQuota: 80\nclosedDates: ["2026-03-02", { date: "2026-01-01" }]',
    );
    const kia = toOfficeRules(loadConfig(copy.dir)).services.find((s) => s.id === "kia");
    expect(kia?.closedDates).toEqual([
      "2026-01-01",
      "2026-03-02",
      "2026-05-01",
      "2026-06-01",
      "2026-08-17",
      "2026-12-25",
      "2027-01-01",
      "2027-05-01",
      "2027-06-01",
      "2027-08-17",
      "2027-12-25",
    ]);
  });
});
