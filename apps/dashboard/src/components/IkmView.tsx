import type { Api } from "../api";
import { SURVEY_QUESTIONS, type IkmGroupBy, type ProfileField, type IkmRow, type ReportMeta } from "@layan/protocol";
import { UnsurChart } from "../charts/UnsurChart";
import { dec2, mutuText, sampleText, unsurLabel } from "../feedback/format";
import { describeFilters, filterParams, filtersFrom, withFilters, type Filters } from "../filters";
import { count, dateTime, dayLabel } from "../format";
import { navigate } from "../route";
import { FilterBar } from "./FilterBar";
import { BreakdownPanel, CsvButton, Kpi, LoadState, Panel, useLoad } from "./ui";

const GROUPS: { value: Exclude<IkmGroupBy, "all">; label: string }[] = [
  { value: "service", label: "Layanan" },
  { value: "agency", label: "Instansi" },
  { value: "counter", label: "Loket" },
  { value: "month", label: "Bulan" },
];

const PROFILE_TITLES: Record<ProfileField, string> = {
  sex: "Jenis kelamin",
  ageBand: "Usia",
  education: "Pendidikan",
  occupation: "Pekerjaan",
};

const MUTU_TONE = { A: "good", B: "good", C: "warn", D: "bad" } as const;

/** Survei Kepuasan Masyarakat: the IKM of PermenPANRB 14/2017 over the shared filter. */
export function IkmView({ api, meta, params }: { api: Api; meta: ReportMeta; params: URLSearchParams }) {
  const filters = filtersFrom(params, meta);
  const by = GROUPS.find((g) => g.value === params.get("by"))?.value ?? "service";
  const q = filterParams(filters);
  const key = JSON.stringify(q);
  const setFilters = (f: Filters) => navigate("survei", withFilters(params, f));
  const report = useLoad(() => api.get("ikm", { ...q, by }), `${key}|${by}`);
  const total = report.data?.total;
  const empty = report.data !== null && (total?.respondents ?? 0) === 0;

  return (
    <div className="view" data-testid="ikm-view">
      <FilterBar meta={meta} filters={filters} onChange={setFilters} />
      <div className="view__head">
        <h1 className="view__title">Survei Kepuasan Masyarakat (IKM)</h1>
        <p className="view__subtitle" data-testid="report-scope">
          {dayLabel(filters.from)} – {dayLabel(filters.to)} · {describeFilters(filters, meta)}
        </p>
      </div>
      <LoadState state={report} />
      {empty && (
        <p className="empty" data-testid="ikm-empty">
          Belum ada jawaban survei pada rentang ini. Survei ditawarkan di halaman tiket warga, kios dan loket setelah
          pelayanan selesai.
        </p>
      )}
      {total && !empty && report.data && (
        <>
          <section className="kpis" aria-label="Ringkasan IKM" data-testid="ikm-headline">
            <Kpi label="IKM unit pelayanan" value={dec2(total.ikm)} testId="ikm-value" />
            <Kpi
              label="Mutu pelayanan"
              value={mutuText(total)}
              tone={total.mutu ? MUTU_TONE[total.mutu] : undefined}
              testId="ikm-mutu"
            />
            <Kpi
              label="Responden"
              value={count(total.respondents)}
              tone={total.sampleMet ? "good" : "warn"}
              hint={sampleText(total)}
              testId="ikm-sample"
            />
            <Kpi
              label="Unsur terendah"
              value={total.lowest.map(unsurLabel).join(", ") || "–"}
              testId="ikm-lowest"
            />
          </section>

          <Panel
            title="Nilai per unsur (NRR)"
            subtitle="IKM = Σ NRR × 1/9 × 25. Unsur terendah diperbaiki lebih dahulu."
            testId="ikm-unsur"
          >
            <UnsurChart unsur={total.unsur} lowest={total.lowest} />
          </Panel>

          <BreakdownPanel view="survei" params={params} groups={GROUPS} by={by}
            csv={<CsvButton api={api} report="ikm" params={{ ...q, by }} />}
            testId="ikm-breakdown"
          >
            <IkmTable rows={report.data.rows} />
          </BreakdownPanel>

          <div className="grid-2">
            <Panel
              title="Profil responden"
              subtitle="Jumlah responden per profil. Profil tiap orang dihapus setelah masa simpan; jumlahnya tetap tercatat."
              testId="ikm-profile"
            >
              <div className="profile">
                {report.data.profile.map((p) => (
                  <div key={p.field} className="profile__group">
                    <h3 className="profile__title">{PROFILE_TITLES[p.field]}</h3>
                    <ul className="profile__list">
                      {p.counts.map((c) => (
                        <li key={c.value}>
                          <span>{c.label}</span> <strong>{count(c.count)}</strong>
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
              </div>
            </Panel>
            <Panel title="Saran terbaru" testId="ikm-suggestions">
              {report.data.suggestions.length === 0 ? (
                <p className="muted">Belum ada saran tertulis.</p>
              ) : (
                <ul className="suggestions">
                  {report.data.suggestions.map((s, i) => (
                    <li key={`${s.at}-${i}`}>
                      <p className="suggestions__text">{s.text}</p>
                      <p className="table__sub">
                        {s.serviceName} · {dateTime(s.at, meta.office.timezone)}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
            </Panel>
          </div>
        </>
      )}
    </div>
  );
}

function IkmTable({ rows }: { rows: IkmRow[] }) {
  if (rows.length === 0) return <p className="muted">Tidak ada data pada rentang ini.</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="ikm-table">
        <thead>
          <tr>
            <th>Nama</th>
            {SURVEY_QUESTIONS.map((q, i) => (
              <th key={q.unsur} className="num" title={q.label.id}>
                U{i + 1}
              </th>
            ))}
            <th className="num">IKM</th>
            <th>Mutu</th>
            <th>Sampel</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key ?? "all"} data-testid={`ikm-row-${r.key ?? "all"}`}>
              <td>{r.name}</td>
              {r.unsur.map((u) => (
                <td
                  key={u.unsur}
                  className={`num${r.lowest.includes(u.unsur) && r.respondents > 0 ? " num--low" : ""}`}
                  title={unsurLabel(u.unsur)}
                >
                  {dec2(u.nrr)}
                </td>
              ))}
              <td className="num">
                <strong>{dec2(r.ikm)}</strong>
              </td>
              <td>{mutuText(r)}</td>
              <td>
                <span className={`chip chip--${r.sampleMet ? "good" : "warn"}`}>
                  {r.sampleMet ? "memenuhi" : "belum memenuhi"}
                </span>
                <div className="table__sub">
                  {count(r.respondents)} / min. {count(r.minimumSample)} dari {count(r.served)} dilayani
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="legend">
        {SURVEY_QUESTIONS.map((q, i) => (
          <span key={q.unsur} className="legend__item">
            U{i + 1} {q.label.id}
          </span>
        ))}
      </p>
    </div>
  );
}
