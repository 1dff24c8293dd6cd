import { describe, expect, it } from "vitest";
import { ticketsOf } from "./project";

describe("ticketsOf", () => {
  it("names only the tickets whose report facts the batch can change", () => {
    const events = [
      { type: "ticket.issued", ticketId: "a" },
      { type: "ticket.called", ticketId: "b" },
      { type: "ticket.serving", ticketId: "b" },
      { type: "ticket.step_done", ticketId: "c" },
      { type: "ticket.recalled", ticketId: "c" },
      { type: "ticket.reinstated", ticketId: "c" },
      { type: "ticket.completed", ticketId: "d" },
      { type: "ticket.no_show", ticketId: "e" },
      { type: "ticket.transferred", ticketId: "f" },
      { type: "ticket.transfer_undone", ticketId: "g" },
      { type: "ticket.cancelled", ticketId: "h" },
      { type: "ticket.step_undone", ticketId: "i" },
      // A survey answer names its ticket but is not part of its queue history.
      { type: "survey.submitted", ticketId: "j" },
    ];
    expect(ticketsOf(events).sort()).toEqual(["a", "d", "e", "f", "g", "h"]);
  });
});
