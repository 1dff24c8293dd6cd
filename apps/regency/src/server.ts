import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { SECURITY_HEADERS } from "@layan/core/static-files";
import { CanonicalBatch, IngestBatch, isCanonicalBatch, OpenStream, PublishedStandards } from "@layan/protocol";
import { pino, type Logger } from "pino";
import { createReaderCheck, createSessionRoutes } from "./auth/routes";
import { createSessions } from "./auth/sessions";
import type { Pool } from "./db/pool";
import { createHistoryRoute } from "./history";
import { parse, readJson, refuse, send } from "./http";
import { IngestRefusal, ingest, openStream, position, publishStandards } from "./ingest";
import { checkCredential } from "./offices";
import { startProjector } from "./projector";
import { createReportRoutes } from "./reports/routes";
import { createWebRoute } from "./web";

export interface RegencyServerOptions {
  pool: Pool;
  /** Server time, epoch ms: stamps received_at and stream openings. Tests pass their own. */
  clock?: () => number;
  logger?: Logger;
  /**
   * Behind the regency's reverse proxy: take the client's address for the
   * login throttle from the X-Forwarded-For the proxy appends (`pnpm regency
   * serve --trust-proxy`). Off, every login through the proxy would share one
   * address, and one guesser would lock everyone out.
   */
  trustProxy?: boolean;
  /** The regency dashboard's built files (apps/regency-web/dist), served at /; null: none (a 404 that says so). */
  webRoot?: string | null;
  /**
   * Run the projector (projector.ts) with the server; default true. False
   * leaves the reports where they are while ingest goes on acknowledging:
   * `LAYAN_TEST_PROJECTOR_PAUSED=1` for the tests of a backlog.
   */
  project?: boolean;
}

export interface RegencyServer {
  http: Server;
  listen(port: number, host?: string): Promise<{ port: number; host: string }>;
  close(): Promise<void>;
}

/** Error codes node-postgres gives when the database cannot be reached or is going away. */
const UNAVAILABLE = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE", "57P01", "57P02", "57P03", "53300", "08000", "08003", "08006"]);

function unavailable(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  if (typeof code === "string" && UNAVAILABLE.has(code)) return true;
  const message = err instanceof Error ? err.message : "";
  return /Connection terminated|timeout exceeded when trying to connect/i.test(message);
}

/** The office is the credential's, never the body's: a body naming another one is refused. */
function sameOffice(officeId: string, named: string | undefined): void {
  if (named !== undefined && named !== officeId) throw new IngestRefusal("OFFICE_MISMATCH", 403);
}

export function createRegencyServer(options: RegencyServerOptions): RegencyServer {
  const { pool } = options;
  const clock = options.clock ?? Date.now;
  const logger = options.logger ?? pino({ level: "silent" });

  async function office(req: IncomingMessage): Promise<string> {
    const header = req.headers.authorization ?? "";
    const match = /^Bearer (\S+)$/.exec(header);
    if (!match?.[1]) throw new IngestRefusal("UNAUTHORIZED", 401);
    const check = await checkCredential(pool, match[1]);
    if (!check.ok) throw new IngestRefusal(check.reason === "revoked" ? "CREDENTIAL_REVOKED" : "UNAUTHORIZED", 401);
    return check.officeId;
  }

  const sessions = createSessions(pool, clock);
  const session = createSessionRoutes(sessions, logger, options.trustProxy ?? false);
  const reports = createReportRoutes(pool, send, createReaderCheck(pool, sessions));
  const history = createHistoryRoute(pool, office, send);
  const web = createWebRoute(options.webRoot ?? null);
  // Started here, not on listen: a server that starts catches up on whatever a crash left unprojected.
  let ingesting = 0;
  const projector = options.project === false ? null : startProjector(pool, { logger, ingesting: () => ingesting });

  async function route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname;
    if (await session(req, res, url)) return;
    if (await reports(req, res, url)) return;
    if (await history(req, res, url)) return;
    const method = req.method ?? "GET";
    if (path === "/healthz" && method === "GET") {
      await pool.query("SELECT 1");
      return send(res, 200, { ok: true });
    }
    if (path === "/api/v1/ingest/position" && method === "GET") {
      const officeId = await office(req);
      const raw = url.searchParams.get("seq");
      const probe = raw === null ? undefined : Number(raw);
      if (probe !== undefined && !(Number.isSafeInteger(probe) && probe > 0)) {
        throw new IngestRefusal("INVALID_PAYLOAD", 400, undefined, [{ path: "seq", message: "a positive integer" }]);
      }
      return send(res, 200, { ok: true, data: await position(pool, officeId, clock(), probe) });
    }
    if (path === "/api/v1/ingest/events" && method === "POST") {
      const officeId = await office(req);
      const body = await readJson(req);
      // Format 2 says so; a batch without a format is a hub of an earlier release (format 1), still taken.
      const batch = isCanonicalBatch(body) ? parse(CanonicalBatch, body) : parse(IngestBatch, body);
      sameOffice(officeId, batch.office);
      ingesting += 1;
      let accepted: Awaited<ReturnType<typeof ingest>>;
      try {
        accepted = await ingest(pool, officeId, batch, clock());
      } finally {
        ingesting -= 1;
      }
      if (accepted.accepted > 0) projector?.wake();
      return send(res, 200, { ok: true, data: accepted });
    }
    if (path === "/api/v1/ingest/streams" && method === "POST") {
      const officeId = await office(req);
      const request = parse(OpenStream, await readJson(req));
      const opened = await openStream(pool, officeId, request, clock());
      logger.warn({ office: officeId, ...request, stream: opened.stream }, "office log restored from a backup: new stream opened");
      projector?.wake();
      return send(res, 200, { ok: true, data: opened });
    }
    if (path === "/api/v1/ingest/standards" && method === "PUT") {
      const officeId = await office(req);
      const standards = parse(PublishedStandards, await readJson(req));
      sameOffice(officeId, standards.office);
      return send(res, 200, { ok: true, data: await publishStandards(pool, officeId, standards, clock()) });
    }
    if (web(req, res, url)) return;
    refuse(res, 404, "NOT_FOUND");
  }

  const http = createServer((req, res) => {
    // Every answer, the API's and the errors' included: a JSON or CSV answer opened in a tab is a page too.
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    let url: URL;
    try {
      url = new URL(req.url ?? "/", "http://regency");
    } catch {
      return refuse(res, 400, "INVALID_PAYLOAD");
    }
    route(req, res, url).catch((err: unknown) => {
      if (res.headersSent) return;
      if (err instanceof IngestRefusal) {
        // A body over the limit is not read to its end: the connection goes too.
        if (err.code === "BODY_TOO_LARGE") res.setHeader("connection", "close");
        return refuse(res, err.status, err.code, { ...(err.position ? { position: err.position } : {}), ...(err.issues ? { issues: err.issues } : {}) });
      }
      if (unavailable(err)) {
        logger.error({ err: (err as Error).message }, "PostgreSQL unreachable");
        return refuse(res, 503, "CENTRAL_UNAVAILABLE");
      }
      logger.error({ err, url: req.url }, "regency request failed");
      refuse(res, 500, "INTERNAL");
    });
  });

  return {
    http,
    listen(port, host = "127.0.0.1") {
      return new Promise((resolve, reject) => {
        http.once("error", reject);
        http.listen(port, host, () => {
          http.off("error", reject);
          resolve({ port: (http.address() as AddressInfo).port, host });
        });
      });
    },
    async close() {
      await new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      });
      await projector?.stop();
    },
  };
}
