import type { ReactNode } from "react";

/** A modal dialog over a backdrop; a click on the backdrop (not on the dialog) cancels it. */
export function DialogFrame(props: {
  role: "dialog" | "alertdialog";
  labelledBy: string;
  describedBy?: string;
  testId: string;
  step?: string;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <div className="dialog-backdrop" role="presentation" onClick={props.onCancel}>
      <div
        className="dialog"
        role={props.role}
        aria-modal="true"
        aria-labelledby={props.labelledBy}
        aria-describedby={props.describedBy}
        data-testid={props.testId}
        data-step={props.step}
        onClick={(e) => e.stopPropagation()}
      >
        {props.children}
      </div>
    </div>
  );
}
