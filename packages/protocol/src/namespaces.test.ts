import type { Namespace, Server } from "socket.io";
import type { Socket } from "socket.io-client";
import { describe, expect, expectTypeOf, it } from "vitest";
import { fail, ok, type Ack } from "./ack";
import { ERROR_CODES, ERROR_MESSAGES } from "./errors";
import type {
  CounterClientToServer,
  DisplayClientToServer,
  DisplayServerToClient,
  KioskClientToServer,
  KioskServerToClient,
} from "./namespaces";
import { IssueTicketPayload, requestId } from "./schemas";
import type { CallView, IssuedTicket } from "./views";

type KioskSocket = Socket<KioskServerToClient, KioskClientToServer>;
type DisplaySocket = Socket<DisplayServerToClient, DisplayClientToServer>;

/**
 * Type tests: the event maps make a wrong event name or payload a compile
 * error (checked by `pnpm typecheck`); the bodies never run.
 */
function typeChecks(kiosk: KioskSocket, display: DisplaySocket, server: Server): void {
  kiosk.emit("ticket:issue", { requestId: "r-12345678", serviceId: "ktp-el" }, (answer) => {
    expectTypeOf(answer).toEqualTypeOf<Ack<IssuedTicket>>();
  });
  // @ts-expect-error a kiosk has no call command
  kiosk.emit("ticket:call_next", { requestId: "r-12345678", counterId: "loket-1" }, () => undefined);
  // @ts-expect-error serviceId must be a string
  kiosk.emit("ticket:issue", { requestId: "r-12345678", serviceId: 1 }, () => undefined);
  // @ts-expect-error the priority lane has three reasons, "vip" is none of them
  kiosk.emit("ticket:issue", { requestId: "r-12345678", serviceId: "ktp-el", priority: "vip" }, () => undefined);
  display.on("ticket:called", (call) => expectTypeOf(call).toEqualTypeOf<CallView>());
  // @ts-expect-error displays do not receive ticket:issued
  display.on("ticket:issued", () => undefined);
  // @ts-expect-error /display has no commands besides sync and config
  display.emit("ticket:recall", { requestId: "r-12345678", counterId: "loket-1" }, () => undefined);
  const nsp = server.of("/display") as unknown as Namespace<DisplayClientToServer, DisplayServerToClient>;
  // @ts-expect-error a call push must carry a full CallView
  nsp.emit("ticket:called", { number: "A-001" });
  expectTypeOf<CounterClientToServer["ticket:complete"]>().parameter(0).toHaveProperty("outcome");
}

describe("protocol", () => {
  it("has an Indonesian and an English message for every error code", () => {
    expect(typeChecks).toBeTypeOf("function");
    for (const code of ERROR_CODES) {
      expect(ERROR_MESSAGES[code].id.length).toBeGreaterThan(5);
      expect(ERROR_MESSAGES[code].en.length).toBeGreaterThan(3);
    }
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });

  it("builds the ack envelope", () => {
    expect(ok({ a: 1 })).toEqual({ ok: true, data: { a: 1 } });
    expect(fail("QUEUE_EMPTY")).toEqual({
      ok: false,
      error: { code: "QUEUE_EMPTY", message: "Tidak ada antrean yang menunggu.", messageEn: "Nobody is waiting." },
    });
  });

  it("parses ticket:issue strictly, with defaults", () => {
    expect(IssueTicketPayload.parse({ requestId: "abcdefgh", serviceId: "ktp-el" })).toEqual({
      requestId: "abcdefgh",
      serviceId: "ktp-el",
      priority: null,
      printVia: "kiosk",
    });
    expect(IssueTicketPayload.safeParse({ requestId: "abcdefgh", serviceId: "ktp-el", admin: true }).success).toBe(false);
    expect(requestId.safeParse("has space 123").success).toBe(false);
    expect(requestId.safeParse("1234567").success).toBe(false);
  });
});
