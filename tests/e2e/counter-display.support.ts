/**
 * Helpers for the counter and display end-to-end tests: build the two apps
 * the hub serves, issue tickets as a kiosk would, and act as a second officer
 * over socket.io where a second browser would only slow the test down.
 */
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { io, type Socket } from "socket.io-client";
import { ROOT } from "../support/test-hub";

/** The hub serves apps/<app>/dist: build what the browser will load. */
export function buildCounterAndDisplay(): void {
  // Vitest sets NODE_ENV=test; Vite would then bundle React's development build.
  execFileSync("pnpm", ["--filter", "@layan/counter", "--filter", "@layan/display", "build"], {
    cwd: ROOT,
    stdio: "pipe",
    env: { ...process.env, NODE_ENV: "production" },
  });
}

interface AckLike {
  ok: boolean;
  data?: unknown;
  error?: { code: string; message: string };
}

async function connected(socket: Socket): Promise<Socket> {
  if (socket.connected) return socket;
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", (err) => reject(err));
  });
  return socket;
}

export class KioskClient {
  private constructor(private readonly socket: Socket) {}

  static async connect(url: string, token: string): Promise<KioskClient> {
    return new KioskClient(
      await connected(io(`${url}/kiosk`, { auth: { token }, transports: ["websocket"] })),
    );
  }

  /** Issues one ticket; returns its number (e.g. "A-001"). */
  async issue(
    serviceId: string,
    priority: "lansia" | "disabilitas" | "ibu_hamil_menyusui" | null = null,
  ): Promise<string> {
    const ack = (await this.socket
      .timeout(10_000)
      .emitWithAck("ticket:issue", { requestId: randomUUID(), serviceId, priority })) as AckLike;
    if (!ack.ok) throw new Error(`issue ${serviceId}: ${ack.error?.code}`);
    return (ack.data as { ticket: { number: string } }).ticket.number;
  }

  close(): void {
    this.socket.disconnect();
  }
}

export class OfficerClient {
  private constructor(private readonly socket: Socket) {}

  static async login(url: string, username: string, secret: string): Promise<OfficerClient> {
    const res = await fetch(`${url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, secret }),
    });
    const body = (await res.json()) as { ok: boolean; data: { token: string } };
    if (!body.ok) throw new Error(`login ${username} refused`);
    return new OfficerClient(
      await connected(io(`${url}/counter`, { auth: { token: body.data.token }, transports: ["websocket"] })),
    );
  }

  async command(event: string, payload: Record<string, unknown>): Promise<AckLike> {
    return (await this.socket
      .timeout(10_000)
      .emitWithAck(event, { requestId: randomUUID(), ...payload })) as AckLike;
  }

  async open(counterId: string): Promise<void> {
    const a = await this.command("counter:open", { counterId });
    if (!a.ok) throw new Error(`open ${counterId}: ${a.error?.code}`);
  }

  /** Calls the next ticket at a counter; returns its number. */
  async callNext(counterId: string): Promise<string> {
    const a = await this.command("ticket:call_next", { counterId });
    if (!a.ok) throw new Error(`call at ${counterId}: ${a.error?.code}`);
    return (a.data as { current: { number: string } }).current.number;
  }

  async complete(counterId: string): Promise<void> {
    const a = await this.command("ticket:complete", { counterId, outcome: "selesai" });
    if (!a.ok) throw new Error(`complete at ${counterId}: ${a.error?.code}`);
  }

  close(): void {
    this.socket.disconnect();
  }
}
