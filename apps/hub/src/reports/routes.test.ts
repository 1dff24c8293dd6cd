import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore, type Store } from "@layan/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDevice, addUser } from "../admin";
import { setupFromConfig } from "../config-setup";
import { createHub, type Hub } from "../hub";
import { hubStore } from "../store-adapter";
import { FakeClock, login, sampleOffice } from "../testing/harness";
import { FIXTURE_OFFICERS, wib, writeReportFixture } from "../../../../packages/store/src/reports/fixture";
import { BOM, csvField, csvRow, CSV_INDONESIA, toCsv } from "./csv";
import type { ComplianceReport, HeatCell, LiveView, SummaryRow, TicketLogRow } from "@layan/protocol";
import { reportRoutes } from "./routes";

// The fixture (packages/store/src/reports/fixture.ts) is three scripted days;
// its numbers are worked out by hand in packages/store/src/reports/reports.test.ts.
// Here: the same numbers through HTTP, auth, parameters and CSV.

let dir: string;
let store: Store;
let hub: Hub;
let storage: ReturnType<typeof hubStore>;
let url: string;
let clock: FakeClock;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  clock = new FakeClock(wib("2026-11-28 10:00"));
  dir = mkdtempSync(join(tmpdir(), "layan-reports-"));
  store = openStore(join(dir, "layan.db"), { clock: clock.read });
  writeReportFixture(store);
  const users = {
    manager: {
      username: "siti",
      secret: "kepala-mpp",
      role: "manager" as const,
      displayName: "Siti Rahmawati",
    },
    supervisor: {
      username: "hendra",
      secret: "supervisi",
      role: "supervisor" as const,
      displayName: "Hendra Gunawan",
    },
    admin: { username: "admin", secret: "admin-mpp", role: "admin" as const, displayName: "Admin MPP" },
    officer: { username: "rina", secret: "246810", role: "officer" as const, displayName: "Rina Marlina" },
  };
  for (const u of Object.values(users)) await addUser(store, u, clock.now);
  tokens.kiosk = addDevice(store, "kiosk", "kiosk-lobi", "Kiosk Lobi", clock.now);
  storage = hubStore(store);
  hub = createHub({
    setup: setupFromConfig(sampleOffice(), { alwaysOpen: true }),
    store: storage,
    clock: clock.read,
    routes: [reportRoutes(store.db)],
  });
  const { port } = await hub.listen(0, "127.0.0.1");
  url = `http://127.0.0.1:${port}`;
  for (const [role, u] of Object.entries(users))
    tokens[role] = await login(url, { username: u.username, secret: u.secret });
});

