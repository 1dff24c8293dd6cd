/**
 * `pnpm regency <command>`: the regency's central server and its offices.
 *   serve [--port 8600] [--host 127.0.0.1] [--trust-proxy] [--web DIR]
 *                                                 applies new migrations, then listens
 *   migrate                                       applies new migrations and exits
 *   office add <id> --name "..." --agency "..."   enrols an office; prints its credential once
 *   office revoke <id>                            revokes every credential of the office
 *   office credential <id>                        a new credential, after a revoke (a replaced hub PC, a leaked one)
 *   office list
 *   viewer add <name> [--office id]               a report viewer's token, shown once (scoped: that office only)
 *   viewer revoke <id|name>    viewer list
 *   reports rebuild                               the report facts again from office_events
 *   user add <username> --name "..." --role regency|office [--office id] [--password-stdin]
 *                                                 a dashboard login; prints a generated password once
 *   user password <username> [--password-stdin]   a new password (shown once); ends its sessions, lifts a lock-out
 *   user disable|enable <username>    user list
 * Common: --database URL (default $LAYAN_REGENCY_DATABASE_URL)
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { officeId } from "@layan/protocol";
import { migrate } from "./db/migrate";
import { openPool } from "./db/pool";
import { serve } from "./main";
import { addOffice, issueCredential, listOffices, revokeOffice } from "./offices";
import { rebuildProjection } from "./reports/project";
import { addViewer, listViewers, revokeViewer } from "./reports/viewers";
import { userCommand } from "./auth/cli";
import type { Pool } from "./db/pool";

const USAGE = `usage: pnpm regency <serve|migrate|office ...|viewer ...|user ...|reports rebuild> [options]
  serve [--port 8600] [--host 127.0.0.1] [--trust-proxy] [--web apps/regency-web/dist]   (--trust-proxy: behind nginx/Caddy on this machine)
  office add dpmptsp --name "DPMPTSP Kabupaten" --agency "Dinas Penanaman Modal dan PTSP"
  office revoke dpmptsp      office credential dpmptsp      office list
  viewer add "Inspektorat" [--office dpmptsp]      viewer revoke <id|name>      viewer list
  user add budi --name "Budi Santoso (Inspektorat)" --role regency      user add kadis-dpmptsp --name "..." --role office --office dpmptsp
  user password <username> [--password-stdin]      user disable|enable <username>      user list
  reports rebuild
  all: --database postgres://user@host:5432/regency (default $LAYAN_REGENCY_DATABASE_URL)`;

function fail(message: string): never {
  process.stderr.write(`layan regency: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: {
      database: { type: "string", default: process.env.LAYAN_REGENCY_DATABASE_URL },
      port: { type: "string", default: "8600" },
      host: { type: "string", default: "127.0.0.1" },
      name: { type: "string" },
      agency: { type: "string" },
      office: { type: "string" },
      role: { type: "string" },
      "password-stdin": { type: "boolean", default: false },
      web: { type: "string" },
      "trust-proxy": { type: "boolean", default: process.env.LAYAN_REGENCY_TRUST_PROXY === "1" },
      "log-level": { type: "string", default: process.env.LOG_LEVEL ?? "info" },
    },
  });
  const [group, action, id] = positionals;
  if (!group) fail(USAGE);
  if (!values.database) fail("--database URL (or LAYAN_REGENCY_DATABASE_URL) is required");
  if (group === "serve") {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) fail("--port must be 0..65535");
    return serve({ database: values.database, port, host: values.host, logLevel: values["log-level"], trustProxy: values["trust-proxy"], ...(values.web ? { webRoot: resolve(values.web) } : {}) });
  }
  const pool = openPool(values.database, { max: 2 });
  const now = Date.now();
  try {
    if (group === "migrate") {
      const applied = await migrate(pool);
      process.stderr.write(applied.length > 0 ? `Applied migrations ${applied.join(", ")}.\n` : "Database is up to date.\n");
      return;
    }
    await migrate(pool);
    if (group === "office" && action === "list") {
      for (const o of await listOffices(pool)) {
        process.stdout.write(`${o.id}\t${o.name}\t${o.agency}\t${o.activeCredentials > 0 ? `${o.activeCredentials} active credential(s)` : "revoked"}\n`);
      }
      return;
    }
    if (group === "viewer") return await viewerCommand(pool, action, id, values.office, now);
    if (group === "user") {
      const done = await userCommand(pool, action, id, values, now);
      if (!done) fail(USAGE);
      return;
    }
    if (group === "reports" && action === "rebuild") {
      const done = await rebuildProjection(pool);
      process.stderr.write(`Report facts rebuilt: ${done.tickets} ticket(s) of ${done.offices} office(s).\n`);
      return;
    }
    if (group !== "office" || !action || !id) fail(USAGE);
    if (!officeId.safeParse(id).success) fail("office id: lowercase letters, digits and dashes (e.g. dpmptsp)");
    if (action === "add") {
      if (!values.name || !values.agency) fail("--name and --agency are required");
      const credential = await addOffice(pool, { id, name: values.name, agency: values.agency }, now);
      process.stdout.write(`${credential}\n`);
      process.stderr.write(`Office ${id} enrolled. Give this credential to the office's IT person (pnpm hub regency join); it is shown only once.\n`);
    } else if (action === "credential") {
      process.stdout.write(`${await issueCredential(pool, id, now)}\n`);
      process.stderr.write(`New credential for ${id}, shown only once: on the hub, pnpm hub regency join with it.\n`);
    } else if (action === "revoke") {
      const revoked = await revokeOffice(pool, id, now);
      if (revoked === 0) fail(`no active credential for office "${id}"`);
      process.stderr.write(`Revoked ${revoked} credential(s) of ${id}: its hub's next request is refused.\n`);
    } else {
      fail(USAGE);
    }
  } catch (err) {
    fail((err as Error).message);
  } finally {
    await pool.end();
  }
}

async function viewerCommand(pool: Pool, action: string | undefined, arg: string | undefined, office: string | undefined, now: number): Promise<void> {
  if (action === "list") {
    for (const v of await listViewers(pool)) {
      process.stdout.write(`${v.id}\t${v.name}\t${v.officeId ?? "(semua kantor)"}\t${v.revoked ? "revoked" : "active"}\n`);
    }
    return;
  }
  if (!arg) fail(USAGE);
  if (action === "add") {
    if (office !== undefined && !officeId.safeParse(office).success) fail("--office: an office id (e.g. dpmptsp)");
    const { id, token } = await addViewer(pool, { name: arg, officeId: office ?? null }, now);
    process.stdout.write(`${token}\n`);
    process.stderr.write(`Viewer ${id} (${arg}) for ${office ? `office ${office} only` : "every office"}; the token is shown only once.\n`);
  } else if (action === "revoke") {
    const revoked = await revokeViewer(pool, arg, now);
    if (revoked === 0) fail(`no active viewer "${arg}"`);
    process.stderr.write(`Revoked ${revoked} viewer token(s).\n`);
  } else {
    fail(USAGE);
  }
}

void main();
