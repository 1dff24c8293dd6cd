import { ERROR_MESSAGES, pairingPagePath, type DeviceKindName, type ErrorCode, type PairingCollected, type PairingStarted } from "@layan/protocol";
import { useEffect, useState } from "react";

/**
 * A browser device without a token (a display, a kiosk served by the hub)
 * pairs itself (docs/operations.md §2): it asks the hub for a code, shows it
 * with a QR of the dashboard's device page, and asks every couple of seconds
 * whether an admin approved it, with the secret only this screen holds. The
 * Electron kiosk runs the same steps in its main process
 * (apps/kiosk/src/main/pairing.ts), where no browser fetch is needed.
 */

export type BrowserPairingView =
  | { status: "asking" }
  | { status: "showing"; code: string; expiresAt: number; pageUrl: string }
  | { status: "waiting"; message: string };

/** After a refusal (too many codes, hub away): ask again after this long. */
const RETRY_MS = 15_000;

type Answer<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };

async function post<T>(hubUrl: string, path: string, body: object): Promise<Answer<T>> {
  try {
    const res = await fetch(`${hubUrl}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    return (await res.json()) as Answer<T>;
  } catch {
    return { ok: false, error: { code: "HUB_UNREACHABLE", message: ERROR_MESSAGES.HUB_UNREACHABLE.id } };
  }
}

export function usePairing(hubUrl: string, kind: DeviceKindName, onToken: (token: string) => void): BrowserPairingView {
  const [view, setView] = useState<BrowserPairingView>({ status: "asking" });
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = (fn: () => void, ms: number) => {
      if (!stopped) timer = setTimeout(fn, ms);
    };
    const begin = async () => {
      const started = await post<PairingStarted>(hubUrl, "/api/pairing", { kind });
      if (stopped) return;
      if (!started.ok) {
        setView({ status: "waiting", message: started.error.message });
        later(() => void begin(), RETRY_MS);
        return;
      }
      const { code, secret, expiresAt, pollMs } = started.data;
      const pageUrl = new URL(pairingPagePath(code), hubUrl || location.origin).href;
      setView({ status: "showing", code, expiresAt, pageUrl });
      const poll = async () => {
        const answer = await post<PairingCollected>(hubUrl, "/api/pairing/collect", { secret });
        if (stopped) return;
        if (answer.ok && answer.data.status === "approved") {
          stopped = true;
          onToken(answer.data.token);
        } else if (answer.ok || answer.error.code === "HUB_UNREACHABLE") {
          later(() => void poll(), pollMs);
        } else {
          // Expired (or the hub restarted and forgot it): a new code.
          void begin();
        }
      };
      later(() => void poll(), pollMs);
    };
    void begin();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [hubUrl, kind, onToken]);
  return view;
}
