import type { AckError, IssuedTicket } from "@layan/protocol";
import type { PrinterProblemCode } from "../shared/bridge";
import type { IssueAnswer } from "./kiosk-hub";
import { askPrinter, type PrintPath } from "./take-ticket";

/**
 * A booking code -> a ticket in the citizen's hand, like a walk-in's number
 * (take-ticket.ts), with one difference: the number belongs to a booking the
 * citizen made, so a ticket that fails to print after the check-in is kept,
 * shown on screen and on the phone's receipt, not cancelled (cancelling it
 * would cost the citizen the booked slot for a jammed printer).
 * - Electron: ask the printer first (a printer that cannot print leaves the
 *   booking confirmed and untouched), check in with printVia "kiosk", print.
 * - Browser: printVia "hub"; the hub checks its printer for this kiosk first.
 */

export interface BookingCommands {
  checkIn(request: { requestId: string; code: string; printVia: "kiosk" | "hub" }): Promise<IssueAnswer>;
}

export type CheckInResult =
  | { kind: "issued"; issued: IssuedTicket }
  /** Checked in, the ticket exists, the paper did not come out. */
  | { kind: "not_printed"; issued: IssuedTicket; problem: PrinterProblemCode | null }
  /** Nothing happened to the booking: the printer cannot print. */
  | { kind: "printer"; problem: PrinterProblemCode | null; hubMessage: AckError | null }
  /** The hub refused: too early, expired, unknown, already checked in, quota... in its own words. */
  | { kind: "refused"; error: AckError }
  | { kind: "unreachable" };

export async function checkInByCode(
  hub: BookingCommands,
  path: PrintPath,
  request: { requestId: string; code: string },
): Promise<CheckInResult> {
  if (path.via === "hub") {
    const answer = await hub.checkIn({ ...request, printVia: "hub" });
    if (answer.ok) return { kind: "issued", issued: answer.data };
    if ("unreachable" in answer) return { kind: "unreachable" };
    if (answer.error.code === "PRINTER_UNAVAILABLE") return { kind: "printer", problem: null, hubMessage: answer.error };
    return { kind: "refused", error: answer.error };
  }
  const check = await askPrinter(path.bridge);
  if (!check.ready) return { kind: "printer", problem: check.problem, hubMessage: null };
  const answer = await hub.checkIn({ ...request, printVia: "kiosk" });
  if (!answer.ok) return "unreachable" in answer ? { kind: "unreachable" } : { kind: "refused", error: answer.error };
  const printed = await path.bridge.printTicket(answer.data.print).catch(() => ({
    ok: false as const,
    problem: "PRINTER_ERROR" as const,
  }));
  return printed.ok ? { kind: "issued", issued: answer.data } : { kind: "not_printed", issued: answer.data, problem: printed.problem };
}
