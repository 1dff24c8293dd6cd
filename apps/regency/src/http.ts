/** The central server's JSON answers and body reading, shared by its routes. */
import type { IncomingMessage, ServerResponse } from "node:http";
import { MAX_INGEST_BODY_BYTES, regencyFail, type RegencyAnyErrorCode } from "@layan/protocol";
import type { z } from "zod";
import { IngestRefusal } from "./ingest";

export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text), "cache-control": "no-store" });
  res.end(text);
}

export function refuse(res: ServerResponse, status: number, code: RegencyAnyErrorCode, extra: Parameters<typeof regencyFail>[1] = {}): void {
  send(res, status, regencyFail(code, extra));
}

/**
 * Only `application/json` is read. Besides keeping the API to one format,
 * this is half the CSRF guard of the session cookie (docs/api.md "Regency
 * logins"): a page on another site can send a form or a text/plain post
 * without asking, but a JSON one only after a CORS preflight this server
 * never grants.
 */
export const isJson = (req: IncomingMessage) => /^application\/json\s*(;|$)/i.test(req.headers["content-type"] ?? "");

/** Reads the JSON body, refusing a wrong type, a body over the limit and text that is not JSON. */
export async function readJson(req: IncomingMessage, limit: number = MAX_INGEST_BODY_BYTES, allowEmpty = false): Promise<unknown> {
  if (!isJson(req)) throw new IngestRefusal("UNSUPPORTED_CONTENT_TYPE", 415);
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit) throw new IngestRefusal("BODY_TOO_LARGE", 413);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new IngestRefusal("BODY_TOO_LARGE", 413);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (allowEmpty && text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new IngestRefusal("MALFORMED_JSON", 400);
  }
}

export function parse<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body);
  if (!result.success) {
    throw new IngestRefusal("INVALID_PAYLOAD", 400, undefined, result.error.issues.slice(0, 20).map((i) => ({ path: i.path.join("."), message: i.message })));
  }
  return result.data;
}

/** The peer address as one key: IPv4 clients on a dual-stack socket read "::ffff:a.b.c.d". */
export function sourceAddress(remote: string | undefined): string {
  if (!remote) return "unknown";
  return remote.startsWith("::ffff:") ? remote.slice(7) : remote;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1)$/;

/**
 * Who is asking, for the login throttle. Behind the regency's reverse proxy
 * every request comes from loopback, so with `trustProxy` the address is the
 * last X-Forwarded-For entry, the one the proxy itself appended; only from
 * a loopback peer, so that nobody reaching the port directly can pick an
 * address by sending the header.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const peer = sourceAddress(req.socket.remoteAddress);
  if (!trustProxy || !LOOPBACK.test(peer)) return peer;
  const header = req.headers["x-forwarded-for"];
  const last = (Array.isArray(header) ? header.join(",") : (header ?? "")).split(",").pop()?.trim();
  return last ? sourceAddress(last) : peer;
}
