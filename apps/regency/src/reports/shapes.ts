/**
 * What the projection reads of each event, checked before it reads it. The
 * server keeps any well-formed event (a newer hub's types need no central
 * upgrade first), but the report facts are made only from events with the
 * fields they need: one that lacks them (an older or newer hub's shape, a
 * hand-made test batch) is kept in office_events and left out of the
 * reports rather than failing the batch.
 */
import { z } from "zod";

const ms = z.number().int().nonnegative();
const id = z.string().min(1);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const measurement = z.object({
  serviceId: id,
  segmentIndex: z.number().int().nonnegative(),
  counterId: id.nullable(),
  officerId: id.nullable(),
  enqueuedAt: ms,
  calledAt: ms.nullable(),
  startedAt: ms.nullable(),
  endedAt: ms,
  recalls: z.number().int().nonnegative(),
  waitMs: z.number().int().nullable(),
  serviceMs: z.number().int().nullable(),
  waitTargetMs: z.number().int().nonnegative(),
  serviceTargetMs: z.number().int().nonnegative(),
  waitMet: z.boolean().nullable(),
  serviceMet: z.boolean().nullable(),
  steps: z.array(z.object({ stepId: id, ms: z.number().int(), targetMs: z.number().int().nullable(), met: z.boolean().nullable() })),
});

const base = { at: ms, ticketId: id };
const SHAPES: Record<string, z.ZodType> = {
  "ticket.issued": z.object({ ...base, serviceId: id, serviceDay: day, priority: z.string().nullable() }),
  "ticket.called": z.object({ ...base, counterId: id, officerId: id.nullable() }),
  "ticket.recalled": z.object({ ...base, recalls: z.number().int().nonnegative() }),
  "ticket.serving": z.object(base),
  "ticket.completed": z.object({ ...base, outcome: id, measurement }),
  "ticket.no_show": z.object({ ...base, measurement }),
  "ticket.transferred": z.object({ ...base, toServiceId: id, fromServiceId: id, measurement }),
  "ticket.reinstated": z.object(base),
  "ticket.transfer_undone": z.object({ ...base, counterId: id, fromServiceId: id, segmentIndex: z.number().int().nonnegative(), status: z.enum(["called", "serving"]) }),
  "ticket.cancelled": z.object(base),
  "survey.submitted": z.object({
    at: ms,
    responseId: id,
    serviceId: id,
    serviceDay: day,
    answers: z.record(z.string(), z.number().int().min(1).max(4)),
  }),
  "complaint.filed": z.object({ at: ms, complaintId: id, filedDay: day, serviceId: id.nullable(), category: z.string(), dueAt: ms }),
  "complaint.responded": z.object({ at: ms, complaintId: id }),
  "complaint.closed": z.object({ at: ms, complaintId: id }),
};

const UNSUR = ["persyaratan", "prosedur", "waktu", "biaya", "produk", "kompetensi", "perilaku", "sarana", "pengaduan"];

/** Whether the projection can read this event (types it does not read count as readable: it skips them). */
export function readable(event: { type: string } & Record<string, unknown>): boolean {
  const shape = SHAPES[event.type];
  if (!shape) return true;
  if (!shape.safeParse(event).success) return false;
  if (event.type === "survey.submitted") {
    const answers = event.answers as Record<string, unknown>;
    return UNSUR.every((u) => typeof answers[u] === "number");
  }
  return true;
}
