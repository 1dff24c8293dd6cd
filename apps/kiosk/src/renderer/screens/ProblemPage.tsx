import { ArrowLeft, CircleAlert, DoorClosed, Printer, WifiOff } from "lucide-react";
import type { Strings } from "../i18n";

export type ProblemKind = "printer" | "closed" | "hub" | "other";

const ICONS = { printer: Printer, closed: DoorClosed, hub: WifiOff, other: CircleAlert } as const;

/** Why no ticket came out, in plain words, and the way back. */
export function ProblemPage({
  kind,
  title,
  detail,
  t,
  onBack,
}: {
  kind: ProblemKind;
  title: string;
  detail: string;
  t: Strings;
  onBack: () => void;
}) {
  const Icon = ICONS[kind];
  return (
    <main className={`page center-page problem problem-${kind}`} data-testid="problem" data-problem={kind}>
      <span className="problem-icon" aria-hidden="true">
        <Icon size={110} strokeWidth={1.6} />
      </span>
      <div role="alert">
        <h1 className="page-title">{title}</h1>
        <p className="page-hint problem-detail">{detail}</p>
      </div>
      <div className="reach-zone">
        <button type="button" className="btn-primary" onClick={onBack} data-testid="problem-back">
          <ArrowLeft size={40} aria-hidden="true" />
          <span>{t.back}</span>
        </button>
      </div>
    </main>
  );
}
