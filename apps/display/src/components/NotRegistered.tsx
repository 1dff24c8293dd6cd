import { MonitorX } from "lucide-react";

/** Shown to the installer, not to citizens: what to do to make this screen work. */
export function NotRegistered({ reason }: { reason: string | null }) {
  return (
    <main className="setup">
      <MonitorX className="setup__icon" aria-hidden="true" />
      <h1>Layar antrean belum terdaftar</h1>
      {reason && <p className="setup__reason">{reason}</p>}
      <p>Buka alamat layar ini dengan token perangkat dari hub, misalnya:</p>
      <code>http://&lt;alamat-hub&gt;:8080/display/?token=dev_…</code>
      <p className="setup__small">
        Token dibuat oleh admin:{" "}
        <code>
          pnpm hub device add --kind display --id display-utama --name &quot;Ruang Tunggu Utama&quot;
        </code>
      </p>
    </main>
  );
}
