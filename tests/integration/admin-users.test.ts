/**
 * Administration over real HTTP against a real hub process (issue 16): the
 * role matrix for every user action and the audit trail, the last-admin
 * rule, an audit entry for each action with its actor, address, user agent
 * and before/after, and audit rows that survive a SIGKILL right after the
 * answer.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdminUser, AuditEntry, AuditPage, UserWithSecret } from "@layan/protocol";
import { startTestHub, type TestHub } from "../support/test-hub";
import { adminClient } from "./admin.support";

let hub: TestHub;
const tokens: Record<"officer" | "supervisor" | "manager" | "admin", string> = { officer: "", supervisor: "", manager: "", admin: "" };
const AGENT = "layan-admin-test/1";
const { call, login } = adminClient(() => hub.url, AGENT);

async function users(): Promise<AdminUser[]> {
  return (await call<AdminUser[]>("GET", "/api/admin/users", tokens.admin)).body.data;
}

async function userId(username: string): Promise<string> {
  // Usernames are case-insensitive: a race between two spellings may store either one.
  const found = (await users()).find((u) => u.username.toLowerCase() === username.toLowerCase());
  if (!found) throw new Error(`no user ${username}`);
  return found.id;
}

async function audit(query = ""): Promise<AuditEntry[]> {
  return (await call<AuditPage>("GET", `/api/admin/audit${query}`, tokens.admin)).body.data.entries;
}

let counter = 0;
async function newUser(role: "officer" | "supervisor" | "manager" | "admin"): Promise<UserWithSecret> {
  counter += 1;
  const answer = await call<UserWithSecret>("POST", "/api/admin/users", tokens.admin, {
    username: `${role}-${counter}`,
    displayName: `Uji ${role} ${counter}`,
    role,
  });
  expect(answer.status).toBe(200);
  return answer.body.data;
}

beforeAll(async () => {
  hub = await startTestHub();
  for (const role of ["officer", "supervisor", "manager", "admin"] as const) {
    tokens[role] = await login(hub.user(role).username, hub.user(role).secret);
  }
}, 60_000);

afterAll(async () => {
  await hub?.stop();
});

describe("the role matrix", () => {
  it("lets only admins and supervisors list users, and only admins add one", async () => {
    for (const [role, status] of [["officer", 403], ["manager", 403], ["supervisor", 200], ["admin", 200]] as const) {
      expect((await call("GET", "/api/admin/users", tokens[role])).status, role).toBe(status);
    }
    for (const role of ["officer", "manager", "supervisor"] as const) {
      const refused = await call("POST", "/api/admin/users", tokens[role], { username: `tidak-${role}`, displayName: "X", role: "officer" });
      expect(refused.status, role).toBe(403);
      expect(refused.body.error?.code).toBe("ADMIN_FORBIDDEN");
    }
    expect((await users()).some((u) => u.username.startsWith("tidak-"))).toBe(false);
  });

  it("refuses a device token and no token at all", async () => {
    const device = await call("GET", "/api/admin/users", hub.kioskToken);
    expect([device.status, device.body.error?.code]).toEqual([403, "ADMIN_FORBIDDEN"]);
    const none = await call("GET", "/api/admin/audit", null);
    expect([none.status, none.body.error?.code]).toEqual([401, "UNAUTHORIZED"]);
  });

  it("lets only admins disable, enable and change roles", async () => {
    const { user } = await newUser("officer");
    for (const action of ["disable", "enable", "role"] as const) {
      const body = action === "role" ? { role: "supervisor" } : {};
      for (const role of ["officer", "manager", "supervisor"] as const) {
        const refused = await call("POST", `/api/admin/users/${user.id}/${action}`, tokens[role], body);
        expect(refused.status, `${role} ${action}`).toBe(403);
      }
      expect((await call("POST", `/api/admin/users/${user.id}/${action}`, tokens.admin, body)).status, action).toBe(200);
    }
    expect((await users()).find((u) => u.id === user.id)).toMatchObject({ role: "supervisor", disabledAt: null });
  });

  it("lets a supervisor reset the PIN of and unlock officers only", async () => {
    const officer = (await newUser("officer")).user;
    for (const target of [await newUser("supervisor"), await newUser("manager"), await newUser("admin")]) {
      for (const action of ["pin", "unlock"] as const) {
        const refused = await call("POST", `/api/admin/users/${target.user.id}/${action}`, tokens.supervisor, {});
        expect(refused.status, `${action} ${target.user.role}`).toBe(403);
      }
    }
    for (const role of ["officer", "manager"] as const) {
      expect((await call("POST", `/api/admin/users/${officer.id}/pin`, tokens[role], {})).status, role).toBe(403);
      expect((await call("POST", `/api/admin/users/${officer.id}/unlock`, tokens[role], {})).status, role).toBe(403);
    }
    const reset = await call<UserWithSecret>("POST", `/api/admin/users/${officer.id}/pin`, tokens.supervisor, {});
    expect(reset.status).toBe(200);
    expect(reset.body.data.secret).toMatch(/^\d{6}$/);
    expect((await call("POST", `/api/admin/users/${officer.id}/unlock`, tokens.supervisor, {})).status).toBe(200);
    await login(officer.username, reset.body.data.secret);
  });

  it("lets admins and managers read the audit trail, nobody else", async () => {
    for (const [role, status] of [["officer", 403], ["supervisor", 403], ["manager", 200], ["admin", 200]] as const) {
      expect((await call("GET", "/api/admin/audit", tokens[role])).status, role).toBe(status);
      const csv = await fetch(`${hub.url}/api/admin/audit.csv`, { headers: { authorization: `Bearer ${tokens[role]}` } });
      expect(csv.status, `${role} csv`).toBe(status);
      await csv.arrayBuffer();
    }
  });
});

describe("rules every caller meets", () => {
  it("never disables or demotes the last active admin, and allows it once there is another", async () => {
    const admins = (await users()).filter((u) => u.role === "admin" && u.disabledAt === null);
    // Earlier tests added an admin: disable every other one, leaving the demo admin alone.
    for (const other of admins.filter((u) => u.username !== hub.user("admin").username)) {
      expect((await call("POST", `/api/admin/users/${other.id}/disable`, tokens.admin, {})).status).toBe(200);
    }
    const me = await userId(hub.user("admin").username);
    const disable = await call("POST", `/api/admin/users/${me}/disable`, tokens.admin, {});
    expect([disable.status, disable.body.error?.code]).toEqual([409, "ADMIN_LAST_ADMIN"]);
    expect(disable.body.error?.message).toMatch(/admin aktif terakhir/);
    const demote = await call("POST", `/api/admin/users/${me}/role`, tokens.admin, { role: "manager" });
    expect([demote.status, demote.body.error?.code]).toEqual([409, "ADMIN_LAST_ADMIN"]);

    const second = await newUser("admin");
    const token = await login(second.user.username, second.secret);
    expect((await call("POST", `/api/admin/users/${me}/role`, token, { role: "manager" })).status).toBe(200);
    expect((await call("POST", `/api/admin/users/${me}/role`, token, { role: "admin" })).status).toBe(200);
    // The role change ended the demo admin's session: sign in again for the rest of the file.
    tokens.admin = await login(hub.user("admin").username, hub.user("admin").secret);
  });

  it("adds a username once however often the same add arrives", async () => {
    const add = { username: "budi.santoso", displayName: "Budi Santoso", role: "officer", secret: "482913" };
    const [first, second] = await Promise.all([
      call("POST", "/api/admin/users", tokens.admin, add),
      call("POST", "/api/admin/users", tokens.admin, { ...add, username: "BUDI.santoso" }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    expect([first, second].find((a) => a.status === 409)?.body.error?.code).toBe("ADMIN_USERNAME_TAKEN");
    expect((await users()).filter((u) => u.username.toLowerCase() === "budi.santoso")).toHaveLength(1);
  });

  it("validates every payload", async () => {
    const id = await userId("budi.santoso");
    const bad = [
      ["/api/admin/users", { username: "a", displayName: "X", role: "officer" }],
      ["/api/admin/users", { username: "ok-name", displayName: "X", role: "root" }],
      ["/api/admin/users", { username: "ok-name", displayName: "X", role: "officer", secret: "12" }],
      [`/api/admin/users/${id}/role`, { role: "owner" }],
      [`/api/admin/users/${id}/disable`, { now: true }],
    ] as const;
    for (const [path, body] of bad) {
      const answer = await call("POST", path, tokens.admin, body);
      expect([answer.status, answer.body.error?.code], JSON.stringify(body)).toEqual([400, "INVALID_PAYLOAD"]);
    }
    expect((await call("GET", "/api/admin/audit?action=user.delete", tokens.admin)).status).toBe(400);
    expect((await call("POST", "/api/admin/users/nobody/disable", tokens.admin, {})).status).toBe(404);
  });

  it("ends a disabled user's session and a reset user's session at once", async () => {
    const a = await newUser("officer");
    const b = await newUser("manager");
    const tokenA = await login(a.user.username, a.secret);
    const tokenB = await login(b.user.username, b.secret);
    expect((await call("GET", "/api/admin/audit", tokenB)).status).toBe(200);
    await call("POST", `/api/admin/users/${a.user.id}/disable`, tokens.admin, {});
    await call("POST", `/api/admin/users/${b.user.id}/pin`, tokens.admin, {});
    expect((await call("GET", "/api/admin/audit", tokenB)).status).toBe(401);
    const refused = await call("POST", "/api/auth/login", null, { username: a.user.username, secret: a.secret });
    expect(refused.status).toBe(401);
    // The officer's old token opens nothing either (a socket with it is refused: tests/e2e/admin-users.test.ts).
    expect((await call("GET", "/api/admin/users", tokenA)).status).toBe(401);
  });
});

describe("the audit trail", () => {
  it("records each action with its actor, address, user agent and what changed, never a secret", async () => {
    const added = await newUser("officer");
    const id = added.user.id;
    await call("POST", `/api/admin/users/${id}/role`, tokens.admin, { role: "supervisor" });
    await call("POST", `/api/admin/users/${id}/role`, tokens.admin, { role: "officer" });
    await call("POST", `/api/admin/users/${id}/pin`, tokens.supervisor, { secret: "774411" });
    await call("POST", `/api/admin/users/${id}/unlock`, tokens.supervisor, {});
    await call("POST", `/api/admin/users/${id}/disable`, tokens.admin, {});
    await call("POST", `/api/admin/users/${id}/enable`, tokens.admin, {});
    const mine = (await audit("?limit=200")).filter((e) => e.target === added.user.username).reverse();
    const admin = hub.user("admin").username;
    const supervisor = hub.user("supervisor").username;
    expect(mine.map((e) => [e.action, e.actor.name, e.before, e.after])).toEqual([
      ["user.add", admin, null, { displayName: added.user.displayName, role: "officer", disabled: false, secretTyped: false }],
      ["user.role", admin, { role: "officer" }, { role: "supervisor" }],
      ["user.role", admin, { role: "supervisor" }, { role: "officer" }],
      ["user.pin_reset", supervisor, null, { secretTyped: true }],
      ["user.unlock", supervisor, { lockedUntil: null }, { lockedUntil: null }],
      ["user.disable", admin, { disabled: false }, { disabled: true }],
      ["user.enable", admin, { disabled: true }, { disabled: false }],
    ]);
    for (const e of mine) expect(e).toMatchObject({ actor: { kind: "user" }, address: "127.0.0.1", userAgent: AGENT, count: 1 });
    const text = JSON.stringify(await audit("?limit=200"));
    expect(text).not.toContain(added.secret);
    expect(text).not.toContain("774411");
    expect(text).not.toMatch(/scrypt/);
  });

  it("records sign-ins and sign-outs, and a failed sign-in the same way whether or not the name exists", async () => {
    const officer = hub.user("officer");
    const token = await login(officer.username, officer.secret);
    await call("POST", "/api/auth/logout", token, {});
    for (let i = 0; i < 3; i += 1) {
      await call("POST", "/api/auth/login", null, { username: officer.username, secret: "000000" });
      await call("POST", "/api/auth/login", null, { username: "tidak-ada", secret: "000000" });
    }
    const recent = await audit("?limit=20");
    expect(recent.find((e) => e.action === "login.ok" && e.target === officer.username)).toMatchObject({ actor: { kind: "user", name: officer.username }, address: "127.0.0.1", userAgent: AGENT });
    expect(recent.find((e) => e.action === "logout" && e.target === officer.username)).toMatchObject({ actor: { kind: "user", name: officer.username } });
    const failed = recent.filter((e) => e.action === "login.failed");
    const shape = (e: AuditEntry) => ({ ...e, id: 0, at: 0, lastAt: 0, target: "", actor: { ...e.actor, name: "" } });
    const known = failed.find((e) => e.target === officer.username);
    const unknown = failed.find((e) => e.target === "tidak-ada");
    // One row each for three guesses within the minute; otherwise alike but for the typed name.
    expect(known?.count).toBe(3);
    expect(unknown?.count).toBe(3);
    expect(shape(known!)).toEqual(shape(unknown!));
    expect(known?.actor).toEqual({ kind: "anonymous", id: null, name: officer.username });
  });

  it("filters by action and actor, pages newest first, and exports CSV with a BOM", async () => {
    const adds = await audit(`?action=user.add&actor=${hub.user("admin").username.toUpperCase()}&limit=2`);
    expect(adds).toHaveLength(2);
    expect(adds.every((e) => e.action === "user.add" && e.actor.name === hub.user("admin").username)).toBe(true);
    expect(adds[0]!.id).toBeGreaterThan(adds[1]!.id);
    const page = (await call<AuditPage>("GET", "/api/admin/audit?action=user.add&limit=2", tokens.admin)).body.data;
    const next = (await call<AuditPage>("GET", `/api/admin/audit?action=user.add&limit=2&before=${page.nextBefore}`, tokens.admin)).body.data;
    expect(next.entries[0]!.id).toBeLessThan(page.entries[1]!.id);
    // The hub's day: nothing is from the day before it.
    const today = new Date(hub.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const yesterday = new Date(hub.now() - 17 * 3_600_000).toISOString().slice(0, 10);
    expect((await audit(`?from=${today}&to=${today}&limit=5`)).length).toBe(5);
    expect(await audit(`?from=${yesterday}&to=${yesterday}`)).toEqual([]);

    const res = await fetch(`${hub.url}/api/admin/audit.csv?action=user.disable`, { headers: { authorization: `Bearer ${tokens.manager}` } });
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trim().split("\r\n");
    expect(lines[0]).toBe("Waktu,Pelaku,Jenis pelaku,Alamat,Peramban,Tindakan,Kode tindakan,Sasaran,Sebelum,Sesudah,Jumlah,Terakhir");
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((l) => l.includes(",Pengguna dinonaktifkan,user.disable,"))).toBe(true);
  });

  it("keeps what it acknowledged through a SIGKILL of the hub right after the answer", async () => {
    const answer = await call<UserWithSecret>("POST", "/api/admin/users", tokens.admin, {
      username: "sebelum-mati",
      displayName: "Sebelum Mati",
      role: "officer",
      secret: "135790",
    });
    expect(answer.status).toBe(200);
    const disabled = await call("POST", `/api/admin/users/${answer.body.data.user.id}/disable`, tokens.admin, {});
    expect(disabled.status).toBe(200);
    await hub.kill();
    await hub.restart();
    tokens.admin = await login(hub.user("admin").username, hub.user("admin").secret);
    const rows = (await audit("?limit=20")).filter((e) => e.target === "sebelum-mati");
    expect(rows.map((e) => e.action)).toEqual(["user.disable", "user.add"]);
    expect((await users()).find((u) => u.username === "sebelum-mati")?.disabledAt).not.toBeNull();
  }, 60_000);
});
