import {
  PairingCollectedSchema,
  PairingStartedSchema,
  pairingPagePath,
  type PairingCollected,
  type PairingStarted,
} from "@layan/protocol";
import { z } from "zod";
import type { PairingView } from "../shared/bridge";
import { probeWritable, storeDeviceToken, type StoreResult } from "./settings-token";

/**
 * The Electron kiosk pairs from its main process (docs/operations.md §2):
 * Node's fetch needs no CORS from the hub, and the token goes straight into
 * the settings file without passing through the renderer. Same steps as the
 * browser kiosk (renderer/pairing.ts): ask for a code, show it, poll with the
 * secret, a new code when the hub says the old one expired.
 */

export interface PairingDeps {
  hubUrl: string;
  settingsFile: string;
  /** Every change of what the screen shows. */
  publish(view: PairingView): void;
  /** The token is in the settings file: take it and restart the renderer with it. */
  paired(token: string): void;
  log?: (message: string) => void;
  fetch?: typeof fetch;
  /** Unreachable hub: the first wait, doubled each time up to maxMs (tests make them short). */
  backoff?: { firstMs: number; maxMs: number };
  store?: (path: string, token: string) => StoreResult;
  probe?: (path: string) => StoreResult;
}

export interface Pairing {
  /** Starts pairing unless it is already under way (or failed); answers what to show now. */
  start(): PairingView;
  view(): PairingView;
  stop(): void;
}

/** A few seconds at first (the hub restarting), then once a minute: a kiosk left overnight does not flood the hub's log. */
export const BACKOFF = { firstMs: 2_000, maxMs: 60_000 } as const;
/** The hub refused to give a code (too many asked, too many waiting): its own limits are per 10 minutes. */
const REFUSED_RETRY_MS = 30_000;
const USER_AGENT = "layan-kiosk (electron)";

const ErrorAnswerSchema = z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) });
const okAnswer = <T>(data: z.ZodType<T>) => z.object({ ok: z.literal(true), data });

type Reply<T> = { kind: "ok"; data: T } | { kind: "refused"; code: string; message: string } | { kind: "unreachable"; detail: string };

export function createPairing(deps: PairingDeps): Pairing {
  const log = deps.log ?? (() => {});
  const doFetch = deps.fetch ?? fetch;
  const backoff = deps.backoff ?? BACKOFF;
  const store = deps.store ?? storeDeviceToken;
  const probe = deps.probe ?? probeWritable;
  const hubUrl = deps.hubUrl.replace(/\/$/, "");
  let current: PairingView = { status: "asking" };
  let running = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let misses = 0;

  const show = (view: PairingView) => {
    current = view;
    deps.publish(view);
  };
  const later = (fn: () => Promise<void>, ms: number) => {
    if (running) timer = setTimeout(() => void fn(), ms);
  };
  const nextWait = () => Math.min(backoff.firstMs * 2 ** misses++, backoff.maxMs);
  const fail = (message: string) => {
    running = false;
    clearTimeout(timer);
    show({ status: "failed", message });
  };

  async function post<T>(path: string, body: object, schema: z.ZodType<T>): Promise<Reply<T>> {
    let json: unknown;
    try {
      const res = await doFetch(`${hubUrl}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", "user-agent": USER_AGENT },
        body: JSON.stringify(body),
      });
      json = await res.json();
    } catch (err) {
      return { kind: "unreachable", detail: (err as Error).cause ? String((err as Error).cause) : String(err) };
    }
    const ok = okAnswer(schema).safeParse(json);
    if (ok.success) return { kind: "ok", data: ok.data.data };
    const refused = ErrorAnswerSchema.safeParse(json);
    if (refused.success) return { kind: "refused", ...refused.data.error };
    // Something answered that is not a Layan hub (a captive portal, a proxy's page): as good as no hub.
    return { kind: "unreachable", detail: `${path}: not a hub answer` };
  }

  // The address on screen: the installer checks it against the hub's (a typo in the settings file is the usual cause).
  const unreachableMessage = (seconds: number) =>
    `Tidak dapat terhubung ke server antrean (${hubUrl}). Mencoba lagi dalam ${seconds} detik.`;

  async function begin(): Promise<void> {
    const started = await post<PairingStarted>("/api/pairing", { kind: "kiosk" }, PairingStartedSchema);
    if (!running) return;
    if (started.kind === "unreachable") {
      const wait = nextWait();
      log(`pairing: hub unreachable (${started.detail}), retry in ${wait} ms`);
      show({ status: "waiting", message: unreachableMessage(Math.ceil(wait / 1000)), retryInSeconds: Math.ceil(wait / 1000) });
      return later(begin, wait);
    }
    misses = 0;
    if (started.kind === "refused") {
      log(`pairing: hub refused a code (${started.code})`);
      show({ status: "waiting", message: started.message, retryInSeconds: REFUSED_RETRY_MS / 1000 });
      return later(begin, REFUSED_RETRY_MS);
    }
    const { code, secret, expiresAt, pollMs } = started.data;
    const showing = { status: "showing", code, expiresAt, pageUrl: new URL(pairingPagePath(code), `${hubUrl}/`).href } as const;
    log(`pairing: showing code ${code}`);
    show(showing);

    const poll = async (): Promise<void> => {
      const answer = await post<PairingCollected>("/api/pairing/collect", { secret }, PairingCollectedSchema);
      if (!running) return;
      if (answer.kind === "unreachable") {
        // The hub is away; the code is still valid there when it comes back, so it stays on screen.
        if (current.status !== "showing" || !current.hubUnreachable) show({ ...showing, hubUnreachable: true });
        return later(poll, Math.max(pollMs, nextWait()));
      }
      misses = 0;
      if (answer.kind === "refused") {
        // Expired, or the hub restarted and forgot it: a new code.
        log(`pairing: code ${code} ended (${answer.code}), asking for a new one`);
        return begin();
      }
      if (answer.data.status === "pending") {
        if (current.status === "showing" && current.hubUnreachable) show(showing);
        return later(poll, pollMs);
      }
      const stored = store(deps.settingsFile, answer.data.token);
      if (!stored.ok) return fail(cannotStore(stored.error));
      running = false;
      log(`pairing: paired as ${answer.data.deviceId}, token stored`);
      deps.paired(answer.data.token);
    };
    later(poll, pollMs);
  }

  return {
    start() {
      if (running || current.status === "failed") return current;
      const writable = probe(deps.settingsFile);
      if (!writable.ok) {
        fail(cannotStore(writable.error));
        return current;
      }
      running = true;
      misses = 0;
      show({ status: "asking" });
      void begin();
      return current;
    },
    view: () => current,
    stop() {
      running = false;
      clearTimeout(timer);
    },
  };
}

function cannotStore(error: string): string {
  return `Kios tidak dapat menyimpan token ke berkas pengaturan (${error}). Periksa izin berkas dan folder itu, lalu nyalakan ulang kios. / The kiosk cannot write its settings file; fix its permissions and restart the kiosk.`;
}
