import type { ServiceRules } from "./office";
import type { QueueState } from "./state";
import { formatTicketNumber } from "./ticket";

/**
 * The next ticket number of a service on a service day. Walk-ins and booked
 * check-ins share the one sequence: a number is never handed out twice.
 */
export function nextTicketNumber(state: QueueState, service: ServiceRules, serviceDay: string): { number: string; sequence: number } {
  const numbering = state.numbering.get(service.id);
  const sequence = (numbering?.serviceDay === serviceDay ? numbering.lastSequence : 0) + 1;
  return { number: formatTicketNumber(service.prefix, sequence), sequence };
}
