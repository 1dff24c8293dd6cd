import { formatPairingCode } from "@layan/protocol";
import { MonitorX } from "lucide-react";
import { useCallback } from "react";
import { storeDeviceToken } from "../device-token";
import { usePairing } from "@layan/ui";
import { PairingQr } from "../pairing-qr";
import "../pairing.css";

/**
 * Shown to the installer, not to citizens: the screen's pairing code, read
 * out to (or scanned by) an admin, who approves it in the dashboard; the
 * screen then takes its token and starts. Nobody types a token on a TV.
 */
export function NotRegistered({ reason, hubUrl = "" }: { reason: string | null; hubUrl?: string }) {
  const paired = useCallback((token: string) => {
    storeDeviceToken(token);
    // A fresh start with the token, as after a power cut: the one path every screen already takes.
    location.reload();
  }, []);
  const pairing = usePairing(hubUrl, "display", paired);
  return (
    <main className="setup pairing" data-testid="pairing" data-pairing-status={pairing.status}>
      <MonitorX className="setup__icon" aria-hidden="true" />
      <h1>Layar antrean belum terdaftar</h1>
      {reason && <p className="setup__reason" data-testid="pairing-reason">{reason}</p>}
      {pairing.status === "showing" ? (
        <div className="pairing__body">
          <div>
            <p>Minta admin membuka Administrasi → Perangkat di dasbor dan memasukkan kode ini:</p>
            <p className="pairing__code" data-testid="pairing-code" data-code={pairing.code} aria-label={`Kode pemasangan ${pairing.code.split("").join(" ")}`}>
              {formatPairingCode(pairing.code)}
            </p>
            <p className="setup__small">atau memindai kode QR dengan ponselnya. Kode berlaku 10 menit; setelah itu muncul kode baru.</p>
            <p className="setup__small" lang="en">Pairing code: an admin enters it under Administrasi → Perangkat, or scans the QR.</p>
          </div>
          <PairingQr text={pairing.pageUrl} label="Kode QR halaman perangkat di dasbor" />
        </div>
      ) : (
        <p role="status">{pairing.status === "waiting" ? pairing.message : "Meminta kode pemasangan dari hub…"}</p>
      )}
      <p className="setup__small">
        Untuk skrip dan pemulihan: <code>pnpm hub device add --kind display --id display-utama</code>, lalu buka{" "}
        <code>/display/?token=dev_…</code>
      </p>
    </main>
  );
}
