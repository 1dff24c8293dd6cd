import { Delete, LockKeyhole } from "lucide-react";
import { useState } from "react";
import type { Strings } from "../i18n";

/** PIN pad for leaving kiosk mode (Electron only); the main process checks the PIN against its hash. */
export function AdminPin({
  t,
  onSubmit,
  onCancel,
}: {
  t: Strings;
  onSubmit: (pin: string) => Promise<boolean>;
  onCancel: () => void;
}) {
  const [pin, setPin] = useState("");
  const [wrong, setWrong] = useState(false);
  const [busy, setBusy] = useState(false);
  const press = (digit: string) => {
    setWrong(false);
    setPin((p) => (p.length < 12 ? p + digit : p));
  };
  const submit = async () => {
    setBusy(true);
    const ok = await onSubmit(pin);
    setBusy(false);
    if (!ok) {
      setPin("");
      setWrong(true);
    }
  };
  return (
    <div
      className="overlay"
      role="dialog"
      aria-modal="true"
      aria-labelledby="admin-title"
      data-testid="admin-pin"
    >
      <div className="dialog">
        <h2 id="admin-title">
          <LockKeyhole size={36} aria-hidden="true" /> {t.adminTitle}
        </h2>
        <p>{wrong ? <strong className="warning">{t.adminWrong}</strong> : t.adminPin}</p>
        <output className="pin-dots" aria-label={`${pin.length}`}>
          {"●".repeat(pin.length) || "\u00a0"}
        </output>
        <div className="pin-pad">
          {["1", "2", "3", "4", "5", "6", "7", "8", "9"].map((d) => (
            <button key={d} type="button" onClick={() => press(d)}>
              {d}
            </button>
          ))}
          <button type="button" onClick={() => setPin((p) => p.slice(0, -1))} aria-label={t.clear}>
            <Delete size={36} aria-hidden="true" />
          </button>
          <button type="button" onClick={() => press("0")}>
            0
          </button>
          <button
            type="button"
            className="pin-ok"
            disabled={busy || pin.length < 4}
            onClick={() => void submit()}
          >
            OK
          </button>
        </div>
        <button type="button" className="btn-ghost" onClick={onCancel}>
          {t.adminCancel}
        </button>
      </div>
    </div>
  );
}
