import type { NetworkInterfaceInfo } from "node:os";

/**
 * Where the ticket's QR code points. The printed QR is read by the citizen's
 * phone, so a base that only this machine can open (a loopback name, the
 * bind-all address) gives every ticket a dead link.
 */

/** False for names and addresses a phone on the office network cannot reach. */
export function reachableFromPhone(hostname: string): boolean {
  const h = hostname.toLowerCase();
  if (h === "" || h === "localhost" || h.endsWith(".localhost")) return false;
  if (h === "0.0.0.0" || h === "::" || h === "::1" || h === "0:0:0:0:0:0:0:1") return false;
  if (/^127\./.test(h) || /^::ffff:127\./.test(h)) return false;
  return true;
}

/** For a URL base such as `http://192.168.1.20:8080`; a base that does not even parse is not reachable. */
export function baseReachableFromPhone(base: string): boolean {
  let hostname: string;
  try {
    hostname = new URL(base).hostname;
  } catch {
    return false;
  }
  return reachableFromPhone(hostname.replace(/^\[|\]$/g, ""));
}

/** The first IPv4 (then IPv6) address of this machine that is not loopback: what the demo banner offers. */
export function firstNetworkAddress(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): string | null {
  const all = Object.values(interfaces).flatMap((list) => list ?? []);
  const usable = all.filter((a) => !a.internal && !(a.family === "IPv6" && a.address.startsWith("fe80:")));
  const v4 = usable.find((a) => a.family === "IPv4");
  if (v4) return v4.address;
  const v6 = usable.find((a) => a.family === "IPv6");
  return v6 ? `[${v6.address}]` : null;
}

/** The one line the hub logs and `pnpm start` prints when ticket QR codes would not open on a phone. */
export function unreachableTicketUrlWarning(base: string): string {
  return (
    `ticket QR codes point at ${base}, which a phone cannot open (QR tiket tidak bisa dibuka dari HP): ` +
    "open the kiosk through this PC's network address, or set publicBaseUrl in kiosk-config/office.yaml"
  );
}
