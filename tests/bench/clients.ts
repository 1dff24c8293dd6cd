import { randomUUID } from "node:crypto";
import { io, type Socket } from "socket.io-client";

export function connect(url: string, auth: Record<string, unknown>): Promise<Socket> {
  const socket = io(url, { auth, transports: ["websocket"], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`connect timeout ${url}`)), 15_000);
    socket.once("connect", () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once("connect_error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

export async function call<T = unknown>(socket: Socket, event: string, payload: Record<string, unknown>): Promise<T> {
  const answer = (await socket.timeout(15_000).emitWithAck(event, payload)) as { ok: boolean; data?: T; error?: { code: string } };
  if (!answer.ok) throw new Error(`${event} failed: ${answer.error?.code ?? "?"}`);
  return answer.data as T;
}

export const rid = (): string => randomUUID();

export async function login(base: string, username: string, secret: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, secret }),
  });
  const body = (await res.json()) as { ok: boolean; data?: { token: string } };
  if (!body.ok || !body.data) throw new Error(`login ${username} failed: ${res.status}`);
  return body.data.token;
}

/** Resolves when `count` sockets have received `event` for which `match` holds, or rejects after `ms`. */
export function waitForAll(
  sockets: Socket[],
  event: string,
  match: (payload: unknown) => boolean,
  ms: number,
): { done: Promise<number[]> } {
  const arrivals: number[] = [];
  let resolveDone!: (v: number[]) => void;
  let rejectDone!: (e: Error) => void;
  const done = new Promise<number[]>((res, rej) => {
    resolveDone = res;
    rejectDone = rej;
  });
  const handlers = sockets.map((s) => {
    const h = (payload: unknown) => {
      if (!match(payload)) return;
      arrivals.push(performance.now());
      s.off(event, h);
      if (arrivals.length === sockets.length) {
        clearTimeout(timer);
        resolveDone(arrivals);
      }
    };
    s.on(event, h);
    return [s, h] as const;
  });
  const timer = setTimeout(() => {
    for (const [s, h] of handlers) s.off(event, h);
    rejectDone(new Error(`only ${arrivals.length}/${sockets.length} received ${event}`));
  }, ms);
  return { done };
}
