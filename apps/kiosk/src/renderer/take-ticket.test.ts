import type { IssuedTicket, IssueTicketInput, KioskCancelRequest } from "@layan/protocol";
import { describe, expect, it } from "vitest";
import { WALK_IN_ANSWER } from "../../../../tests/support/issued-ticket";
import type { IssueAnswer } from "./kiosk-hub";
import { printerThat, READY } from "./testing/printer";
import { DEFAULT_IDLE_SECONDS, inactivitySeconds } from "./runtime";
import { takeTicket, type HubCommands } from "./take-ticket";

const issued: IssuedTicket = WALK_IN_ANSWER;

/** A hub that records commands and answers from a script. */
function hubAnswering(answer: IssueAnswer) {
  const issues: [IssueTicketInput, boolean][] = [];
  const cancels: KioskCancelRequest[] = [];
  const hub: HubCommands = {
    issue: (request, printsItself) => {
      issues.push([request, printsItself]);
      return Promise.resolve(answer);
    },
    cancel: (request) => {
      cancels.push(request);
      return Promise.resolve(true);
    },
  };
  return { hub, issues, cancels };
}

const request = { requestId: "req-0001-abcd", serviceId: "ktp-el", priority: null };

describe("take a ticket (Electron: the kiosk prints)", () => {
  it("checks the printer, issues with printVia kiosk, prints the hub's printable ticket", async () => {
    const { hub, issues, cancels } = hubAnswering({ ok: true, data: issued });
    const printer = printerThat(READY, { ok: true });
    const result = await takeTicket(hub, { via: "kiosk", bridge: printer.bridge }, request);
    expect(result).toEqual({ kind: "issued", issued });
    expect(issues).toEqual([[{ ...request, printVia: "kiosk" }, true]]);
    expect(printer.printed).toEqual([issued.print]);
    expect(cancels).toEqual([]);
  });

  it("issues nothing when the printer is out of paper", async () => {
    const { hub, issues } = hubAnswering({ ok: true, data: issued });
    const printer = printerThat({ ready: false, problem: "PAPER_END", paperNearEnd: false }, { ok: true });
    const result = await takeTicket(hub, { via: "kiosk", bridge: printer.bridge }, request);
    expect(result).toEqual({ kind: "printer", problem: "PAPER_END", hubMessage: null });
    expect(issues).toEqual([]);
  });

  it("cancels the number (print_failed) when printing fails after the issue", async () => {
    const { hub, cancels } = hubAnswering({ ok: true, data: issued });
    const printer = printerThat(READY, { ok: false, problem: "COVER_OPEN" });
    const result = await takeTicket(hub, { via: "kiosk", bridge: printer.bridge }, request);
    expect(result).toEqual({ kind: "print_failed", problem: "COVER_OPEN", hubMessage: null });
    expect(cancels).toEqual([
      { requestId: "req-0001-abcd-cancel", ticketId: "tk_1", reason: "print_failed" },
    ]);
  });

  it("treats a bridge that throws as a printer that cannot print", async () => {
    const { hub, issues } = hubAnswering({ ok: true, data: issued });
    const bridge = {
      printerStatus: () => Promise.reject(new Error("ipc gone")),
      printTicket: () => Promise.resolve({ ok: true as const }),
    };
    const result = await takeTicket(hub, { via: "kiosk", bridge }, request);
    expect(result).toMatchObject({ kind: "printer", problem: "PRINTER_OFFLINE" });
    expect(issues).toEqual([]);
  });
});

describe("take a ticket (browser: the hub prints)", () => {
  it("issues with printVia hub and prints nothing itself", async () => {
    const { hub, issues } = hubAnswering({ ok: true, data: { ...issued, printed: true } });
    const result = await takeTicket(hub, { via: "hub" }, request);
    expect(result.kind).toBe("issued");
    expect(issues).toEqual([[{ ...request, printVia: "hub" }, false]]);
  });

  it("maps the hub's printer, closed, quota and unreachable answers", async () => {
    const refusedWith = (code: "PRINTER_UNAVAILABLE" | "PRINT_FAILED" | "SERVICE_CLOSED" | "QUOTA_REACHED") =>
      takeTicket(
        hubAnswering({ ok: false, error: { code, message: `${code} id`, messageEn: `${code} en` } }).hub,
        { via: "hub" },
        request,
      );
    expect(await refusedWith("PRINTER_UNAVAILABLE")).toMatchObject({ kind: "printer" });
    expect(await refusedWith("PRINT_FAILED")).toMatchObject({ kind: "print_failed" });
    expect(await refusedWith("SERVICE_CLOSED")).toMatchObject({
      kind: "refused",
      error: { code: "SERVICE_CLOSED" },
    });
    expect(await refusedWith("QUOTA_REACHED")).toMatchObject({
      kind: "refused",
      error: { code: "QUOTA_REACHED" },
    });
    expect(
      await takeTicket(hubAnswering({ ok: false, unreachable: true }).hub, { via: "hub" }, request),
    ).toEqual({ kind: "unreachable" });
  });
});

describe("inactivity reset", () => {
  it("defaults to 60 s, follows the hub's catalog when it says, and an override beats both", () => {
    expect(DEFAULT_IDLE_SECONDS).toBe(60);
    expect(inactivitySeconds(null, null)).toBe(60);
    expect(inactivitySeconds(null, { kiosk: { inactivityResetSeconds: 90 } })).toBe(90);
    expect(inactivitySeconds(null, { kiosk: { inactivityResetSeconds: "x" } })).toBe(60);
    expect(inactivitySeconds(5, { kiosk: { inactivityResetSeconds: 90 } })).toBe(5);
  });
});
