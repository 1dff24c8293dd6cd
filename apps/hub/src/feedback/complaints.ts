import { randomBytes, randomInt } from "node:crypto";
import { complaintDueAt, complaintRefusal, serviceDayOf } from "@layan/core";
import type {
  Ack,
  ComplaintChannel,
  ComplaintFilingRequest,
  ComplaintReceipt,
  PublicComplaint,
  StaffComplaint,
} from "@layan/protocol";
import type { ComplaintRow } from "@layan/store";
import type { HubContext } from "../context";

/**
 * Pengaduan on the hub: filing (kiosk, ticket page), the public status by
 * tracking code, and what staff do (assign, respond, close). The deadline is
 * the end of the N-th working day after filing, by the office's hours and
 * closed dates, fixed when the complaint is filed.
 */

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** 40 random bits: a code cannot be guessed from another one. */
export function newComplaintCode(): string {
  let code = "";
  for (let i = 0; i < 8; i++) code += CROCKFORD[randomInt(32)];
  return `PGD-${code}`;
}

function statusUrl(ctx: HubContext, code: string, base: string | null): string | null {
  const root = ctx.setup.publicBaseUrl ?? base;
  return root ? `${root.replace(/\/$/, "")}/pengaduan/${code}` : null;
}

export interface ComplaintFiling {
  channel: ComplaintChannel;
  namespace: string;
  body: ComplaintFilingRequest;
  /** Where the citizen reached the hub from, when the office has no public address. */
  base: string | null;
}

export function fileComplaint(ctx: HubContext, { channel, namespace, body, base }: ComplaintFiling): Promise<Ack<ComplaintReceipt>> {
  const { requestId, ...payload } = body;
  const office = ctx.setup.catalog.office;
  return ctx.engine.record<ComplaintReceipt>("complaint:file", { requestId, namespace, payload }, (now) => {
    if (!office.complaints.categories.some((c) => c.id === body.category)) return { ok: false, code: "COMPLAINT_CATEGORY_UNKNOWN" };
    if (body.serviceId !== null && !ctx.setup.catalog.services.some((s) => s.id === body.serviceId)) {
      return { ok: false, code: "SERVICE_UNKNOWN" };
    }
    let code = newComplaintCode();
    while (ctx.store.feedback.complaintByCode(code)) code = newComplaintCode();
    const complaintId = randomBytes(9).toString("base64url");
    const { calendar, complaintTargetWorkingDays } = ctx.setup.feedback;
    const dueAt = complaintDueAt(now, complaintTargetWorkingDays, calendar);
    return {
      ok: true,
      events: [
        {
          type: "complaint.filed",
          at: now,
          complaintId,
          code,
          filedDay: serviceDayOf(now, calendar.timezone),
          channel,
          category: body.category,
          serviceId: body.serviceId,
          text: body.text,
          targetWorkingDays: complaintTargetWorkingDays,
          dueAt,
        },
      ],
      personal: body.contact ? [{ ref: `complaint:${complaintId}`, kind: "complaint_contact", data: body.contact }] : [],
      answer: {
        code,
        filedAt: now,
        dueAt,
        targetWorkingDays: complaintTargetWorkingDays,
        statusUrl: statusUrl(ctx, code, base),
        elsewhere: office.complaints.elsewhere,
      },
    };
  });
}

function categoryLabel(ctx: HubContext, id: string): string {
  return ctx.setup.catalog.office.complaints.categories.find((c) => c.id === id)?.label.id ?? id;
}

function serviceName(ctx: HubContext, id: string | null): string | null {
  if (id === null) return null;
  return ctx.setup.catalog.services.find((s) => s.id === id)?.name ?? id;
}

