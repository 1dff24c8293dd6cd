/** The last screen's one way out (a complaint filed, a survey answered): back to the start. */
export function FinishAction({
  label,
  onDone,
  testId,
}: {
  label: string;
  onDone: () => void;
  testId: string;
}) {
  return (
    <div className="feedback-actions">
      <button type="button" className="btn-primary" onClick={onDone} data-testid={testId}>
        {label}
      </button>
    </div>
  );
}
