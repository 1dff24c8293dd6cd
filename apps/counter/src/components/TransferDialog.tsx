import type { AgencyInfo, ServiceInfo } from "@layan/protocol";
import { KeyCap } from "@layan/ui";
import { useEffect, useRef } from "react";

/** Pick the service to send the citizen to: a number key or a tap; Esc cancels. */
export function TransferDialog(props: {
  services: ServiceInfo[];
  agencies: AgencyInfo[];
  currentServiceId: string;
  number: string;
  onChoose: (serviceId: string) => void;
  onCancel: () => void;
}) {
  const { onChoose, onCancel } = props;
  const targets = props.services.filter((s) => s.id !== props.currentServiceId);
  const agencyName = new Map(props.agencies.map((a) => [a.id, a.shortName]));
  const firstButton = useRef<HTMLButtonElement>(null);
  const keys = "123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  useEffect(() => {
    firstButton.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        e.preventDefault();
        onCancel();
        return;
      }
      const i = keys.indexOf(e.key.toUpperCase());
      const target = i >= 0 ? targets[i] : undefined;
      if (target && !e.ctrlKey && !e.altKey && !e.metaKey) {
        e.preventDefault();
        onChoose(target.id);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  return (
    <div className="dialog-backdrop" role="presentation" onClick={onCancel}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="transfer-title"
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="transfer-title">Alihkan {props.number} ke layanan…</h2>
        <p className="dialog__hint">
          Nomor tetap sama dan masuk antrean layanan tujuan. Tekan Esc untuk batal.
        </p>
        <ul className="dialog__list">
          {targets.map((s, i) => (
            <li key={s.id}>
              <button
                ref={i === 0 ? firstButton : undefined}
                type="button"
                data-service={s.id}
                onClick={() => onChoose(s.id)}
              >
                <KeyCap>{keys[i] ?? ""}</KeyCap>
                <span className="prefix">{s.prefix}</span>
                <span>{s.name}</span>
                <small>{agencyName.get(s.agencyId) ?? ""}</small>
              </button>
            </li>
          ))}
        </ul>
        <button type="button" className="btn btn--ghost" onClick={onCancel}>
          Batal <KeyCap>Esc</KeyCap>
        </button>
      </div>
    </div>
  );
}
