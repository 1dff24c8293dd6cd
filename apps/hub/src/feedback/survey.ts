import { randomBytes } from "node:crypto";
import { serviceDayOf, surveyRefusal } from "@layan/core";
import { fail, type Ack, type SurveyChannel, type SurveyOffer, type SurveyReceipt, type SurveyResponseRequest } from "@layan/protocol";
import type { HubContext } from "../context";

/**
 * The SKM survey's hub side: one response per served ticket, bound to the
 * ticket's service, counter and day, never to the citizen. The ticket id is
 * the proof that the citizen was there (it is the secret in the ticket's QR);
 * the counter and the kiosk's survey mode reach the same ticket other ways.
 */

/** Tickets whose answer is in flight: the check and the commit are a batch apart. */
const pending = new WeakMap<HubContext, Set<string>>();

function pendingOf(ctx: HubContext): Set<string> {
  let set = pending.get(ctx);
  if (!set) pending.set(ctx, (set = new Set()));
  return set;
}

function refusal(ctx: HubContext, ticketId: string, now: number) {
  const ticket = ctx.store.storedTicket(ticketId);
  const answered = pendingOf(ctx).has(ticketId) || ctx.store.feedback.surveyResponseFor(ticketId) !== undefined;
  const today = serviceDayOf(now, ctx.setup.rules.timezone);
  return { ticket, code: surveyRefusal(ticket, { enabled: ctx.setup.feedback.surveyEnabled, answered, today }) };
}

/** Whether the form may be shown for this ticket, and if not, why. Null for an unknown ticket. */
export function surveyOffer(ctx: HubContext, ticketId: string): SurveyOffer | null {
  const { ticket, code } = refusal(ctx, ticketId, ctx.engine.now());
  if (!ticket) return null;
  const service = ctx.setup.catalog.services.find((s) => s.id === ticket.serviceId);
  return {
    open: code === null,
    reason: code === null || code === "TICKET_UNKNOWN" ? null : code,
    number: ticket.number,
    serviceName: service?.name ?? ticket.serviceId,
    privacyNotice: ctx.setup.catalog.office.privacy.surveyProfile.id,
  };
}

export interface SurveySubmission {
  ticketId: string;
  channel: SurveyChannel;
  namespace: string;
  body: SurveyResponseRequest;
}

export function submitSurvey(ctx: HubContext, { ticketId, channel, namespace, body }: SurveySubmission): Promise<Ack<SurveyReceipt>> {
  const { requestId, ...rest } = body;
  const inFlight = pendingOf(ctx);
  let held = false;
  const answer = ctx.engine.record<SurveyReceipt>("survey:submit", { requestId, namespace, payload: { ticketId, ...rest } }, (now) => {
    const { ticket, code } = refusal(ctx, ticketId, now);
    if (code !== null || !ticket) return { ok: false, code: code ?? "TICKET_UNKNOWN" };
    const responseId = randomBytes(9).toString("base64url");
    inFlight.add(ticketId);
    held = true;
    return {
      ok: true,
      events: [
        {
          type: "survey.submitted",
          at: now,
          responseId,
          ticketId,
          serviceId: ticket.serviceId,
          counterId: ticket.counterId,
          serviceDay: ticket.serviceDay,
          channel,
          answers: body.answers,
          suggestion: body.suggestion,
        },
      ],
      personal: body.profile ? [{ ref: `survey:${responseId}`, kind: "survey_profile", data: body.profile }] : [],
      answer: { responseId, at: now },
    };
  });
  return answer
    .finally(() => {
      if (held) inFlight.delete(ticketId);
    })
    .catch(() => fail("INTERNAL"));
}

/** The kiosk's survey mode: today's ticket with this number (the citizen types what is printed). */
export function ticketIdByNumber(ctx: HubContext, number: string): string | null {
  return ctx.store.ticketIdByNumber(serviceDayOf(ctx.engine.now(), ctx.setup.rules.timezone), number);
}
