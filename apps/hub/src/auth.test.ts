import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore, type Store } from "@layan/store";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Authenticator, hashToken, newToken, SESSION_TTL_MS } from "./auth";
import { hubStore } from "./store-adapter";

// Two connections to one file, as the hub and `pnpm hub ...` in another
// process have: `cli` writes, the hub's Authenticator must see it at once.
let dir: string;
let hub: Store;
let cli: Store;
let now: number;
let auth: Authenticator;
const kioskToken = newToken("dev");
const sessionToken = newToken("ses");

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "layan-auth-"));
  now = Date.UTC(2026, 0, 5, 1, 0);
  hub = openStore(join(dir, "layan.db"), { clock: () => now });
  cli = openStore(join(dir, "layan.db"), { clock: () => now });
  hub.addDevice({ id: "kiosk-lobi", kind: "kiosk", name: "Kiosk Lobi", tokenHash: hashToken(kioskToken), createdAt: now });
  hub.addUser({ id: "u1", username: "siti", displayName: "Siti Rahma", role: "officer", secretHash: "scrypt$x", createdAt: now });
  hub.createSession(hashToken(sessionToken), "u1", now, now + SESSION_TTL_MS);
  auth = new Authenticator(hubStore(hub), () => now);
});
afterEach(() => {
  hub.close();
  cli.close();
  rmSync(dir, { recursive: true, force: true });
});

const kiosk = { kind: "device", id: "kiosk-lobi", name: "Kiosk Lobi", role: "kiosk" };
const siti = { kind: "user", id: "u1", name: "Siti Rahma", role: "officer" };

describe("a token checked once is not trusted past a change", () => {
  it("refuses a cached device token as soon as another process revokes it", () => {
    expect(auth.identify(kioskToken)).toEqual(kiosk);
    expect(auth.identify(kioskToken)).toEqual(kiosk);
    expect(cli.revokeDevice("kiosk-lobi", now)).toBe(true);
    expect(auth.identify(kioskToken)).toBeNull();
  });

  it("refuses a cached device token revoked through the hub's own connection", () => {
    expect(auth.identify(kioskToken)).toEqual(kiosk);
    expect(hub.revokeDevice("kiosk-lobi", now)).toBe(true);
    expect(auth.identify(kioskToken)).toBeNull();
  });

  it("refuses a cached session once it expires, with no write at all", () => {
    expect(auth.identify(sessionToken)).toEqual(siti);
    now += SESSION_TTL_MS - 1;
    expect(auth.identify(sessionToken)).toEqual(siti);
    now += 1;
    expect(auth.identify(sessionToken)).toBeNull();
  });

  it("refuses a cached session after logout", () => {
    expect(auth.identify(sessionToken)).toEqual(siti);
    auth.logout(sessionToken);
    expect(auth.identify(sessionToken)).toBeNull();
  });

  it("refuses a cached session whose session row another process deleted or whose user it disabled", () => {
    expect(auth.identify(sessionToken)).toEqual(siti);
    cli.deleteSession(hashToken(sessionToken));
    expect(auth.identify(sessionToken)).toBeNull();

    const second = newToken("ses");
    hub.createSession(hashToken(second), "u1", now, now + SESSION_TTL_MS);
    expect(auth.identify(second)).toEqual(siti);
    expect(cli.setUserDisabled("u1", now)).toBe(true);
    expect(auth.identify(second)).toBeNull();
  });

  it("keeps its answer across the hub's own queue commits, which touch no token", () => {
    expect(auth.identify(kioskToken)).toEqual(kiosk);
    const before = hub.authVersion();
    hub.append([{ events: [{ type: "counter.opened", at: now, counterId: "loket-1", officerId: "u1" }], request: { id: "r1", namespace: "counter:u1", response: { ok: true } } }]);
    hub.pruneRequests(now + 1);
    expect(hub.authVersion()).toBe(before);
    expect(auth.identify(kioskToken)).toEqual(kiosk);
  });

  it("never remembers a token that identifies nobody", () => {
    const stranger = newToken("dev");
    expect(auth.identify(stranger)).toBeNull();
    hub.addDevice({ id: "kiosk-baru", kind: "kiosk", name: "Kiosk Baru", tokenHash: hashToken(stranger), createdAt: now });
    expect(auth.identify(stranger)).toEqual({ kind: "device", id: "kiosk-baru", name: "Kiosk Baru", role: "kiosk" });
  });
});
