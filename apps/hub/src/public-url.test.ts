import { Writable } from "node:stream";
import { pino } from "pino";
import { io, type Socket } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import type { IssuedTicket } from "@layan/protocol";
import { baseReachableFromPhone, firstNetworkAddress, reachableFromPhone } from "./public-url";
import { rid, send, startHub, type TestHubHandle } from "./testing/harness";

let h: TestHubHandle | null = null;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await h?.close();
  h = null;
});

/** A kiosk as a browser opens it: through whatever address the person typed, i.e. that Host header. */
function kioskVia(base: string, token: string, hostHeader?: string): Promise<Socket> {
  const socket = io(`${base}/kiosk`, {
    auth: { token },
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    ...(hostHeader ? { extraHeaders: { host: hostHeader } } : {}),
  });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

function capturedLogger() {
  const lines: { level: number; msg: string; base?: string }[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line) as (typeof lines)[number]);
      done();
    },
  });
  return { logger: pino({ level: "info" }, sink), lines };
}

const issue = async (kiosk: Socket) => {
  const answer = await send<IssuedTicket>(kiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" });
  if (!answer.ok) throw new Error(answer.error.code);
  return answer.data;
};

describe("the ticket's QR code points where the kiosk reached the hub", () => {
  it("uses the kiosk's own address (Host), not the hub's bind address", async () => {
    h = await startHub();
    const port = new URL(h.url).port;
    const viaName = await issue(await kioskVia(`http://localhost:${port}`, h.tokens.kiosk));
    expect(viaName.statusUrl).toBe(`http://localhost:${port}/t/${viaName.ticket.id}`);
    // A kiosk PC on the office network reaches the hub at its LAN address: the QR must carry that one.
    const viaLan = await issue(await kioskVia(h.url, h.tokens.kiosk, "192.168.1.20:8080"));
    expect(viaLan.statusUrl).toBe(`http://192.168.1.20:8080/t/${viaLan.ticket.id}`);
  });

  it("warns once, in one line, when the QR would point at this machine only", async () => {
    const { logger, lines } = capturedLogger();
    h = await startHub({ logger });
    const kiosk = await kioskVia(h.url, h.tokens.kiosk);
    await issue(kiosk);
    await issue(kiosk);
    const lan = await kioskVia(h.url, h.tokens.kiosk, "192.168.1.20:8080");
    await issue(lan);
    const warnings = lines.filter((l) => l.level === 40 && l.msg.includes("QR"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.base).toBe(h.url);
    expect(warnings[0]?.msg).toContain("publicBaseUrl");
  });
});

describe("reachable from a phone", () => {
  it("rejects loopback and bind-all addresses, accepts the office network's", () => {
    for (const host of ["localhost", "app.localhost", "127.0.0.1", "127.1.2.3", "0.0.0.0", "::", "::1", "::ffff:127.0.0.1", ""]) {
      expect(reachableFromPhone(host), host).toBe(false);
    }
    for (const host of ["192.168.1.20", "10.0.0.5", "antrean.pesawarankab.go.id", "hub-mpp", "fd00::5"]) {
      expect(reachableFromPhone(host), host).toBe(true);
    }
    expect(baseReachableFromPhone("http://[::1]:8080")).toBe(false);
    expect(baseReachableFromPhone("http://192.168.1.20:8080")).toBe(true);
    // A Host header is the client's word: garbage must not break issuing.
    expect(baseReachableFromPhone("http://a b")).toBe(false);
  });

  it("offers the first non-loopback address, IPv4 first, and none on a loopback-only machine", () => {
    const lo = { address: "127.0.0.1", netmask: "255.0.0.0", family: "IPv4", mac: "00:00:00:00:00:00", internal: true, cidr: "127.0.0.1/8" } as const;
    const lo6 = { ...lo, address: "::1", family: "IPv6", scopeid: 0, cidr: "::1/128" } as const;
    const link = { ...lo6, address: "fe80::1", internal: false, cidr: "fe80::1/64" } as const;
    const v6 = { ...lo6, address: "fd00::5", internal: false, cidr: "fd00::5/64" } as const;
    const lan = { ...lo, address: "192.168.1.20", internal: false, cidr: "192.168.1.20/24" } as const;
    expect(firstNetworkAddress({ lo: [lo, lo6] })).toBeNull();
    expect(firstNetworkAddress({ lo: [lo], eth0: [link] })).toBeNull();
    expect(firstNetworkAddress({ lo: [lo], eth0: [v6, lan] })).toBe("192.168.1.20");
    expect(firstNetworkAddress({ lo: [lo], eth0: [link, v6] })).toBe("[fd00::5]");
  });
});
