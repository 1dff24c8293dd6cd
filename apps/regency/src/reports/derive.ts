/**
 * A ticket's report facts from its events: the central twin of the hub's
 * read-model writer (packages/store/src/read-models/writer.ts), for the rows
 * the reports read (tickets issued, service_log, step_log). Pure: given the
 * same events it gives the same rows, which is what makes re-deriving a
 * ticket on every batch that touches it safe against retries and reorderings.
 */
import { segmentWaitMs, type QueueEvent, type SegmentMeasurement } from "@layan/core";

export interface TicketFact {
  ticketId: string;
  serviceDay: string;
  issuedServiceId: string;
  priority: string | null;
  issuedAt: number;
}

export interface StepFact {
  stepOrder: number;
  stepId: string;
  ms: number;
  targetMs: number | null;
  met: boolean | null;
}

export interface SegmentFact {
  segmentIndex: number;
  serviceId: string;
  counterId: string | null;
  officerId: string | null;
  enqueuedAt: number;
  endedAt: number;
  outcome: string;
  waitMs: number | null;
  serviceMs: number | null;
  waitTargetMs: number | null;
  serviceTargetMs: number | null;
  waitMet: boolean | null;
  serviceMet: boolean | null;
  recalls: number;
  endedStream: number;
  endedSeq: number;
  steps: StepFact[];
}

export interface ShippedEvent {
  stream: number;
  seq: number;
  event: QueueEvent;
}

interface Open {
  status: "waiting" | "called" | "serving" | "done" | "no_show" | "cancelled";
  segmentIndex: number;
  serviceId: string;
  enqueuedAt: number;
  counterId: string | null;
  officerId: string | null;
  calledAt: number | null;
  recalls: number;
}

function measured(m: SegmentMeasurement, outcome: string, stream: number, seq: number): SegmentFact {
  return {
    segmentIndex: m.segmentIndex,
    serviceId: m.serviceId,
    counterId: m.counterId,
    officerId: m.officerId,
    enqueuedAt: m.enqueuedAt,
    endedAt: m.endedAt,
    outcome,
    waitMs: m.waitMs,
    serviceMs: m.serviceMs,
    waitTargetMs: m.waitTargetMs,
    serviceTargetMs: m.serviceTargetMs,
    waitMet: m.waitMet,
    serviceMet: m.serviceMet,
    recalls: m.recalls,
    endedStream: stream,
    endedSeq: seq,
    steps: m.steps.map((s, i) => ({ stepOrder: i, stepId: s.stepId, ms: s.ms, targetMs: s.targetMs, met: s.met })),
  };
}

/**
 * Folds events in log order into the ticket's open segment and its ended
 * segments (keyed by segment index: a later account of a segment replaces
 * an earlier one). Returns null when the ticket's issue is not among them.
 */
