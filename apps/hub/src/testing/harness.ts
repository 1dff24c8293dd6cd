import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig, type LayanConfig } from "@layan/config";
import { openStore, type Store } from "@layan/store";
import type {
  ClientToServer,
  CommandAnswer,
  CommandName,
  CommandPayload,
  NamespaceName,
  ServerToClient,
} from "@layan/protocol";
import type { Logger } from "pino";
import { io, type Socket } from "socket.io-client";
import { addDevice, addUser } from "../admin";
import { setupFromConfig } from "../config-setup";
import type { TicketPrinting } from "../context";
import { createHub, type Hub, type HubOptions } from "../hub";
import type { HubSetup } from "../setup";
import { reportRoutes, type ReportRouteOptions } from "../reports/routes";
import { hubStore } from "../store-adapter";

export const SAMPLE_CONFIG_DIR = join(import.meta.dirname, "../../../../kiosk-config");

let sampleConfig: LayanConfig | null = null;
export function sampleOffice(): LayanConfig {
  sampleConfig ??= loadConfig(SAMPLE_CONFIG_DIR);
  return sampleConfig;
}

/** Friday 27 November 2026, 09:00 WIB (02:00 UTC): the sample office is open. */
export const FRIDAY_0900_WIB = Date.UTC(2026, 10, 27, 2, 0, 0);

export class FakeClock {
  constructor(public now: number = FRIDAY_0900_WIB) {}
  advance(ms: number): void {
    this.now += ms;
  }
  readonly read = (): number => this.now;
}

export interface TestHubHandle {
  hub: Hub;
  store: Store;
  clock: FakeClock;
  url: string;
  setup: HubSetup;
  tokens: { kiosk: string; kiosk2: string; display: string; displayDukcapil: string };
  users: { officer: Credentials; officer2: Credentials; manager: Credentials; supervisor: Credentials };
  close(): Promise<void>;
}

export interface Credentials {
  username: string;
  secret: string;
}

export interface StartOptions {
  /** SQLite file; ":memory:" by default. */
  dbPath?: string;
  clock?: FakeClock;
  alwaysOpen?: boolean;
  printing?: TicketPrinting;
  /** How often live sockets' tokens are re-checked (the hub's default when unset). */
  sessionCheckMs?: number;
  /** How often the hub looks for a new service day (the hub's default when unset). */
  dayCheckMs?: number;
  logger?: Logger;
  allowedOrigins?: string[];
  /** The hub's `--trust-proxy` (HubOptions.trustProxy). */
  trustProxy?: boolean;
  webApps?: HubOptions["webApps"];
  /** Serve /api/reports/* as main.ts does (with these worker options when given). */
  reports?: boolean | ReportRouteOptions;
  /** Serve HTTPS/wss with this PEM certificate and key (url then starts with https). */
  tls?: { cert: string; key: string };
  /** Changes to the sample office before the hub starts (a setting the sample does not turn on). */
  configure?: (config: LayanConfig) => void;
  /** More routes on the hub's own store, as main.ts mounts them (notifications). */
  routes?: (store: Store) => NonNullable<HubOptions["routes"]>;
  /** Reuse devices/users already in the database (restart tests). */
  seeded?: Pick<TestHubHandle, "tokens" | "users">;
}

/** A real hub on port 0 with a real SQLite store and the sample office, as CONVENTIONS.md asks. */
export async function startHub(options: StartOptions = {}): Promise<TestHubHandle> {
  const clock = options.clock ?? new FakeClock();
  // The report worker opens the database file again, read-only: reports need a file, not ":memory:".
  const scratch = options.reports && !options.dbPath ? mkdtempSync(join(tmpdir(), "layan-hub-")) : null;
  const store = openStore(options.dbPath ?? (scratch ? join(scratch, "layan.db") : ":memory:"), { clock: clock.read });
  // A copy when changed: sampleOffice() is loaded once and shared by every test in the file.
  const config = options.configure ? structuredClone(sampleOffice()) : sampleOffice();
  options.configure?.(config);
  const setup = setupFromConfig(config, { alwaysOpen: options.alwaysOpen ?? true });
  const seeded = options.seeded ? { tokens: options.seeded.tokens, users: options.seeded.users } : await seed(store, clock.now);
  const storage = hubStore(store);
  const hub = createHub({
    setup,
    store: storage,
    clock: clock.read,
    printing: options.printing ?? null,
    ...(options.sessionCheckMs !== undefined ? { sessionCheckMs: options.sessionCheckMs } : {}),
    ...(options.dayCheckMs !== undefined ? { dayCheckMs: options.dayCheckMs } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.allowedOrigins ? { allowedOrigins: options.allowedOrigins } : {}),
    ...(options.trustProxy ? { trustProxy: true } : {}),
    ...(options.webApps ? { webApps: options.webApps } : {}),
    ...(options.reports || options.routes
      ? { routes: [...(options.reports ? [reportRoutes(store.db, options.reports === true ? {} : options.reports)] : []), ...(options.routes?.(store) ?? [])] }
      : {}),
    ...(options.tls ? { tls: options.tls } : {}),
  });
  const { port } = await hub.listen(0, "127.0.0.1");
  return {
    hub,
    store,
    clock,
    setup,
    url: `${hub.scheme}://127.0.0.1:${port}`,
    ...seeded,
    async close() {
      await hub.close();
      storage.committer.close();
      store.close();
      if (scratch) rmSync(scratch, { recursive: true, force: true });
    },
  };
}

