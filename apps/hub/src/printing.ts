import type { ComplaintPrint, PrinterTransport, TicketPrint } from "@layan/printer";
import type { ComplaintFilingRequest, ComplaintReceipt, IssuedTicket, PrintableComplaint, PrintableTicket } from "@layan/protocol";
import type { Logger } from "pino";
import type { TicketPrinting } from "./context";
import type { HubSetup } from "./setup";

export const NO_PRINTER = "Kios ini tidak punya printer";

/** How many requirements fit on a ticket before it gets too long to tear off. */
const PRINTED_REQUIREMENTS = 6;

/** What goes on the paper ticket, built once by the hub for every kind of kiosk. */
export function printableTicket(
  setup: HubSetup,
  issued: Omit<IssuedTicket, "print" | "printed">,
  /** A booked visit's "Reservasi 09.30" (booking/check-in.ts). */
  reservation?: string,
): PrintableTicket {
  const service = setup.catalog.services.find((s) => s.id === issued.ticket.serviceId);
  const agency = setup.catalog.agencies.find((a) => a.id === service?.agencyId);
  const complaint = service?.pengaduan[0];
  const { estimate } = issued;
  const print: PrintableTicket = {
    officeName: setup.catalog.office.name,
    officeAddress: setup.catalog.office.address,
    agencyName: agency?.name ?? "",
    serviceName: service?.name ?? issued.ticket.serviceId,
    ticketNumber: issued.ticket.number,
    priority: issued.ticket.priority === "ibu_hamil_menyusui" ? "ibu-hamil-menyusui" : issued.ticket.priority,
    ...(reservation ? { reservation } : {}),
    issuedAt: issued.ticket.issuedAt,
    timeZone: setup.rules.timezone,
    peopleAhead: issued.peopleAhead,
    waitEstimate: estimate.p50Minutes === null || estimate.p90Minutes === null ? null : { p50: estimate.p50Minutes, p90: estimate.p90Minutes },
    requirements: (service?.persyaratan ?? [])
      .slice(0, PRINTED_REQUIREMENTS)
      .map((r) => ({ text: r.text, condition: r.condition })),
    statusUrl: issued.statusUrl,
    ...(complaint ? { footer: `Pengaduan: ${complaint.name} ${complaint.contact}` } : {}),
  };
  // Compile-time proof that the wire shape is exactly what the layout takes.
  const _check: TicketPrint = print;
  void _check;
  return print;
}

/** What goes on the complaint receipt: the code, the deadline and where else to complain. */
export function printableComplaint(setup: HubSetup, filing: ComplaintFilingRequest, receipt: ComplaintReceipt): PrintableComplaint {
  const { office } = setup.catalog;
  const print: PrintableComplaint = {
    officeName: office.name,
    officeAddress: office.address,
    code: receipt.code,
    categoryLabel: office.complaints.categories.find((c) => c.id === filing.category)?.label.id ?? filing.category,
    serviceName: filing.serviceId === null ? null : (setup.catalog.services.find((s) => s.id === filing.serviceId)?.name ?? null),
    filedAt: receipt.filedAt,
    dueAt: receipt.dueAt,
    targetWorkingDays: receipt.targetWorkingDays,
    timeZone: setup.rules.timezone,
    statusUrl: receipt.statusUrl,
    elsewhere: receipt.elsewhere,
  };
  const _check: ComplaintPrint = print;
  void _check;
  return print;
}

/**
 * Printing for browser kiosks: each kiosk's printer from kiosk-config
 * (network TCP 9100 or a device file on the hub machine).
 */
export function networkPrinting(setup: HubSetup, logger: Logger): TicketPrinting {
  // Loaded on first use: the ESC/POS stack costs ~30 MB, and most hubs only
  // serve Electron kiosks that print themselves.
  const printerLib = () => import("@layan/printer");
  const transports = new Map<string, PrinterTransport>();
  const transportFor = async (kioskId: string): Promise<PrinterTransport | null> => {
    const { createDeviceTransport, createTcpTransport } = await printerLib();
    const printer = setup.kiosks.get(kioskId)?.printer;
    if (!printer) return null;
    let t = transports.get(kioskId);
    if (!t) {
      t =
        printer.kind === "network" && printer.host
          ? createTcpTransport({ host: printer.host, port: printer.port ?? 9100 })
          : printer.kind === "device" && printer.path
            ? createDeviceTransport({ path: printer.path })
            : undefined;
      if (!t) return null;
      transports.set(kioskId, t);
    }
    return t;
  };
  return {
    async problem(kioskId) {
      const transport = await transportFor(kioskId);
      if (!transport) return { code: "NO_PRINTER", message: NO_PRINTER };
      const { firstBlockingProblem, isPrinterError, PRINTER_ERROR_REASON } = await printerLib();
      try {
        const blocking = firstBlockingProblem(await transport.status());
        return blocking ? { code: blocking, message: PRINTER_ERROR_REASON[blocking] } : null;
      } catch (err) {
        logger.warn({ err, kioskId }, "printer status failed");
        return isPrinterError(err)
          ? { code: err.code, message: PRINTER_ERROR_REASON[err.code] }
          : { code: "PRINTER_OFFLINE", message: PRINTER_ERROR_REASON.PRINTER_OFFLINE };
      }
    },
    async print(kioskId, ticket) {
      const transport = await transportFor(kioskId);
      if (!transport) throw new Error(`kiosk ${kioskId} has no printer`);
      const { layoutTicket } = await printerLib();
      const paper = setup.kiosks.get(kioskId)?.printer?.paper ?? "80mm";
      await transport.print(layoutTicket(ticket.print, { paper }));
    },
    async printComplaint(kioskId, receipt) {
      const transport = await transportFor(kioskId);
      if (!transport) throw new Error(`kiosk ${kioskId} has no printer`);
      const { layoutComplaint } = await printerLib();
      const paper = setup.kiosks.get(kioskId)?.printer?.paper ?? "80mm";
      await transport.print(layoutComplaint(receipt, { paper }));
    },
  };
}