afterAll(async () => {
  await hub.close();
  storage.committer.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, token: string | null = tokens.manager!) =>
  fetch(`${url}${path}`, token === null ? {} : { headers: { authorization: `Bearer ${token}` } });

interface Body<T> {
  ok: boolean;
  data: T;
  error: { code: string; message: string; messageEn: string; issues: { path: string; message: string }[] };
}

async function json<T = unknown>(
  path: string,
  token?: string | null,
): Promise<{ status: number; body: Body<T> }> {
  const res = await get(path, token);
  return { status: res.status, body: (await res.json()) as Body<T> };
}

type Named = SummaryRow & { name: string };
type Summary = { from: string; to: string; rows: Named[] };
type Tickets = {
  rows: (TicketLogRow & { counterName: string; officerName: string })[];
  nextCursor: string | null;
};
interface Meta {
  today: string;
  dataRange: { from: string; to: string } | null;
  services: {
    id: string;
    targets: { waitMinutes: number; serviceMinutes: number };
    steps: { id: string }[];
  }[];
  counters: { id: string; name: string }[];
  officers: { id: string; name: string }[];
}

const m = (minutes: number) => minutes * 60_000;
const ALL = "from=2026-11-26&to=2026-11-28";

describe("who may read reports", () => {
  it("no token: 401 UNAUTHORIZED with the ack-style body", async () => {
    const { status, body } = await json(`/api/reports/summary?${ALL}`, null);
    expect(status).toBe(401);
    expect(body).toEqual({
      ok: false,
      error: {
        code: "UNAUTHORIZED",
        message: "Perangkat atau sesi tidak dikenali. Silakan masuk kembali.",
        messageEn: "Unknown device or session.",
      },
    });
  });

  it("an unknown or malformed token: 401", async () => {
    expect((await json(`/api/reports/summary?${ALL}`, "ses_not-a-real-token")).status).toBe(401);
    expect((await json(`/api/reports/meta`, "x".repeat(500))).status).toBe(401);
  });

  it("an officer: 403 FORBIDDEN, also for CSV and the live view", async () => {
    for (const path of [
      `/api/reports/summary?${ALL}`,
      `/api/reports/tickets.csv?${ALL}`,
      "/api/reports/live",
      "/api/reports/meta",
    ]) {
      const { status, body } = await json(path, tokens.officer);
      expect(status).toBe(403);
      expect(body.error).toMatchObject({ code: "FORBIDDEN", message: "Anda tidak berwenang melakukan ini." });
    }
  });

  it("a kiosk's device token: 403", async () => {
    expect((await json(`/api/reports/summary?${ALL}`, tokens.kiosk)).status).toBe(403);
  });

  it("managers, supervisors and admins: 200", async () => {
    for (const role of ["manager", "supervisor", "admin"]) {
      expect((await json(`/api/reports/summary?${ALL}`, tokens[role])).status).toBe(200);
    }
  });

  it("an unknown report: 404 after auth, not before", async () => {
    expect((await json("/api/reports/nothing", null)).status).toBe(401);
    expect((await json("/api/reports/nothing")).status).toBe(404);
  });
});

describe("JSON reports", () => {
  it("per-service summary with names and the hand-worked KTP-el figures", async () => {
    const { body } = await json<Summary>(`/api/reports/summary?${ALL}&by=service`);
    const ktp = body.data.rows.find((r) => r.key === "ktp-el")!;
    expect(ktp.name).toBe("Perekaman dan Pencetakan KTP-el");
    expect(ktp).toMatchObject({ issued: 5, segments: 6, served: 4 });
    expect(ktp.wait).toEqual({ n: 5, avgMs: m(34), p50Ms: m(30), p90Ms: m(64) });
    expect(ktp.service).toEqual({ n: 4, avgMs: m(21.75), p50Ms: m(23), p90Ms: m(30) });
    expect(ktp.waitMet.pct).toBe(60);
    expect(ktp.serviceMet.pct).toBe(75);
  });

  it("by agency and by officer, with names", async () => {
    const agency = (await json<Summary>(`/api/reports/summary?${ALL}&by=agency`)).body.data.rows;
    expect(agency.map((r) => [r.key, r.name, r.segments])).toEqual([["disdukcapil", "Disdukcapil", 10]]);
    const officers = (await json<Summary>(`/api/reports/summary?${ALL}&by=officer`)).body.data.rows;
    expect(officers.find((r) => r.key === FIXTURE_OFFICERS.agus.id)!.name).toBe("Agus Saputra");
  });

  it("an agency filter becomes its services", async () => {
    const dukcapil = (await json<Summary>(`/api/reports/summary?${ALL}&by=all&agency=disdukcapil`)).body.data
      .rows[0]!;
    expect(dukcapil.segments).toBe(10);
    const samsat = (await json<Summary>(`/api/reports/summary?${ALL}&by=all&agency=samsat`)).body.data
      .rows[0]!;
    expect(samsat.segments).toBe(0);
  });

  it("date edges are Asia/Jakarta service days", async () => {
    const day28 = (await json<Summary>("/api/reports/summary?from=2026-11-28&to=2026-11-28")).body.data.rows;
    expect(day28.map((r) => r.key)).toEqual(["kia"]);
    const day27 = (await json<Summary>("/api/reports/summary?from=2026-11-27&to=2026-11-27&service=kia")).body
      .data.rows;
    expect(day27[0]).toMatchObject({ key: "kia", segments: 1 });
    const trend = (await json<{ days: SummaryRow[] }>("/api/reports/trend?from=2026-11-25&to=2026-11-28"))
      .body.data.days;
    expect(trend.map((d) => [d.key, d.segments])).toEqual([
      ["2026-11-25", 0],
      ["2026-11-26", 3],
      ["2026-11-27", 6],
      ["2026-11-28", 1],
    ]);
  });

  it("without dates: this month up to today (hub clock, WIB)", async () => {
    const { body } = await json<Summary>("/api/reports/summary?by=all");
    expect(body.data).toMatchObject({ from: "2026-11-01", to: "2026-11-28" });
  });

  it("refuses bad parameters with Indonesian issues", async () => {
    const cases: [string, string][] = [
      ["from=2026-02-30&to=2026-03-01", "from"],
      ["from=2026-11-28&to=2026-11-01", "to"],
      ["from=2025-01-01&to=2026-11-28", "to"],
      [`${ALL}&by=planet`, "by"],
      [`${ALL}&service=ktp el`, "service"],
    ];
    for (const [query, path] of cases) {
      const { status, body } = await json(`/api/reports/summary?${query}`);
      expect(status, query).toBe(400);
      expect(body.error.code).toBe("INVALID_PAYLOAD");
      expect(body.error.issues.map((i) => i.path)).toContain(path);
    }
    const cursor = await json(`/api/reports/tickets?${ALL}&cursor=garbage`);
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.issues[0]!.path).toBe("cursor");
  });

  it("SOP steps mark the bottleneck", async () => {
    const rows = (
      await json<{ rows: { stepName: string; bottleneck: boolean }[] }>(`/api/reports/steps?${ALL}`)
    ).body.data.rows;
    expect(rows.map((r) => [r.stepName, r.bottleneck])).toEqual([
      ["Verifikasi", true],
      ["Perekaman", false],
      ["Pencetakan", false],
      ["Penyerahan", false],
    ]);
  });

  it("heatmap cells in WIB", async () => {
    const cells = (await json<{ cells: HeatCell[] }>(`/api/reports/heatmap?${ALL}`)).body.data.cells;
    expect(cells.map((c) => [c.weekday, c.hour, c.segments])).toEqual([
      [3, 9, 3],
      [4, 6, 1],
      [4, 8, 5],
      [5, 0, 1],
    ]);
  });

  it("ticket log pages with a cursor and names", async () => {
    const first = (await json<Tickets>(`/api/reports/tickets?${ALL}&limit=4`)).body.data;
    expect(first.rows.map((r) => r.ticketNumber)).toEqual(["D-001", "A-004", "A-003", "A-002"]);
    expect(first.rows[1]).toMatchObject({
      counterName: "Loket 1",
      officerName: "Rina Marlina",
      priority: "lansia",
      outcome: "berkas_tidak_lengkap",
    });
    const second = (await json<Tickets>(`/api/reports/tickets?${ALL}&limit=4&cursor=${first.nextCursor}`))
      .body.data;
    expect(second.rows.map((r) => r.ticketNumber)).toEqual(["A-001", "A-005", "D-001", "B-002"]);
    const worst = (await json<Tickets>(`/api/reports/tickets?${ALL}&sort=wait&dir=desc&limit=2`)).body.data;
    expect(worst.rows.map((r) => [r.ticketNumber, r.waitMs])).toEqual([
      ["A-004", m(64)],
      ["A-003", m(61)],
    ]);
  });

  it("the monthly compliance report: status, worst hour, bottleneck, notes in Indonesian", async () => {
    const report = (await json<ComplianceReport>("/api/reports/compliance?month=2026-11")).body.data;
    expect(report).toMatchObject({
      month: "2026-11",
      monthLabel: "November 2026",
      from: "2026-11-01",
      to: "2026-11-30",
    });
    const ktp = report.services.find((s) => s.serviceId === "ktp-el")!;
    // Wait 60% (< 75: tidak memenuhi), service 75% (perlu perhatian): the worse of the two.
    expect(ktp).toMatchObject({
      waitStatus: "tidak_memenuhi",
      serviceStatus: "perhatian",
      status: "tidak_memenuhi",
    });
    expect(ktp.bottleneck).toMatchObject({ stepId: "verifikasi", name: "Verifikasi" });
    expect(ktp.notes[1]).toMatch(/^Waktu layanan: 75% selesai dalam 25 menit \(median .* menit; 9 dari 10 warga selesai dilayani dalam 30 menit\)\.$/);
    expect(ktp.worstHours[0]).toMatchObject({ hour: 8, label: "08.00–09.00" });
    // Worst first: Kartu Keluarga waited within target 50%, KTP-el 60%.
    expect(report.missed.map((s) => s.serviceId)).toEqual(["kartu-keluarga", "ktp-el"]);
    // Services without data in the month are listed as such, not dropped.
    expect(report.services.find((s) => s.serviceId === "skck")!.status).toBe("tanpa_data");
  });

  it("the monthly report an assessor accepts: letterhead, SKM, complaints, priority waits, maklumat, signatures", async () => {
    const report = (await json<ComplianceReport>("/api/reports/compliance?month=2026-11")).body.data;
    expect(report.annex).toBe(false);
    expect(report.letterhead.lines[0]).toBe("PEMERINTAH KABUPATEN PESAWARAN");
    expect(report.signing).toMatchObject({ place: "Gedong Tataan", dateLabel: "28 November 2026" });
    expect(report.signing.signatories[0]).toMatchObject({ nip: "197001011995031001" });
    expect(report.maklumat.text).toMatch(/^Dengan ini kami menyatakan sanggup/);
    // The fixture has no survey answers: the section says so rather than inventing an index.
    expect(report.ikm).toMatchObject({ respondents: 0, ikm: null, served: 7 });
    expect(report.complaints).toMatchObject({ filed: 0, openPastDue: 0, targetWorkingDays: 5 });
    // Hand-worked in packages/store/src/reports/reports.test.ts ("priority waits").
    const waits = new Map(report.priorityWaits.map((w) => [w.key, w]));
    expect(waits.get("reguler")).toMatchObject({ called: 8, withinTarget: 6, withinTargetPct: 75, medianMs: m(10), p90Ms: m(61) });
    expect(waits.get("prioritas")).toMatchObject({ called: 1, withinTarget: 0, withinTargetPct: 0, medianMs: m(64) });
    expect(waits.get("lansia")).toMatchObject({ called: 1, label: "Lansia" });
    expect(waits.get("disabilitas")).toMatchObject({ called: 0, withinTargetPct: null, medianMs: null });
    // Plain words: median and "9 of 10 citizens", never p50/p90.
    const ktp = report.services.find((s) => s.serviceId === "ktp-el")!;
    expect(ktp.notes[0]).toBe(
      "Waktu tunggu: 60% antrean dipanggil dalam 30 menit (median 30 menit; 9 dari 10 warga menunggu paling lama 64 menit).",
    );
    expect(JSON.stringify(report.services.map((s) => s.notes))).not.toMatch(/p50|p90/);
    // The external version names no officer; the internal annex does.
    expect(JSON.stringify(report)).not.toContain("Rina Marlina");
    const annex = (await json<ComplianceReport>("/api/reports/compliance?month=2026-11&annex=1")).body.data;
    expect(annex.annex).toBe(true);
    expect(JSON.stringify(annex)).toContain("Rina Marlina");
    expect((await json("/api/reports/compliance?month=2026-11&annex=yes")).status).toBe(400);
  });

  it("meta lists services with step targets, counters and officers", async () => {
    const meta = (await json<Meta>("/api/reports/meta")).body.data;
    expect(meta.today).toBe("2026-11-28");
    expect(meta.dataRange).toEqual({ from: "2026-11-26", to: "2026-11-28" });
    const ktp = meta.services.find((s) => s.id === "ktp-el")!;
    expect(ktp.targets).toEqual({ waitMinutes: 30, serviceMinutes: 25 });
    expect(ktp.steps.map((s) => s.id)).toEqual(["verifikasi", "perekaman", "pencetakan", "penyerahan"]);
    expect(meta.counters.slice(0, 3).map((c) => c.name)).toEqual(["Loket 1", "Loket 2", "Loket 3"]);
    expect(meta.officers.map((o) => o.name)).toContain("Agus Saputra");
    expect(meta.officers.map((o) => o.name)).not.toContain("Siti Rahmawati");
  });
});

