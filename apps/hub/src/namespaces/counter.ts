import type { QueueCommand } from "@layan/core";
import {
  CallTicketPayload,
  CompletePayload,
  CounterPayload,
  EmptyPayload,
  OfficerCancelPayload,
  SyncRequestPayload,
  TickStepPayload,
  TicketPayload,
  TransferPayload,
  fail,
  ok,
  type Ack,
  type SocketIdentity,
} from "@layan/protocol";
import { z } from "zod";
import type { HubContext } from "../context";
import { handle, identityOf, requireRole } from "./common";

const WatchPayload = z.strictObject({ counterId: z.string().min(1).max(64) });
const CounterSyncPayload = SyncRequestPayload.extend({ counterId: z.string().min(1).max(64) });

/** Supervisors and admins may act on any counter; officers only on the one they opened. */
function mayActOn(ctx: HubContext, who: SocketIdentity, counterId: string): boolean {
  if (who.role === "supervisor" || who.role === "admin") return true;
  return ctx.engine.state.counters.get(counterId)?.officerId === who.id;
}

export function attachCounter(ctx: HubContext): void {
  const nsp = ctx.io.of("/counter");
  const log = ctx.logger.child({ ns: "counter" });
  requireRole(nsp, "counter", ctx.auth, log);

  nsp.on("connection", (socket) => {
    const officer = identityOf(socket);
    const namespace = `counter:${officer.id}`;

    const snapshot = (counterId: string) =>
      ctx.views.counterSnapshot(ctx.engine.state, counterId, ctx.engine.seq, ctx.engine.now());

    const watch = (counterId: string) => {
      for (const room of socket.rooms) if (room.startsWith("counter:")) void socket.leave(room);
      void socket.join(`counter:${counterId}`);
    };

    /** Runs a command on a counter the officer holds and answers with the counter's new snapshot. */
    const onCounter = (counterId: string, requestId: string, command: QueueCommand): Promise<Ack<unknown>> | Ack<unknown> => {
      if (!ctx.engine.state.counterRules.has(counterId)) return fail("COUNTER_UNKNOWN");
      if (command.type !== "openCounter" && !mayActOn(ctx, officer, counterId)) return fail("FORBIDDEN");
      return ctx.engine.execute(command, { requestId, namespace }, (state, _events, seq) =>
        ctx.views.counterSnapshot(state, counterId, seq, ctx.engine.now()),
      );
    };

    handle(socket, "counter:open", CounterPayload, log, async (p) => {
      const answer = await onCounter(p.counterId, p.requestId, { type: "openCounter", counterId: p.counterId, officerId: officer.id });
      if (answer.ok) watch(p.counterId);
      return answer;
    });
    handle(socket, "counter:watch", WatchPayload, log, (p) => {
      if (!ctx.engine.state.counterRules.has(p.counterId)) return fail("COUNTER_UNKNOWN");
      watch(p.counterId);
      return ok(snapshot(p.counterId));
    });
    handle(socket, "counter:pause", CounterPayload, log, (p) =>
      onCounter(p.counterId, p.requestId, { type: "pauseCounter", counterId: p.counterId }),
    );
    handle(socket, "counter:close", CounterPayload, log, (p) =>
      onCounter(p.counterId, p.requestId, { type: "closeCounter", counterId: p.counterId }),
    );
    handle(socket, "ticket:call_next", CounterPayload, log, (p) =>
      onCounter(p.counterId, p.requestId, { type: "callNext", counterId: p.counterId, officerId: officer.id }),
    );
    handle(socket, "ticket:call", CallTicketPayload, log, (p) =>
      onCounter(p.counterId, p.requestId, { type: "callTicket", counterId: p.counterId, officerId: officer.id, ticketId: p.ticketId }),
    );
    handle(socket, "ticket:recall", CounterPayload, log, (p) =>
      onCounter(p.counterId, p.requestId, { type: "recall", counterId: p.counterId }),
    );
    handle(socket, "ticket:start", CounterPayload, log, (p) =>
      onCounter(p.counterId, p.requestId, { type: "startService", counterId: p.counterId }),
    );
    handle(socket, "ticket:step", TickStepPayload, log, (p) =>
      onCounter(p.counterId, p.requestId, { type: "tickStep", counterId: p.counterId, stepId: p.stepId }),
    );
    handle(socket, "ticket:complete", CompletePayload, log, (p) =>
      onCounter(p.counterId, p.requestId, { type: "complete", counterId: p.counterId, outcome: p.outcome }),
    );
    handle(socket, "ticket:no_show", CounterPayload, log, (p) =>
      onCounter(p.counterId, p.requestId, { type: "markNoShow", counterId: p.counterId }),
    );
    handle(socket, "ticket:transfer", TransferPayload, log, (p) =>
      onCounter(p.counterId, p.requestId, { type: "transfer", counterId: p.counterId, toServiceId: p.toServiceId }),
    );
    handle(socket, "ticket:reinstate", TicketPayload, log, (p) =>
      ctx.engine.execute({ type: "reinstate", ticketId: p.ticketId }, { requestId: p.requestId, namespace }, (state) => ({
        number: state.tickets.get(p.ticketId)?.number ?? "",
      })),
    );
    handle(socket, "ticket:cancel", OfficerCancelPayload, log, (p) =>
      ctx.engine.execute({ type: "cancel", ticketId: p.ticketId, reason: p.reason }, { requestId: p.requestId, namespace }, (state) => ({
        number: state.tickets.get(p.ticketId)?.number ?? "",
      })),
    );
    handle(socket, "catalog:get", EmptyPayload, log, () =>
      ok({
        ...ctx.setup.catalog,
        counters: ctx.setup.rules.counters.map((c) => ({ id: c.id, name: c.name, number: c.number, services: [...c.services] })),
      }),
    );
    handle(socket, "sync:request", CounterSyncPayload, log, (p) => {
      if (!ctx.engine.state.counterRules.has(p.counterId)) return fail("COUNTER_UNKNOWN");
      watch(p.counterId);
      // Counter screens are small state: a snapshot is always cheaper than replaying events.
      return ok({ mode: "snapshot" as const, seq: ctx.engine.seq, snapshot: snapshot(p.counterId) });
    });
  });
}
