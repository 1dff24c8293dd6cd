import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";
import { sourceAddress } from "./login-throttle";

/** A proxy on the hub's own PC (nginx, Caddy, a tunnel's agent): the only peers `--trust-proxy` believes. */
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1)$/;

/**
 * The citizen's address, for the per-address limits. Behind the reverse
 * proxy or tunnel that docs/operations.md recommends for `publicBaseUrl`,
 * every request comes from loopback, and one citizen's limit would be the
 * whole public's. With `trustProxy` (`pnpm start --trust-proxy`, as the
 * regency server's) and a loopback peer, the address is the rightmost
 * X-Forwarded-For entry that is not itself loopback: each proxy appends the
 * address it saw, so what lies to the left of that was written by the
 * client and may be anything. From any other peer the header is ignored,
 * so nobody reaching the port directly can pick an address to dodge a limit.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const peer = sourceAddress(req.socket.remoteAddress);
  if (!trustProxy || !LOOPBACK.test(peer)) return peer;
  const header = req.headers["x-forwarded-for"];
  const hops = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((hop) => sourceAddress(hop.trim()))
    // An address, or nothing: a header a proxy did not write (a TCP tunnel adds none) is the caller's text.
    .filter((hop) => isIP(hop) !== 0);
  for (let i = hops.length - 1; i >= 0; i--) if (!LOOPBACK.test(hops[i]!)) return hops[i]!;
  return peer;
}

/**
 * What a per-address limit counts: an IPv4 address as it is, an IPv6 one by
 * its /64. One phone or home line is given a whole /64 and may use any address
 * in it, so counting single IPv6 addresses would let one device rotate past
 * the limit; the refusals say "from this network". The audit keeps the address.
 */
export function limitKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const bare = address.split("%")[0]!;
  const [head = "", tail] = bare.split("::");
  const front = head ? head.split(":") : [];
  const back = tail === undefined ? [] : tail ? tail.split(":") : [];
  const groups = tail === undefined ? front : [...front, ...Array<string>(Math.max(0, 8 - front.length - back.length)).fill("0"), ...back];
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}
