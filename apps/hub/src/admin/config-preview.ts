/**
 * Kiosk previews of a candidate config (the screen's Pratinjau): the
 * candidate's catalog kept under a random id for a few minutes, served to the
 * kiosk renderer at /kiosk/?preview=<id>, which shows it read-only with no
 * socket and no ticket button. The id is the only key: it is unguessable,
 * short-lived, and what it unlocks is what every kiosk in the hall shows
 * anyway once applied. Kept in memory: a preview does not outlive the hub.
 */
import { randomBytes } from "node:crypto";
import type { Catalog } from "@layan/protocol";
import type { HubSetup } from "../setup";

export const PREVIEW_TTL_MS = 10 * 60_000;
/** Bounds memory whatever an admin's browser does; the oldest go first. */
export const PREVIEWS_KEPT = 20;

export interface PreviewStore {
  add(setup: HubSetup, now: number): string;
  get(id: string, now: number): Catalog | undefined;
}

export function previewStore(): PreviewStore {
  const previews = new Map<string, { catalog: Catalog; until: number }>();
  return {
    add(setup, now) {
      for (const [id, p] of previews) if (p.until <= now) previews.delete(id);
      while (previews.size >= PREVIEWS_KEPT) previews.delete(previews.keys().next().value as string);
      const id = randomBytes(16).toString("base64url");
      const c = setup.catalog;
      const catalog: Catalog = {
        ...c,
        popular: c.services.map((s) => s.id),
        // canPrint false: the kiosk shows the SOP and says it issues no numbers, so a preview can never hand one out.
        kiosk: { id: "pratinjau", name: "Pratinjau", inactivityResetSeconds: setup.kioskIdleSeconds, canPrint: false },
      };
      previews.set(id, { catalog, until: now + PREVIEW_TTL_MS });
      return id;
    },
    get(id, now) {
      const p = previews.get(id);
      return p && p.until > now ? p.catalog : undefined;
    },
  };
}
