import { StrictMode, type ReactElement } from "react";
import { createRoot } from "react-dom/client";

/** Starts a Layan web app in index.html's #root (its main.tsx imports @layan/ui/base.css first). */
export function mountApp(app: ReactElement, doc: Document = document): void {
  const root = doc.getElementById("root");
  if (!root) throw new Error("index.html has no #root");
  createRoot(root).render(<StrictMode>{app}</StrictMode>);
}
