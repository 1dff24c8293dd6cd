import { Printer } from "lucide-react";
import type { Strings } from "../i18n";

/** `title`: what the kiosk is doing when it is not simply printing (checking a booking in). */
export function IssuingPage({ t, title }: { t: Strings; title?: string }) {
  return (
    <main className="page center-page" data-testid="issuing" aria-busy="true">
      <div className="issuing-art" aria-hidden="true">
        <Printer size={120} strokeWidth={1.5} />
        <span className="issuing-paper" />
      </div>
      <h1 className="page-title" role="status">
        {title ?? t.issuing}
      </h1>
      <p className="page-hint">{t.issuingHint}</p>
    </main>
  );
}
