import type { IssuedTicket } from "@layan/protocol";

/**
 * The hub's answer to a walk-in's `ticket:issue`: ticket A-001 of KTP-el,
 * nobody ahead, as the kiosk's unit tests receive it. Pure data: the apps'
 * own tests import it.
 */
export const WALK_IN_ANSWER: IssuedTicket = {
  ticket: { id: "tk_1", number: "A-001", serviceId: "ktp-el", priority: null, issuedAt: 1, serviceDay: "2026-12-09" },
  peopleAhead: 0,
  estimate: { peopleAhead: 0, openCounters: 1, p50Minutes: 0, p90Minutes: 0, basis: "sop_target", sampleCount: 0 },
  statusUrl: "http://hub/t/tk_1",
  printed: false,
  print: {
    officeName: "MPP",
    agencyName: "Disdukcapil",
    serviceName: "KTP-el",
    ticketNumber: "A-001",
    priority: null,
    issuedAt: 1,
    timeZone: "Asia/Jakarta",
    peopleAhead: 0,
    waitEstimate: null,
    requirements: [],
    statusUrl: "http://hub/t/tk_1",
  },
};

/**
 * The hub's answer to a booked citizen's check-in (`booking:checkIn`): ticket
 * A-004 of KTP-el with its "Reservasi 09.30" line, as the kiosk and the
 * counter app's unit tests receive it.
 */
export const BOOKED_CHECK_IN_ANSWER: IssuedTicket = {
  ...WALK_IN_ANSWER,
  ticket: { ...WALK_IN_ANSWER.ticket, number: "A-004" },
  print: { ...WALK_IN_ANSWER.print, ticketNumber: "A-004", reservation: "Reservasi 09.30" },
};
