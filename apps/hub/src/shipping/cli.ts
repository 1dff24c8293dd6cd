/**
 * `pnpm hub regency join --url URL --credential C [--takeover]` and `pnpm hub regency status`.
 * join writes regency.json (0600) in the data folder: the hub ships from its
 * next start. With --takeover this hub replaces the one that shipped the
 * office until now (a new PC): central opens a stream for it at the last
 * event both logs agree on, and refuses the other hub from then on. status
 * asks the central server where its copy ends and reads what the running hub
 * last wrote about its outbox.
 */
import { parseArgs } from "node:util";
import { join, resolve } from "node:path";
import { ERROR_MESSAGES, REGENCY_ERROR_MESSAGES } from "@layan/protocol";
import { openStore } from "@layan/store";
import { RegencyClient } from "./client";
import { hubInstanceId, RegencyConfig, readRegencyConfig, readShippingStatus, writeRegencyConfig } from "./config";
import { agreedSeq } from "./outbox";

/** A refusal's code in the office's words, Indonesian first; codes only the hub makes (CENTRAL_UNREACHABLE) keep the hub's English. */
function inWords(code: string, fallback: string): string {
  const m = (REGENCY_ERROR_MESSAGES as Record<string, { id: string; en: string }>)[code] ?? (ERROR_MESSAGES as Record<string, { id: string; en: string }>)[code];
  return m ? `${m.id} / ${m.en}` : fallback;
}

export async function regencyCommand(args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { url: { type: "string" }, credential: { type: "string" }, data: { type: "string" }, takeover: { type: "boolean", default: false } },
  });
  const [action] = positionals;
  const dataDir = resolve(values.data ?? process.env.LAYAN_DATA ?? "data");
  if (action === "join") {
    // --takeover on a hub that already joined keeps its address and credential.
    const joined = values.takeover && values.url === undefined && values.credential === undefined ? readRegencyConfig(dataDir) : null;
    const parsed = RegencyConfig.safeParse(joined ?? { url: values.url, credential: values.credential });
    if (!parsed.success) throw new Error(`usage: pnpm hub regency join --url https://regency.example.go.id --credential ID.SECRET [--takeover] (${parsed.error.issues.map((i) => i.message).join("; ")})`);
    const client = new RegencyClient(parsed.data);
    // Asked once now, so a wrong address or credential shows at the desk, not in tomorrow's logs.
    let position = await client.position();
    if (values.takeover) {
      const store = openStore(join(dataDir, "layan.db"));
      try {
        const agreed = await agreedSeq(client, store, position);
        position = await client.openStream(position.stream, agreed, { hubInstance: hubInstanceId(dataDir), takeover: true });
      } finally {
        store.close();
      }
    }
    const file = writeRegencyConfig(dataDir, parsed.data);
    const took = values.takeover ? ` This hub now ships the office (stream ${position.stream} from seq ${position.baseSeq}); the other hub's batches are refused.` : "";
    return `Joined office "${position.office}" at ${parsed.data.url} (central copy up to seq ${position.lastSeq}, stream ${position.stream}).${took} Wrote ${file}; restart the hub to start shipping.`;
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
      if (local.lastError) lines.push(`last error: ${local.lastError.code} ${inWords(local.lastError.code, local.lastError.message)} at ${new Date(local.lastError.at).toISOString()}`);
    } else {
      lines.push("outbox: no status yet (the hub has not run since joining)");
    }
    return lines.join("\n");
  }
  throw new Error("usage: pnpm hub regency <join --url URL --credential C [--takeover] | status> [--data DIR]");
}