describe("CSV", () => {
  it("escapes commas, quotes, newlines and keeps Indonesian names intact", () => {
    expect(csvField("Loket 1")).toBe("Loket 1");
    expect(csvField("Dra. Hj. Siti Nur'aini, S.Sos.")).toBe('"Dra. Hj. Siti Nur\'aini, S.Sos."');
    expect(csvField('Berkas "KK" belum lengkap')).toBe('"Berkas ""KK"" belum lengkap"');
    expect(csvField("baris satu\nbaris dua")).toBe('"baris satu\nbaris dua"');
    expect(csvField("Ni Luh Putu Ayu Sékar Ṭirta")).toBe("Ni Luh Putu Ayu Sékar Ṭirta");
    expect(csvField(" spasi ")).toBe('" spasi "');
    expect(csvField(12.5)).toBe("12.5");
    expect(csvField(null)).toBe("");
    expect(csvField(true)).toBe("ya");
    // A name is data, never a spreadsheet formula.
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvRow(["a", 1, null])).toBe("a,1,\r\n");
    expect(toCsv(["x"], [["y"]]).startsWith(`${BOM}x\r\ny\r\n`)).toBe(true);
  });

  it("the Indonesian Excel dialect: ';' between fields, ',' in decimals", () => {
    expect(csvRow(["Rina; Agus", 12.5, "1,5"], CSV_INDONESIA)).toBe('"Rina; Agus";12,5;1,5\r\n');
  });

  it("summary.csv: UTF-8 with BOM, a header in Indonesian, one row per service", async () => {
    const res = await get(`/api/reports/summary.csv?${ALL}&by=service`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(
      'attachment; filename="layan-ringkasan-per-layanan-2026-11-26_2026-11-28.csv"',
    );
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).split("\r\n");
    expect(lines[0]).toMatch(/^Layanan,Kode,Diterbitkan,Antrean \(segmen\),Dilayani,/);
    expect(
      lines.find((l) =>
        l.startsWith(
          "Perekaman dan Pencetakan KTP-el,ktp-el,5,6,4,3,1,0,0,1,1,34,30,64,30,60,21.8,23,30,25,75",
        ),
      ),
    ).toBeDefined();
  });

  it("tickets.csv streams every segment with local times, names and step times", async () => {
    const res = await get(`/api/reports/tickets.csv?${ALL}`);
    const text = (await res.text()).replace(/^\uFEFF/, "");
    const lines = text.trimEnd().split("\r\n");
    expect(lines).toHaveLength(11);
    const a1 = lines.find((l) => l.includes(",A-001,"))!;
    expect(a1).toBe(
      "2026-11-27,A-001,Perekaman dan Pencetakan KTP-el,,Loket 1,Rina Marlina,08:00:00,08:10:00,08:11:00,08:34:00,Selesai,10,30,ya,23,25,ya,0," +
        "Verifikasi 4/5; Perekaman 12/10; Pencetakan 4/5; Penyerahan 2/3",
    );
    // 06:30 WIB on the 27th: local time, not UTC (23:30).
    expect(lines.find((l) => l.startsWith("2026-11-27,D-001,"))).toContain(",06:30:00,06:40:00,,06:45:00,");
  });

  it("the other reports export too", async () => {
    for (const [path, header] of [
      [`/api/reports/steps.csv?${ALL}`, "Layanan,Langkah SOP,"],
      [`/api/reports/heatmap.csv?${ALL}`, "Hari,Jam,Antrean,"],
      [`/api/reports/trend.csv?${ALL}`, "Tanggal,Kode,"],
      ["/api/reports/compliance.csv?month=2026-11", "Layanan,Instansi,"],
      [`/api/reports/summary.csv?${ALL}&dialect=id`, "Layanan;Kode;"],
    ] as const) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      // fetch's text() drops the BOM (TextDecoder); the bytes test above checks it is sent.
      const text = (await res.text()).replace(/^\uFEFF/, "");
      expect(text.slice(0, header.length), path).toBe(header);
    }
    const heat = await (await get(`/api/reports/heatmap.csv?${ALL}`)).text();
    expect(heat).toContain("Sabtu,00.00-01.00,1,");
  });
});

describe("live view", () => {
  it("waiting tickets against their wait target, longest first", async () => {
    await hub.engine.execute(
      { type: "issueTicket", ticketId: "live-1", serviceId: "ktp-el", priority: null, kioskId: "kiosk-lobi" },
      { requestId: null, namespace: "test" },
      () => null,
    );
    clock.advance(m(31));
    await hub.engine.execute(
      {
        type: "issueTicket",
        ticketId: "live-2",
        serviceId: "ktp-el",
        priority: "lansia",
        kioskId: "kiosk-lobi",
      },
      { requestId: null, namespace: "test" },
      () => null,
    );
    const live = (await json<LiveView>("/api/reports/live")).body.data;
    expect(live.serviceDay).toBe("2026-11-28");
    expect(live.waiting.map((w) => [w.number, w.overTarget])).toEqual([
      ["A-001", true],
      ["A-002", false],
    ]);
    expect(live.waiting[0]).not.toHaveProperty("ticketId");
    expect(live.services.find((s) => s.serviceId === "ktp-el")).toMatchObject({
      waiting: 2,
      overTarget: 1,
      longestWaitMs: m(31),
    });
    expect(live.counters.closed).toBe(12);
  });
});
