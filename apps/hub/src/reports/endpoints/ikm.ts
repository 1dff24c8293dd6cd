import { ikmOf, minimumSample, MUTU_LABEL, SURVEY_UNSUR, type UnsurTotal } from "@layan/core";
import { RESPONDENT_PROFILE, SURVEY_QUESTIONS, type IkmRow, type ProfileField } from "@layan/protocol";
import type { ReportFilter, ServedCount, SurveySums } from "@layan/store";
import { sendCsv, toCsv, type CsvValue } from "../csv";
import { overRange, type ReportContext, type ReportHandler } from "../context";

/**
 * Indeks Kepuasan Masyarakat (PermenPANRB 14/2017) per service, agency,
 * counter or month: from the survey sums of the store, by the arithmetic of
 * @layan/core, with the survey's population (citizens served in the same cut)
 * and whether the responses reach the Krejcie–Morgan minimum sample.
 */

type Sums = { respondents: number; sums: SurveySums["sums"] };

function add(a: Sums | undefined, b: Sums): Sums {
  if (!a) return { respondents: b.respondents, sums: { ...b.sums } };
  const sums = { ...a.sums };
  for (const u of SURVEY_UNSUR) sums[u] += b.sums[u];
  return { respondents: a.respondents + b.respondents, sums };
}

function row(key: string | null, name: string, sums: Sums | undefined, served: number): IkmRow {
  const totals: UnsurTotal[] = SURVEY_UNSUR.map((unsur) => ({ unsur, sum: sums?.sums[unsur] ?? 0, respondents: sums?.respondents ?? 0 }));
  const result = ikmOf(totals);
  const minimum = minimumSample(served);
  return {
    key,
    name,
    respondents: result.respondents,
    served,
    minimumSample: minimum,
    sampleMet: result.respondents > 0 && result.respondents >= minimum,
    unsur: result.unsur,
    ikm: result.ikm,
    mutu: result.mutu,
    mutuLabel: result.mutu ? MUTU_LABEL[result.mutu].id : null,
    lowest: result.lowest,
  };
}

/** Agencies are config, not log: their rows are the sums of their services'. */
function byAgency(rc: ReportContext, sums: SurveySums[], served: ServedCount[]) {
  const agencyOf = rc.names.agencyMap();
  const s = new Map<string, Sums>();
  const n = new Map<string, number>();
  for (const r of sums) {
    const agency = r.key === null ? null : agencyOf.get(r.key);
    if (agency) s.set(agency, add(s.get(agency), r));
  }
  for (const r of served) {
    const agency = r.key === null ? null : agencyOf.get(r.key);
    if (agency) n.set(agency, (n.get(agency) ?? 0) + r.served);
  }
  return { s, n };
}

/** The IKM of everything the filter covers, as one row (the monthly report's SKM section). */
export function ikmTotal(rc: ReportContext, filter: ReportFilter): IkmRow {
  const sums = rc.reports.surveySums(filter, "all");
  const served = rc.reports.servedCounts(filter, "all");
  return row(
    null,
    "Seluruh layanan",
    sums.reduce<Sums | undefined>((acc, r) => add(acc, r), undefined),
    served.reduce((n, r) => n + r.served, 0),
  );
}

export const ikm: ReportHandler<"ikm"> = {
  json: (rc, q) =>
    overRange(rc, q, (filter) => {
      const storeBy = q.by === "agency" ? "service" : q.by;
      const sums = rc.reports.surveySums(filter, storeBy);
      const served = rc.reports.servedCounts(filter, storeBy);
      const total = row(
        null,
        "Seluruh layanan",
        sums.reduce<Sums | undefined>((acc, r) => add(acc, r), undefined),
        served.reduce((n, r) => n + r.served, 0),
      );
      let rows: IkmRow[];
      if (q.by === "all") rows = [];
      else if (q.by === "agency") {
        const { s, n } = byAgency(rc, sums, served);
        const keys = [...new Set([...s.keys(), ...n.keys()])].sort();
        rows = keys.map((k) => row(k, rc.names.agency(k), s.get(k), n.get(k) ?? 0));
      } else {
        const s = new Map(sums.map((r) => [r.key, r]));
        const n = new Map(served.map((r) => [r.key, r.served]));
        const keys = [...new Set([...s.keys(), ...n.keys()])].filter((k): k is string => k !== null).sort();
        const name = (k: string) => (q.by === "service" ? rc.names.service(k) : q.by === "counter" ? rc.names.counter(k) : k);
        rows = keys.map((k) => row(k, name(k), s.get(k), n.get(k) ?? 0));
      }
      const profiles = rc.reports.profileCounts(filter);
      const profile = (Object.keys(RESPONDENT_PROFILE) as ProfileField[]).map((field) => {
        const counted = profiles.filter((c) => c.field === field);
        return {
          field,
          counts: RESPONDENT_PROFILE[field].map((o) => ({
            value: o.value,
            label: o.id,
            count: counted.find((c) => c.value === o.value)?.count ?? 0,
          })),
        };
      });
      const suggestions = rc.reports
        .latestSuggestions(filter, 50)
        .map((s) => ({ at: s.at, serviceName: rc.names.service(s.serviceId), text: s.text }));
      return { by: q.by, total, rows, profile, suggestions };
    }),
  csv: (rc, q, { res, dialect }) => {
    const report = ikm.json(rc, q);
    const header = [
      "Kelompok",
      "Kode",
      "Responden",
      "Dilayani",
      "Sampel minimum",
      "Sampel cukup",
      ...SURVEY_QUESTIONS.map((u) => `NRR ${u.label.id}`),
      "IKM",
      "Mutu",
      "Kinerja",
      "Unsur terendah",
    ];
    const line = (r: IkmRow): CsvValue[] => [
      r.name,
      r.key ?? "",
      r.respondents,
      r.served,
      r.minimumSample,
      r.sampleMet ? "ya" : "tidak",
      ...r.unsur.map((u) => (u.nrr === null ? null : Math.round(u.nrr * 100) / 100)),
      r.ikm,
      r.mutu ?? "",
      r.mutuLabel ?? "",
      r.lowest.map((u) => SURVEY_QUESTIONS.find((x) => x.unsur === u)?.label.id ?? u).join(", "),
    ];
    sendCsv(res, `layan-ikm-${report.from}_${report.to}.csv`, toCsv(header, [...report.rows.map(line), line(report.total)], dialect));
  },
};
