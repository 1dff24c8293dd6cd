import type { WaitEstimate } from "./format";

/** Who may use the priority lane (Permenpan RB on inclusive public service). */
export type PriorityCategory = "lansia" | "disabilitas" | "ibu-hamil-menyusui";

/** One document to bring; `condition` says when it is needed ("Hanya untuk KTP-el yang hilang"). */
export interface TicketRequirement {
  text: string;
  condition: string | null;
}

/** Everything printed on a queue ticket; the hub fills it when it issues one. */
export interface TicketPrint {
  officeName: string;
  officeAddress?: string;
  agencyName: string;
  serviceName: string;
  /** As called out on the displays, e.g. "A-012". */
  ticketNumber: string;
  /** Set for the priority lane; prints "PRIORITAS" and the category. */
  priority?: PriorityCategory | null;
  /** A booked visit's line, e.g. "Reservasi 09.30" (docs/booking.md): the slot the citizen is called for. */
  reservation?: string;
  /** When the hub issued the ticket (epoch ms, the hub's clock). */
  issuedAt: number;
  /** IANA zone of the office, e.g. "Asia/Jakarta". */
  timeZone: string;
  peopleAhead: number;
  /** Minutes; null when no counter serving the service is open (the hub gives no estimate then). */
  waitEstimate: WaitEstimate | null;
  /** The SOP's requirements, printed as a checklist to bring. */
  requirements: readonly TicketRequirement[];
  /** Encoded in the QR code: the page where the citizen follows the queue. */
  statusUrl: string;
  /** e.g. the complaint channel: "Pengaduan: SP4N-LAPOR! lapor.go.id / SMS 1708". */
  footer?: string;
}

export const PRIORITY_LABEL: Record<PriorityCategory, string> = {
  lansia: "Lansia",
  disabilitas: "Penyandang Disabilitas",
  "ibu-hamil-menyusui": "Ibu Hamil / Menyusui",
};
