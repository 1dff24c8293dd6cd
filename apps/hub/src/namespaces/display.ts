import { ok, type DisplayConfig, type DisplayPush } from "@layan/protocol";
import { todayNotices } from "../admin/operations-view";
import type { HubContext } from "../context";
import type { DisplayGroup } from "../setup";
import { identityOf, namespaceOf, onConnection } from "./common";
import { DisplayHealthBoard } from "./display-health";
import { voiceForDisplay } from "./display-voice";

export const LAST_CALLS_SHOWN = 10;

/** Room names a display joins so a call reaches only the displays whose group shows it. */
export const counterRoom = (counterId: string) => `counter:${counterId}`;
export const serviceRoom = (serviceId: string) => `service:${serviceId}`;

export function displayGroup(ctx: HubContext, displayId: string): DisplayGroup {
  return (
    ctx.setup.displays.get(displayId) ?? {
      id: displayId,
      name: displayId,
      counterIds: ctx.setup.rules.counters.map((c) => c.id),
      serviceIds: ctx.setup.rules.services.map((s) => s.id),
    }
  );
}

/** Per hub, each connected display's way to take its group again from a reloaded config. */
const regroupers = new WeakMap<HubContext, Set<() => void>>();

/**
 * After a live config change: every display leaves the rooms of its old group
 * and joins its new one, so calls reach the screens the new devices.yaml names.
 */
export function regroupDisplays(ctx: HubContext): void {
  for (const regroup of regroupers.get(ctx) ?? []) regroup();
}

export function attachDisplay(ctx: HubContext): void {
  const live = new Set<() => void>();
  regroupers.set(ctx, live);
  const dashboards = namespaceOf(ctx.io, "dashboard");
  const health = new DisplayHealthBoard(ctx.setup.displays.values(), () => ctx.engine.now(), (list) =>
    dashboards.emit("displays:health", list),
  );
  // Registered before the dashboard's own handlers: a live view learns the screens' state as it connects.
  dashboards.on("connection", (socket) => socket.emit("displays:health", health.list()));

  onConnection(ctx, "display", (socket, handle) => {
    const device = identityOf(socket);
    let group = displayGroup(ctx, device.id);
    health.connected(device.id, group.name);
    socket.on("disconnect", () => health.disconnected(device.id));

    handle("display:sound", (report) => {
      health.report(device.id, group.name, report);
      return ok(null);
    });
    let counterIds = new Set(group.counterIds);
    let serviceIds = new Set(group.serviceIds);
    const rooms = () => [...group.counterIds.map(counterRoom), ...group.serviceIds.map(serviceRoom)];
    void socket.join(rooms());
    const regroup = () => {
      for (const room of rooms()) void socket.leave(room);
      group = displayGroup(ctx, device.id);
      counterIds = new Set(group.counterIds);
      serviceIds = new Set(group.serviceIds);
      void socket.join(rooms());
    };
    live.add(regroup);
    socket.on("disconnect", () => live.delete(regroup));

    handle("display:config", () => {
      const config: DisplayConfig = {
        displayId: device.id,
        name: group.name,
        office: ctx.setup.catalog.office,
        counterIds: group.counterIds,
        serviceIds: group.serviceIds,
        services: ctx.setup.catalog.services
          .filter((s) => serviceIds.has(s.id))
          .map((s) => ({ id: s.id, name: s.name, prefix: s.prefix })),
        announcement: { style: ctx.setup.announcementStyle },
        notices: todayNotices(ctx.engine.state, ctx.engine.now(), ctx.setup.catalog.office.runningText),
      };
      const voice = voiceForDisplay(ctx.setup.voicePack);
      if (voice) config.voice = voice;
      return ok(config);
    });

    handle("sync:request", ({ sinceSeq }) => {
      const { state, seq } = ctx.engine;
      const now = ctx.engine.now();
      const counters = ctx.views.counters(state, group.counterIds);
      const waiting = ctx.views.waiting(state, now, group.serviceIds);
      // A sinceSeq ahead of the hub means the hub's database was reset or
      // restored: replaying "nothing new" would leave the screen waiting for a
      // seq that will not come for hours, so it gets a snapshot to start over from.
      const missed = sinceSeq === null || sinceSeq > seq ? null : ctx.calls.since(sinceSeq, counterIds, serviceIds);
      if (missed === null) {
        return ok({
          mode: "snapshot" as const,
          seq,
          snapshot: { seq, serverTime: now, counters, lastCalls: ctx.calls.latest(LAST_CALLS_SHOWN, counterIds, serviceIds), waiting },
        });
      }
      // Missed calls, then the counters' and queues' current state, so the
      // screen ends up exactly where a live one would be.
      const events: DisplayPush[] = [
        ...missed.map((call): DisplayPush => ({ name: call.recalls > 0 ? "ticket:recalled" : "ticket:called", payload: call })),
        ...counters.map((c): DisplayPush => ({ name: "counter:updated", payload: { ...c, seq } })),
        { name: "queue:changed", payload: { seq, waiting } },
      ];
      return ok({ mode: "events" as const, seq, events });
    });
  });
}
