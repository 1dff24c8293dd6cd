import { lazy } from "react";
import { warmUpListening } from "../listen/ListenButton";

// Not on the way to a ticket: their own chunk, loaded when the kiosk is idle (see warmUpLater).
const loadFeedback = () => import("../feedback/screens");
export const ComplaintPage = lazy(() => loadFeedback().then((m) => ({ default: m.ComplaintPage })));
export const InfoPage = lazy(() => loadFeedback().then((m) => ({ default: m.InfoPage })));
export const MaklumatPage = lazy(() => loadFeedback().then((m) => ({ default: m.MaklumatPage })));
export const SurveyPage = lazy(() => loadFeedback().then((m) => ({ default: m.SurveyPage })));

/** What the first screen does not need but a citizen soon may: loaded once the kiosk is idle after start. */
export function warmUpLater(): void {
  warmUpListening();
  void loadFeedback().catch(() => undefined);
}
