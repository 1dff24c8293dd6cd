import net from "node:net";
import { STATUS_QUERIES } from "./commands";
import { isPrinterError, PrinterError } from "./errors";
import { assertPrinterReady, combineStatus, isStatusByte, type PrinterStatus } from "./status";
import type { PrinterTransport } from "./transport";

export interface TcpTransportOptions {
  host: string;
  /** Raw printing port ("JetDirect"), 9100 on nearly every network printer. */
  port?: number;
  connectTimeoutMs?: number;
  /** How long to wait for the 4 status bytes. */
  answerTimeoutMs?: number;
  /** How long the printer may take to accept a job's bytes. */
  writeTimeoutMs?: number;
  /** Ask for status first and refuse to print on paper end, open cover or error. Default true. */
  checkStatusBeforePrint?: boolean;
}

const DEFAULTS = { port: 9100, connectTimeoutMs: 3000, answerTimeoutMs: 2000, writeTimeoutMs: 15_000 };

/** A network printer on TCP 9100, one connection per call: printers serve one client at a time. */
export function createTcpTransport(options: TcpTransportOptions): PrinterTransport {
  const opts = { ...DEFAULTS, checkStatusBeforePrint: true, ...options };
  const open = new Set<PrinterConnection>();
  let closed = false;

  async function session<T>(work: (connection: PrinterConnection) => Promise<T>): Promise<T> {
    if (closed) throw new PrinterError("PRINTER_OFFLINE", "transport closed");
    const connection = await PrinterConnection.open(opts.host, opts.port, opts.connectTimeoutMs);
    open.add(connection);
    try {
      const result = await work(connection);
      await connection.end(opts.writeTimeoutMs);
      return result;
    } finally {
      connection.destroy();
      open.delete(connection);
    }
  }

  return {
    status: () => session((connection) => connection.queryStatus(opts.answerTimeoutMs)),
    print: (bytes) =>
      session(async (connection) => {
        if (opts.checkStatusBeforePrint)
          assertPrinterReady(await connection.queryStatus(opts.answerTimeoutMs));
        await connection.send(bytes, opts.writeTimeoutMs);
      }),
    close: () => {
      closed = true;
      for (const connection of open) connection.destroy();
      open.clear();
      return Promise.resolve();
    },
  };
}

/** Socket errors that mean nobody is there to print. */
function offline(error: Error & { code?: string }, what: string): PrinterError {
  return new PrinterError("PRINTER_OFFLINE", `${what}: ${error.code ?? error.message}`, { cause: error });
}

/**
 * One socket with every listener attached once and removed on destroy, and at
 * most one wait (answer, write, close) at a time.
 */
class PrinterConnection {
  private answer: number[] = [];
  private failure: PrinterError | undefined;
  private closed = false;
  private wake: (() => void) | undefined;

  private readonly onData = (chunk: Buffer) => {
    // Only status-shaped bytes count; ASB packets or echoes would shift the answer.
    for (const byte of chunk) if (isStatusByte(byte)) this.answer.push(byte);
    this.wake?.();
  };
  private readonly onError = (error: Error) => {
    this.failure ??= offline(error, "connection failed");
    this.wake?.();
  };
  private readonly onClose = () => {
    this.closed = true;
    this.wake?.();
  };

  private constructor(private readonly socket: net.Socket) {
    socket.on("data", this.onData);
    socket.on("error", this.onError);
    socket.on("close", this.onClose);
  }

  static open(host: string, port: number, timeoutMs: number): Promise<PrinterConnection> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host, port });
      const timer = setTimeout(() => {
        settle();
        socket.destroy();
        reject(
          new PrinterError("PRINTER_OFFLINE", `no connection to ${host}:${port} within ${timeoutMs} ms`),
        );
      }, timeoutMs);
      const onConnect = () => {
        settle();
        resolve(new PrinterConnection(socket));
      };
      const onError = (error: Error) => {
        settle();
        socket.destroy();
        reject(offline(error, `cannot connect to ${host}:${port}`));
      };
      const settle = () => {
        clearTimeout(timer);
        socket.removeListener("connect", onConnect);
        socket.removeListener("error", onError);
      };
      socket.once("connect", onConnect);
      socket.once("error", onError);
    });
  }

  async queryStatus(timeoutMs: number): Promise<PrinterStatus> {
    this.answer = [];
    this.socket.write(STATUS_QUERIES);
    await this.until(() => this.answer.length >= 4, timeoutMs, "no status answer");
    const [b1 = 0, b2 = 0, b3 = 0, b4 = 0] = this.answer;
    return combineStatus([b1, b2, b3, b4]);
  }

  async send(bytes: Uint8Array, timeoutMs: number): Promise<void> {
    let written = false;
    this.socket.write(bytes, (error) => {
      if (error) this.failure ??= offline(error, "write failed");
      written = true;
      this.wake?.();
    });
    await this.until(() => written, timeoutMs, "printer did not take the job");
  }

  /**
   * Half-closes and waits for the printer to close too. A reset instead of a close
   * means the printer dropped bytes it had not read, so that is a failure; a
   * printer that merely keeps the connection open has everything and is not.
   */
  async end(timeoutMs: number): Promise<void> {
    this.socket.end();
    try {
      await this.until(() => this.closed, timeoutMs, "printer kept the connection open");
    } catch (error) {
      if (!isPrinterError(error, "PRINTER_TIMEOUT")) throw error;
    }
  }

  destroy(): void {
    this.socket.removeListener("data", this.onData);
    this.socket.removeListener("close", this.onClose);
    // An error can still surface while the socket tears down; swallow it rather than crash.
    this.socket.removeListener("error", this.onError);
    this.socket.once("error", () => undefined);
    this.socket.destroy();
    this.wake = undefined;
  }

  /** Waits until `done()`; rejects on socket failure, on close before done, or on timeout. */
  private until(done: () => boolean, timeoutMs: number, timeoutMessage: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.wake = undefined;
        reject(new PrinterError("PRINTER_TIMEOUT", `${timeoutMessage} within ${timeoutMs} ms`));
      }, timeoutMs);
      const check = () => {
        let outcome: (() => void) | undefined;
        if (done()) outcome = resolve;
        else if (this.failure) {
          const failure = this.failure;
          outcome = () => reject(failure);
        } else if (this.closed)
          outcome = () => reject(new PrinterError("PRINTER_OFFLINE", "printer closed the connection"));
        if (!outcome) return;
        clearTimeout(timer);
        this.wake = undefined;
        outcome();
      };
      this.wake = check;
      check();
    });
  }
}
