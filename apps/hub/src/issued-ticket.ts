import type { EventOf } from "@layan/core";
import type { IssuedTicket } from "@layan/protocol";

/** The ticket part of a kiosk's answer, from the `ticket.issued` event a walk-in issue or a booked check-in decided. */
export function ticketOfIssued(issued: EventOf<"ticket.issued">): IssuedTicket["ticket"] {
  return {
    id: issued.ticketId,
    number: issued.number,
    serviceId: issued.serviceId,
    priority: issued.priority,
    issuedAt: issued.at,
    serviceDay: issued.serviceDay,
  };
}
