/**
 * The CLI (`pnpm hub user …`, `device …`) stays the way in for scripts and
 * recovery, the first admin on a fresh install included, and writes the
 * same audit trail as the browser, with actor "cli" and the same rules.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { openStore } from "@layan/store";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../support/test-hub";

const exec = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "layan-admin-cli-"));
const hub = (...args: string[]) => exec(process.execPath, ["--import", "tsx", "apps/hub/src/cli.ts", ...args, "--data", dir], { cwd: ROOT });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the hub's CLI", () => {
  it("creates the first admin on an empty database, audits each change as cli, and keeps the last admin", async () => {
    await hub("user", "add", "--username", "admin", "--role", "admin", "--name", "Admin Kantor", "--secret", "pertama-kali");
    await hub("user", "add", "--username", "rina", "--role", "officer", "--name", "Rina Marlina");
    await hub("user", "role", "--username", "rina", "--role", "supervisor");
    await hub("user", "pin", "--username", "rina", "--secret", "246810");
    await hub("user", "disable", "--username", "rina");
    await hub("device", "add", "--kind", "kiosk", "--id", "kiosk-lobi", "--name", "Kiosk Lobi");
    await hub("device", "revoke", "--id", "kiosk-lobi");
    await expect(hub("user", "disable", "--username", "admin")).rejects.toThrow(/last active admin/);

    const store = openStore(join(dir, "layan.db"));
    try {
      const trail = store.listAudit({ limit: 20 }).reverse();
      expect(trail.map((e) => [e.action, e.target, e.before, e.after])).toEqual([
        ["user.add", "admin", null, { displayName: "Admin Kantor", role: "admin", disabled: false }],
        ["user.add", "rina", null, { displayName: "Rina Marlina", role: "officer", disabled: false }],
        ["user.role", "rina", { role: "officer" }, { role: "supervisor" }],
        ["user.pin_reset", "rina", null, { secretTyped: true }],
        ["user.disable", "rina", { disabled: false }, { disabled: true }],
        ["device.add", "kiosk-lobi", null, { kind: "kiosk", name: "Kiosk Lobi" }],
        ["device.revoke", "kiosk-lobi", { revoked: false }, { revoked: true }],
      ]);
      for (const e of trail) expect(e).toMatchObject({ actor: { kind: "cli", id: null, name: "cli" }, address: "cli", userAgent: null });
      expect(JSON.stringify(trail)).not.toMatch(/pertama-kali|246810|scrypt/);
      expect(store.findUserByUsername("admin")?.disabledAt).toBeNull();
    } finally {
      store.close();
    }
  }, 120_000);
});
