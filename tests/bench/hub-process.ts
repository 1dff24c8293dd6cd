/**
 * The built hub (apps/hub/dist/main.js) in its own process with a fresh data
 * folder, as the benchmarks start it, and what its clients need: the demo's
 * device tokens and logins, a service without a daily quota and a counter
 * that serves it.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Socket } from "socket.io-client";
import { call } from "./clients";
import { startShippedHub, type Spawned } from "./processes";

export interface DemoCredentials {
  kiosks: { id: string; token: string }[];
  displays: { id: string; token: string }[];
  users: { username: string; secret: string; role: string }[];
}

export interface BenchHub {
  process: Spawned;
  base: string;
  data: string;
  creds: DemoCredentials;
  stop(): Promise<void>;
}

/** `--demo --always-open`: the demo's accounts and tokens, every service open whatever the hour. */
export async function startDemoHub(entry: string, extraArgs: string[] = [], env: Record<string, string> = {}): Promise<BenchHub> {
  const data = mkdtempSync(join(tmpdir(), "layan-bench-"));
  let hub: Spawned;
  try {
    hub = await startShippedHub(entry, ["--port", "0", "--host", "127.0.0.1", "--data", data, "--demo", "--always-open", "--log-level", "warn", ...extraArgs], env);
  } catch (err) {
    rmSync(data, { recursive: true, force: true });
    throw err;
  }
  const creds = JSON.parse(readFileSync(join(data, "demo-credentials.json"), "utf8")) as DemoCredentials;
  return {
    process: hub,
    base: `http://127.0.0.1:${hub.port}`,
    data,
    creds,
    stop: async () => {
      await hub.stop();
      rmSync(data, { recursive: true, force: true });
    },
  };
}

export function role(creds: DemoCredentials, name: string): { username: string; secret: string } {
  const user = creds.users.find((u) => u.role === name);
  if (!user) throw new Error(`the demo has no ${name}`);
  return user;
}

/** Services a kiosk may issue without end: the quota-less ones (the demo keeps the config's quotas). */
export async function servicesWithoutQuota(kiosk: Socket): Promise<string[]> {
  const catalog = await call<{ services: { id: string; dailyQuota: number | null }[] }>(kiosk, "catalog:get", {});
  const open = catalog.services.filter((s) => s.dailyQuota === null).map((s) => s.id);
  if (open.length === 0) throw new Error("bench needs a service without a daily quota");
  return open;
}

/** The first counter (loket-1 .. loket-30) that serves one of `services`, and which one. */
export async function counterServing(counter: Socket, services: readonly string[]): Promise<{ counterId: string; serviceId: string }> {
  for (let i = 1; i <= 30; i++) {
    const snap = await call<{ queues: { serviceId: string }[] }>(counter, "counter:watch", { counterId: `loket-${i}` }).catch(() => null);
    const serviceId = snap?.queues.map((q) => q.serviceId).find((id) => services.includes(id));
    if (serviceId) return { counterId: `loket-${i}`, serviceId };
  }
  throw new Error("no counter serves a service without a quota");
}

export async function healthz<T>(base: string): Promise<T> {
  return (await (await fetch(`${base}/healthz`)).json()) as T;
}
