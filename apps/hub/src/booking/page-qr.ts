import QRCode from "qrcode";
import { escapeHtml } from "../feedback/pages/common";

/**
 * The receipt's QR as inline SVG, one path, the same encoder and error
 * correction as the kiosk's ticket QR (apps/kiosk/src/renderer/components/QrCode.tsx):
 * crisp on any phone, and nothing for the CSP to fetch. Four modules of
 * quiet zone, as the standard asks, so a kiosk scanner reads it off a
 * bright phone screen.
 */
export function qrSvg(text: string, label: string): string {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const n = qr.modules.size;
  let d = "";
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) if (qr.modules.get(row, col)) d += `M${col + 4} ${row + 4}h1v1h-1z`;
  }
  const size = n + 8;
  return `<svg class="qr" viewBox="0 0 ${size} ${size}" role="img" aria-label="${escapeHtml(label)}" shape-rendering="crispEdges" data-qr="${escapeHtml(text)}"><rect width="${size}" height="${size}" fill="#fff"/><path d="${d}" fill="#000"/></svg>`;
}

/** What a booking's QR holds (packages/protocol `bookingCodeFromScan` reads it back). */
export const bookingQrText = (url: string, code: string) => `${url}${url.includes("?") ? "&" : "?"}kode=${encodeURIComponent(code)}`;
