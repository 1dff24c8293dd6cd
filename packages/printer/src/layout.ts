// The declaration has to travel with this file: escpos ships no types and an
// import cannot pull in an ambient module declaration.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./escpos.d.ts" />
import Printer from "escpos";
import QRCode from "qrcode";
import { emphasis, QR_MAX_DATA_BYTES, qrCodeModel2 } from "./commands";
import { CODE_TABLE_NUMBER, ICONV_NAME, transliterate, type CodePage } from "./codepage";
import { formatIssuedAt, wrapBalanced, wrapText } from "./format";
import { formatPeopleAhead, formatWaitRange, NO_COUNTER_OPEN } from "./wording";
import { PAPER, type PaperWidth } from "./paper";
import { PRIORITY_LABEL, type TicketPrint } from "./ticket";

export interface LayoutOptions {
  paper: PaperWidth;
}

/** Beyond this the ticket gets long and slow; the rest stays readable on the QR page. */
export const MAX_REQUIREMENTS = 8;

const CODE_PAGE: CodePage = "PC850";
/** A QR module of 0.75 mm (6 dots at 203 dpi) scans well from a phone held at arm's length. */
const QR_PREFERRED_MODULE_DOTS = { "58mm": 6, "80mm": 7 } as const;

/** Collects what escpos flushes instead of sending it to a device. */
export class MemoryAdapter implements Printer.Adapter {
  readonly chunks: Buffer[] = [];
  write(data: Buffer, callback?: (error?: Error | null) => void): void {
    this.chunks.push(Buffer.from(data));
    callback?.(null);
  }
  read(_callback: (data: Buffer) => void): void {
    // A layout never asks for status.
  }
  close(callback?: (error?: Error | null) => void): void {
    callback?.(null);
  }
}

/**
 * A printer that writes to memory in the receipts' code page, with the text
 * helpers every receipt uses (wrapped, centred, a rule, bold), so the ticket and
 * the complaint receipt set up the paper and transliterate alike.
 */
export function receiptPen(paper: PaperWidth) {
  const { columns } = PAPER[paper];
  const adapter = new MemoryAdapter();
  const printer = new Printer(adapter, { encoding: ICONV_NAME[CODE_PAGE], width: columns });
  // The encoding option only changes how escpos encodes; the printer must be told too.
  printer.hardware("init").setCharacterCodeTable(CODE_TABLE_NUMBER[CODE_PAGE]);
  return {
    printer,
    columns,
    lines: (text: string, width = columns, indent = "") => {
      for (const line of wrapText(transliterate(text, CODE_PAGE), width, indent)) printer.text(line);
    },
    centred: (text: string) => {
      for (const line of wrapBalanced(transliterate(text, CODE_PAGE), columns)) printer.text(line);
    },
    rule: () => {
      printer.text("-".repeat(columns));
    },
    bold: (print: () => void) => {
      printer.raw(emphasis(true));
      print();
      printer.raw(emphasis(false));
    },
    /** Cuts the paper and returns every byte the receipt wrote. */
    finish: (): Buffer => {
      printer.cut(false, 4);
      printer.flush();
      return Buffer.concat(adapter.chunks);
    },
  };
}

/**
 * The one ticket layout: kiosk printing, hub printing and previews all call this,
 * so what the citizen holds is what the preview showed.
 */
export function layoutTicket(ticket: TicketPrint, opts: LayoutOptions): Buffer {
  const { printer, columns, lines, centred, rule, bold, finish } = receiptPen(opts.paper);
  const qrModule = qrModuleDots(ticket.statusUrl, opts.paper);

  printer.align("ct");
  bold(() => centred(ticket.officeName));
  if (ticket.officeAddress) centred(ticket.officeAddress);
  centred(ticket.agencyName);
  rule();

  printer.text("Nomor Antrean");
  // Quad size (GS ! 0x33): the number is what the citizen compares with the
  // display from across the room. It quarters the columns: 8 on 58 mm paper,
  // room for the longest number ("SK-1500"), so it never needs a second line.
  printer.size(3, 3);
  bold(() => lines(ticket.ticketNumber, Math.floor(columns / 4)));
  printer.size(0, 0);
  if (ticket.priority) {
    bold(() => printer.text("PRIORITAS"));
    centred(PRIORITY_LABEL[ticket.priority]);
  }
  const { reservation } = ticket;
  if (reservation) bold(() => centred(reservation));
  bold(() => centred(ticket.serviceName));

  const issued = formatIssuedAt(ticket.issuedAt, ticket.timeZone);
  const oneLine = `${issued.date} ${issued.time}`;
  if (oneLine.length <= columns) lines(oneLine);
  else {
    lines(issued.date);
    lines(issued.time);
  }
  rule();

  printer.align("lt");
  // No estimate means no counter is open yet: the ticket says so rather than "Anda berikutnya".
  lines(`Menunggu: ${formatPeopleAhead(ticket.peopleAhead, ticket.waitEstimate !== null)}`);
  lines(
    `Perkiraan tunggu: ${ticket.waitEstimate ? formatWaitRange(ticket.waitEstimate) : NO_COUNTER_OPEN.id.toLowerCase()}`,
  );
  const items = ticket.requirements
    .map((r) => ({ text: r.text.trim(), condition: r.condition?.trim() ?? "" }))
    .filter((r) => r.text.length > 0);
  if (items.length > 0) {
    printer.feed(1);
    bold(() => printer.text("Persyaratan:"));
    for (const item of items.slice(0, MAX_REQUIREMENTS)) {
      lines(`[ ] ${item.text}`, columns, "    ");
      // On its own indented lines, whole: a shortened condition could read as a different one.
      if (item.condition) {
        for (const line of wrapText(transliterate(`(${item.condition})`, CODE_PAGE), columns - 4)) {
          printer.text(`    ${line}`);
        }
      }
    }
    const more = items.length - MAX_REQUIREMENTS;
    if (more > 0) lines(`+ ${more} persyaratan lain${qrModule !== undefined ? ", lihat QR" : ""}`);
  }

  printer.align("ct");
  if (qrModule !== undefined) {
    printer.feed(1);
    printer.raw(qrCodeModel2(ticket.statusUrl, { moduleSize: qrModule, errorCorrection: "M" }));
    // A blank line under the symbol is its quiet zone: without it phones misread it.
    printer.feed(1);
    printer.text("Pindai untuk memantau antrean");
  }
  if (ticket.footer) {
    printer.feed(1);
    centred(ticket.footer);
  }
  return finish();
}

/**
 * Largest module size (up to the preferred one) that keeps the symbol within
 * ~60% of the paper; undefined when there is no usable URL. A ticket without a
 * QR code still gets the citizen a place in the queue, so that is not an error.
 */
export function qrModuleDots(data: string, paper: PaperWidth): number | undefined {
  if (data.trim().length === 0 || Buffer.byteLength(data) > QR_MAX_DATA_BYTES) return undefined;
  let modules: number;
  try {
    modules = QRCode.create(data, { errorCorrectionLevel: "M" }).modules.size;
  } catch {
    return undefined; // longer than a level M symbol holds
  }
  const fit = Math.floor((PAPER[paper].dots * 0.6) / modules);
  return Math.max(2, Math.min(QR_PREFERRED_MODULE_DOTS[paper], fit));
}
