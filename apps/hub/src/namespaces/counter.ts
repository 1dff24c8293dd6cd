import type { QueueCommand } from "@layan/core";
import {
  fail,
  ok,
  type Ack,
  type CounterSnapshot,
  type SocketIdentity,
} from "@layan/protocol";
import { checkInBooking } from "../booking/check-in";
import { officeForDevices } from "../booking/check-in-offer";
import type { HubContext } from "../context";
import { submitSurvey } from "../feedback/survey";
import { identityOf, onConnection } from "./common";

/**
 * An officer cancels only tickets of the services their open counter serves
 * (a citizen who left their own queue); a ticket elsewhere belongs to the
 * officers of that service, or to a supervisor. Supervisors and admins: any.
 */
function mayCancel(ctx: HubContext, who: SocketIdentity, ticketId: string): boolean {
  if (who.role === "supervisor" || who.role === "admin") return true;
  const ticket = ctx.engine.state.tickets.get(ticketId);
  // Unknown tickets go on to the core, which answers TICKET_UNKNOWN.
  if (!ticket) return true;
  for (const counter of ctx.engine.state.counters.values()) {
    if (counter.officerId !== who.id || counter.status !== "open") continue;
    if (ctx.engine.state.counterRules.get(counter.id)?.services.includes(ticket.segment.serviceId)) return true;
  }
  return false;
}

/** Supervisors and admins may act on any counter; officers only on the one they opened. */
function mayActOn(ctx: HubContext, who: SocketIdentity, counterId: string): boolean {
  if (who.role === "supervisor" || who.role === "admin") return true;
  const counter = ctx.engine.state.counters.get(counterId);
  // A closed counter belongs to nobody: the core's COUNTER_NOT_OPEN tells the
  // officer what to do (open it), FORBIDDEN would not.
  return counter === undefined || counter.status === "closed" || counter.officerId === who.id;
}

