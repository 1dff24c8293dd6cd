import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clientAddress, limitKey } from "./client-address";
import { parseMainOptions } from "./options";

const request = (peer: string, forwardedFor?: string | string[]) =>
  ({ socket: { remoteAddress: peer }, headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor } }) as unknown as IncomingMessage;

describe("the client's address for the per-address limits", () => {
  it("is the peer's without --trust-proxy, whatever the header says", () => {
    expect(clientAddress(request("::ffff:127.0.0.1", "198.51.100.7"), false)).toBe("127.0.0.1");
  });

  it("behind a proxy on this PC, is the rightmost X-Forwarded-For entry that is not loopback", () => {
    expect(clientAddress(request("127.0.0.1", "198.51.100.7"), true)).toBe("198.51.100.7");
    // A tunnel's agent, then Caddy, both on this PC; the phone wrote the first entry itself.
    expect(clientAddress(request("::1", "10.0.0.1, ::ffff:203.0.113.9, 127.0.0.1"), true)).toBe("203.0.113.9");
    expect(clientAddress(request("127.0.0.1", ["10.0.0.1", "203.0.113.9"]), true)).toBe("203.0.113.9");
    // No header, or only proxies in it: the peer.
    expect(clientAddress(request("127.0.0.1"), true)).toBe("127.0.0.1");
    expect(clientAddress(request("127.0.0.1", " , 127.0.0.1"), true)).toBe("127.0.0.1");
  });

  it("takes only addresses from the header: text a proxy did not write is passed over", () => {
    // A TCP tunnel adds no entry: what arrives is the caller's own header, and only an address in it could count.
    expect(clientAddress(request("127.0.0.1", "198.51.100.7, kalo-baru-<script>"), true)).toBe("198.51.100.7");
    expect(clientAddress(request("127.0.0.1", "x".repeat(500)), true)).toBe("127.0.0.1");
    expect(clientAddress(request("127.0.0.1", "2001:db8::7"), true)).toBe("2001:db8::7");
  });

  it("never believes the header from a peer that is not on this PC (a phone sending it to dodge the limit)", () => {
    expect(clientAddress(request("192.168.1.20", "198.51.100.7"), true)).toBe("192.168.1.20");
    expect(clientAddress(request("::ffff:192.168.1.20", "127.0.0.1, 198.51.100.7"), true)).toBe("192.168.1.20");
  });

  it("counts an IPv6 client by its /64 and an IPv4 one by its address (limitKey)", () => {
    // One phone's /64, any address in it: one key, whichever way it is written.
    expect(limitKey("2001:db8:aa:bb:1:2:3:4")).toBe("2001:db8:aa:bb::/64");
    expect(limitKey("2001:db8:aa:bb::99")).toBe("2001:db8:aa:bb::/64");
    expect(limitKey("2001:0db8:00aa:00bb:ffff::1%wlan0")).toBe("2001:db8:aa:bb::/64");
    expect(limitKey("2001:db8::")).toBe("2001:db8:0:0::/64");
    expect(limitKey("::1")).toBe("0:0:0:0::/64");
    expect(limitKey("2001:db8:aa:bc::1")).not.toBe(limitKey("2001:db8:aa:bb::1"));
    expect(limitKey("198.51.100.7")).toBe("198.51.100.7");
    expect(limitKey("unknown")).toBe("unknown");
  });

  it("is switched on by `--trust-proxy` (or LAYAN_TRUST_PROXY=1), off by default", () => {
    expect(parseMainOptions([]).trustProxy).toBe(process.env.LAYAN_TRUST_PROXY === "1");
    expect(parseMainOptions(["--trust-proxy"]).trustProxy).toBe(true);
    expect(parseMainOptions(["--no-trust-proxy"]).trustProxy).toBe(false);
  });
});
