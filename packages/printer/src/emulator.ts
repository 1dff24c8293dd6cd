import { EventEmitter } from "node:events";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { decodeEscPos } from "./decoder";
import type { PaperWidth } from "./paper";
import { firstBlockingProblem, statusAnswer, type BlockingProblemCode, type StatusQuery } from "./status";
import { readToken } from "./tokenizer";

/** What the emulated printer reports and how it behaves; scriptable at run time. */
export interface EmulatorState {
  online: boolean;
  paperEnd: boolean;
  paperNearEnd: boolean;
  coverOpen: boolean;
  error: boolean;
  /** Swallow DLE EOT queries, like a printer that hangs or a link that drops answers. */
  noAnswer: boolean;
}

export const HEALTHY_PRINTER: Readonly<EmulatorState> = Object.freeze({
  online: true,
  paperEnd: false,
  paperNearEnd: false,
  coverOpen: false,
  error: false,
  noAnswer: false,
});

export interface EmulatorJob {
  /** "0001": the files' base name in outDir. */
  name: string;
  /** Bytes the printer accepted (real-time status queries removed). */
  bytes: Buffer;
  /** What the printer dropped because it could not print at the time, and why. */
  discarded: { reason: BlockingProblemCode; bytes: Buffer } | null;
  endedBy: "cut" | "close";
  /** Decoded text of the accepted bytes; empty when everything was discarded. */
  text: string;
  files: string[];
}

export interface PrinterEmulatorOptions {
  /** 0 picks a free port; read it back from `port`. */
  port: number;
  host?: string;
  outDir: string;
  state?: Partial<EmulatorState>;
  /** Paper the rendered images assume. Default 80 mm, the usual network printer. */
  paper?: PaperWidth;
}

export interface PrinterEmulator {
  readonly port: number;
  readonly host: string;
  readonly state: Readonly<EmulatorState>;
  setState(partial: Partial<EmulatorState>): void;
  /** Every finished job, in order, files already written. */
  readonly jobs: readonly EmulatorJob[];
  on(event: "job", listener: (job: EmulatorJob) => void): void;
  off(event: "job", listener: (job: EmulatorJob) => void): void;
  /** Resolves once `count` jobs have finished (files written). */
  waitForJobs(count: number, timeoutMs?: number): Promise<readonly EmulatorJob[]>;
  close(): Promise<void>;
}

/**
 * A network receipt printer on a TCP port: answers DLE EOT from its state and
 * writes every job as NNNN.bin, NNNN.txt and NNNN.png, so the kiosk and the
 * tests can print without hardware.
 */
export async function startPrinterEmulator(options: PrinterEmulatorOptions): Promise<PrinterEmulator> {
  const host = options.host ?? "127.0.0.1";
  const paper = options.paper ?? "80mm";
  await mkdir(options.outDir, { recursive: true });
  let state: EmulatorState = { ...HEALTHY_PRINTER, ...options.state };
  let nextNumber = (await highestJobNumber(options.outDir)) + 1;
  const jobs: EmulatorJob[] = [];
  const events = new EventEmitter();
  const sockets = new Set<net.Socket>();
  const writing = new Set<Promise<void>>();

  function finishJob(
    accepted: Buffer[],
    discarded: Buffer[],
    reason: BlockingProblemCode | null,
    endedBy: EmulatorJob["endedBy"],
  ) {
    const bytes = Buffer.concat(accepted);
    const dropped = Buffer.concat(discarded);
    if (bytes.length === 0 && dropped.length === 0) return;
    // Numbered when the job ends, so concurrent connections never share a name.
    const name = String(nextNumber++).padStart(4, "0");
    const write = (async () => {
      const decoded = bytes.length > 0 ? decodeEscPos(bytes, { paper }) : undefined;
      const files: [string, Buffer | string][] = [];
      if (decoded) {
        files.push(
          [`${name}.bin`, bytes],
          [`${name}.txt`, decoded.text + "\n"],
          [`${name}.png`, decoded.image],
        );
      }
      if (dropped.length > 0) files.push([`${name}.discarded.bin`, dropped]);
      await Promise.all(files.map(([file, data]) => writeFile(path.join(options.outDir, file), data)));
      const job: EmulatorJob = {
        name,
        bytes,
        discarded: dropped.length > 0 && reason ? { reason, bytes: dropped } : null,
        endedBy,
        text: decoded?.text ?? "",
        files: files.map(([file]) => path.join(options.outDir, file)),
      };
      jobs.push(job);
      events.emit("job", job);
    })().catch((error: unknown) => {
      // A development tool: say so and keep serving rather than crash on a full disk.
      console.error(`printer emulator: cannot write job ${name}:`, error);
    });
    writing.add(write);
    void write.finally(() => writing.delete(write));
  }

  const server = net.createServer((socket) => {
    sockets.add(socket);
    let pending: Buffer = Buffer.alloc(0);
    let accepted: Buffer[] = [];
    let discarded: Buffer[] = [];
    let reason: BlockingProblemCode | null = null;

    socket.on("data", (chunk: Buffer) => {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      let offset = 0;
      for (let next = readToken(pending, 0); next; next = readToken(pending, offset)) {
        const raw = pending.subarray(offset, offset + next.length);
        offset += next.length;
        const token = next.token;
        if (token.type === "realtimeStatus") {
          // Real-time commands are answered at once, even mid-job and even offline.
          if (!state.noAnswer && token.n >= 1 && token.n <= 4) {
            socket.write(Buffer.from([statusAnswer(token.n as StatusQuery, state)]));
          }
          continue;
        }
        const refusal = discardReason(state);
        if (refusal) {
          reason ??= refusal;
          discarded.push(Buffer.from(raw));
        } else {
          accepted.push(Buffer.from(raw));
        }
        if (token.type === "cut") {
          finishJob(accepted, discarded, reason, "cut");
          accepted = [];
          discarded = [];
          reason = null;
        }
      }
      pending = Buffer.from(pending.subarray(offset));
    });
    socket.on("close", () => {
      sockets.delete(socket);
      // A command cut short by the close is still part of what arrived.
      if (pending.length > 0) (discardReason(state) ? discarded : accepted).push(pending);
      finishJob(accepted, discarded, reason ?? discardReason(state), "close");
    });
    socket.on("error", () => {
      // A client that resets mid-job: "close" follows and ends the job.
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => {
      server.removeListener("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;

  return {
    port,
    host,
    get state() {
      return state;
    },
    setState(partial) {
      state = { ...state, ...partial };
    },
    jobs,
    on: (event, listener) => void events.on(event, listener),
    off: (event, listener) => void events.off(event, listener),
    waitForJobs(count, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (jobs.length < count) return;
          clearTimeout(timer);
          events.off("job", check);
          resolve(jobs);
        };
        const timer = setTimeout(() => {
          events.off("job", check);
          reject(new Error(`emulator: ${jobs.length} of ${count} jobs after ${timeoutMs} ms`));
        }, timeoutMs);
        events.on("job", check);
        check();
      });
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
      await Promise.all([...writing]);
      events.removeAllListeners();
    },
  };
}

/** A printer that cannot print drops the data it receives (paper near end still prints). */
function discardReason(state: EmulatorState): BlockingProblemCode | null {
  return firstBlockingProblem(state) ?? null;
}

async function highestJobNumber(dir: string): Promise<number> {
  const names = await readdir(dir);
  return names.reduce((max, name) => Math.max(max, Number(/^(\d{4,})\./.exec(name)?.[1] ?? 0)), 0);
}
