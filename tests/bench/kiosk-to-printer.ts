/**
 * Tap -> ticket bytes at the printer, over loopback against a real hub process
 * and the network printer emulator in its own process (as a printer is its own
 * device: its decoding and PNG rendering must not share our event loop), 200
 * tickets one after another (a kiosk serves one citizen at a time).
 *
 * - kiosk_ticket_to_printer_*: the Electron kiosk's path, through the kiosk's
 *   own main-process printer module: DLE EOT status -> ticket:issue (printVia
 *   "kiosk") -> hub ack -> layoutTicket -> TCP 9100 (status again, job).
 * - kiosk_hub_print_*: a browser kiosk's path (printVia "hub"): the hub checks
 *   the printer, issues and prints.
 * The clock stops when the last byte of the job reaches the printer's port: a
 * pass-through TCP tap in front of the emulator sees the job connection end.
 * (The emulator decodes and renders each job to PNG before it closes the
 * connection, ~150 ms that a real printer does not spend; the kiosk's print()
 * waits for that close, the citizen does not.) At the end the emulator's job
 * files are counted: every ticket printed.
 *
 * Bounded by count and time; stops by itself. Run alone:
 *   node --import tsx tests/bench/kiosk-to-printer.ts
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { IssuedTicket } from "@layan/protocol";
import { io, type Socket } from "socket.io-client";
import { createKioskPrinter, transportFor } from "../../apps/kiosk/src/main/printer";
import { createInterface } from "node:readline";
import { ROOT, startTestHub } from "../support/test-hub";
import { nowMs, percentile, round } from "./stats";

const TICKETS = 200;
const WARMUP = 10;
/** Whole run's ceiling; a stuck hub or printer ends the bench instead of hanging it. */
const DEADLINE_MS = 180_000;
/** Services without a daily quota, so 400 tickets fit in one day. */
const SERVICES = ["kartu-keluarga", "akta-kelahiran", "pindah-datang"];

type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string } };

/** `pnpm printer:emulator` in its own process; resolves with its port. */
function startEmulatorProcess(outDir: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "packages/printer/src/emulator-cli.ts", "--port", "0", "--out", outDir],
    {
      cwd: ROOT,
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("printer emulator did not start")), 30_000);
    child.once("exit", (code) => reject(new Error(`printer emulator exited with ${code}`)));
    createInterface({ input: child.stdout }).on("line", (line) => {
      const port = /printer emulator on [^:]+:(\d+)/.exec(line)?.[1];
      if (port) {
        clearTimeout(timer);
        child.removeAllListeners("exit");
        resolve({ child, port: Number(port) });
      }
    });
  });
}

/** Bigger than a status query (DLE EOT 1-4 is 12 bytes): a connection that carried a ticket. */
const JOB_MIN_BYTES = 256;

/** A pass-through in front of the printer that reports when a job's last byte arrived. */
async function startTap(
  printerPort: number,
): Promise<{ port: number; nextJob(): Promise<number>; close(): Promise<void> }> {
  let waiting: ((at: number) => void) | null = null;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect({ host: "127.0.0.1", port: printerPort });
    sockets.add(client).add(upstream);
    let bytes = 0;
    client.on("data", (chunk: Buffer) => (bytes += chunk.length));
    client.on("end", () => {
      const at = nowMs();
      if (bytes >= JOB_MIN_BYTES && waiting) {
        waiting(at);
        waiting = null;
      }
    });
    client.pipe(upstream);
    upstream.pipe(client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("error", drop);
    upstream.on("error", drop);
    client.on("close", () => sockets.delete(client));
    upstream.on("close", () => sockets.delete(upstream));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    nextJob: () => new Promise<number>((resolve) => (waiting = resolve)),
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Waits until the emulator has written `expected` jobs (its files come after decoding and rendering). */
async function jobFiles(outDir: string, expected: number, timeoutMs = 5_000): Promise<number> {
  const count = () => readdirSync(outDir).filter((f) => /^\d+\.bin$/.test(f)).length;
  const until = nowMs() + timeoutMs;
  while (count() < expected && nowMs() < until) await new Promise((r) => setTimeout(r, 5));
  return count();
}

async function connectKiosk(url: string, token: string): Promise<Socket> {
  const socket = io(`${url}/kiosk`, { auth: { token }, transports: ["websocket"] });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return socket;
}

async function issue(socket: Socket, serviceId: string, printVia: "kiosk" | "hub"): Promise<IssuedTicket> {
  const ack = (await socket
    .timeout(10_000)
    .emitWithAck("ticket:issue", {
      requestId: randomUUID(),
      serviceId,
      priority: null,
      printVia,
    })) as Ack<IssuedTicket>;
  if (!ack.ok) throw new Error(`ticket:issue ${serviceId}: ${ack.error.code}`);
  return ack.data;
}

export async function benchKioskToPrinter(): Promise<Record<string, number>> {
  const outDir = mkdtempSync(join(tmpdir(), "layan-bench-printer-"));
  const emulator = await startEmulatorProcess(outDir);
  const tap = await startTap(emulator.port);
  const hub = await startTestHub({ kioskPrinters: { "kiosk-lobi": `127.0.0.1:${tap.port}` } });
  const socket = await connectKiosk(hub.url, hub.kioskTokens["kiosk-lobi"] ?? hub.kioskToken);
  const printer = createKioskPrinter(
    transportFor({ kind: "network", host: "127.0.0.1", port: tap.port }),
    "80mm",
  );
  const started = nowMs();
  const kioskSamples: number[] = [];
  const hubSamples: number[] = [];
  let sent = 0;
  let printedJobs: number;
  try {
    for (let i = 0; i < WARMUP + TICKETS && nowMs() - started < DEADLINE_MS; i++) {
      // One citizen at a time: the printer has finished the last ticket before the next tap.
      await jobFiles(outDir, sent);
      const received = tap.nextJob();
      const t0 = nowMs();
      const check = await printer.status();
      if (!check.ready) throw new Error(`printer not ready: ${check.problem}`);
      const issued = await issue(socket, SERVICES[i % SERVICES.length]!, "kiosk");
      const printed = await printer.print(issued.print);
      if (!printed.ok) throw new Error(`print failed: ${printed.problem}`);
      sent++;
      if (i >= WARMUP) kioskSamples.push((await received) - t0);
    }
    for (let i = 0; i < WARMUP + TICKETS && nowMs() - started < DEADLINE_MS; i++) {
      await jobFiles(outDir, sent);
      const received = tap.nextJob();
      const t0 = nowMs();
      await issue(socket, SERVICES[i % SERVICES.length]!, "hub");
      sent++;
      if (i >= WARMUP) hubSamples.push((await received) - t0);
    }
    printedJobs = await jobFiles(outDir, sent);
  } finally {
    socket.disconnect();
    await printer.close();
    await hub.stop();
    await tap.close();
    emulator.child.kill("SIGTERM");
    rmSync(outDir, { recursive: true, force: true });
  }
  if (printedJobs !== sent) throw new Error(`emulator printed ${printedJobs} of ${sent} tickets`);
  return {
    kiosk_ticket_to_printer_n: kioskSamples.length,
    kiosk_ticket_to_printer_p50_ms: round(percentile(kioskSamples, 50)),
    kiosk_ticket_to_printer_p99_ms: round(percentile(kioskSamples, 99)),
    kiosk_hub_print_n: hubSamples.length,
    kiosk_hub_print_p50_ms: round(percentile(hubSamples, 50)),
    kiosk_hub_print_p99_ms: round(percentile(hubSamples, 99)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchKioskToPrinter().then(
    (results) => console.log(JSON.stringify(results, null, 2)),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
