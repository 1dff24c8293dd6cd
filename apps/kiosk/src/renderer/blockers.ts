import type { ServiceStatus } from "@layan/protocol";
import type { PrinterCheck } from "../shared/bridge";
import { hubErrorText, type Lang, type Strings } from "./i18n";
import type { Connection } from "./kiosk-hub";
import type { ProblemKind } from "./screens/ProblemPage";
import type { Blocker } from "./screens/ServicePage";
import type { TakeResult } from "./take-ticket";
import type { CheckInResult } from "./check-in";

/** Why the service page cannot offer a ticket right now, in the citizen's words; null when it can. */
export function blockerFor(
  connection: Connection,
  status: ServiceStatus | undefined,
  printer: PrinterCheck | null,
  canPrint: boolean,
  t: Strings,
): Blocker | null {
  if (connection !== "online") return { title: t.hubOffline, detail: t.hubOfflineHint };
  if (!canPrint) return { title: t.infoOnly, detail: t.infoOnlyHint };
  // The supervisor's reason (in Bahasa Indonesia, as they wrote it) tells the citizen more than "tutup".
  if (status?.closedToday) return { title: t.closedToday, detail: t.closedTodayHint(status.closedToday.reason) };
  if (status && !status.open) return { title: t.closedNow, detail: t.closedNowHint };
  if (status?.quotaLeft === 0) return { title: t.quotaReached, detail: t.quotaReachedHint };
  if (printer && !printer.ready)
    return { title: t.printer[printer.problem ?? "PRINTER_ERROR"], detail: t.printerProblemHint };
  return null;
}

/** What went wrong taking a ticket, as the problem screen tells the citizen. */
export function problemFor(
  result: Exclude<TakeResult, { kind: "issued" }>,
  t: Strings,
  lang: Lang,
): { kind: ProblemKind; title: string; detail: string } {
  switch (result.kind) {
    case "printer":
      return {
        kind: "printer",
        title: result.problem ? t.printer[result.problem] : t.printerProblem,
        detail: result.hubMessage ? hubErrorText(result.hubMessage, lang) : t.printerProblemHint,
      };
    case "print_failed":
      return {
        kind: "printer",
        title: t.printFailed,
        detail: result.hubMessage
          ? hubErrorText(result.hubMessage, lang)
          : `${result.problem ? `${t.printer[result.problem]}. ` : ""}${t.printFailedHint}`,
      };
    case "unreachable":
      return { kind: "hub", title: t.hubOffline, detail: t.hubOfflineHint };
    case "refused":
      if (result.error.code === "SERVICE_CLOSED")
        return { kind: "closed", title: t.closedNow, detail: t.closedNowHint };
      if (result.error.code === "QUOTA_REACHED")
        return { kind: "closed", title: t.quotaReached, detail: t.quotaReachedHint };
      return { kind: "other", title: t.errorTitle, detail: hubErrorText(result.error, lang) };
  }
}

/** What went wrong checking a booking in: the hub's own sentence ("Silakan kembali mulai pukul 09.00") first. */
export function checkInProblemFor(
  result: Exclude<CheckInResult, { kind: "issued" }>,
  t: Strings,
  lang: Lang,
): { kind: ProblemKind; title: string; detail: string } {
  switch (result.kind) {
    case "not_printed":
      return { kind: "printer", title: t.bookingNotPrinted(result.issued.ticket.number), detail: t.bookingNotPrintedHint };
    case "refused":
      return { kind: "other", title: hubErrorText(result.error, lang), detail: t.bookingRefusedHint };
    default:
      return problemFor(result, t, lang);
  }
}
