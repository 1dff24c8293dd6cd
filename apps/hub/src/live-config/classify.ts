/**
 * When a config change may take effect, judged against the running queue.
 * The rule is one sentence: nothing about a ticket already issued may change
 * its meaning. So:
 * - now: what citizens and officers read (texts, SOP steps, requirements,
 *   fees, hours, running text, maklumat, counter and device names), a quota
 *   raised (or lowered, but not below what is already issued today), a new
 *   service or counter, a counter's services, a service or counter removed
 *   while nothing of it is open;
 * - from the next service day: a prefix change of a service that has issued
 *   today (its next ticket would not follow its others: "A-012" then
 *   "Q-013"), a prefix another service used today (two "A-001" the same day;
 *   the kiosk's survey finds a ticket by its number), a quota lowered below
 *   what was issued today;
 * - refused, with a reason: a service removed with tickets waiting, called,
 *   being served or a no-show still to be reinstated; a counter removed while
 *   open, paused or with a ticket in hand; the office's timezone (it moves
 *   the service day itself).
 * A config with a refused change is refused as a whole: the hub runs either
 * the files' config or the previous one, never a mix an office never wrote.
 */
import { serviceDayOf, type QueueState } from "@layan/core";
import type { ConfigChange, LayanConfig } from "@layan/config";

export type ChangeEffect = "now" | "next_day" | "refused";

export interface ClassifiedChange {
  change: ConfigChange;
  effect: ChangeEffect;
  /** Why, for the log and the admin screen: Indonesian first. */
  reason: { id: string; en: string };
}

const NOW = { id: "Berlaku sekarang.", en: "Takes effect now." };

interface ServiceToday {
  /** Numbers handed out today (cancelled ones included: a number is never reused). */
  issued: number;
  /** Counted against the quota today. */
  quotaUsed: number;
  /** Waiting, called, being served, or a no-show that may still be reinstated. */
  open: number;
}

/** What the live queue holds of each service today; pruned tickets are finished ones, so nothing open is missed. */
export function servicesToday(state: QueueState, now: number): Map<string, ServiceToday> {
  const today = serviceDayOf(now, state.rules.timezone);
  const out = new Map<string, ServiceToday>();
  const of = (id: string) => {
    let s = out.get(id);
    if (!s) out.set(id, (s = { issued: 0, quotaUsed: 0, open: 0 }));
    return s;
  };
  for (const [id, n] of state.numbering) {
    if (n.serviceDay !== today) continue;
    of(id).issued = n.lastSequence;
    of(id).quotaUsed = n.quotaUsed;
  }
  const reinstateMs = state.rules.noShow.reinstateWithinMinutes * 60_000;
  for (const t of state.tickets.values()) {
    const open =
      t.status === "waiting" || t.status === "called" || t.status === "serving" || (t.status === "no_show" && t.noShowAt !== null && now - t.noShowAt <= reinstateMs);
    if (open) of(t.segment.serviceId).open += 1;
  }
  return out;
}

