import { CircleAlert, CircleCheck, X } from "lucide-react";
import { useEffect } from "react";
import type { Feedback } from "../counter-client";

/** The hub's answer in words: errors stay until dismissed or the next action, confirmations fade. */
export function FeedbackBar({ feedback, onDismiss }: { feedback: Feedback | null; onDismiss: () => void }) {
  useEffect(() => {
    if (!feedback || feedback.kind === "error") return;
    const timer = setTimeout(onDismiss, 4000);
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
      <span>{feedback.text}</span>
      <button type="button" className="feedback__close" onClick={onDismiss} aria-label="Tutup pesan">
        <X aria-hidden="true" />
      </button>
    </div>
  );
}
