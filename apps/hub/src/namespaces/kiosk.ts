import {
  fail,
  ok,
  type Ack,
  type Catalog,
  type IssuedTicket,
} from "@layan/protocol";
import { estimateWait, serviceDayOf } from "@layan/core";
import { checkInBooking } from "../booking/check-in";
import { officeForDevices } from "../booking/check-in-offer";
import type { HubContext } from "../context";
import { fileComplaint } from "../feedback/complaints";
import { submitSurvey, surveyOffer, ticketIdByNumber } from "../feedback/survey";
import { NO_PRINTER, printableComplaint, printableTicket } from "../printing";
import { identityOf, onConnection } from "./common";
import { ticketOfIssued } from "../issued-ticket";

/** The kiosk's first screen offers what most citizens came for lately. */
const POPULAR_WINDOW_DAYS = 30;

/** `serviceIds` by tickets issued in the last 30 days, most first; ties and unused services keep config order. */
function mostUsed(ctx: HubContext, serviceIds: string[]): string[] {
  const since = serviceDayOf(ctx.engine.now() - POPULAR_WINDOW_DAYS * 86_400_000, ctx.engine.state.rules.timezone);
  const counts = new Map(ctx.store.issuedCountsSince(since).map((c) => [c.serviceId, c.count]));
  const order = new Map(serviceIds.map((id, i) => [id, i]));
  return [...serviceIds].sort(
    (a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || (order.get(a) ?? 0) - (order.get(b) ?? 0),
  );
}

/**
 * Complaint codes whose receipt the hub has printed: a double tap shares the
 * first tap's request id and gets its answer, and must not print a second slip.
 */
const printedReceipts = new WeakMap<HubContext, Set<string>>();

/**
 * Tickets of checked-in bookings the hub printed: a retry of the request id
 * gets the first answer and must not print a second slip. The last thousand
 * are far more than a retry can reach back to.
 */
const printedCheckIns = new Set<string>();
const PRINTED_CHECK_INS_KEPT = 1_000;

/** A kiosk may cancel its own ticket only this soon after issuing it (print failure, citizen walked off). */
const KIOSK_CANCEL_WINDOW_MS = 5 * 60_000;

export function attachKiosk(ctx: HubContext): void {
  onConnection(ctx, "kiosk", (socket, handle, log) => {
    const kiosk = identityOf(socket);
    // Read at every command, not once at connect: a live config change (live-config/) may change what this kiosk offers.
    const setupOf = () => ctx.setup.kiosks.get(kiosk.id);
    const offers = (serviceId: string) => {
      const ids = setupOf()?.serviceIds;
      return !ids || ids.includes(serviceId);
    };
    const host = socket.handshake.headers.host;
    // Over TLS, or through a TLS-terminating proxy that says so: the phone's link keeps https.
    const secure = socket.handshake.secure || socket.handshake.headers["x-forwarded-proto"] === "https";
    void socket.join("kiosks");
    log.info({ kiosk: kiosk.id }, "kiosk connected");

    handle("catalog:get", () => {
      const c = ctx.setup.catalog;
      const kioskSetup = setupOf();
      const catalog: Catalog = {
        ...c,
        office: officeForDevices(c.office, ctx.engine.state),
        services: c.services.filter((s) => offers(s.id)),
        popular: mostUsed(ctx, c.services.filter((s) => offers(s.id)).map((s) => s.id)),
        kiosk: {
          id: kiosk.id,
          name: kioskSetup?.name ?? kiosk.name,
          inactivityResetSeconds: ctx.setup.kioskIdleSeconds,
          // A kiosk enrolled but missing from devices.yaml prints itself (Electron) as before.
          canPrint: kioskSetup ? kioskSetup.printer !== null : true,
          ...(kioskSetup?.screen ? { screen: kioskSetup.screen } : {}),
        },
      };
      return ok(catalog);
    });

    handle("service:status", ({ serviceId }) => {
      if (!ctx.engine.state.services.has(serviceId) || !offers(serviceId)) return fail("SERVICE_UNKNOWN");
      return ok(ctx.views.serviceStatus(ctx.engine.state, serviceId, ctx.engine.now()));
    });

    /** Why this kiosk cannot hand out a number now (no printer, or the hub's printer for it has a problem), or null. */
    const cannotIssue = async (printVia: "kiosk" | "hub"): Promise<Ack<never> | null> => {
      // An information kiosk has no printer: a number it issued would exist on no paper.
      const kioskSetup = setupOf();
      if (kioskSetup && kioskSetup.printer === null) return fail("KIOSK_INFO_ONLY");
      if (printVia !== "hub") return null;
      // Checked before a number exists: a ticket that cannot print is never issued.
      if (!ctx.printing) return fail("PRINTER_UNAVAILABLE");
      const problem = await ctx.printing.problem(kiosk.id);
      if (problem === null) return null;
      const answer = fail("PRINTER_UNAVAILABLE");
      answer.error.message = `${answer.error.message} (${problem.message})`;
      answer.error.messageEn = `${answer.error.messageEn} (${problem.message})`;
      return answer;
    };

    handle("ticket:issue", async (p) => {
      if (!offers(p.serviceId)) return fail("SERVICE_UNKNOWN");
      const refused = await cannotIssue(p.printVia);
      if (refused) return refused;
      const ticketId = ctx.newTicketId();
      // Estimated on the queue as the ticket joins it: decide runs in this same
      // turn, so nobody can slip in between.
      const estimate = estimateWait(ctx.engine.state, p.serviceId, p.priority, ctx.engine.now());
      const answer = await ctx.engine.execute(
        { type: "issueTicket", ticketId, serviceId: p.serviceId, priority: p.priority, kioskId: kiosk.id },
        { requestId: p.requestId, namespace: `kiosk:${kiosk.id}`, payload: p },
        (_state, events): IssuedTicket => {
          const issued = events[0];
          if (issued?.type !== "ticket.issued") throw new Error("issueTicket produced no ticket.issued");
          const base = {
            ticket: ticketOfIssued(issued),
            peopleAhead: estimate.peopleAhead,
            estimate,
            statusUrl: ctx.statusUrl(issued.ticketId, host, secure),
          };
          return { ...base, printed: p.printVia === "hub", print: printableTicket(ctx.setup, base) };
        },
      );
      if (!answer.ok || p.printVia !== "hub" || answer.data.ticket.id !== ticketId) return answer;
      try {
        await ctx.printing?.print(kiosk.id, answer.data);
        return answer;
      } catch (err) {
        log.warn({ err, kiosk: kiosk.id, number: answer.data.ticket.number }, "hub print failed; cancelling ticket");
        await ctx.engine.execute(
          { type: "cancel", ticketId, reason: "print_failed" },
          { requestId: null, namespace: `kiosk:${kiosk.id}` },
          () => null,
        );
        return fail("PRINT_FAILED");
      }
    });

    handle("booking:checkIn", async ({ printVia, ...input }) => {
      const refused = await cannotIssue(printVia);
      if (refused) return refused;
      const answer = await checkInBooking(ctx, input, {
        namespace: `kiosk:${kiosk.id}`,
        kioskId: kiosk.id,
        host,
        secure,
        printedByHub: printVia === "hub",
      });
      if (!answer.ok || printVia !== "hub" || printedCheckIns.has(answer.data.ticket.id)) return answer;
      printedCheckIns.add(answer.data.ticket.id);
      if (printedCheckIns.size > PRINTED_CHECK_INS_KEPT) printedCheckIns.delete(printedCheckIns.values().next().value ?? "");
      try {
        await ctx.printing?.print(kiosk.id, answer.data);
        return answer;
      } catch (err) {
        // Unlike a walk-in's, the ticket stays: cancelling it would use up the
        // citizen's booking. The kiosk shows the number on the screen instead.
        log.warn({ err, kiosk: kiosk.id, number: answer.data.ticket.number }, "hub print of a checked-in booking failed; ticket kept");
        return ok({ ...answer.data, printed: false });
      }
    });

    handle("printer:status", async () => {
      if (!ctx.printing) return ok({ ready: false, code: "NO_PRINTER" as const, problem: NO_PRINTER });
      const problem = await ctx.printing.problem(kiosk.id);
      return ok({ ready: problem === null, code: problem?.code ?? null, problem: problem?.message ?? null });
    });

    handle("ticket:cancel", async (p) => {
      const ticket = ctx.engine.state.tickets.get(p.ticketId);
      if (!ticket) return fail("TICKET_UNKNOWN");
      if (ticket.kioskId !== kiosk.id || ctx.engine.now() - ticket.issuedAt > KIOSK_CANCEL_WINDOW_MS) {
        return fail("FORBIDDEN");
      }
      return ctx.engine.execute(
        { type: "cancel", ticketId: p.ticketId, reason: p.reason },
        { requestId: p.requestId, namespace: `kiosk:${kiosk.id}`, payload: p },
        () => ({ cancelled: true as const }),
      );
    });

    handle("complaint:file", async ({ printVia, ...filing }) => {
      const answer = await fileComplaint(ctx, {
        channel: "kiosk",
        namespace: `kiosk:${kiosk.id}`,
        body: filing,
        base: host ? `${secure ? "https" : "http"}://${host}` : null,
      });
      if (!answer.ok) return answer;
      const print = printableComplaint(ctx.setup, filing, answer.data);
      // The complaint is filed whatever the printer does: the code is on the
      // screen, and a citizen must not be made to complain twice for want of paper.
      let printed = false;
      const canPrint = printVia === "hub" && ctx.printing !== null && setupOf()?.printer !== null;
      if (canPrint && ctx.printing) {
        let done = printedReceipts.get(ctx);
        if (!done) printedReceipts.set(ctx, (done = new Set()));
        printed = done.has(answer.data.code);
        if (!printed) {
          done.add(answer.data.code);
          try {
            await ctx.printing.printComplaint(kiosk.id, print);
            printed = true;
          } catch (err) {
            done.delete(answer.data.code);
            log.warn({ err, kiosk: kiosk.id, code: answer.data.code }, "complaint receipt did not print");
          }
        }
      }
      return ok({ ...answer.data, printed, print });
    });

    handle("survey:find", ({ number }) => {
      const ticketId = ticketIdByNumber(ctx, number);
      const offer = ticketId === null ? null : surveyOffer(ctx, ticketId);
      return offer ? ok(offer) : fail("TICKET_UNKNOWN");
    });

    handle("survey:submit", ({ number, ...body }) => {
      const ticketId = ticketIdByNumber(ctx, number);
      if (ticketId === null) return fail("TICKET_UNKNOWN");
      return submitSurvey(ctx, { ticketId, channel: "kiosk", namespace: `kiosk:${kiosk.id}`, body });
    });

    handle("sync:request", () => {
      const { state } = ctx.engine;
      const now = ctx.engine.now();
      const serviceIds = state.rules.services.map((s) => s.id).filter(offers);
      return ok({
        mode: "snapshot" as const,
        seq: ctx.engine.seq,
        snapshot: { seq: ctx.engine.seq, serverTime: now, statuses: ctx.views.statuses(state, now, serviceIds) },
      });
    });
  });
}
