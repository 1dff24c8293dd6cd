import type { ReportMeta } from "@layan/protocol";
import { Printer } from "lucide-react";
import type { ReactNode } from "react";
import type { Api } from "../api";
import { ChoiceField } from "./ui";

/** What a printed report's view gets from the dashboard: the API, the office's report metadata, its URL parameters, who signs. */
export interface PrintedReportProps {
  api: Api;
  meta: ReportMeta;
  params: URLSearchParams;
  signedBy: string;
}

/**
 * The toolbar above a printed report (monthly compliance, self-assessment):
 * the period it covers, the agency it is for, what else the report offers,
 * and the print button. Hidden on paper.
 */
export function PrintToolbar({
  period,
  agency,
  meta,
  allAgencies,
  onChange,
  options,
  actions,
}: {
  period: { label: string; name: string; value: string; choices: { value: string; label: string }[] };
  agency: string | null;
  meta: ReportMeta;
  allAgencies: string;
  onChange: (patch: Record<string, string | null>) => void;
  /** Switches beside the pickers (the internal annex). */
  options?: ReactNode;
  /** Buttons before the print button (CSV). */
  actions?: ReactNode;
}) {
  return (
    <div className="toolbar no-print">
      <label className="field field--inline">
        {period.label}
        <select name={period.name} value={period.value} onChange={(e) => onChange({ [period.name]: e.target.value })}>
          {period.choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <ChoiceField
        label="Instansi"
        name="agency"
        className="field field--inline"
        value={agency}
        allLabel={allAgencies}
        choices={meta.agencies.map((a) => ({ id: a.id, label: a.shortName }))}
        onChange={(value) => onChange({ agency: value })}
      />
      {options}
      <span className="toolbar__spacer" />
      {actions}
      <button type="button" className="btn btn--primary" onClick={() => window.print()}>
        <Printer aria-hidden="true" /> Cetak / simpan PDF
      </button>
    </div>
  );
}
