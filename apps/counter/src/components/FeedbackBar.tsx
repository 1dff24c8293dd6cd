import { CircleAlert, CircleCheck, Undo2, X } from "lucide-react";
import { useEffect } from "react";
import type { Feedback } from "../counter-client";

/**
 * The hub's answer in words: errors stay until dismissed or the next action,
 * confirmations fade. After a transfer the message offers "Batalkan" and stays
 * as long as that offer does.
 */
export function FeedbackBar({
  feedback,
  onDismiss,
  onUndo,
  undoDisabled,
}: {
  feedback: Feedback | null;
  onDismiss: () => void;
  onUndo?: () => void;
  undoDisabled?: boolean;
}) {
  useEffect(() => {
    if (!feedback || feedback.kind === "error") return;
    const ms = feedback.undoUntil !== undefined ? Math.max(0, feedback.undoUntil - Date.now()) : 4000;
    const timer = setTimeout(onDismiss, ms);
    return () => clearTimeout(timer);
  }, [feedback, onDismiss]);
  if (!feedback) return <div className="feedback feedback--empty" aria-live="polite" />;
  return (
    <div
      className={`feedback feedback--${feedback.kind}`}
      role={feedback.kind === "error" ? "alert" : "status"}
      data-testid={`${feedback.kind}-message`}
      key={feedback.id}
    >
      {feedback.kind === "error" ? <CircleAlert aria-hidden="true" /> : <CircleCheck aria-hidden="true" />}
      <span className="feedback__text">{feedback.text}</span>
      {feedback.undoUntil !== undefined && onUndo && (
        <button
          type="button"
          className="btn btn--small feedback__undo"
          data-testid="undo-transfer"
          disabled={undoDisabled ?? false}
          onClick={(e) => {
            if (e.detail > 1) return;
            onUndo();
          }}
        >
          <Undo2 aria-hidden="true" /> Batalkan
        </button>
      )}
      <button type="button" className="feedback__close" onClick={onDismiss} aria-label="Tutup pesan">
        <X aria-hidden="true" />
      </button>
    </div>
  );
}
