import { inspectConfig, type ConfigEdit, type LayanConfig } from "@layan/config";
import {
  NAMESPACES,
  type AdminDevice,
  type ApprovePairingRequest,
  type DeviceGroupOption,
  type DeviceKindName,
  type DeviceList,
  type DisplayGroupValue,
  type ErrorCode,
} from "@layan/protocol";
import type { AuditActor, Device, Store } from "@layan/store";
import type { HubContext } from "../context";
import type { LiveConfig } from "../live-config";
import { hashToken, newToken } from "../auth";
import { revokeDevice } from "../admin";
import type { Outcome } from "./users";

/**
 * The device actions behind the "Perangkat" tab (devices-routes.ts). Where
 * things live:
 *
 * - the token (its hash), the kind and the enrolment's name: the store's
 *   devices table, as for `pnpm hub device add`;
 * - a listed device's name, a display's group, a kiosk's printer:
 *   devices.yaml, the office's source of truth (it may be kept in git), so
 *   renaming or moving a listed device writes the YAML back through live
 *   configuration (applyConfig: validated like `pnpm config:check`, applied
 *   without a restart, previous file backed up), and the store's name copy
 *   follows so the hub's logs and a device's identity say the same.
 *
 * A device not listed in devices.yaml keeps its name in the store only and
 * has no group to move (the hub shows it every counter): list it there first.
 */

export interface DeviceOffice {
  ctx: HubContext;
  store: Store;
  presence: DevicePresence;
  /** devices.yaml as last read, by live config's version. */
  files: { dir: string; version: number; config: LayanConfig } | null;
}

/** Connected sockets come from socket.io itself; when each device was last seen, from this hub's memory. */
export class DevicePresence {
  private readonly lastSeen = new Map<string, number>();

  constructor(private readonly ctx: HubContext) {
    for (const kind of ["kiosk", "display"] as const) {
      ctx.io.of(NAMESPACES[kind]).on("connection", (socket) => {
        const id = (socket.data as { identity?: { id: string } }).identity?.id;
        if (!id) return;
        this.lastSeen.set(`${kind}:${id}`, ctx.engine.now());
        socket.on("disconnect", () => this.lastSeen.set(`${kind}:${id}`, ctx.engine.now()));
      });
    }
  }

  connections(kind: DeviceKindName, id: string): number {
    let n = 0;
    for (const socket of this.ctx.io.of(NAMESPACES[kind]).sockets.values()) {
      if ((socket.data as { identity?: { id: string } }).identity?.id === id) n += 1;
    }
    return n;
  }

  lastSeenAt(kind: DeviceKindName, id: string): number | null {
    return this.connections(kind, id) > 0 ? this.ctx.engine.now() : (this.lastSeen.get(`${kind}:${id}`) ?? null);
  }
}

/** The running live configuration, when the hub runs with a config folder it writes back to (main.ts). */
function liveConfigOf(ctx: HubContext): LiveConfig | undefined {
  const live = ctx.liveConfig;
  return live && "applyConfig" in live ? (live as LiveConfig) : undefined;
}

/**
 * devices.yaml as the files hold it now, read again only after live config
 * applied something: the list is asked for every few seconds by an open tab.
 */
function filesConfig(office: DeviceOffice): LayanConfig | null {
  const live = liveConfigOf(office.ctx);
  if (!live) return null;
  const { dir, version } = live.status();
  const cached = office.files;
  if (cached?.dir === dir && cached.version === version) return cached.config;
  // An invalid folder on disk (someone mid-edit): keep showing what was last valid.
  const config = inspectConfig(dir).config;
  if (!config) return cached?.dir === dir ? cached.config : null;
  office.files = { dir, version, config };
  return config;
}

const groupKey = (g: DisplayGroupValue) => (g === "all" ? "all" : `counters:${g.counters.join(",")};services:${g.services.join(",")}`);

function groupOption(config: LayanConfig, group: DisplayGroupValue): DeviceGroupOption {
  if (group === "all") return { key: "all", label: "Semua loket dan layanan", group };
  const counters = group.counters.map((id) => config.counters.find((c) => c.id === id)?.name ?? id);
  const services = group.services.map((id) => config.services.find((s) => s.id === id)?.name.id ?? id);
  const label = [counters.length ? counters.join(", ") : null, services.length ? `Layanan ${services.join(", ")}` : null].filter(Boolean).join("; ");
  return { key: groupKey(group), label, group };
}

