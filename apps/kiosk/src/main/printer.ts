import {
  createDeviceTransport,
  createFileTransport,
  createTcpTransport,
  firstBlockingProblem,
  isPrinterError,
  layoutComplaint,
  layoutTicket,
  type PrinterTransport,
} from "@layan/printer";
import { z } from "zod";
import type { PaperWidth, PrinterCheck, PrintOutcome, PrinterProblemCode } from "../shared/bridge";
import type { PrinterSettings } from "./settings";
import { PrintableComplaintSchema } from "@layan/protocol";

/**
 * The kiosk's own printer, owned by the main process (no `electron` import:
 * tested against the printer emulator). The renderer only asks for a status
 * and hands over the hub's printable ticket or complaint receipt; the bytes
 * are made here with the shared layoutTicket and layoutComplaint.
 */

/**
 * What the renderer sends is checked like any untrusted input before it
 * reaches the layout (layoutTicket's parameter type keeps this schema and
 * @layan/printer's TicketPrint in step at compile time).
 */
const text = (max: number) => z.string().max(max);
export const TicketToPrintSchema = z.strictObject({
  officeName: text(200),
  officeAddress: text(300).optional(),
  agencyName: text(200),
  serviceName: text(200),
  ticketNumber: text(16).min(1),
  priority: z.enum(["lansia", "disabilitas", "ibu-hamil-menyusui"]).nullable(),
  issuedAt: z.number().int().nonnegative(),
  timeZone: text(64).min(1),
  peopleAhead: z.number().int().nonnegative(),
  waitEstimate: z.strictObject({ p50: z.number().nonnegative(), p90: z.number().nonnegative() }).nullable(),
  requirements: z.array(z.strictObject({ text: text(300), condition: text(300).nullable() })).max(20),
  statusUrl: text(500),
  footer: text(300).optional(),
});


export interface KioskPrinter {
  status(): Promise<PrinterCheck>;
  print(ticket: unknown): Promise<PrintOutcome>;
  printComplaint(receipt: unknown): Promise<PrintOutcome>;
  close(): Promise<void>;
}

export function transportFor(settings: PrinterSettings): PrinterTransport {
  switch (settings.kind) {
    case "network":
      return createTcpTransport({ host: settings.host, port: settings.port });
    case "device":
      return createDeviceTransport({ path: settings.path });
    case "file":
      return createFileTransport({ path: settings.path });
  }
}

function problemOf(error: unknown): PrinterProblemCode {
  return isPrinterError(error) ? error.code : "PRINTER_ERROR";
}

export function createKioskPrinter(transport: PrinterTransport, paper: PaperWidth): KioskPrinter {
  // One job at a time: a printer serves one connection, and a second ticket must not interleave with the first.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const malformed = (): Promise<PrintOutcome> => Promise.resolve({ ok: false, problem: "PRINTER_ERROR" });
  const send = (bytes: () => Buffer) =>
    serial(async (): Promise<PrintOutcome> => {
      try {
        // The transport asks DLE EOT again right before sending: paper can run out between check and print.
        await transport.print(bytes());
        return { ok: true };
      } catch (error) {
        return { ok: false, problem: problemOf(error) };
      }
    });

  return {
    status: () =>
      serial(async (): Promise<PrinterCheck> => {
        try {
          const status = await transport.status();
          const blocking = firstBlockingProblem(status);
          return {
            ready: blocking === undefined,
            problem: blocking ?? null,
            paperNearEnd: status.paperNearEnd,
          };
        } catch (error) {
          return { ready: false, problem: problemOf(error), paperNearEnd: false };
        }
      }),
    print: (ticket) => {
      const parsed = TicketToPrintSchema.safeParse(ticket);
      return parsed.success ? send(() => layoutTicket(parsed.data, { paper })) : malformed();
    },
    printComplaint: (receipt) => {
      const parsed = PrintableComplaintSchema.safeParse(receipt);
      return parsed.success ? send(() => layoutComplaint(parsed.data, { paper })) : malformed();
    },
    close: () => transport.close(),
  };
}
