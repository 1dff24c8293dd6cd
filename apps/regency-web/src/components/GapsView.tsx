import { CheckCircle2, CircleAlert } from "lucide-react";
import { componentLabel, count } from "../format";
import { gapsByOffice } from "../gaps";
import type { ViewProps } from "./view";
import { Section, TableWrap, useLoad } from "./ui";

/** Every service an office published without one of the six components, by office, the components named. */
export function GapsTable({ offices }: { offices: ReturnType<typeof gapsByOffice> }) {
  return (
    <table className="table" data-testid="gaps-table">
      <thead>
        <tr>
          <th scope="col">Kantor</th>
          <th scope="col">Layanan</th>
          <th scope="col">Komponen yang belum dipublikasikan</th>
        </tr>
      </thead>
      <tbody>
        {offices.flatMap((o) =>
          o.gaps.length === 0
            ? [
                <tr key={o.officeId} data-office={o.officeId}>
                  <td>{o.officeName}</td>
                  <td colSpan={2}>
                    <span className="ok">
                      <CheckCircle2 aria-hidden="true" /> Lengkap: {count(o.checked)} layanan memuat keenam komponen
                    </span>
                  </td>
                </tr>,
              ]
            : o.gaps.map((g, i) => (
                <tr key={`${o.officeId}/${g.serviceId}`} data-office={o.officeId} data-service={g.serviceId}>
                  {i === 0 && (
                    <td rowSpan={o.gaps.length}>
                      {o.officeName}
                      <span className="sub">
                        {count(o.gaps.length)} dari {count(o.checked)} layanan belum lengkap
                      </span>
                    </td>
                  )}
                  <td>{g.serviceName}</td>
                  <td>
                    <span className="bad">
                      <CircleAlert aria-hidden="true" /> {g.missing.map(componentLabel).join(", ")}
                    </span>
                  </td>
                </tr>
              )),
        )}
      </tbody>
    </table>
  );
}

/** Kelengkapan Standar: the most common cause of a red rating, office by office. */
export function GapsView({ api, range, today }: ViewProps) {
  const gaps = useLoad("gaps", () => api.gaps());
  // Names of the offices with nothing missing come from the league (the gaps name only the offices they list).
  const league = useLoad(`names|${range.from}|${range.to}|${today}`, () => api.league({ ...range, by: "office" }));
  const names = new Map((league.data?.rows ?? []).map((r) => [r.key ?? "", r.name]));
  return (
    <Section id="gaps-title" title="Kelengkapan Standar Pelayanan" loaded={gaps}>
      <p className="lead">
        Standar Pelayanan yang dipublikasikan setiap kantor, diperiksa dengan aturan yang sama seperti di kantor (UU 25/2009 pasal 21, PermenPANRB 15/2014): persyaratan, prosedur, jangka waktu,
        biaya, produk, dan pengaduan.
      </p>
      {gaps.data && gaps.data.checked.length === 0 ? (
        <p className="muted">Belum ada kantor yang mengirim Standar Pelayanannya.</p>
      ) : (
        gaps.data && (
          <TableWrap label="Tabel kelengkapan standar">
            <GapsTable offices={gapsByOffice(gaps.data, names)} />
          </TableWrap>
        )
      )}
    </Section>
  );
}
