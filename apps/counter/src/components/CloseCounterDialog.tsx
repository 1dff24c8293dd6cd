import { KeyCap } from "@layan/ui";
import { useEffect, useRef } from "react";
import { DialogFrame } from "./DialogFrame";

/**
 * Closing a counter while citizens wait for its services strands them if no
 * other counter serves those services: the officer confirms it (Enter), or
 * goes back (Esc). Focus starts on "Batal", so a stray Enter does not close.
 */
export function CloseCounterDialog(props: {
  counterName: string;
  waiting: number;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { onConfirm, onCancel } = props;
  const cancelButton = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelButton.current?.focus(), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        e.preventDefault();
        onCancel();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onCancel]);

  return (
    <DialogFrame
      role="alertdialog"
      labelledBy="close-title"
      describedBy="close-text"
      testId="close-dialog"
      onCancel={onCancel}
    >
      <h2 id="close-title">Tutup {props.counterName}?</h2>
      <p className="dialog__hint" id="close-text" data-testid="close-dialog-text">
        Masih ada {props.waiting} orang menunggu layanan di loket ini. Tutup loket?
      </p>
      <div className="dialog__actions">
        <button type="button" className="btn btn--danger" data-testid="close-confirm" onClick={onConfirm}>
          Ya, tutup loket
        </button>
        <button ref={cancelButton} type="button" className="btn btn--ghost" onClick={onCancel}>
          Batal <KeyCap>Esc</KeyCap>
        </button>
      </div>
    </DialogFrame>
  );
}
