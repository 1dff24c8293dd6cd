import type { HistoryPage, IngestAccepted, IngestPosition, RegencyAnswer, RegencyError } from "@layan/protocol";
import type { RegencyConfig } from "./config";

/** A request that got no usable answer (network, timeout, a 5xx) or a refusal with its code. */
export class ShippingError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly position?: IngestPosition,
  ) {
    super(message);
  }
}

/** One request's limit: a batch is 256 KB, so a minute means the link is as good as down. */
const REQUEST_TIMEOUT_MS = 60_000;

export class RegencyClient {
  private readonly closed = new AbortController();

  constructor(private readonly config: RegencyConfig) {}

  /** Ends a request in flight: a hub shutting down does not wait a minute for a slow link. */
  close(): void {
    this.closed.abort();
  }

  private async request<T>(method: string, path: string, body?: string): Promise<T> {
    let res: Response;
    try {
      res = await fetch(new URL(path, this.config.url), {
        method,
        headers: { authorization: `Bearer ${this.config.credential}`, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
        ...(body !== undefined ? { body } : {}),
        signal: AbortSignal.any([AbortSignal.timeout(REQUEST_TIMEOUT_MS), this.closed.signal]),
      });
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause;
      throw new ShippingError("CENTRAL_UNREACHABLE", `cannot reach ${this.config.url}: ${cause?.code ?? (err as Error).message}`);
    }
    let answer: RegencyAnswer<T>;
    try {
      answer = (await res.json()) as RegencyAnswer<T>;
    } catch {
      // The connection dropped mid-answer, or something other than the regency server answered.
      throw new ShippingError("CENTRAL_UNREACHABLE", `no JSON answer from ${this.config.url} (HTTP ${res.status})`);
    }
    if (answer.ok) return answer.data;
    const error: RegencyError = answer.error;
    throw new ShippingError(error.code, error.messageEn, error.position);
  }

  position(probeSeq?: number): Promise<IngestPosition> {
    return this.request("GET", `/api/v1/ingest/position${probeSeq ? `?seq=${probeSeq}` : ""}`);
  }

  send(body: string): Promise<IngestAccepted> {
    return this.request("POST", "/api/v1/ingest/events", body);
  }

  /** `hubInstance` owns the new stream; `takeover` opens it even while another hub ships (this PC replaces it). */
  openStream(fromStream: number, baseSeq: number, owner: { hubInstance?: string; takeover?: boolean } = {}): Promise<IngestPosition> {
    return this.request("POST", "/api/v1/ingest/streams", JSON.stringify({ fromStream, baseSeq, ...owner }));
  }

  /** The office's own events back from the central copy (pnpm hub restore --from-regency). */
  history(after: number, limit?: number): Promise<HistoryPage> {
    return this.request("GET", `/api/v1/ingest/history?after=${after}${limit ? `&limit=${limit}` : ""}`);
  }

  publishStandards(services: { serviceId: string; standard: Record<string, unknown> }[]): Promise<{ changed: number }> {
    return this.request("PUT", "/api/v1/ingest/standards", JSON.stringify({ services }));
  }
}
