/**
 * `pnpm hub <command>`: administration of a hub's database.
 *   device add --kind kiosk|display --id ID [--name NAME]   prints the token once
 *   device revoke --id ID
 *   device list
 *   user add --username U --role officer|supervisor|manager|admin --name "Full Name" [--secret PIN]
 *   user pin --username U [--secret PIN]   new PIN (also lifts a lock-out)
 *   user disable|enable --username U   (disabling ends the user's sessions)
 *   user role --username U --role R   (ends the user's sessions)
 *   user list
 *   rebuild                  replays the event log into fresh read models
 *   backup --out FILE        online backup while the hub runs
 *   compact                  gives the free pages back to the disk (hub stopped; once after migration 0009)
 *   regency join --url URL --credential C [--takeover] | regency status   shipping to the regency (shipping/cli.ts)
 *   restore --from-regency --url URL --credential C   a dead hub's log back from the regency's copy (restore.ts)
 * Every change above is written to the audit trail (actor "cli").
 * Common: --data DIR (default ./data)
 */
import { randomInt } from "node:crypto";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { dumpReadModels, openStore, rebuildReadModels, type DeviceKind, type UserRole } from "@layan/store";
import { isDeepStrictEqual } from "node:util";
import { addDevice, addUser, revokeDevice } from "./admin";
import { changeRole, CLI_ACTOR, resetSecret, setDisabled } from "./admin/users";
import { restoreCommand } from "./restore";
import { regencyCommand } from "./shipping/cli";

const USAGE = `usage: pnpm hub <device add|device revoke|device list|user add|user pin|user disable|user enable|user role|user list|rebuild|backup|compact|restore|regency> [options]
  device add --kind kiosk|display --id kiosk-1 [--name "Kiosk Lobi"]
  device revoke --id kiosk-1
  user add --username budi --role officer --name "Budi Santoso" [--secret 123456]
  user pin --username budi [--secret 654321]      user disable|enable --username budi
  user role --username budi --role supervisor
  backup --out backups/layan-2026-11-27.db      compact (hub stopped)
  restore --from-regency --url https://regency.example.go.id --credential ID.SECRET   (hub stopped, empty data folder)
  regency join --url URL --credential ID.SECRET [--takeover]   regency status   (--takeover: this PC replaces the office's old hub)
  all: --data DIR (default ./data)`;

const ROLES: readonly UserRole[] = ["officer", "supervisor", "manager", "admin"];

