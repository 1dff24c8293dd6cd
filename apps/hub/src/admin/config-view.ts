/**
 * What the configuration screen lists: each service file with its Standar
 * Pelayanan completeness, judged by the same check as `pnpm config:check`
 * (packages/config/src/standar.ts) on the files as they are on disk, so a
 * service shows incomplete as soon as its file is, applied or not.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { inspectConfig } from "@layan/config";
import { STANDAR_KEYS, type ConfigServiceEntry, type ConfigServiceStandard, type ConfigStatusView, type StandarKey } from "@layan/protocol";
import type { ConfigStatus } from "../live-config";
import { configFiles } from "../live-config/versions";

/** A top-level scalar of a YAML file, read without a parser: enough for a service's id and agency, even when the file does not load. */
function topLevel(text: string, key: string): string | undefined {
  const m = new RegExp(`^${key}:[ \\t]*["']?([^"'#\\n]*?)["']?[ \\t]*(#.*)?$`, "m").exec(text);
  return m?.[1] || undefined;
}

export function configServices(dir: string): ConfigServiceEntry[] {
  const inspection = inspectConfig(dir);
  const standar = new Map(inspection.standar.services.map((s) => [s.serviceId, s]));
  const running = new Map((inspection.config?.services ?? []).map((s) => [s.id, s]));
  return configFiles(dir)
    .filter((f) => f.startsWith("services/"))
    .map((file): ConfigServiceEntry => {
      const text = readFileSync(join(dir, file), "utf8");
      const id = topLevel(text, "id") ?? file.replace(/^services\/|\.ya?ml$/g, "");
      const s = standar.get(id);
      const loaded = running.get(id);
      const components = Object.fromEntries(STANDAR_KEYS.map((k) => [k, s?.components[k] ?? false])) as Record<StandarKey, boolean>;
      return {
        id,
        name: loaded ? { id: loaded.name.id, ...(loaded.name.en ? { en: loaded.name.en } : {}) } : { id: s?.name ?? id },
        agency: topLevel(text, "agency") ?? "",
        prefix: s?.prefix ?? topLevel(text, "prefix") ?? "",
        file,
        components,
        complete: s?.complete ?? false,
      };
    });
}

export function statusView(status: ConfigStatus): ConfigStatusView {
  return { version: status.version, appliedAt: status.appliedAt, pending: status.pending, lastRefusal: status.lastRefusal };
}

/** What the form and the citizen's view of one file need, from the folder as it loads now. */
export function fileDetails(dir: string, file: string): { service?: ConfigServiceStandard; runningText?: string[] } {
  const config = inspectConfig(dir).config;
  if (!config) return {};
  if (file === "office.yaml") return { runningText: [...config.office.runningText] };
  const id = topLevel(readFileSync(join(dir, file), "utf8"), "id");
  const s = config.services.find((x) => x.id === id);
  if (!s || !file.startsWith("services/")) return {};
  return {
    service: {
      id: s.id,
      name: { id: s.name.id, ...(s.name.en ? { en: s.name.en } : {}) },
      persyaratan: s.persyaratan.map((r) => ({ ...r })),
      sop: {
        waitMinutes: s.sop.waitMinutes,
        serviceMinutes: s.sop.serviceMinutes,
        steps: s.sop.steps.map((st) => ({ id: st.id, actor: st.actor, description: st.description, minutes: st.minutes })),
      },
      jangkaWaktu: { ...s.jangkaWaktu },
      biaya: { ...s.biaya },
      produk: s.produk,
      pengaduan: s.pengaduan.map((p) => ({ name: p.name, contact: p.contact })),
      dailyQuota: s.dailyQuota ?? null,
    },
  };
}
