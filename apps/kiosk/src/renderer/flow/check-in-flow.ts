import { newRequestId } from "@layan/ui";
import { checkInProblemFor } from "../blockers";
import { checkInByCode } from "../check-in";
import type { KioskFlowDeps } from "./take-ticket-flow";

/**
 * A booked visit's check-in (docs/booking.md): the printing screen, then the
 * confirmation, or the hub's refusal with "Kembali" to the code screen so the
 * citizen can correct a mistyped code.
 */
export function checkInFlow(deps: KioskFlowDeps) {
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
