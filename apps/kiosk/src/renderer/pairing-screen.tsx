import { formatPairingCode } from "@layan/protocol";
import { KeyRound } from "lucide-react";
import { useCallback } from "react";
import type { KioskBridge } from "../shared/bridge";
import { QrCode } from "./components/QrCode";
import { useBridgePairing, usePairing, type PairingView } from "./pairing";
import { TOKEN_KEY } from "./runtime";
import "./pairing.css";

/**
 * A kiosk without a token, or whose token the hub refused: its pairing code
 * and a QR of the dashboard's device page, so an admin enrols it from a phone
 * or a desk and nobody needs a keyboard at the stand. One screen, two
 * sources: the browser kiosk pairs from this page, the Electron kiosk's main
 * process pairs and sends what to show over the bridge. Said in both
 * languages: the reader is the installer, not a citizen.
 */
export function PairingScreen({ source, refused }: { source: { bridge: KioskBridge } | { hubUrl: string }; refused: boolean }) {
  return "bridge" in source ? (
    <ElectronPairing bridge={source.bridge} refused={refused} />
  ) : (
    <BrowserPairing hubUrl={source.hubUrl} refused={refused} />
  );
}

function BrowserPairing({ hubUrl, refused }: { hubUrl: string; refused: boolean }) {
  const paired = useCallback((token: string) => {
    try {
      window.localStorage.setItem(TOKEN_KEY, token);
    } catch {
      // Storage disabled: the kiosk cannot keep a token; the hub logs the collection, the admin sees it unconnected.
      return;
    }
    // A fresh start with the token, the same path as a kiosk switched on in the morning.
    window.location.reload();
  }, []);
  return <PairingPanel view={usePairing(hubUrl, "kiosk", paired)} refused={refused} />;
}

function ElectronPairing({ bridge, refused }: { bridge: KioskBridge; refused: boolean }) {
  return <PairingPanel view={useBridgePairing(bridge, refused)} refused={refused} />;
}

function PairingPanel({ view, refused }: { view: PairingView; refused: boolean }) {
  return (
    <main className="state-screen state-unauthorized pairing" data-testid="pairing" data-pairing-status={view.status}>
      <span className="state-icon" aria-hidden="true">
        <KeyRound size={96} strokeWidth={1.5} />
      </span>
      <div role="status">
        <h1>{refused ? "Kios belum terdaftar atau sudah dicabut" : "Kios belum terdaftar"}</h1>
        <p lang="en" className="pairing__en">{refused ? "Kiosk not registered, or revoked" : "Kiosk not registered"}</p>
      </div>
      {view.status === "showing" ? (
        <div className="pairing__body">
          <div>
            <p>Admin memasukkan kode ini di dasbor, Administrasi → Perangkat, atau memindai kode QR:</p>
            <p className="pairing__code" data-testid="pairing-code" data-code={view.code} aria-label={`Kode pemasangan ${view.code.split("").join(" ")}`}>
              {formatPairingCode(view.code)}
            </p>
            <p className="pairing__en" lang="en">An admin enters this code in the dashboard (Administrasi → Perangkat) or scans the QR.</p>
            <p className="pairing__small">Kode berlaku 10 menit, lalu diganti kode baru.</p>
            {view.hubUnreachable && (
              <p className="pairing__small" data-testid="pairing-hub-unreachable">
                Server antrean sedang tidak terjangkau; kode tetap berlaku, kios terus mencoba.{" "}
                <span lang="en">The queue server is unreachable; the code stays valid, the kiosk keeps trying.</span>
              </p>
            )}
          </div>
          <QrCode text={view.pageUrl} size={240} label="Kode QR halaman perangkat di dasbor" />
        </div>
      ) : (
        <p data-testid="pairing-message">
          {view.status === "waiting" || view.status === "failed" ? view.message : "Meminta kode pemasangan dari hub…"}
        </p>
      )}
    </main>
  );
}
