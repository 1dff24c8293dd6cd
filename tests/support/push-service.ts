/**
 * A browser vendor's push service, stood in on loopback: an HTTPS server
 * that takes what the hub's `web-push` sends (RFC 8030), checks the VAPID
 * JWT (RFC 8292: ES256 over the key in `k=`, audience = this origin), and
 * decrypts the body with the subscription's own private key and auth secret
 * (RFC 8291, aes128gcm of RFC 8188), the way a browser would. Nothing of
 * web-push is mocked: a wrong key, a wrong salt, a wrong signature fails here.
 */
import { createECDH, createHmac, createDecipheriv, createPublicKey, randomBytes, verify, type ECDH } from "node:crypto";
import { createServer, type Server } from "node:https";
import { Agent } from "node:https";
import type { AddressInfo } from "node:net";
import { selfSignedCertificate, type TestCertificate } from "../../apps/hub/src/testing/tls";

export interface ReceivedPush {
  subscriptionId: string;
  headers: { ttl: string | undefined; urgency: string | undefined; topic: string | undefined; encoding: string | undefined };
  vapid: { aud: string; sub: string; exp: number; publicKey: string };
  /** The decrypted payload, parsed as JSON. */
  message: unknown;
}

export interface StandInSubscription {
  id: string;
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

interface Held {
  ecdh: ECDH;
  auth: Buffer;
}

export interface PushServiceStandIn {
  origin: string;
  /** An https.Agent trusting this server's certificate, for the hub's web-push. */
  agent: Agent;
  received: ReceivedPush[];
  /** Requests refused (bad VAPID, undecryptable), with why: a test expects none. */
  rejected: { subscriptionId: string; reason: string }[];
  newSubscription(): StandInSubscription;
  /** Answer this status for the subscription from now on (410: the browser unsubscribed; 0: never answer). */
  answer(subscriptionId: string, status: number): void;
  close(): Promise<void>;
}

const hmac = (key: Buffer, data: Buffer) => createHmac("sha256", key).update(data).digest();

/** RFC 8291 §3.4 and RFC 8188 §2: the content key and nonce, then one record decrypted. */
function decryptAes128gcm(body: Buffer, held: Held): Buffer {
  const salt = body.subarray(0, 16);
  const idLength = body.readUInt8(20);
  const asPublic = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  const uaPublic = held.ecdh.getPublicKey();
  const ecdhSecret = held.ecdh.computeSecret(asPublic);
  const prkKey = hmac(held.auth, ecdhSecret);
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), uaPublic, asPublic, Buffer.from([1])]);
  const ikm = hmac(prkKey, keyInfo);
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, Buffer.from("Content-Encoding: aes128gcm\0\x01", "binary")).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from("Content-Encoding: nonce\0\x01", "binary")).subarray(0, 12);
  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  // The last record ends with the delimiter 0x02 and zero or more zero bytes.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end -= 1;
  if (padded[end] !== 2) throw new Error("no last-record delimiter");
  return padded.subarray(0, end);
}

/** RFC 8292 §3: `vapid t=<jwt>, k=<key>`; the JWT is ES256-signed by that key. */
function checkVapid(header: string | undefined, origin: string): ReceivedPush["vapid"] {
  const m = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? "");
  if (!m?.[1] || !m[2]) throw new Error(`not a VAPID authorization: ${header ?? "(none)"}`);
  const [h, p, s] = m[1].split(".");
  if (!h || !p || !s) throw new Error("malformed JWT");
  const raw = Buffer.from(m[2], "base64url");
  if (raw.length !== 65 || raw[0] !== 4) throw new Error("k is not an uncompressed P-256 key");
  const key = createPublicKey({ key: { kty: "EC", crv: "P-256", x: raw.subarray(1, 33).toString("base64url"), y: raw.subarray(33).toString("base64url") }, format: "jwk" });
  const ok = verify("sha256", Buffer.from(`${h}.${p}`), { key, dsaEncoding: "ieee-p1363" }, Buffer.from(s, "base64url"));
  if (!ok) throw new Error("VAPID signature does not verify");
  const header_ = JSON.parse(Buffer.from(h, "base64url").toString("utf8")) as { alg?: string };
  if (header_.alg !== "ES256") throw new Error(`alg ${header_.alg ?? "?"}`);
  const claims = JSON.parse(Buffer.from(p, "base64url").toString("utf8")) as { aud?: string; sub?: string; exp?: number };
  if (claims.aud !== origin) throw new Error(`aud ${claims.aud ?? "?"} is not ${origin}`);
  if (typeof claims.exp !== "number" || typeof claims.sub !== "string") throw new Error("exp or sub missing");
  return { aud: claims.aud, sub: claims.sub, exp: claims.exp, publicKey: m[2] };
}

export async function startPushService(): Promise<PushServiceStandIn> {
  const cert: TestCertificate = selfSignedCertificate();
  const held = new Map<string, Held>();
  const answers = new Map<string, number>();
  const received: ReceivedPush[] = [];
  const rejected: PushServiceStandIn["rejected"] = [];
  let origin = "";
  const server: Server = createServer({ cert: cert.cert, key: cert.key }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const id = /^\/push\/([A-Za-z0-9_-]+)$/.exec(req.url ?? "")?.[1] ?? "";
      const sub = held.get(id);
      const status = answers.get(id);
      if (!sub || req.method !== "POST") {
        res.writeHead(404).end();
        return;
      }
      // 0: a push service that takes the request and never answers.
      if (status === 0) return;
      if (status !== undefined) {
        res.writeHead(status).end();
        return;
      }
      try {
        const vapid = checkVapid(req.headers.authorization, origin);
        if (req.headers["content-encoding"] !== "aes128gcm") throw new Error(`content-encoding ${req.headers["content-encoding"] ?? "?"}`);
        const plain = decryptAes128gcm(Buffer.concat(chunks), sub);
        received.push({
          subscriptionId: id,
          headers: {
            ttl: req.headers.ttl as string | undefined,
            urgency: req.headers.urgency as string | undefined,
            topic: req.headers.topic as string | undefined,
            encoding: req.headers["content-encoding"],
          },
          vapid,
          message: JSON.parse(plain.toString("utf8")) as unknown,
        });
        res.writeHead(201).end();
      } catch (err) {
        rejected.push({ subscriptionId: id, reason: (err as Error).message });
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const agent = new Agent({ ca: cert.cert, keepAlive: false });
  return {
    origin,
    agent,
    received,
    rejected,
    newSubscription() {
      const ecdh = createECDH("prime256v1");
      ecdh.generateKeys();
      const auth = randomBytes(16);
      const id = randomBytes(9).toString("base64url");
      held.set(id, { ecdh, auth });
      return { id, endpoint: `${origin}/push/${id}`, keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth: auth.toString("base64url") } };
    },
    answer(subscriptionId, status) {
      answers.set(subscriptionId, status);
    },
    async close() {
      agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      const { rmSync } = await import("node:fs");
      rmSync(cert.dir, { recursive: true, force: true });
    },
  };
}
