/** `pnpm regency user ...`: the dashboard's logins (docs/regency.md "Logins"). */
import { officeId, regencyUsername, RegencyRole } from "@layan/protocol";
import type { Pool } from "../db/pool";
import { addUser, checkChosenPassword, generatePassword, listUsers, setDisabled, setPassword } from "./users";

export interface UserOptions {
  name?: string | undefined;
  role?: string | undefined;
  office?: string | undefined;
  "password-stdin"?: boolean | undefined;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) chunks.push(chunk);
  // One trailing newline is the echo's or the terminal's, not the password's.
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

/** A chosen password from stdin, or a generated one that the caller prints once. */
async function password(options: UserOptions): Promise<{ password: string; generated: boolean }> {
  if (!options["password-stdin"]) return { password: generatePassword(), generated: true };
  const chosen = await readStdin();
  checkChosenPassword(chosen);
  return { password: chosen, generated: false };
}

function shownOnce(secret: { password: string; generated: boolean }, what: string): void {
  if (!secret.generated) return void process.stderr.write(`${what}\n`);
  process.stdout.write(`${secret.password}\n`);
  process.stderr.write(`${what} The password is shown only once; give it to the user in person.\n`);
}

/** Runs a `user` command; false when the words are not one (the caller prints the usage). */
export async function userCommand(pool: Pool, action: string | undefined, arg: string | undefined, options: UserOptions, now: number): Promise<boolean> {
  if (action === "list") {
    for (const u of await listUsers(pool)) {
      process.stdout.write(`${u.username}\t${u.displayName}\t${u.role}\t${u.officeId ?? "(semua kantor)"}\t${u.disabled ? "disabled" : "active"}\n`);
    }
    return true;
  }
  if (!arg) return false;
  const parsed = regencyUsername.safeParse(arg);
  if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "bad username");
  const username = parsed.data;
  if (action === "add") {
    const role = RegencyRole.safeParse(options.role);
    if (!role.success) throw new Error("--role regency|office is required");
    if (!options.name?.trim()) throw new Error('--name "..." is required');
    if (options.office !== undefined && !officeId.safeParse(options.office).success) throw new Error("--office: an office id (e.g. dpmptsp)");
    const secret = await password(options);
    const user = await addUser(pool, { username, displayName: options.name.trim(), role: role.data, officeId: options.office ?? null, password: secret.password }, now);
    shownOnce(secret, `User ${user.username} (${user.role === "office" ? `office ${user.officeId} only` : "every office"}) added.`);
    return true;
  }
  if (action === "password") {
    const secret = await password(options);
    await setPassword(pool, username, secret.password, now);
    shownOnce(secret, `New password for ${username}: its sessions ended and any lock-out on the name is lifted.`);
    return true;
  }
  if (action === "disable" || action === "enable") {
    await setDisabled(pool, username, action === "disable", now);
    process.stderr.write(action === "disable" ? `User ${username} disabled; its sessions ended.\n` : `User ${username} enabled.\n`);
    return true;
  }
  return false;
}