/** "all" and every group a display of devices.yaml has, each once. */
function groupOptions(config: LayanConfig | null): DeviceGroupOption[] {
  if (!config) return [];
  const options = new Map<string, DeviceGroupOption>([["all", groupOption(config, "all")]]);
  for (const d of config.devices.displays) options.set(groupKey(d.group), groupOption(config, d.group));
  return [...options.values()];
}

const LIST_KEY = { kiosk: "kiosks", display: "displays" } as const;

function configEntry(config: LayanConfig | null, kind: DeviceKindName, id: string) {
  if (!config) return null;
  const list: readonly { id: string; name: string }[] = config.devices[LIST_KEY[kind]];
  const index = list.findIndex((d) => d.id === id);
  return index < 0 ? null : { index, entry: list[index] as { id: string; name: string; group?: DisplayGroupValue } };
}

/** The newest enrolment of each id (revoked ones keep their rows for the trail). */
function latestEnrolments(store: Store): Map<string, Device> {
  const latest = new Map<string, Device>();
  for (const d of store.listDevices()) {
    const seen = latest.get(d.id);
    const better = !seen || (seen.revokedAt !== null && d.revokedAt === null) || (seen.revokedAt !== null && d.createdAt > seen.createdAt);
    if (better) latest.set(d.id, d);
  }
  return latest;
}

export function listDevices(office: DeviceOffice): DeviceList {
  const { store, presence } = office;
  const config = filesConfig(office);
  const enrolled = latestEnrolments(store);
  const kinds = new Map<string, DeviceKindName>();
  for (const d of enrolled.values()) kinds.set(d.id, d.kind);
  for (const k of config?.devices.kiosks ?? []) if (!kinds.has(k.id)) kinds.set(k.id, "kiosk");
  for (const d of config?.devices.displays ?? []) if (!kinds.has(d.id)) kinds.set(d.id, "display");
  const devices: AdminDevice[] = [...kinds].map(([id, kind]) => {
    const row = enrolled.get(id);
    const listed = configEntry(config, kind, id);
    const group = kind === "display" && listed?.entry.group && config ? groupOption(config, listed.entry.group) : null;
    return {
      id,
      kind,
      name: listed?.entry.name ?? row?.name ?? id,
      inConfig: listed !== null,
      group,
      connections: presence.connections(kind, id),
      lastSeenAt: presence.lastSeenAt(kind, id),
      enrolled: row !== undefined,
      enrolledAt: row?.createdAt ?? null,
      revokedAt: row?.revokedAt ?? null,
    };
  });
  devices.sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, "id") || a.id.localeCompare(b.id));
  return { devices, groups: groupOptions(config) };
}

/** Writes devices.yaml through live config; null when applied (or nothing to write), else the refusal's code. */
function writeBack(ctx: HubContext, set: { path: (string | number)[]; value: unknown }[]): ErrorCode | null {
  if (set.length === 0) return null;
  const live = liveConfigOf(ctx);
  if (!live) return "DEVICE_NOT_IN_CONFIG";
  const edit: ConfigEdit = { file: "devices.yaml", set };
  const result = live.applyConfig([edit]);
  return result.ok ? null : result.error.code;
}

const sameGroup = (a: DisplayGroupValue | undefined, b: DisplayGroupValue) => a !== undefined && groupKey(a) === groupKey(b);

/**
 * An approved pairing: devices.yaml first (a new display's entry, a changed
 * name or group), then the token and the audit row in one transaction. The
 * token is returned for the pairing book to hand to its device; only its hash is stored.
 */