export function classifyChanges(running: LayanConfig, changes: readonly ConfigChange[], state: QueueState, now: number): ClassifiedChange[] {
  const today = servicesToday(state, now);
  const usedToday = new Map<string, string>();
  for (const s of running.services) if ((today.get(s.id)?.issued ?? 0) > 0) usedToday.set(s.prefix, s.id);

  const classified = changes.map((change): ClassifiedChange => {
    switch (change.kind) {
      case "office.timezone":
        return {
          change,
          effect: "refused",
          reason: {
            id: `Zona waktu kantor (${change.before} → ${change.after}) menggeser hari layanan itu sendiri: ubah saat hub dihentikan, di luar jam layanan.`,
            en: `The office timezone (${change.before} → ${change.after}) moves the service day itself: change it with the hub stopped, outside opening hours.`,
          },
        };
      case "service.removed": {
        const open = today.get(change.serviceId)?.open ?? 0;
        return open > 0
          ? {
              change,
              effect: "refused",
              reason: {
                id: `Layanan ${change.serviceId} masih punya ${open} antrean yang menunggu, dipanggil, dilayani atau tidak hadir (masih bisa diaktifkan kembali): hapus setelah antrean itu selesai.`,
                en: `Service ${change.serviceId} still has ${open} ticket(s) waiting, called, being served or a no-show that may be reinstated: remove it once they are done.`,
              },
            }
          : { change, effect: "now", reason: NOW };
      }
      case "counter.removed": {
        const c = state.counters.get(change.counterId);
        return c && (c.status !== "closed" || c.currentTicketId !== null)
          ? {
              change,
              effect: "refused",
              reason: {
                id: `Loket ${change.counterId} sedang dibuka atau melayani: tutup loket itu dulu, lalu hapus.`,
                en: `Counter ${change.counterId} is open or serving: close it first, then remove it.`,
              },
            }
          : { change, effect: "now", reason: NOW };
      }
      case "service.prefix":
        return (today.get(change.serviceId)?.issued ?? 0) > 0
          ? {
              change,
              effect: "next_day",
              reason: {
                id: `Awalan nomor ${change.serviceId} (${change.before} → ${change.after}) berlaku mulai hari layanan berikutnya: nomor hari ini sudah dimulai dengan ${change.before}.`,
                en: `The ${change.serviceId} prefix (${change.before} → ${change.after}) applies from the next service day: today's numbers already began with ${change.before}.`,
              },
            }
          : { change, effect: "now", reason: NOW };
      case "service.quota": {
        const used = today.get(change.serviceId)?.quotaUsed ?? 0;
        return change.after !== null && change.after < used
          ? {
              change,
              effect: "next_day",
              reason: {
                id: `Kuota ${change.serviceId} (${change.after}) lebih kecil dari yang sudah diterbitkan hari ini (${used}): berlaku mulai hari layanan berikutnya.`,
                en: `The ${change.serviceId} quota (${change.after}) is below what was issued today (${used}): it applies from the next service day.`,
              },
            }
          : { change, effect: "now", reason: NOW };
      }
      default:
        return { change, effect: "now", reason: NOW };
    }
  });

  // A prefix a service used today stays its own today, whichever service asks for it.
  for (const c of classified) {
    if (c.effect !== "now") continue;
    const wanted = c.change.kind === "service.added" ? c.change.prefix : c.change.kind === "service.prefix" ? c.change.after : null;
    if (wanted === null) continue;
    const holder = usedToday.get(wanted);
    const self = "serviceId" in c.change ? c.change.serviceId : null;
    if (holder !== undefined && holder !== self) {
      c.effect = "next_day";
      c.reason = {
        id: `Awalan ${wanted} sudah dipakai hari ini oleh ${holder}: ${self ?? ""} memakainya mulai hari layanan berikutnya.`,
        en: `Prefix ${wanted} was used today by ${holder}: ${self ?? ""} takes it from the next service day.`,
      };
    }
  }
  return classified;
}

/**
 * The config the hub runs today: the files' config with what waits for the
 * next service day kept as it runs now. Valid by construction: prefixes stay
 * unique because a deferred one is the running one.
 */
export function todaysConfig(running: LayanConfig, next: LayanConfig, classified: readonly ClassifiedChange[]): LayanConfig {
  const today = structuredClone(next);
  const deferredServices = new Set<string>();
  for (const { change, effect } of classified) {
    if (effect !== "next_day") continue;
    if (change.kind === "service.prefix") {
      const s = today.services.find((x) => x.id === change.serviceId);
      if (s) s.prefix = change.before;
    } else if (change.kind === "service.quota") {
      const s = today.services.find((x) => x.id === change.serviceId);
      if (s) s.dailyQuota = running.services.find((x) => x.id === change.serviceId)?.dailyQuota;
    } else if (change.kind === "service.added") {
      deferredServices.add(change.serviceId);
    }
  }
  if (deferredServices.size > 0) {
    const keep = (id: string) => !deferredServices.has(id);
    today.services = today.services.filter((s) => keep(s.id));
    for (const c of today.counters) c.services = c.services.filter(keep);
    for (const k of today.devices.kiosks) if (k.shows !== "all") k.shows.services = k.shows.services.filter(keep);
    for (const d of today.devices.displays) if (d.group !== "all") d.group.services = d.group.services.filter(keep);
  }
  return today;
}
