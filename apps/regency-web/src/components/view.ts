import type { Api, RegencyUser } from "../api";
import type { View } from "../period";

/** What every view gets from the shell (in its own module, so the views and the shell do not import each other). */
export interface ViewProps {
  api: Api;
  user: RegencyUser;
  range: { from: string; to: string };
  params: URLSearchParams;
  /** Moves to a view, keeping the period. */
  go: (view: View, id: string | null, extra?: Record<string, string | null>) => void;
  today: string;
}
