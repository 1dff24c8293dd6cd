import type { ConfigServiceStandard } from "@layan/protocol";

const rupiah = (n: number) => `Rp ${n.toLocaleString("id-ID")}`;

/** A service's Standar Pelayanan as the citizen reads it on the kiosk and the wall: the six published components, in the law's order. */
export function ConfigStandard({ service }: { service: ConfigServiceStandard }) {
  const { biaya, jangkaWaktu } = service;
  return (
    <div className="config-standard" data-testid="config-standard">
      <h3>Persyaratan</h3>
      <ol>
        {service.persyaratan.map((r, i) => (
          <li key={i}>
            {r.text}
            {r.condition && <span className="muted"> ({r.condition})</span>}
            {r.note && <div className="muted">{r.note}</div>}
          </li>
        ))}
      </ol>
      <h3>Sistem, Mekanisme dan Prosedur</h3>
      <ol>
        {service.sop.steps.map((s) => (
          <li key={s.id}>
            <strong>{s.actor}</strong>: {s.description} <span className="muted">({s.minutes} menit)</span>
          </li>
        ))}
      </ol>
      <h3>Jangka Waktu Penyelesaian</h3>
      <p>
        {jangkaWaktu.value} {jangkaWaktu.unit}
        {jangkaWaktu.text && <span className="muted"> — {jangkaWaktu.text}</span>}
      </p>
      <h3>Biaya/Tarif</h3>
      <p>{[biaya.amount !== undefined ? (biaya.amount === 0 ? "Gratis (Rp 0)" : rupiah(biaya.amount)) : null, biaya.text].filter(Boolean).join(" — ")}</p>
      <h3>Produk Pelayanan</h3>
      <p>{service.produk}</p>
      <h3>Penanganan Pengaduan, Saran dan Masukan</h3>
      <ul>
        {service.pengaduan.map((p, i) => (
          <li key={i}>
            <strong>{p.name}</strong>: {p.contact}
          </li>
        ))}
      </ul>
    </div>
  );
}
