import { qrCodeModel2 } from "./commands";
import { formatIssuedAt } from "./format";
import { qrModuleDots, receiptPen, type LayoutOptions } from "./layout";

/** Everything printed on a complaint receipt (bukti pengaduan); the hub fills it when a complaint is filed. */
export interface ComplaintPrint {
  officeName: string;
  officeAddress?: string;
  /** "PGD-XXXXXXXX": what the citizen types on the status page or reads out on the phone. */
  code: string;
  categoryLabel: string;
  serviceName: string | null;
  filedAt: number;
  /** End of the N-th working day after filing: when the office should have answered. */
  dueAt: number;
  targetWorkingDays: number;
  /** IANA zone of the office, e.g. "Asia/Jakarta". */
  timeZone: string;
  /** Encoded in the QR code when the office has an address a phone can reach. */
  statusUrl: string | null;
  /** Where else a citizen may complain (SP4N-LAPOR!, Ombudsman RI). */
  elsewhere: readonly { name: string; contact: string }[];
}

/** The paper proof that a complaint was received, for 58 and 80 mm rolls. */
export function layoutComplaint(receipt: ComplaintPrint, opts: LayoutOptions): Buffer {
  const { printer, columns, lines, centred, rule, bold, finish } = receiptPen(opts.paper);

  printer.align("ct");
  bold(() => centred(receipt.officeName));
  if (receipt.officeAddress) centred(receipt.officeAddress);
  rule();
  bold(() => printer.text("BUKTI PENGADUAN"));
  printer.text("Kode pengaduan");
  // Double size (GS ! 0x11), not the ticket's quad: the 12-character code
  // must stay on one line even on 58 mm paper (16 columns at double width).
  printer.size(1, 1);
  bold(() => lines(receipt.code, Math.floor(columns / 2)));
  printer.size(0, 0);
  rule();

  printer.align("lt");
  lines(`Kategori: ${receipt.categoryLabel}`, columns, "  ");
  if (receipt.serviceName) lines(`Layanan: ${receipt.serviceName}`, columns, "  ");
  const filed = formatIssuedAt(receipt.filedAt, receipt.timeZone);
  const due = formatIssuedAt(receipt.dueAt, receipt.timeZone);
  lines(`Diterima: ${filed.date} ${filed.time}`, columns, "  ");
  lines(`Dijawab paling lambat ${due.date} (${receipt.targetWorkingDays} hari kerja)`, columns, "  ");

  const qrModule = receipt.statusUrl ? qrModuleDots(receipt.statusUrl, opts.paper) : undefined;
  printer.align("ct");
  if (receipt.statusUrl && qrModule !== undefined) {
    printer.feed(1);
    printer.raw(qrCodeModel2(receipt.statusUrl, { moduleSize: qrModule, errorCorrection: "M" }));
    // A blank line under the symbol is its quiet zone: without it phones misread it.
    printer.feed(1);
    centred("Pindai untuk melihat status pengaduan");
  } else {
    printer.feed(1);
    centred("Tanyakan status dengan kode ini di kios atau loket");
  }

  if (receipt.elsewhere.length > 0) {
    rule();
    printer.align("lt");
    lines("Saluran pengaduan lain:");
    for (const channel of receipt.elsewhere) lines(`- ${channel.name}: ${channel.contact}`, columns, "  ");
  }
  return finish();
}
