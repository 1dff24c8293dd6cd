/** The printed report's sentence per office, in plain words of either language (pure; tested in Node). */
import type { RegencyLeagueRow } from "@layan/protocol";
import { count, ikmScore, minutes, mutuLabel, pct, status } from "./format";
import { STRINGS, type Lang } from "./strings";

export function officeSummary(r: RegencyLeagueRow, lang: Lang = "id"): string {
  const s = STRINGS[lang].summary;
  const parts = [s.issued(`${r.name} (${r.agency})`, count(r.issued, lang), count(r.served, lang))];
  if (r.waitMet.pct !== null) {
    parts.push(s.wait(pct(r.waitMet.pct, lang), minutes(r.wait.p50Ms, lang), status(r.waitMet.pct, lang).label.toLowerCase()));
  } else {
    parts.push(s.noWait);
  }
  if (r.serviceMet.pct !== null) parts.push(s.service(pct(r.serviceMet.pct, lang)));
  if (r.ikm?.ikm != null) parts.push(s.ikm(ikmScore(r.ikm.ikm, lang), mutuLabel(r.ikm.mutu, lang), count(r.ikm.respondents, lang)));
  if (r.complaints) parts.push(s.complaints(count(r.complaints.answeredByDue, lang), count(r.complaints.filed, lang)));
  return parts.join(" ");
}
