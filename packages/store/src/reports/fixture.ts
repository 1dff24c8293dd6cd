/**
 * A small, fully scripted office history for report tests (store, hub API and
 * the dashboard's end-to-end test). Every command runs through the real core
 * (its drive: decide, apply) and the real store, minute by minute, so the expected report
 * numbers can be worked out by hand from the timeline below. Not exported from
 * the package index.
 *
 * Services and targets are the sample office's (kiosk-config), so a hub started
 * on the sample config shows their names; opening hours are widened to the
 * whole day so the midnight cases can be issued.
 *
 * Thu 2026-11-26, Loket 2, Agus (Kartu Keluarga):
 *   B-001 issued 09:00, called 09:20, start 09:20, completed 09:38      wait 20 ✓  service 18 ✓
 *   B-002 issued 09:01, called 09:39, start 09:40, transferred 09:45     wait 38 ✗  service 5 ✓
 *     -> KTP-el at Loket 1, Rina: called 09:50, start 09:50, done 10:15 wait 5 ✓   service 25 ✓ (equal = met)
 * Fri 2026-11-27, Loket 1, Rina:
 *   D-001 (KIA) issued 06:30 WIB (= 23:30 UTC on the 26th), called 06:40, completed 06:45 without start
 *                                                                        wait 10 ✓  service 5 ✓ (from the call)
 *   A-001 issued 08:00, called 08:10, start 08:11, steps verifikasi 08:15 (4), perekaman 08:27 (12),
 *         pencetakan 08:31 (4), penyerahan 08:33 (2), completed 08:34  wait 10 ✓  service 23 ✓
 *   A-002 issued 08:05, called 08:35, start 08:36, completed 09:06      wait 30 ✓ (equal)  service 30 ✗
 *   A-003 issued 08:06, called 09:07, recalled 09:08 and 09:09, no-show 09:10   wait 61 ✗
 *   A-004 (lansia) issued 08:07, called 09:11, start 09:12, verifikasi 09:20 (8),
 *         completed 09:21 "berkas tidak lengkap"                        wait 64 ✗  service 9 ✓
 *   A-005 issued 08:08, cancelled by the citizen 08:30 while waiting
 * Sat 2026-11-28, Loket 1, Rina:
 *   D-001 (KIA) issued 00:05 WIB (= 17:05 UTC on the 27th), called 00:10, start 00:10, completed 00:20
 *                                                                        wait 5 ✓   service 10 ✓
 */
import {
  createState,
  DEFAULT_BOOKING_POLICY,
  DEFAULT_ESTIMATE_POLICY,
  drive,
  DEFAULT_PRIORITY_POLICY,
  type OfficeRules,
  type QueueCommand,
  type ServiceRules,
  type WeeklyHours,
} from "@layan/core";
import type { Store } from "../store";

const HOUR = 3_600_000;

/** "2026-11-27 08:00" in Asia/Jakarta (UTC+7, no DST) as epoch ms. */
export function wib(local: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(local);
  if (!m) throw new Error(`bad local time ${local}`);
  const [, y, mo, d, h, mi] = m;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi)) - 7 * HOUR;
}

const ALL_DAY: WeeklyHours = Object.fromEntries(
  (["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const).map((d) => [
    d,
    [{ open: "00:00", close: "24:00" }],
  ]),
);

const service = (
  id: string,
  prefix: string,
  waitMinutes: number,
  serviceMinutes: number,
  steps: [string, number][],
): ServiceRules => ({
  id,
  agencyId: "disdukcapil",
  prefix,
  name: id,
  hours: ALL_DAY,
  closedDates: [],
  dailyQuota: null,
  targets: {
    waitMinutes,
    serviceMinutes,
    steps: steps.map(([stepId, minutes]) => ({ id: stepId, minutes })),
  },
  booking: null,
});

export const FIXTURE_RULES: OfficeRules = {
  timezone: "Asia/Jakarta",
  services: [
    service("ktp-el", "A", 30, 25, [
      ["verifikasi", 5],
      ["perekaman", 10],
      ["pencetakan", 5],
      ["penyerahan", 3],
    ]),
    service("kartu-keluarga", "B", 30, 20, [
      ["verifikasi", 7],
      ["pemutakhiran", 8],
    ]),
    service("kia", "D", 30, 15, [
      ["verifikasi", 5],
      ["input-data", 5],
      ["pencetakan", 3],
    ]),
  ],
  counters: [
    { id: "loket-1", name: "Loket 1", number: 1, services: ["ktp-el", "kia"] },
    { id: "loket-2", name: "Loket 2", number: 2, services: ["ktp-el", "kartu-keluarga"] },
  ],
  priority: { ...DEFAULT_PRIORITY_POLICY },
  noShow: { recallsBeforeNoShow: 2, reinstateWithinMinutes: 30 },
  estimate: { ...DEFAULT_ESTIMATE_POLICY },
  booking: { ...DEFAULT_BOOKING_POLICY },
};

export const FIXTURE_OFFICERS = {
  rina: { id: "fx-rina", username: "fx.rina", displayName: "Rina Marlina" },
  agus: { id: "fx-agus", username: "fx.agus", displayName: "Agus Saputra" },
} as const;