function fold(events: readonly ShippedEvent[], segments: Map<number, SegmentFact>): { ticket: TicketFact; open: Open } | null {
  let ticket: TicketFact | null = null;
  let open: Open | null = null;
  for (const { stream, seq, event: e } of events) {
    if (e.type === "ticket.issued") {
      ticket = { ticketId: e.ticketId, serviceDay: e.serviceDay, issuedServiceId: e.serviceId, priority: e.priority, issuedAt: e.at };
      open = { status: "waiting", segmentIndex: 0, serviceId: e.serviceId, enqueuedAt: e.at, counterId: null, officerId: null, calledAt: null, recalls: 0 };
      continue;
    }
    if (!open) continue;
    const next = (serviceId: string, at: number): Open => ({
      status: "waiting", segmentIndex: open!.segmentIndex + 1, serviceId, enqueuedAt: at, counterId: null, officerId: null, calledAt: null, recalls: 0,
    });
    switch (e.type) {
      case "ticket.called":
        open = { ...open, status: "called", calledAt: open.calledAt ?? e.at, counterId: e.counterId, officerId: e.officerId };
        break;
      case "ticket.recalled":
        open = { ...open, recalls: e.recalls };
        break;
      case "ticket.serving":
        open = { ...open, status: "serving" };
        break;
      case "ticket.completed":
        segments.set(e.measurement.segmentIndex, measured(e.measurement, e.outcome, stream, seq));
        open = { ...open, status: "done" };
        break;
      case "ticket.no_show":
        segments.set(e.measurement.segmentIndex, measured(e.measurement, "no_show", stream, seq));
        open = { ...open, status: "no_show" };
        break;
      case "ticket.transferred":
        segments.set(e.measurement.segmentIndex, measured(e.measurement, "transferred", stream, seq));
        open = next(e.toServiceId, e.at);
        break;
      case "ticket.reinstated":
        open = next(open.serviceId, e.at);
        break;
      case "ticket.transfer_undone": {
        // The transferred segment goes on: its row goes, and the ticket takes its state back from it.
        const logged = segments.get(e.segmentIndex);
        segments.delete(e.segmentIndex);
        open = {
          status: e.status,
          segmentIndex: e.segmentIndex,
          serviceId: logged?.serviceId ?? e.fromServiceId,
          enqueuedAt: logged?.enqueuedAt ?? open.enqueuedAt,
          counterId: logged?.counterId ?? e.counterId,
          officerId: logged?.officerId ?? null,
          calledAt: logged && logged.waitMs !== null ? logged.enqueuedAt + logged.waitMs : null,
          recalls: logged?.recalls ?? 0,
        };
        break;
      }
      case "ticket.cancelled":
        // A cancelled no-show keeps its ended segment; an open one ends here, without SOP verdicts.
        if (open.status === "waiting" || open.status === "called" || open.status === "serving") {
          segments.set(open.segmentIndex, {
            segmentIndex: open.segmentIndex,
            serviceId: open.serviceId,
            counterId: open.counterId,
            officerId: open.officerId,
            enqueuedAt: open.enqueuedAt,
            endedAt: e.at,
            outcome: "cancelled",
            waitMs: segmentWaitMs(open.calledAt, open.enqueuedAt),
            serviceMs: null,
            waitTargetMs: null,
            serviceTargetMs: null,
            waitMet: null,
            serviceMet: null,
            recalls: open.recalls,
            endedStream: stream,
            endedSeq: seq,
            steps: [],
          });
        }
        open = { ...open, status: "cancelled" };
        break;
      default:
        break;
    }
  }
  return ticket && open ? { ticket, open } : null;
}

/**
 * The ticket's facts over the office's history: stream 1, then each later
 * stream from its base (`bases`: stream -> base_seq). At the start of a later
 * stream the ticket goes back to where the restored hub had it (its events up
 * to the base); the segments the lost stretch ended are kept (they happened),
 * and the later stream's account of a segment replaces the earlier one.
 */
export function deriveTicket(events: readonly ShippedEvent[], bases: ReadonlyMap<number, number>): { ticket: TicketFact; segments: SegmentFact[] } | null {
  const segments = new Map<number, SegmentFact>();
  let state: ReturnType<typeof fold> = null;
  let i = 0;
  while (i < events.length) {
    const stream = events[i]!.stream;
    let j = i;
    while (j < events.length && events[j]!.stream === stream) j++;
    const base = bases.get(stream) ?? 0;
    // What the restored hub still had of this ticket: the earlier streams' events up to the base.
    const kept = stream === events[0]!.stream ? [] : events.slice(0, i).filter((e) => e.seq <= base);
    const scratch = new Map<number, SegmentFact>();
    // A later stream that does not reach back to the ticket's issue (its ids reused) adds nothing to it.
    const folded = fold([...kept, ...events.slice(i, j)], scratch);
    if (folded) state = folded;
    // Segments the kept events ended are already in `segments` (from their own stream); only this stream's count anew.
    for (const [index, fact] of scratch) if (fact.endedStream === stream) segments.set(index, fact);
    for (const index of [...segments.keys()]) {
      // An undo in this stream takes a segment back out.
      const undone = events.slice(i, j).some((e) => e.event.type === "ticket.transfer_undone" && e.event.segmentIndex === index);
      if (undone && !scratch.has(index)) segments.delete(index);
    }
    i = j;
  }
  if (!state) return null;
  return { ticket: state.ticket, segments: [...segments.values()].sort((a, b) => a.segmentIndex - b.segmentIndex) };
}
