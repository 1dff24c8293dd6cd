import { ok, type DashboardPush } from "@layan/protocol";
import type { HubContext } from "../context";
import { onConnection } from "./common";

/** More missed events than this and a snapshot is cheaper for both ends. */
const MAX_REPLAY = 500;
const RECENT_LOG = 50;

export function attachDashboard(ctx: HubContext): void {
  onConnection(ctx, "dashboard", (socket, handle) => {
    handle("catalog:get", () => ok(ctx.setup.catalog));
    handle("sync:request", ({ sinceSeq }) => {
      const { state, seq } = ctx.engine;
      const now = ctx.engine.now();
      if (sinceSeq !== null && sinceSeq <= seq) {
        const missed = ctx.store.eventsAfter(sinceSeq, MAX_REPLAY + 1);
        if (missed.length <= MAX_REPLAY) {
          const events: DashboardPush[] = [
            ...missed.map((m): DashboardPush => ({ name: "log:appended", payload: ctx.views.logEntry(state, m.seq, m.event) })),
            ...ctx.views.counters(state).map((c): DashboardPush => ({ name: "counter:updated", payload: { ...c, seq } })),
            { name: "queue:changed", payload: { seq, waiting: ctx.views.waiting(state, now) } },
          ];
          return ok({ mode: "events" as const, seq, events });
        }
      }
      const recent = ctx.store.eventsAfter(Math.max(0, seq - RECENT_LOG), RECENT_LOG);
      const servedToday = ctx.engine.servedToday();
      return ok({
        mode: "snapshot" as const,
        seq,
        snapshot: {
          seq,
          serverTime: now,
          counters: ctx.views.counters(state),
          waiting: ctx.views.waiting(state, now),
          statuses: ctx.views.statuses(state, now),
          servedToday,
          recent: recent.map((m) => ctx.views.logEntry(state, m.seq, m.event)).reverse(),
        },
      });
    });
  });
}
