/**
 * Helpers for the counter and display end-to-end tests: build the two apps
 * the hub serves, issue tickets as a kiosk would, and act as a second officer
 * over socket.io where a second browser would only slow the test down.
 */
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import type { Ack, ClientToServer, CommandAnswer, CommandName, CommandPayload } from "@layan/protocol";
import type { Browser, BrowserContext } from "playwright-core";
import { io, type Socket } from "socket.io-client";
import type { TestSocket } from "../../apps/hub/src/testing/harness";
import { ROOT, type TestHub } from "../support/test-hub";

/** A suite's `afterAll`: the kiosk, the browser contexts, the browser, then the hub, as far as each got. */
export async function tearDown(suite: {
  kiosk?: KioskClient;
  contexts: readonly BrowserContext[];
  browser?: Browser;
  hub?: TestHub;
}): Promise<void> {
  suite.kiosk?.close();
  for (const c of suite.contexts) await c.close().catch(() => undefined);
  await suite.browser?.close();
  await suite.hub?.stop();
}

/** The hub serves apps/<app>/dist: build what the browser will load. */
export function buildCounterAndDisplay(): void {
  // Vitest sets NODE_ENV=test; Vite would then bundle React's development build.
  execFileSync("pnpm", ["--filter", "@layan/counter", "--filter", "@layan/display", "build"], {
    cwd: ROOT,
    stdio: "pipe",
    env: { ...process.env, NODE_ENV: "production" },
  });
}

type CounterEvents = ClientToServer<"counter">;
/** A /counter command's payload without its request id, which the helper adds. */
type Without<T> = T extends { requestId: string } ? Omit<T, "requestId"> : T;

/** One command on a typed socket: event, payload and answer from the protocol's event map. */
async function request<M extends object, E extends CommandName<M>>(
  socket: Socket<object, M>,
  event: E,
  payload: CommandPayload<M, E>,
): Promise<Ack<CommandAnswer<M, E>>> {
  // socket.io's typed emitWithAck cannot follow a generic event name.
  const untyped = socket as unknown as Socket;
  return (await untyped.timeout(10_000).emitWithAck(event, payload)) as Ack<CommandAnswer<M, E>>;
}

async function connected<S extends Socket<object, object>>(socket: S): Promise<S> {
  if (socket.connected) return socket;
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", (err) => reject(err));
  });
  return socket;
}

export class KioskClient {
  private constructor(private readonly socket: TestSocket<"kiosk">) {}

  /** `ca`: the certificate to trust when the hub serves TLS, as a kiosk PC with the office CA does. */
  static async connect(url: string, token: string, ca?: string): Promise<KioskClient> {
    const socket: TestSocket<"kiosk"> = io(`${url}/kiosk`, { auth: { token }, transports: ["websocket"], ...(ca ? { ca } : {}) });
    return new KioskClient(await connected(socket));
  }

  /** Issues one ticket; returns its number (e.g. "A-001"). */
  async issue(
    serviceId: string,
    priority: "lansia" | "disabilitas" | "ibu_hamil_menyusui" | null = null,
  ): Promise<string> {
    const ack = await request(this.socket, "ticket:issue", { requestId: randomUUID(), serviceId, priority });
    if (!ack.ok) throw new Error(`issue ${serviceId}: ${ack.error.code}`);
    return ack.data.ticket.number;
  }

  close(): void {
    this.socket.disconnect();
  }
}

/** A staff session token from the hub's login, as the counter app and the dashboard get one. */
export async function signIn(url: string, username: string, secret: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, secret }),
  });
  const body = (await res.json()) as { ok: boolean; data: { token: string } };
  if (!body.ok) throw new Error(`login ${username} refused`);
  return body.data.token;
}

export class OfficerClient {
  private constructor(private readonly socket: TestSocket<"counter">) {}

  static async login(url: string, username: string, secret: string): Promise<OfficerClient> {
    const socket: TestSocket<"counter"> = io(`${url}/counter`, {
      auth: { token: await signIn(url, username, secret) },
      transports: ["websocket"],
    });
    return new OfficerClient(await connected(socket));
  }

  /** Any /counter command, typed from the protocol; the request id is added here. */
  async command<E extends CommandName<CounterEvents>>(
    event: E,
    payload: Without<CommandPayload<CounterEvents, E>>,
  ): Promise<Ack<CommandAnswer<CounterEvents, E>>> {
    const full = { requestId: randomUUID(), ...(payload as object) } as CommandPayload<CounterEvents, E>;
    return request(this.socket, event, full);
  }

  async open(counterId: string): Promise<void> {
    const a = await this.command("counter:open", { counterId });
    if (!a.ok) throw new Error(`open ${counterId}: ${a.error.code}`);
  }

  /** Calls the next ticket at a counter; returns its number. */
  async callNext(counterId: string): Promise<string> {
    const a = await this.command("ticket:call_next", { counterId });
    if (!a.ok) throw new Error(`call at ${counterId}: ${a.error.code}`);
    if (!a.data.current) throw new Error(`call at ${counterId}: nobody called`);
    return a.data.current.number;
  }

  async complete(counterId: string): Promise<void> {
    const a = await this.command("ticket:complete", { counterId, outcome: "selesai" });
    if (!a.ok) throw new Error(`complete at ${counterId}: ${a.error.code}`);
  }

  close(): void {
    this.socket.disconnect();
  }
}
