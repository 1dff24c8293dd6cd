import type { CounterConfig, LayanConfig, ServiceConfig } from "./types";

/**
 * What differs between two valid kiosk-configs, item by item, with no opinion
 * on when a change may take effect: that depends on the running queue, which
 * only the hub knows (apps/hub/src/live-config/classify.ts).
 */
export type ConfigChange =
  | { kind: "service.added"; serviceId: string; prefix: string }
  | { kind: "service.removed"; serviceId: string }
  | { kind: "service.prefix"; serviceId: string; before: string; after: string }
  | { kind: "service.quota"; serviceId: string; before: number | null; after: number | null }
  /** Texts, SOP steps, requirements, fee, hours, targets, agency, keywords: `fields` are the top-level keys. */
  | { kind: "service.changed"; serviceId: string; fields: string[] }
  | { kind: "counter.added"; counterId: string }
  | { kind: "counter.removed"; counterId: string }
  | { kind: "counter.changed"; counterId: string; fields: string[] }
  | { kind: "office.timezone"; before: string; after: string }
  | { kind: "office.changed"; fields: string[] }
  | { kind: "agencies.changed" }
  | { kind: "services.reordered" }
  | { kind: "devices.changed" }
  | { kind: "voice.changed" };

/** JSON is enough: configs are plain data straight from YAML and zod, key order as in the files. */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function changedFields<T extends object>(before: T, after: T, skip: readonly string[] = []): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys]
    .filter((k) => !skip.includes(k) && !same((before as Record<string, unknown>)[k], (after as Record<string, unknown>)[k]))
    .sort();
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((i) => [i.id, i]));
}

function quotaOf(s: ServiceConfig): number | null {
  return s.dailyQuota ?? null;
}

export function diffConfig(before: LayanConfig, after: LayanConfig): ConfigChange[] {
  const changes: ConfigChange[] = [];
  if (before.office.timezone !== after.office.timezone) {
    changes.push({ kind: "office.timezone", before: before.office.timezone, after: after.office.timezone });
  }
  const officeFields = changedFields(before.office, after.office, ["timezone"]);
  if (officeFields.length > 0) changes.push({ kind: "office.changed", fields: officeFields });
  if (!same(before.agencies, after.agencies)) changes.push({ kind: "agencies.changed" });

  const oldServices = byId(before.services);
  const newServices = byId(after.services);
  for (const [id, s] of newServices) {
    const old = oldServices.get(id);
    if (!old) {
      changes.push({ kind: "service.added", serviceId: id, prefix: s.prefix });
      continue;
    }
    if (old.prefix !== s.prefix) changes.push({ kind: "service.prefix", serviceId: id, before: old.prefix, after: s.prefix });
    if (quotaOf(old) !== quotaOf(s)) changes.push({ kind: "service.quota", serviceId: id, before: quotaOf(old), after: quotaOf(s) });
    const fields = changedFields(old, s, ["prefix", "dailyQuota"]);
    if (fields.length > 0) changes.push({ kind: "service.changed", serviceId: id, fields });
  }
  for (const id of oldServices.keys()) if (!newServices.has(id)) changes.push({ kind: "service.removed", serviceId: id });
  const kept = (list: LayanConfig["services"], other: Map<string, ServiceConfig>) => list.filter((s) => other.has(s.id)).map((s) => s.id);
  // The kiosk lists services in this order (agencies.yaml, then file names).
  if (!same(kept(before.services, newServices), kept(after.services, oldServices))) changes.push({ kind: "services.reordered" });

  const oldCounters = byId<CounterConfig>(before.counters);
  const newCounters = byId<CounterConfig>(after.counters);
  for (const [id, c] of newCounters) {
    const old = oldCounters.get(id);
    if (!old) changes.push({ kind: "counter.added", counterId: id });
    else {
      const fields = changedFields(old, c);
      if (fields.length > 0) changes.push({ kind: "counter.changed", counterId: id, fields });
    }
  }
  for (const id of oldCounters.keys()) if (!newCounters.has(id)) changes.push({ kind: "counter.removed", counterId: id });

  if (!same(before.devices, after.devices)) changes.push({ kind: "devices.changed" });
  if (!same(before.voicePack ?? null, after.voicePack ?? null)) changes.push({ kind: "voice.changed" });
  return changes;
}
