import { Printer } from "lucide-react";
import type { Strings } from "../i18n";

export function IssuingPage({ t }: { t: Strings }) {
  return (
    <main className="page center-page" data-testid="issuing" aria-busy="true">
      <div className="issuing-art" aria-hidden="true">
        <Printer size={120} strokeWidth={1.5} />
        <span className="issuing-paper" />
      </div>
      <h1 className="page-title" role="status">
        {t.issuing}
      </h1>
      <p className="page-hint">{t.issuingHint}</p>
    </main>
  );
}
