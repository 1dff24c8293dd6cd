/**
 * The configuration screen's Pratinjau: /kiosk/?preview=<id> renders the
 * kiosk's own service and SOP screens from a candidate config the hub holds
 * for a few minutes (apps/hub/src/admin/config-preview.ts). No socket, no
 * token: the catalog says the kiosk cannot print, so the ticket button is
 * the information kiosk's note and a preview can never issue a number.
 */
import type { Catalog } from "@layan/protocol";
import type { Root } from "react-dom/client";
import { App } from "./App";
import { KioskHub } from "./kiosk-hub";
import { StateScreen } from "./screens/StateScreen";
import "./preview.css";

export function previewIdOf(win: Window): string | null {
  const id = new URL(win.location.href).searchParams.get("preview");
  return id !== null && /^[A-Za-z0-9_-]{22}$/.test(id) ? id : null;
}

export async function startPreview(root: Root, win: Window, id: string): Promise<void> {
  const hubUrl = win.location.origin;
  let catalog: Catalog;
  try {
    const res = await fetch(`${hubUrl}/api/config-preview/${id}`);
    const answer = (await res.json()) as { ok: boolean; data?: Catalog; error?: { message: string } };
    if (!answer.ok || !answer.data) throw new Error(answer.error?.message ?? `HTTP ${res.status}`);
    catalog = answer.data;
  } catch (error) {
    root.render(<StateScreen kind="offline" title="Pratinjau tidak tersedia" detail={(error as Error).message} />);
    return;
  }
  const hub = new KioskHub({ url: hubUrl, token: "" });
  hub.showCatalog(catalog);
  root.render(
    <>
      <p className="preview-banner" role="status" data-testid="preview-banner">
        PRATINJAU — belum diterapkan · Preview, not applied
      </p>
      <App hub={hub} runtime={{ mode: "browser", hubUrl, token: "pratinjau", idleOverrideSeconds: 3600 }} />
    </>,
  );
}