export function publicComplaint(ctx: HubContext, code: string): PublicComplaint | null {
  const row = ctx.store.feedback.complaintByCode(code);
  if (!row) return null;
  return {
    code: row.code,
    status: row.status,
    category: { id: row.category, label: categoryLabel(ctx, row.category) },
    serviceName: serviceName(ctx, row.service_id),
    text: row.text,
    filedAt: row.filed_at,
    dueAt: row.due_at,
    responses: ctx.store.feedback.complaintResponses(row.complaint_id).map((r) => ({ at: r.at, text: r.text })),
    closedAt: row.closed_at,
    elsewhere: ctx.setup.catalog.office.complaints.elsewhere,
    timeZone: ctx.setup.rules.timezone,
  };
}

interface StoredContact {
  name?: string;
  phone?: string;
  email?: string;
}

export function staffComplaint(ctx: HubContext, row: ComplaintRow): StaffComplaint {
  const contact = ctx.store.feedback.personalData(`complaint:${row.complaint_id}`) as StoredContact | undefined;
  const now = ctx.engine.now();
  const answeredAt = row.first_response_at;
  return {
    id: row.complaint_id,
    code: row.code,
    status: row.status,
    channel: row.channel as ComplaintChannel,
    category: { id: row.category, label: categoryLabel(ctx, row.category) },
    serviceId: row.service_id,
    serviceName: serviceName(ctx, row.service_id),
    text: row.text,
    filedAt: row.filed_at,
    dueAt: row.due_at,
    targetWorkingDays: row.target_working_days,
    assignee: row.assignee,
    assignedAt: row.assigned_at,
    firstResponseAt: answeredAt,
    responses: ctx.store.feedback
      .complaintResponses(row.complaint_id)
      .map((r) => ({ at: r.at, text: r.text, by: r.by_user })),
    closedAt: row.closed_at,
    closedBy: row.closed_by,
    closeNote: row.close_note,
    contact: contact ? { name: contact.name ?? null, phone: contact.phone ?? null, email: contact.email ?? null } : null,
    late: answeredAt === null ? now > row.due_at : answeredAt > row.due_at,
  };
}

export type StaffAction =
  | { kind: "assign"; assignee: string }
  | { kind: "respond"; text: string }
  | { kind: "close"; note: string | null };

/** `by`: the acting user's username, recorded with the event. */
export function actOnComplaint(
  ctx: HubContext,
  complaintId: string,
  action: StaffAction,
  by: string,
  request: { requestId: string; namespace: string },
): Promise<Ack<StaffComplaint>> {
  return ctx.engine.record<StaffComplaint>(`complaint:${action.kind}`, { ...request, payload: { complaintId, ...action } }, (now) => {
    const row = ctx.store.feedback.complaintById(complaintId);
    if (!row) return { ok: false, code: "NOT_FOUND" };
    const answered = row.first_response_at !== null;
    const refused = complaintRefusal(action.kind, { status: row.status, answered }, action.kind === "close" ? action.note : null);
    if (refused) return { ok: false, code: refused };
    if (action.kind === "assign") {
      const user = ctx.store.findUserByUsername(action.assignee);
      if (!user || user.disabledAt !== null || user.role === "officer") return { ok: false, code: "ASSIGNEE_UNKNOWN" };
    }
    const event =
      action.kind === "assign"
        ? { type: "complaint.assigned" as const, at: now, complaintId, assignee: action.assignee, by }
        : action.kind === "respond"
          ? { type: "complaint.responded" as const, at: now, complaintId, text: action.text, by }
          : { type: "complaint.closed" as const, at: now, complaintId, note: action.note, by };
    // The answer is the complaint as it will read once this event is applied.
    const after: ComplaintRow = {
      ...row,
      ...(action.kind === "assign" ? { assignee: action.assignee, assigned_at: row.assigned_at ?? now, status: row.status === "baru" ? "diproses" : row.status } : {}),
      ...(action.kind === "respond" ? { first_response_at: row.first_response_at ?? now, status: "dijawab" } : {}),
      ...(action.kind === "close" ? { status: "selesai", closed_at: now, closed_by: by, close_note: action.note } : {}),
    };
    const answer = staffComplaint(ctx, after);
    if (action.kind === "respond") answer.responses.push({ at: now, text: action.text, by });
    return { ok: true, events: [event], answer };
  });
}
