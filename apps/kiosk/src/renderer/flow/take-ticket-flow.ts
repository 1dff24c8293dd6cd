import type { PriorityReason } from "@layan/core";
import { problemFor } from "../blockers";
import type { Lang, Strings } from "../i18n";
import type { KioskHub } from "../kiosk-hub";
import { takeTicket, type PrintPath } from "../take-ticket";
import type { Screen } from "./screen";

/** What a kiosk flow needs: the hub, the print path, the words, where to go and the one-at-a-time guard. */
export interface KioskFlowDeps {
  hub: KioskHub;
  path: PrintPath;
  t: Strings;
  lang: Lang;
  go: (screen: Screen) => void;
  run: (work: () => Promise<void>) => Promise<void>;
}

/**
 * A walk-in's number: the printing screen while the hub issues and the paper
 * comes out, then the confirmation or the problem in the citizen's words.
 * `run` is the kiosk's one-at-a-time guard, shared with the booking check-in.
 */
export function takeTicketFlow(deps: KioskFlowDeps) {
  const { hub, path, t, lang, go, run } = deps;
  return (serviceId: string, requestId: string, priority: PriorityReason | null) =>
    run(async () => {
      go({ name: "issuing", serviceId });
      const result = await takeTicket(hub, path, { requestId, serviceId, priority });
      if (result.kind === "issued") go({ name: "done", issued: result.issued });
      else {
        go({ name: "problem", serviceId, ...problemFor(result, t, lang) });
        // The refusal may be a quota or a closing the page has not seen yet.
        void hub.refreshStatus(serviceId);
      }
    });
}