async function seed(store: Store, now: number): Promise<Pick<TestHubHandle, "tokens" | "users">> {
  const users = {
    officer: { username: "rina", secret: "246810" },
    officer2: { username: "agus", secret: "135790" },
    manager: { username: "siti", secret: "kepala-mpp" },
    supervisor: { username: "hendra", secret: "supervisi" },
  };
  await addUser(store, { ...users.officer, displayName: "Rina Marlina", role: "officer" }, now);
  await addUser(store, { ...users.officer2, displayName: "Agus Saputra", role: "officer" }, now);
  await addUser(store, { ...users.manager, displayName: "Siti Rahmawati", role: "manager" }, now);
  await addUser(store, { ...users.supervisor, displayName: "Hendra Gunawan", role: "supervisor" }, now);
  return {
    users,
    tokens: {
      kiosk: addDevice(store, "kiosk", "kiosk-lobi", "Kiosk Lobi Utama", now),
      kiosk2: addDevice(store, "kiosk", "kiosk-samsat", "Kiosk Samsat", now),
      display: addDevice(store, "display", "display-utama", "Ruang Tunggu Utama", now),
      displayDukcapil: addDevice(store, "display", "display-disdukcapil", "Ruang Tunggu Disdukcapil", now),
    },
  };
}

export async function login(url: string, who: Credentials): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(who),
  });
  const body = (await res.json()) as { ok: boolean; data?: { token: string } };
  if (!body.ok || !body.data) throw new Error(`login failed for ${who.username}: ${res.status}`);
  return body.data.token;
}

/** A test client typed by its namespace's event maps, as the apps' clients are. */
export type TestSocket<N extends NamespaceName> = Socket<ServerToClient<N>, ClientToServer<N>>;
type NamespacePath = `/${NamespaceName}`;
type NameOf<P extends NamespacePath> = P extends `/${infer N extends NamespaceName}` ? N : never;

export function connect<P extends NamespacePath>(
  url: string,
  namespace: P,
  token: string | undefined,
  /** Over TLS: the certificate (or CA) to trust, as a kiosk PC with the office CA installed does. */
  tls?: { ca: string },
): Promise<TestSocket<NameOf<P>>> {
  const socket = io(`${url}${namespace}`, {
    auth: token === undefined ? {} : { token },
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    ...(tls ? { ca: tls.ca } : {}),
  });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (err) => {
      socket.close();
      reject(err);
    });
  });
}

export type AckOf<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; issues?: unknown[] } };

/**
 * Sends anything, typed or not: for the tests that send what the protocol
 * forbids (malformed payloads, another namespace's commands) on purpose.
 */
export async function send<T = unknown>(
  socket: Socket<object, object>,
  event: string,
  payload: unknown,
  timeoutMs = 5_000,
): Promise<AckOf<T>> {
  return (await (socket as unknown as Socket).timeout(timeoutMs).emitWithAck(event, payload)) as AckOf<T>;
}

/** A command the protocol declares, its payload and answer typed from the event map; throws when refused. */
export async function must<M extends object, E extends CommandName<M>>(
  socket: Socket<object, M>,
  event: E,
  payload: CommandPayload<M, E>,
): Promise<CommandAnswer<M, E>> {
  const answer = await send<CommandAnswer<M, E>>(socket, event, payload);
  if (!answer.ok) throw new Error(`${event} refused: ${answer.error.code}`);
  return answer.data;
}

export const rid = (): string => randomUUID();

/** The next push of `event` on `socket`, or a rejection after `ms`. */
export function nextPush<T>(
  typed: Socket<object, object>,
  event: string,
  ms = 3_000,
  match: (p: T) => boolean = () => true,
): Promise<T> {
  const socket = typed as unknown as Socket;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, handler);
      reject(new Error(`no ${event} within ${ms} ms`));
    }, ms);
    const handler = (payload: T) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, handler);
      resolve(payload);
    };
    socket.on(event, handler);
  });
}

/** Issues a KTP-el ticket at the kiosk; with `serve`, an officer calls and completes it at Loket 1. Returns its id. */
export async function ktpTicket(hub: TestHubHandle, serve = true): Promise<string> {
  const kiosk = await connect(hub.url, "/kiosk", hub.tokens.kiosk);
  const issued = await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" });
  kiosk.close();
  if (serve) {
    const counter = await connect(hub.url, "/counter", await login(hub.url, hub.users.officer));
    await must(counter, "counter:open", { requestId: rid(), counterId: "loket-1" });
    await must(counter, "ticket:call", { requestId: rid(), counterId: "loket-1", ticketId: issued.ticket.id });
    await must(counter, "ticket:complete", { requestId: rid(), counterId: "loket-1", outcome: "selesai" });
    await must(counter, "counter:close", { requestId: rid(), counterId: "loket-1" });
    counter.close();
  }
  return issued.ticket.id;
}
