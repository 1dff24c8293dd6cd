import type { IssuedTicket } from "@layan/protocol";
import type { ProblemKind } from "../screens/ProblemPage";

/** Where the citizen is on the kiosk: one value, so a screen can never be half one thing and half another. */
export type Screen =
  | { name: "attract" }
  | { name: "agencies" }
  | { name: "services"; agencyId: string }
  | { name: "search"; query: string }
  // `back`: where "Kembali" leads when the page was not reached through its agency (search, most used).
  | { name: "service"; serviceId: string; back?: Screen }
  | { name: "priority"; serviceId: string; requestId: string; back?: Screen | undefined }
  | { name: "issuing"; serviceId: string }
  | { name: "done"; issued: IssuedTicket }
  | { name: "problem"; serviceId: string | null; kind: ProblemKind; title: string; detail: string; back?: Screen }
  // A booked visit: the code typed or scanned, then checked in (docs/booking.md).
  | { name: "booking" }
  | { name: "checking" }
  // Reached from the first screen without taking a number.
  | { name: "maklumat" | "info" | "complaint" | "survey" };

/** How long the confirmation stays before the next citizen's turn (never longer than the inactivity reset). */
export const CONFIRMATION_SECONDS = 20;

/**
 * The hub is printing a number: no banner, no access bar, no way out, so a
 * citizen cannot walk away (or tap home) between the number and its paper.
 */
export function isPrinting(screen: Screen): boolean {
  return screen.name === "issuing" || screen.name === "checking";
}

/**
 * Screens the inactivity reset watches. The first screen has nothing to reset,
 * the printing screens must not be cut short, and the confirmation has its own
 * shorter countdown.
 */
export function watchedForInactivity(screen: Screen): boolean {
  return screen.name !== "attract" && !isPrinting(screen) && screen.name !== "done";
}
