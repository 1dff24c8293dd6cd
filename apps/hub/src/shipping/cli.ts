/**
 * `pnpm hub regency join --url URL --credential C` and `pnpm hub regency status`.
 * join writes regency.json (0600) in the data folder: the hub ships from its
 * next start. status asks the central server where its copy ends and reads
 * what the running hub last wrote about its outbox.
 */
import { parseArgs } from "node:util";
import { join, resolve } from "node:path";
import { openStore } from "@layan/store";
import { RegencyClient } from "./client";
import { RegencyConfig, readRegencyConfig, readShippingStatus, writeRegencyConfig } from "./config";

export async function regencyCommand(args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { url: { type: "string" }, credential: { type: "string" }, data: { type: "string" } },
  });
  const [action] = positionals;
  const dataDir = resolve(values.data ?? process.env.LAYAN_DATA ?? "data");
  if (action === "join") {
    const parsed = RegencyConfig.safeParse({ url: values.url, credential: values.credential });
    if (!parsed.success) throw new Error(`usage: pnpm hub regency join --url https://regency.example.go.id --credential ID.SECRET (${parsed.error.issues.map((i) => i.message).join("; ")})`);
    // Asked once now, so a wrong address or credential shows at the desk, not in tomorrow's logs.
    const position = await new RegencyClient(parsed.data).position();
    const file = writeRegencyConfig(dataDir, parsed.data);
    return `Joined office "${position.office}" at ${parsed.data.url} (central copy up to seq ${position.lastSeq}, stream ${position.stream}). Wrote ${file}; restart the hub to start shipping.`;
  }
  if (action === "status") {
    const config = readRegencyConfig(dataDir);
    if (!config) return "Not joined to a regency (no regency.json): pnpm hub regency join --url URL --credential C";
    const store = openStore(join(dataDir, "layan.db"));
    const hubSeq = store.lastSeq();
    store.close();
    const local = readShippingStatus(dataDir);
    let central: string;
    try {
      const p = await new RegencyClient(config).position();
      central = `central copy: office ${p.office}, stream ${p.stream}, up to seq ${p.lastSeq}; backlog ${Math.max(0, hubSeq - p.lastSeq)} event(s)`;
    } catch (err) {
      central = `central server: not reachable now (${(err as Error).message})`;
    }
    const lines = [`regency: ${config.url}`, `hub log: up to seq ${hubSeq}`, central];
    if (local) {
      lines.push(`outbox: ${local.state} (as of ${new Date(local.updatedAt).toISOString()})`);
      if (local.lastError) lines.push(`last error: ${local.lastError.code} ${local.lastError.message} at ${new Date(local.lastError.at).toISOString()}`);
    } else {
      lines.push("outbox: no status yet (the hub has not run since joining)");
    }
    return lines.join("\n");
  }
  throw new Error("usage: pnpm hub regency <join --url URL --credential C | status> [--data DIR]");
}