export function attachCounter(ctx: HubContext): void {
  onConnection(ctx, "counter", (socket, handle) => {
    const officer = identityOf(socket);
    const namespace = `counter:${officer.id}`;

    const snapshot = (counterId: string) =>
      ctx.views.counterSnapshot(ctx.engine.state, counterId, ctx.engine.seq, ctx.engine.now());

    const watch = (counterId: string) => {
      for (const room of socket.rooms) if (room.startsWith("counter:")) void socket.leave(room);
      void socket.join(`counter:${counterId}`);
    };

    /** Runs a command on a counter the officer holds and answers with the counter's new snapshot. */
    const onCounter = (
      payload: { counterId: string; requestId: string },
      command: QueueCommand,
    ): Promise<Ack<CounterSnapshot>> | Ack<CounterSnapshot> => {
      const { counterId, requestId } = payload;
      if (!ctx.engine.state.counterRules.has(counterId)) return fail("COUNTER_UNKNOWN");
      if (command.type !== "openCounter" && !mayActOn(ctx, officer, counterId)) return fail("FORBIDDEN");
      return ctx.engine.execute(command, { requestId, namespace, payload }, (state, _events, seq) =>
        ctx.views.counterSnapshot(state, counterId, seq, ctx.engine.now()),
      );
    };

    handle("counter:open", async (p) => {
      const answer = await onCounter(p, { type: "openCounter", counterId: p.counterId, officerId: officer.id });
      if (answer.ok) watch(p.counterId);
      return answer;
    });
    handle("counter:watch", (p) => {
      if (!ctx.engine.state.counterRules.has(p.counterId)) return fail("COUNTER_UNKNOWN");
      watch(p.counterId);
      return ok(snapshot(p.counterId));
    });
    // The officer types the code a citizen shows: the ticket joins its booked lane; the rules call it.
    handle("booking:checkIn", (p) =>
      checkInBooking(ctx, p, {
        namespace,
        kioskId: null,
        host: socket.handshake.headers.host,
        secure: socket.handshake.secure || socket.handshake.headers["x-forwarded-proto"] === "https",
        printedByHub: false,
      }),
    );
    handle("counter:pause", (p) => onCounter(p, { type: "pauseCounter", counterId: p.counterId }));
    handle("counter:close", (p) => onCounter(p, { type: "closeCounter", counterId: p.counterId }));
    handle("ticket:call_next", (p) => onCounter(p, { type: "callNext", counterId: p.counterId, officerId: officer.id }));
    handle("ticket:call", (p) => onCounter(p, { type: "callTicket", counterId: p.counterId, officerId: officer.id, ticketId: p.ticketId }));
    handle("ticket:recall", (p) => onCounter(p, { type: "recall", counterId: p.counterId }));
    handle("ticket:start", (p) => onCounter(p, { type: "startService", counterId: p.counterId }));
    handle("ticket:step", (p) => onCounter(p, { type: "tickStep", counterId: p.counterId, stepId: p.stepId }));
    handle("ticket:untick_step", (p) => onCounter(p, { type: "untickStep", counterId: p.counterId, stepId: p.stepId }));
    handle("ticket:complete", (p) => onCounter(p, { type: "complete", counterId: p.counterId, outcome: p.outcome }));
    handle("ticket:no_show", (p) => onCounter(p, { type: "markNoShow", counterId: p.counterId }));
    handle("ticket:transfer", (p) => onCounter(p, { type: "transfer", counterId: p.counterId, toServiceId: p.toServiceId }));
    handle("ticket:transfer_undo", (p) => onCounter(p, { type: "undoTransfer", counterId: p.counterId, ticketId: p.ticketId }));
    handle("ticket:reinstate", (p) =>
      ctx.engine.execute({ type: "reinstate", ticketId: p.ticketId }, { requestId: p.requestId, namespace, payload: p }, (state) => ({
        number: state.tickets.get(p.ticketId)?.number ?? "",
      })),
    );
    handle("ticket:cancel", (p) => {
      if (!mayCancel(ctx, officer, p.ticketId)) return fail("NOT_YOUR_SERVICE");
      return ctx.engine.execute({ type: "cancel", ticketId: p.ticketId, reason: p.reason }, { requestId: p.requestId, namespace, payload: p }, (state) => ({
        number: state.tickets.get(p.ticketId)?.number ?? "",
      }));
    });
    handle("catalog:get", () =>
      ok({
        ...ctx.setup.catalog,
        office: officeForDevices(ctx.setup.catalog.office, ctx.engine.state),
        counters: ctx.setup.rules.counters.map((c) => ({ id: c.id, name: c.name, number: c.number, services: [...c.services] })),
      }),
    );
    handle("survey:submit", (p) => {
      const { counterId, ticketId, ...body } = p;
      // The office decides whether the counter's screen may be turned round at all.
      if (!ctx.setup.catalog.office.surveyAtCounter) return fail("SURVEY_DISABLED");
      if (!ctx.engine.state.counterRules.has(counterId)) return fail("COUNTER_UNKNOWN");
      if (!mayActOn(ctx, officer, counterId)) return fail("FORBIDDEN");
      const stored = ctx.store.storedTicket(ticketId);
      if (!stored) return fail("TICKET_UNKNOWN");
      // The screen turned round answers only for the citizen who just sat at it, so
      // a counter cannot fill in surveys for tickets served elsewhere.
      if (stored.counterId !== counterId) return fail("FORBIDDEN");
      return submitSurvey(ctx, { ticketId, channel: "counter", namespace, body });
    });
    handle("sync:request", (p) => {
      if (!ctx.engine.state.counterRules.has(p.counterId)) return fail("COUNTER_UNKNOWN");
      watch(p.counterId);
      // Counter screens are small state: a snapshot is always cheaper than replaying events.
      return ok({ mode: "snapshot" as const, seq: ctx.engine.seq, snapshot: snapshot(p.counterId) });
    });
  });
}
