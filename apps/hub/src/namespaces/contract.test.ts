import { fail, ok, type CallView, type Catalog, type CounterSnapshot } from "@layan/protocol";
import type { Logger } from "pino";
import type { Server } from "socket.io";
import { describe, expect, expectTypeOf, it } from "vitest";
import { commandHandler, namespaceOf, type HubSocket } from "./common";

/**
 * Compile-fail tests of the hub's side of the socket contract: handlers and
 * pushes take their types from packages/protocol, so each @ts-expect-error
 * line below must fail `pnpm typecheck` (an unused one fails it too). The
 * function is never run.
 */
function typeChecks(io: Server, kiosk: HubSocket<"kiosk">, counter: HubSocket<"counter">, log: Logger): void {
  const onKiosk = commandHandler(kiosk, "kiosk", log);
  onKiosk("service:status", (p) => {
    expectTypeOf(p).toEqualTypeOf<{ serviceId: string }>();
    return fail("SERVICE_UNKNOWN");
  });
  onKiosk("ticket:issue", (p) => {
    // Parsed: the schema's defaults are filled in.
    expectTypeOf(p.printVia).toEqualTypeOf<"kiosk" | "hub">();
    return fail("INTERNAL");
  });
  // @ts-expect-error a kiosk has no call command
  onKiosk("ticket:call_next", () => fail("INTERNAL"));
  // @ts-expect-error catalog:get answers a Catalog, not a number
  onKiosk("catalog:get", () => ok(1));
  onKiosk("catalog:get", () => ok({} as Catalog));
  // @ts-expect-error service:status carries no counterId
  onKiosk("service:status", (p) => (p.counterId ? fail("INTERNAL") : fail("INTERNAL")));

  const onCounter = commandHandler(counter, "counter", log);
  // @ts-expect-error ticket:reinstate answers { number }, not a counter snapshot
  onCounter("ticket:reinstate", () => ok({} as CounterSnapshot));

  const display = namespaceOf(io, "display");
  display.emit("ticket:called", {} as CallView);
  // @ts-expect-error a call push must carry a full CallView
  display.emit("ticket:called", { number: "A-001" });
  // @ts-expect-error displays are not sent counter screens
  display.emit("counter:snapshot", {} as CounterSnapshot);
  // @ts-expect-error queue:changed needs its waiting list
  namespaceOf(io, "kiosk").emit("queue:changed", { seq: 1 });
}

describe("the hub's socket contract", () => {
  it("is checked by the compiler (see typeChecks)", () => {
    expect(typeChecks).toBeTypeOf("function");
  });
});
