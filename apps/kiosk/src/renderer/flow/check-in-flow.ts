import { newRequestId } from "@layan/ui";
import { checkInProblemFor } from "../blockers";
import { checkInByCode } from "../check-in";
import type { Lang, Strings } from "../i18n";
import type { KioskHub } from "../kiosk-hub";
import type { PrintPath } from "../take-ticket";
import type { Screen } from "./screen";

/**
 * A booked visit's check-in (docs/booking.md): the printing screen, then the
 * confirmation, or the hub's refusal with "Kembali" to the code screen so the
 * citizen can correct a mistyped code.
 */
export function checkInFlow(deps: {
  hub: KioskHub;
  path: PrintPath;
  t: Strings;
  lang: Lang;
  go: (screen: Screen) => void;
  run: (work: () => Promise<void>) => Promise<void>;
}) {
  const { hub, path, t, lang, go, run } = deps;
  return (code: string) =>
    run(async () => {
      go({ name: "checking" });
      // One id per citizen action: a retry after a lost answer is the same check-in at the hub.
      const result = await checkInByCode(hub, path, { requestId: newRequestId(), code });
      if (result.kind === "issued") go({ name: "done", issued: result.issued });
      else go({ name: "problem", serviceId: null, ...checkInProblemFor(result, t, lang), back: { name: "booking" } });
    });
}
