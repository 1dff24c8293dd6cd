import type { PriorityReason } from "@layan/core";
import { Accessibility, Baby, PersonStanding, Ticket } from "lucide-react";
import type { Strings } from "../i18n";
import { PageHead } from "../components/PageHead";

const OPTIONS: { reason: PriorityReason; icon: typeof Baby }[] = [
  { reason: "lansia", icon: PersonStanding },
  { reason: "disabilitas", icon: Accessibility },
  { reason: "ibu_hamil_menyusui", icon: Baby },
];

/**
 * The priority question. "No" sits where "Ambil Nomor Antrean" was, so the
 * second tap of a double tap takes a regular ticket (once: `busy` locks every
 * button after the first choice).
 */
export function PriorityPage({
  t,
  busy,
  onChoose,
}: {
  t: Strings;
  busy: boolean;
  onChoose: (priority: PriorityReason | null) => void;
}) {
  return (
    <main className="page priority-page" data-testid="priority">
      <PageHead title={t.priorityTitle} hint={t.priorityHint} />
      <div className="reach-zone">
        <ul className="priority-options">
          {OPTIONS.map(({ reason, icon: Icon }) => (
            <li key={reason}>
              <button
                type="button"
                className="tile priority-tile"
                disabled={busy}
                onClick={() => onChoose(reason)}
                data-priority={reason}
              >
                <span className="tile-icon" aria-hidden="true">
                  <Icon size={56} />
                </span>
                <span className="tile-text">
                  <span className="tile-title">{t.priority[reason].title}</span>
                  <span className="tile-sub">{t.priority[reason].detail}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
        <footer className="action-bar">
          <p className="action-hint" />
          <button
            type="button"
            className="btn-primary take-btn"
            disabled={busy}
            onClick={() => onChoose(null)}
            data-priority="none"
            data-testid="regular"
          >
            <Ticket size={48} aria-hidden="true" />
            <span>{t.priorityNo}</span>
          </button>
        </footer>
      </div>
    </main>
  );
}