export function approvePairing(
  office: DeviceOffice,
  actor: AuditActor,
  pairing: { code: string; kind: DeviceKindName; address: string },
  input: ApprovePairingRequest,
): Outcome<{ token: string; device: AdminDevice }> {
  const { ctx, store } = office;
  const now = ctx.engine.now();
  const config = filesConfig(office);
  const enrolment = latestEnrolments(store).get(input.id);
  // A kiosk's id given to a screen would take the kiosk's printer and name: refused before "taken".
  const other = configEntry(config, pairing.kind === "kiosk" ? "display" : "kiosk", input.id);
  if (other || (enrolment && enrolment.kind !== pairing.kind)) return { ok: false, code: "DEVICE_KIND_MISMATCH" };
  if (enrolment?.revokedAt === null) return { ok: false, code: "DEVICE_ID_TAKEN" };
  const listed = configEntry(config, pairing.kind, input.id);
  const list = LIST_KEY[pairing.kind];
  const set: { path: (string | number)[]; value: unknown }[] = [];
  if (listed) {
    if (listed.entry.name !== input.name) set.push({ path: [list, listed.index, "name"], value: input.name });
    if (pairing.kind === "display" && input.group && !sameGroup(listed.entry.group, input.group)) {
      set.push({ path: [list, listed.index, "group"], value: input.group });
    }
  } else if (pairing.kind === "display" && config) {
    // A new screen gets its entry, so its group is the YAML's like every other display's.
    set.push({ path: [list, config.devices.displays.length], value: { id: input.id, name: input.name, group: input.group ?? "all" } });
  }
  const refused = writeBack(ctx, set);
  if (refused) return { ok: false, code: refused };

  const token = newToken("dev");
  const group = pairing.kind === "display" ? (input.group ?? listed?.entry.group ?? "all") : null;
  store.audited(() => {
    store.addDevice({ id: input.id, kind: pairing.kind, name: input.name, tokenHash: hashToken(token), createdAt: now });
    store.recordAudit({
      at: now,
      actor,
      action: "device.pair",
      target: input.id,
      after: {
        kind: pairing.kind,
        name: input.name,
        code: pairing.code,
        deviceAddress: pairing.address,
        inConfig: listed !== null || (pairing.kind === "display" && config !== null),
        ...(group ? { group: groupKey(group) } : {}),
      },
    });
  });
  const device = listDevices(office).devices.find((d) => d.id === input.id);
  if (!device) throw new Error(`device ${input.id} vanished after its enrolment`);
  return { ok: true, data: { token, device } };
}

function deviceOf(office: DeviceOffice, id: string): AdminDevice | undefined {
  return listDevices(office).devices.find((d) => d.id === id);
}

export function renameDevice(office: DeviceOffice, actor: AuditActor, id: string, name: string): Outcome<AdminDevice> {
  const { ctx, store } = office;
  const device = deviceOf(office, id);
  if (!device) return { ok: false, code: "DEVICE_NOT_FOUND" };
  if (device.name === name) return { ok: true, data: device };
  const listed = configEntry(filesConfig(office), device.kind, id);
  if (listed) {
    const refused = writeBack(ctx, [{ path: [LIST_KEY[device.kind], listed.index, "name"], value: name }]);
    if (refused) return { ok: false, code: refused };
  }
  store.audited(() => {
    store.renameDevice(id, name);
    store.recordAudit({ at: ctx.engine.now(), actor, action: "device.rename", target: id, before: { name: device.name }, after: { name, inConfig: listed !== null } });
  });
  return { ok: true, data: deviceOf(office, id) ?? device };
}

export function moveDisplay(office: DeviceOffice, actor: AuditActor, id: string, group: DisplayGroupValue): Outcome<AdminDevice> {
  const { ctx, store } = office;
  const device = deviceOf(office, id);
  if (!device) return { ok: false, code: "DEVICE_NOT_FOUND" };
  if (device.kind !== "display") return { ok: false, code: "DEVICE_KIND_MISMATCH" };
  const listed = configEntry(filesConfig(office), "display", id);
  if (!listed) return { ok: false, code: "DEVICE_NOT_IN_CONFIG" };
  if (sameGroup(listed.entry.group, group)) return { ok: true, data: device };
  // live config regroups the connected screen itself (regroupDisplays): calls follow at once.
  const refused = writeBack(ctx, [{ path: ["displays", listed.index, "group"], value: group }]);
  if (refused) return { ok: false, code: refused };
  store.audited(() =>
    store.recordAudit({
      at: ctx.engine.now(),
      actor,
      action: "device.group",
      target: id,
      before: { group: device.group?.key ?? null },
      after: { group: groupKey(group) },
    }),
  );
  return { ok: true, data: deviceOf(office, id) ?? device };
}

export function revokeEnrolledDevice(office: DeviceOffice, actor: AuditActor, id: string): Outcome<AdminDevice> {
  const device = deviceOf(office, id);
  if (!device?.enrolled) return { ok: false, code: "DEVICE_NOT_FOUND" };
  if (device.revokedAt !== null) return { ok: true, data: device };
  revokeDevice(office.store, id, office.ctx.engine.now(), actor);
  return { ok: true, data: deviceOf(office, id) ?? device };
}
