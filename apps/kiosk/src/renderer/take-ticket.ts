import type { AckError, IssuedTicket, IssueTicketInput, KioskCancelRequest } from "@layan/protocol";
import type { PriorityReason } from "@layan/core";
import type { KioskBridge, PrinterCheck, PrinterProblemCode } from "../shared/bridge";
import { cancelRequestId, type IssueAnswer } from "./kiosk-hub";

/**
 * Tap -> ticket in the citizen's hand, with no way to end up holding a number
 * that did not print:
 * - Electron: ask the printer (DLE EOT) -> issue with printVia "kiosk" -> print
 *   with the shared layout -> on failure cancel the number (print_failed).
 * - Browser: issue with printVia "hub"; the hub checks the kiosk's network
 *   printer first, prints, and cancels by itself when printing fails.
 */

export interface HubCommands {
  issue(request: IssueTicketInput, printsItself: boolean): Promise<IssueAnswer>;
  cancel(request: KioskCancelRequest): Promise<boolean>;
}

export type PrintPath =
  { via: "kiosk"; bridge: Pick<KioskBridge, "printerStatus" | "printTicket"> } | { via: "hub" };

export type TakeResult =
  | { kind: "issued"; issued: IssuedTicket }
  /** Nothing was issued: the printer cannot print. `hubMessage` when the hub said so (browser kiosks). */
  | { kind: "printer"; problem: PrinterProblemCode | null; hubMessage: AckError | null }
  /** A number was issued, did not print, and was cancelled. */
  | { kind: "print_failed"; problem: PrinterProblemCode | null; hubMessage: AckError | null }
  /** The hub refused: closed, quota reached, unknown service... */
  | { kind: "refused"; error: AckError }
  | { kind: "unreachable" };

export interface TakeTicketRequest {
  /** One per citizen action, reused by retries and double taps. */
  requestId: string;
  serviceId: string;
  priority: PriorityReason | null;
}

export async function takeTicket(
  hub: HubCommands,
  path: PrintPath,
  request: TakeTicketRequest,
): Promise<TakeResult> {
  if (path.via === "hub") {
    const answer = await hub.issue({ ...request, printVia: "hub" }, false);
    if (answer.ok) return { kind: "issued", issued: answer.data };
    return "unreachable" in answer ? { kind: "unreachable" } : fromHubError(answer.error);
  }

  const check = await askPrinter(path.bridge);
  if (!check.ready) return { kind: "printer", problem: check.problem, hubMessage: null };

  const answer = await hub.issue({ ...request, printVia: "kiosk" }, true);
  if (!answer.ok) return "unreachable" in answer ? { kind: "unreachable" } : fromHubError(answer.error);

  const printed = await path.bridge.printTicket(answer.data.print).catch(() => ({
    ok: false as const,
    problem: "PRINTER_ERROR" as const,
  }));
  if (printed.ok) return { kind: "issued", issued: answer.data };
  // Given back at once: the quota place returns, the number is never reused.
  await hub.cancel({
    requestId: cancelRequestId(request.requestId),
    ticketId: answer.data.ticket.id,
    reason: "print_failed",
  });
  return { kind: "print_failed", problem: printed.problem, hubMessage: null };
}

/** A bridge that throws (main process busy, IPC torn down) counts as a printer that cannot print. */
export async function askPrinter(bridge: Pick<KioskBridge, "printerStatus">): Promise<PrinterCheck> {
  try {
    return await bridge.printerStatus();
  } catch {
    return { ready: false, problem: "PRINTER_OFFLINE", paperNearEnd: false };
  }
}

function fromHubError(error: AckError): TakeResult {
  switch (error.code) {
    case "PRINTER_UNAVAILABLE":
      return { kind: "printer", problem: null, hubMessage: error };
    case "PRINT_FAILED":
      return { kind: "print_failed", problem: null, hubMessage: error };
    default:
      return { kind: "refused", error };
  }
}
