import { formatPairingCode } from "@layan/protocol";
import { KeyRound } from "lucide-react";
import { useCallback } from "react";
import { QrCode } from "./components/QrCode";
import { usePairing } from "./pairing";
import { TOKEN_KEY } from "./runtime";
import "./pairing.css";

/**
 * A browser kiosk without a token, or whose token the hub refused: its
 * pairing code and a QR of the dashboard's device page, so an admin enrols
 * it from a phone or a desk and nobody needs a keyboard at the stand. Said
 * in both languages: the reader is the installer, not a citizen.
 */
export function PairingScreen({ hubUrl, refused }: { hubUrl: string; refused: boolean }) {
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
  const pairing = usePairing(hubUrl, "kiosk", paired);
  return (
    <main className="state-screen state-unauthorized pairing" data-testid="pairing" data-pairing-status={pairing.status}>
      <span className="state-icon" aria-hidden="true">
        <KeyRound size={96} strokeWidth={1.5} />
      </span>
      <div role="status">
        <h1>{refused ? "Kios belum terdaftar atau sudah dicabut" : "Kios belum terdaftar"}</h1>
        <p lang="en" className="pairing__en">{refused ? "Kiosk not registered, or revoked" : "Kiosk not registered"}</p>
      </div>
      {pairing.status === "showing" ? (
        <div className="pairing__body">
          <div>
            <p>Admin memasukkan kode ini di dasbor, Administrasi → Perangkat, atau memindai kode QR:</p>
            <p className="pairing__code" data-testid="pairing-code" data-code={pairing.code} aria-label={`Kode pemasangan ${pairing.code.split("").join(" ")}`}>
              {formatPairingCode(pairing.code)}
            </p>
            <p className="pairing__en" lang="en">An admin enters this code in the dashboard (Administrasi → Perangkat) or scans the QR.</p>
            <p className="pairing__small">Kode berlaku 10 menit, lalu diganti kode baru.</p>
          </div>
          <QrCode text={pairing.pageUrl} size={240} label="Kode QR halaman perangkat di dasbor" />
        </div>
      ) : (
        <p>{pairing.status === "waiting" ? pairing.message : "Meminta kode pemasangan dari hub…"}</p>
      )}
    </main>
  );
}
