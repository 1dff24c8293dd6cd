import type { Ack, KioskComplaintInput, KioskComplaintReceipt } from "@layan/protocol";
import type { KioskBridge } from "../../shared/bridge";

/**
 * A complaint from the kiosk, filed first and printed after: the code is on
 * the screen whatever the printer does, so a citizen is never made to
 * complain twice for want of paper.
 * - Electron: printVia "kiosk", then the receipt the hub built (`print`) goes
 *   to the kiosk's own printer through the bridge, as a ticket does.
 * - Browser with a printer: printVia "hub"; the hub prints and says so.
 * - Information kiosk (no paper): printVia "kiosk", nothing printed.
 */
export type ComplaintPrintPath =
  { via: "bridge"; bridge: Pick<KioskBridge, "printComplaint"> } | { via: "hub" } | { via: "none" };

export type ComplaintAnswer = Ack<KioskComplaintReceipt> | { ok: false; unreachable: true };

export interface ComplaintHub {
  fileComplaint(request: KioskComplaintInput): Promise<ComplaintAnswer>;
}

export async function fileComplaintAt(
  hub: ComplaintHub,
  path: ComplaintPrintPath,
  request: Omit<KioskComplaintInput, "printVia">,
): Promise<ComplaintAnswer> {
  const answer = await hub.fileComplaint({ ...request, printVia: path.via === "hub" ? "hub" : "kiosk" });
  if (!answer.ok || path.via !== "bridge") return answer;
  // A bridge that throws (main process busy, IPC torn down) is a receipt that did not print.
  const printed = await path.bridge.printComplaint(answer.data.print).catch(() => ({ ok: false as const }));
  return { ok: true, data: { ...answer.data, printed: printed.ok } };
}
