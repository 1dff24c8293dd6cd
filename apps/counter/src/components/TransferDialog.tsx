import type { AgencyInfo, ServiceInfo } from "@layan/protocol";
import { KeyCap } from "@layan/ui";
import { useEffect, useRef, useState } from "react";
import { TRANSFER_KEYS } from "../actions";
import { DialogFrame } from "./DialogFrame";

/**
 * Pick the service to send the citizen to (a key or a tap), then confirm it
 * (Enter or "Ya, alihkan"): a transfer moves someone into another queue, so
 * it is never one keystroke. Esc goes back a step.
 */
export function TransferDialog(props: {
  services: ServiceInfo[];
  agencies: AgencyInfo[];
  currentServiceId: string;
  number: string;
  onChoose: (serviceId: string) => void;
  onCancel: () => void;
}) {
  const { onChoose, onCancel } = props;
  const [picked, setPicked] = useState<ServiceInfo | null>(null);
  const targets = props.services.filter((s) => s.id !== props.currentServiceId);
  const agencyName = new Map(props.agencies.map((a) => [a.id, a.shortName]));
  const firstButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    (picked ? confirmButton : firstButton).current?.focus();
  }, [picked]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey) return;
      if (e.key === "Escape") {
        e.preventDefault();
        if (picked) setPicked(null);
        else onCancel();
        return;
      }
      if (picked) {
        if (e.key === "Enter" && !e.repeat) {
          e.preventDefault();
          onChoose(picked.id);
        }
        return;
      }
      const i = TRANSFER_KEYS.indexOf(e.key.toUpperCase());
      const target = i >= 0 ? targets[i] : undefined;
      if (target && !e.repeat) {
        e.preventDefault();
        setPicked(target);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  return (
    <DialogFrame
      role="dialog"
      labelledBy="transfer-title"
      testId="transfer-dialog"
      step={picked ? "confirm" : "choose"}
      onCancel={onCancel}
    >
      {picked ? (
        <>
          <h2 id="transfer-title">
            Alihkan {props.number} ke {picked.name}?
          </h2>
          <p className="dialog__hint" data-testid="transfer-confirm-target">
            <span className="prefix">{picked.prefix}</span> {picked.name}
            {agencyName.get(picked.agencyId) ? ` (${agencyName.get(picked.agencyId)})` : ""}. Nomor tetap
            sama dan masuk ke belakang antrean layanan ini.
          </p>
          <div className="dialog__actions">
            <button
              ref={confirmButton}
              type="button"
              className="btn btn--primary"
              data-testid="transfer-confirm"
              onClick={() => onChoose(picked.id)}
            >
              Ya, alihkan <KeyCap>Enter</KeyCap>
            </button>
            <button type="button" className="btn btn--ghost" onClick={() => setPicked(null)}>
              Kembali <KeyCap>Esc</KeyCap>
            </button>
          </div>
        </>
      ) : (
        <>
          <h2 id="transfer-title">Alihkan {props.number} ke layanan…</h2>
          <p className="dialog__hint">
            Pilih layanan tujuan, lalu konfirmasi. Tekan Esc untuk batal.
          </p>
          <ul className="dialog__list">
            {targets.map((s, i) => (
              <li key={s.id}>
                <button
                  ref={i === 0 ? firstButton : undefined}
                  type="button"
                  data-service={s.id}
                  onClick={() => setPicked(s)}
                >
                  <KeyCap>{TRANSFER_KEYS[i] ?? ""}</KeyCap>
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
        </>
      )}
    </DialogFrame>
  );
}
