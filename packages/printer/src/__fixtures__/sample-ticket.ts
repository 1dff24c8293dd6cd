import type { TicketPrint } from "../ticket";

/** Friday 27 November 2026, 08:15 in Jakarta. */
export const ISSUED_AT = Date.UTC(2026, 10, 27, 1, 15);

export const sampleTicket: TicketPrint = {
  officeName: "Mal Pelayanan Publik Kota Bandung",
  officeAddress: "Jl. Cianjur No. 34, Kacapiring, Batununggal",
  agencyName: "Dinas Kependudukan dan Pencatatan Sipil",
  serviceName: "Perekaman KTP-el",
  ticketNumber: "A-012",
  priority: null,
  issuedAt: ISSUED_AT,
  timeZone: "Asia/Jakarta",
  peopleAhead: 5,
  waitEstimate: { p50: 10, p90: 25 },
  requirements: [
    { text: "Fotokopi KK", condition: null },
    { text: "Surat pengantar RT/RW yang sudah ditandatangani dan distempel kelurahan", condition: null },
    { text: "Pas foto 3x4 latar merah (2 lembar)", condition: null },
    { text: "Surat keterangan kehilangan dari Kepolisian", condition: "Hanya untuk KTP-el yang hilang" },
  ],
  statusUrl: "https://layan.bandung.go.id/antrean/2026-11-27/A-012",
  footer: "Pengaduan: SP4N-LAPOR! lapor.go.id / SMS 1708",
};
