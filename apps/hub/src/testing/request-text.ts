import type { ClientRequest, IncomingMessage } from "node:http";
import type { RequestOptions } from "node:https";

/**
 * Sends one request with Node's own client (`http.request` or `https.request`:
 * fetch() would normalise the path and cannot be given a CA) and reads the
 * answer's status and body as text.
 */
export function requestText(
  send: (options: RequestOptions, callback: (res: IncomingMessage) => void) => ClientRequest,
  options: RequestOptions,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = send(options, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}
