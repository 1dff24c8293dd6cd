import QRCode from "qrcode";
import { useMemo } from "react";

/** The dashboard's device page as a QR, one SVG path (crisp on a TV at any size, no canvas). */
export function PairingQr({ text, label }: { text: string; label: string }) {
  const { path, modules } = useMemo(() => {
    const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
    const n = qr.modules.size;
    let d = "";
    for (let row = 0; row < n; row++) {
      for (let col = 0; col < n; col++) if (qr.modules.get(row, col)) d += `M${col + 4} ${row + 4}h1v1h-1z`;
    }
    return { path: d, modules: n + 8 };
  }, [text]);
  return (
    <svg className="pairing__qr" viewBox={`0 0 ${modules} ${modules}`} role="img" aria-label={label} shapeRendering="crispEdges" data-qr={text}>
      <rect width={modules} height={modules} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
