/**
 * The hub over TLS (item 24): PINs, passwords and tokens cross the office
 * network encrypted. Real HTTPS and wss on loopback, with a throwaway
 * certificate trusted the way an office PC trusts the office CA.
 */
import { rmSync } from "node:fs";
import { request as plainRequest, type IncomingMessage } from "node:http";
import { request as tlsRequest } from "node:https";
import type { IssuedTicket } from "@layan/protocol";
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, must, rid, send, startHub, type TestHubHandle } from "./testing/harness";
import { selfSignedCertificate, type TestCertificate } from "./testing/tls";

let cert: TestCertificate;
let h: TestHubHandle;
beforeAll(async () => {
  cert = selfSignedCertificate();
  h = await startHub({ tls: { cert: cert.cert, key: cert.key } });
});
afterAll(async () => {
  await h?.close();
  rmSync(cert.dir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  body: string;
}

function post(url: string, path: string, body: unknown, ca: string | null): Promise<Reply> {
  const text = JSON.stringify(body);
  const { hostname, port, protocol } = new URL(url);
  const options = {
    host: hostname,
    port,
    path,
    method: "POST",
    headers: { "content-type": "application/json", "content-length": Buffer.byteLength(text) },
  };
  return new Promise((resolve, reject) => {
    const onReply = (res: IncomingMessage) => {
      let data = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (data += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: data }));
    };
    const req = protocol === "https:" ? tlsRequest({ ...options, ...(ca ? { ca } : {}) }, onReply) : plainRequest(options, onReply);
    req.on("error", reject);
    req.end(text);
  });
}

describe("the hub serves HTTPS and wss when given a certificate", () => {
  it("its URL is https", () => {
    expect(h.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  });

  it("a kiosk issues a ticket over wss, and the ticket's link keeps https", async () => {
    const kiosk = await connect(h.url, "/kiosk", h.tokens.kiosk, { ca: cert.cert });
    try {
      const issued: IssuedTicket = await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" });
      expect(issued.statusUrl).toBe(`${h.url}/t/${issued.ticket.id}`);
    } finally {
      kiosk.close();
    }
  });

  it("an officer logs in over HTTPS", async () => {
    const reply = await post(h.url, "/api/auth/login", h.users.officer, cert.cert);
    expect(reply.status).toBe(200);
    expect((JSON.parse(reply.body) as { ok: boolean; data: { token: string } }).data.token).toEqual(expect.any(String));
  });

  it("a PIN sent in clear text to the TLS port gets no answer", async () => {
    const plain = h.url.replace(/^https:/, "http:");
    // Node's TLS server hangs up on bytes that are no TLS handshake: nothing of the hub's is ever answered in clear.
    await expect(post(plain, "/api/auth/login", h.users.officer, null)).rejects.toMatchObject({ code: "ECONNRESET" });
  });

  it("a client that does not trust the certificate is refused", async () => {
    await expect(connect(h.url, "/kiosk", h.tokens.kiosk)).rejects.toThrow();
  });
});

describe("behind a TLS-terminating proxy", () => {
  it("a kiosk that came through it (X-Forwarded-Proto: https) gets https ticket links", async () => {
    const plain = await startHub();
    const kiosk = io(`${plain.url}/kiosk`, {
      auth: { token: plain.tokens.kiosk },
      transports: ["websocket"],
      reconnection: false,
      forceNew: true,
      extraHeaders: { host: "antrean.example.go.id", "x-forwarded-proto": "https" },
    });
    try {
      await new Promise<void>((resolve, reject) => {
        kiosk.once("connect", () => resolve());
        kiosk.once("connect_error", reject);
      });
      const answer = await send<IssuedTicket>(kiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" });
      if (!answer.ok) throw new Error(answer.error.code);
      expect(answer.data.statusUrl).toBe(`https://antrean.example.go.id/t/${answer.data.ticket.id}`);
    } finally {
      kiosk.close();
      await plain.close();
    }
  });
});