/** Writes the fixture's officers and events into an empty store. Returns the ticket ids by label. */
export function writeReportFixture(store: Store): Record<string, string> {
  for (const o of Object.values(FIXTURE_OFFICERS)) {
    store.addUser({
      ...o,
      role: "officer",
      secretHash: "fixture$no-login",
      createdAt: wib("2026-11-01 08:00"),
    });
  }
  const state = createState(FIXTURE_RULES);
  const ids: Record<string, string> = {};
  let last = 0;
  const run = (local: string, command: QueueCommand) => {
    // The hub's clock never goes back: keep the script in time order.
    if (wib(local) < last) throw new Error(`fixture out of order at ${local}`);
    last = wib(local);
    const decision = drive(state, command, wib(local));
    if (!decision.ok)
      throw new Error(`${local} ${command.type}: ${decision.error.code} ${decision.error.detail}`);
    store.append([{ events: decision.events }]);
  };
  const issue = (label: string, local: string, serviceId: string, priority: "lansia" | null = null) => {
    ids[label] = `fx-${label}`;
    run(local, { type: "issueTicket", ticketId: `fx-${label}`, serviceId, priority, kioskId: "kiosk-lobi" });
  };
  const call = (local: string, counterId: string, label: string, officerId: string) =>
    run(local, { type: "callTicket", counterId, officerId, ticketId: `fx-${label}` });
  const { rina, agus } = FIXTURE_OFFICERS;

  // Thursday 26 November
  run("2026-11-26 08:55", { type: "openCounter", counterId: "loket-2", officerId: agus.id });
  issue("B-001@26", "2026-11-26 09:00", "kartu-keluarga");
  issue("B-002@26", "2026-11-26 09:01", "kartu-keluarga");
  call("2026-11-26 09:20", "loket-2", "B-001@26", agus.id);
  run("2026-11-26 09:20", { type: "startService", counterId: "loket-2" });
  run("2026-11-26 09:30", { type: "openCounter", counterId: "loket-1", officerId: rina.id });
  run("2026-11-26 09:38", { type: "complete", counterId: "loket-2", outcome: "selesai" });
  call("2026-11-26 09:39", "loket-2", "B-002@26", agus.id);
  run("2026-11-26 09:40", { type: "startService", counterId: "loket-2" });
  run("2026-11-26 09:45", { type: "transfer", counterId: "loket-2", toServiceId: "ktp-el" });
  call("2026-11-26 09:50", "loket-1", "B-002@26", rina.id);
  run("2026-11-26 09:50", { type: "startService", counterId: "loket-1" });
  run("2026-11-26 10:15", { type: "complete", counterId: "loket-1", outcome: "selesai" });
  run("2026-11-26 15:00", { type: "closeCounter", counterId: "loket-1" });
  run("2026-11-26 15:00", { type: "closeCounter", counterId: "loket-2" });

  // Friday 27 November
  run("2026-11-27 06:00", { type: "openCounter", counterId: "loket-1", officerId: rina.id });
  issue("D-001@27", "2026-11-27 06:30", "kia");
  call("2026-11-27 06:40", "loket-1", "D-001@27", rina.id);
  run("2026-11-27 06:45", { type: "complete", counterId: "loket-1", outcome: "selesai" });
  issue("A-001", "2026-11-27 08:00", "ktp-el");
  issue("A-002", "2026-11-27 08:05", "ktp-el");
  issue("A-003", "2026-11-27 08:06", "ktp-el");
  issue("A-004", "2026-11-27 08:07", "ktp-el", "lansia");
  issue("A-005", "2026-11-27 08:08", "ktp-el");
  call("2026-11-27 08:10", "loket-1", "A-001", rina.id);
  run("2026-11-27 08:11", { type: "startService", counterId: "loket-1" });
  run("2026-11-27 08:15", { type: "tickStep", counterId: "loket-1", stepId: "verifikasi" });
  run("2026-11-27 08:27", { type: "tickStep", counterId: "loket-1", stepId: "perekaman" });
  run("2026-11-27 08:30", { type: "cancel", ticketId: "fx-A-005", reason: "citizen_left" });
  run("2026-11-27 08:31", { type: "tickStep", counterId: "loket-1", stepId: "pencetakan" });
  run("2026-11-27 08:33", { type: "tickStep", counterId: "loket-1", stepId: "penyerahan" });
  run("2026-11-27 08:34", { type: "complete", counterId: "loket-1", outcome: "selesai" });
  call("2026-11-27 08:35", "loket-1", "A-002", rina.id);
  run("2026-11-27 08:36", { type: "startService", counterId: "loket-1" });
  run("2026-11-27 09:06", { type: "complete", counterId: "loket-1", outcome: "selesai" });
  call("2026-11-27 09:07", "loket-1", "A-003", rina.id);
  run("2026-11-27 09:08", { type: "recall", counterId: "loket-1" });
  run("2026-11-27 09:09", { type: "recall", counterId: "loket-1" });
  run("2026-11-27 09:10", { type: "markNoShow", counterId: "loket-1" });
  call("2026-11-27 09:11", "loket-1", "A-004", rina.id);
  run("2026-11-27 09:12", { type: "startService", counterId: "loket-1" });
  run("2026-11-27 09:20", { type: "tickStep", counterId: "loket-1", stepId: "verifikasi" });
  run("2026-11-27 09:21", { type: "complete", counterId: "loket-1", outcome: "berkas_tidak_lengkap" });
  run("2026-11-27 15:00", { type: "closeCounter", counterId: "loket-1" });

  // Saturday 28 November, just after midnight
  run("2026-11-28 00:01", { type: "openCounter", counterId: "loket-1", officerId: rina.id });
  issue("D-001@28", "2026-11-28 00:05", "kia");
  call("2026-11-28 00:10", "loket-1", "D-001@28", rina.id);
  run("2026-11-28 00:10", { type: "startService", counterId: "loket-1" });
  run("2026-11-28 00:20", { type: "complete", counterId: "loket-1", outcome: "selesai" });
  run("2026-11-28 00:30", { type: "closeCounter", counterId: "loket-1" });
  return ids;
}