function fail(message: string): never {
  process.stderr.write(`layan hub: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  if (process.argv[2] === "regency") {
    process.stdout.write(`${await regencyCommand(process.argv.slice(3)).catch((err: Error) => fail(err.message))}\n`);
    return;
  }
  if (process.argv[2] === "restore") {
    const { values } = parseArgs({
      args: process.argv.slice(3),
      options: { "from-regency": { type: "boolean", default: false }, url: { type: "string" }, credential: { type: "string" }, data: { type: "string", default: process.env.LAYAN_DATA ?? "data" } },
    });
    const answer = await restoreCommand({ url: values.url, credential: values.credential, data: resolve(values.data), fromRegency: values["from-regency"] }).catch((err: Error) => fail(err.message));
    process.stdout.write(`${answer}
`);
    return;
  }
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: {
      data: { type: "string", default: process.env.LAYAN_DATA ?? "data" },
      kind: { type: "string" },
      id: { type: "string" },
      name: { type: "string" },
      username: { type: "string" },
      role: { type: "string" },
      secret: { type: "string" },
      out: { type: "string" },
    },
  });
  const [group, action] = positionals;
  const dataDir = resolve(values.data);
  const dbPath = join(dataDir, "layan.db");
  if (!group) fail(USAGE);
  mkdirSync(dataDir, { recursive: true });
  const store = openStore(dbPath);
  const now = Date.now();
  try {
    if (group === "device" && action === "add") {
      const kind = values.kind as DeviceKind | undefined;
      if (kind !== "kiosk" && kind !== "display") fail("--kind must be kiosk or display");
      if (!values.id) fail("--id is required");
      const token = addDevice(store, kind, values.id, values.name ?? values.id, now, CLI_ACTOR);
      process.stdout.write(`${token}\n`);
      process.stderr.write(`Device ${values.id} (${kind}) enrolled. Keep this token secret: it is shown only once.\n`);
    } else if (group === "device" && action === "revoke") {
      if (!values.id) fail("--id is required");
      if (!revokeDevice(store, values.id, now, CLI_ACTOR)) fail(`no active device "${values.id}"`);
      process.stderr.write(`Device ${values.id} revoked; a running hub refuses its commands at once and ends its connection within 2 seconds.\n`);
    } else if (group === "device" && action === "list") {
      for (const d of store.listDevices()) {
        process.stdout.write(`${d.id}\t${d.kind}\t${d.name}\t${d.revokedAt ? `revoked ${new Date(d.revokedAt).toISOString()}` : "active"}\n`);
      }
    } else if (group === "user" && action === "add") {
      const role = values.role as UserRole | undefined;
      if (!role || !ROLES.includes(role)) fail(`--role must be one of ${ROLES.join(", ")}`);
      if (!values.username || !values.name) fail("--username and --name are required");
      const secret = values.secret ?? String(randomInt(100_000, 1_000_000));
      await addUser(store, { username: values.username, displayName: values.name, role, secret }, now, CLI_ACTOR);
      process.stdout.write(`${values.username}\t${secret}\n`);
      if (!values.secret) process.stderr.write("Generated PIN shown above: hand it over in person.\n");
    } else if (group === "user" && action === "pin") {
      const user = values.username ? store.findUserByUsername(values.username) : undefined;
      if (!user) fail(`no user "${values.username ?? ""}"`);
      const secret = values.secret ?? String(randomInt(100_000, 1_000_000));
      if (secret.length < 4) fail("PIN/password: at least 4 characters");
      const reset = await resetSecret(store, CLI_ACTOR, user.id, secret, now);
      if (!reset.ok) fail(reset.code);
      process.stdout.write(`${user.username}\t${secret}\n`);
      process.stderr.write("New PIN set; any lock-out is lifted and the user's open sessions end (a running hub drops them within 2 seconds).\n");
    } else if (group === "user" && (action === "disable" || action === "enable")) {
      const user = values.username ? store.findUserByUsername(values.username) : undefined;
      if (!user) fail(`no user "${values.username ?? ""}"`);
      const done = setDisabled(store, CLI_ACTOR, user.id, action === "disable", now);
      if (!done.ok) fail(done.code === "ADMIN_LAST_ADMIN" ? `${user.username} is the last active admin: add another admin first` : done.code);
      process.stderr.write(`User ${user.username} ${action}d.\n`);
    } else if (group === "user" && action === "role") {
      const user = values.username ? store.findUserByUsername(values.username) : undefined;
      if (!user) fail(`no user "${values.username ?? ""}"`);
      const role = values.role as UserRole | undefined;
      if (!role || !ROLES.includes(role)) fail(`--role must be one of ${ROLES.join(", ")}`);
      const done = changeRole(store, CLI_ACTOR, user.id, role, now);
      if (!done.ok) fail(done.code === "ADMIN_LAST_ADMIN" ? `${user.username} is the last active admin: add another admin first` : done.code);
      process.stderr.write(`User ${user.username} is now ${role}; their open sessions end.\n`);
    } else if (group === "user" && action === "list") {
      for (const u of store.listUsers()) {
        process.stdout.write(`${u.username}\t${u.role}\t${u.displayName}${u.disabledAt ? "\tdisabled" : ""}\n`);
      }
    } else if (group === "rebuild") {
      const before = dumpReadModels(store);
      const result = rebuildReadModels(store);
      const same = isDeepStrictEqual(before, dumpReadModels(store));
      process.stdout.write(`${JSON.stringify({ ...result, identicalToLive: same })}\n`);
    } else if (group === "backup") {
      if (!values.out) fail("--out FILE is required");
      const out = resolve(values.out);
      if (existsSync(out)) fail(`${out} exists; choose a new file name`);
      mkdirSync(dirname(out), { recursive: true });
      // SQLite's online backup API: consistent while the hub keeps writing.
      await store.db.backup(out);
      process.stderr.write(`Backup written to ${out}\n`);
    } else if (group === "compact") {
      // VACUUM rewrites the file without its free pages (a migration that
      // rebuilt a table leaves the old one's); it needs the hub stopped and
      // as much free disk again as the file is.
      const path = store.db.name;
      const before = statSync(path).size;
      store.db.exec("VACUUM");
      store.db.pragma("wal_checkpoint(TRUNCATE)");
      const mb = (n: number) => `${(n / 1e6).toFixed(0)} MB`;
      process.stderr.write(`Compacted ${path}: ${mb(before)} -> ${mb(statSync(path).size)}\n`);
    } else {
      fail(USAGE);
    }
  } catch (err) {
    fail((err as Error).message);
  } finally {
    store.close();
  }
}

void main();
