import type { ReportHandler } from "../context";
import { liveView } from "../live";

/** The waiting room now, from the engine's live state. */
export const live: ReportHandler<"live"> = {
  json: ({ hub }) => liveView(hub.engine.state, hub.engine.now()),
};
