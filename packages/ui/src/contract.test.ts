import type { Ack, CounterSnapshot, IssuedTicket, QueueChanged } from "@layan/protocol";
import { describe, expect, expectTypeOf, it } from "vitest";
import { sendCommand, type HubClientSocket } from "./hub-client";

/**
 * Compile-fail tests of the clients' side of the socket contract: sockets and
 * sendCommand take their types from packages/protocol, so each
 * @ts-expect-error line below must fail `pnpm typecheck` (an unused one fails
 * it too). The function is never run.
 */
function typeChecks(kiosk: HubClientSocket<"kiosk">, counter: HubClientSocket<"counter">): void {
  const issued = sendCommand(kiosk, "ticket:issue", { requestId: "r-12345678", serviceId: "ktp-el" });
  expectTypeOf(issued).resolves.toEqualTypeOf<Ack<IssuedTicket>>();
  // @ts-expect-error a kiosk has no call command
  void sendCommand(kiosk, "ticket:call_next", { requestId: "r-12345678", counterId: "loket-1" });
  // @ts-expect-error serviceId must be a string
  void sendCommand(kiosk, "ticket:issue", { requestId: "r-12345678", serviceId: 1 });
  // @ts-expect-error counter:open needs the counter
  void sendCommand(counter, "counter:open", { requestId: "r-12345678" });
  // @ts-expect-error ticket:reinstate answers { number }, not a counter snapshot
  const reinstated: Promise<Ack<CounterSnapshot>> = sendCommand(counter, "ticket:reinstate", {
    requestId: "r-12345678",
    ticketId: "t1",
  });
  void reinstated;
  kiosk.on("queue:changed", (q) => expectTypeOf(q).toEqualTypeOf<QueueChanged>());
  // @ts-expect-error kiosks are not sent calls
  kiosk.on("ticket:called", () => undefined);
  // @ts-expect-error a counter screen's push is counter:snapshot, with a snapshot
  counter.on("counter:snapshot", (s: { seq: string }) => void s);
}

describe("the clients' socket contract", () => {
  it("is checked by the compiler (see typeChecks)", () => {
    expect(typeChecks).toBeTypeOf("function");
  });
});
