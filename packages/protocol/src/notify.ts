import { z } from "zod";

/*
 * "Tell me when I am near" (docs/api.md "Notifications"): what the ticket
 * page sends the hub, what the hub sends a browser's push service, and what
 * an office's webhook receives.
 */

/** base64url (RFC 4648 §5), unpadded as PushSubscription.toJSON() gives it, of exactly `bytes` bytes. */
const base64urlOf = (bytes: number, what: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, { error: `${what}: expected base64url` })
    .refine((s) => s.length === Math.ceil((bytes * 4) / 3), { error: `${what}: expected ${bytes} bytes` });

/** A browser's PushSubscription (RFC 8030 endpoint; RFC 8291 keys: a P-256 point and a 16-byte secret). */
export const PushSubscriptionSchema = z.strictObject({
  // A push service is always https; anything else would make the hub post to an address a page chose.
  endpoint: z.url({ protocol: /^https$/, error: "endpoint: expected an https URL" }).max(1024),
  expirationTime: z.number().nullable().optional(),
  keys: z.strictObject({
    p256dh: base64urlOf(65, "keys.p256dh").refine((s) => s.startsWith("B"), { error: "keys.p256dh: expected an uncompressed P-256 point" }),
    auth: base64urlOf(16, "keys.auth"),
  }),
});
export type PushSubscriptionPayload = z.infer<typeof PushSubscriptionSchema>;

/** POST /api/tickets/<id>/notify: the citizen picked N and the browser granted permission. */
export const NotifySubscribeSchema = z.strictObject({
  subscription: PushSubscriptionSchema,
  ahead: z.int().min(1).max(50),
});
export type NotifySubscribe = z.infer<typeof NotifySubscribeSchema>;

/** POST /api/tickets/<id>/notify/cancel: "Berhenti memberi tahu". */
export const NotifyUnsubscribeSchema = z.strictObject({ endpoint: z.string().min(1).max(1024) });

/** Why Web Push is not offered, for the ticket page and /healthz. */
export type NotifyUnavailableReason = "disabled" | "no-public-url" | "public-url-not-https";

/** What the ticket page reads (GET /api/notify): whether to offer the choice, and the VAPID key to subscribe with. */
export interface NotifyOffer {
  webPush: { available: true; publicKey: string; aheadChoices: number[] } | { available: false; reason: NotifyUnavailableReason };
}

/** The JSON a push message carries (decrypted by the service worker), Indonesian first. */
export interface PushMessage {
  kind: "ahead" | "called" | "recalled";
  ticketNumber: string;
  title: string;
  body: string;
  titleEn: string;
  bodyEn: string;
  /** The ticket page to open when the notification is tapped. */
  url: string;
  /** One notification per ticket on screen: a recall replaces the call. */
  tag: string;
}

/** The JSON body an office's webhook receives; only the fields the office configured are present. */
export interface WebhookMessage {
  id: number;
  moment: "ahead" | "called" | "recalled";
  at: number;
  office: string;
  ticketId: string;
  number?: string;
  service?: { id: string; name: string };
  counter?: { id: string; name: string; number: number } | null;
  peopleAhead?: number | null;
  text: { id: string; en: string };
}

/** Header names of the webhook's signature (HMAC-SHA256 over `${timestamp}.${body}`). */
export const WEBHOOK_SIGNATURE_HEADER = "x-layan-signature";
export const WEBHOOK_TIMESTAMP_HEADER = "x-layan-timestamp";

/** The message words, shared by Web Push and the webhook so both say the same. */
export function notifyWords(
  kind: PushMessage["kind"],
  ticketNumber: string,
  detail: { ahead?: number; counterName?: string },
): { title: string; body: string; titleEn: string; bodyEn: string } {
  if (kind === "ahead") {
    const n = detail.ahead ?? 0;
    return n === 0
      ? { title: `Antrean ${ticketNumber}: Anda berikutnya`, body: "Segera kembali ke ruang tunggu.", titleEn: `Ticket ${ticketNumber}: you are next`, bodyEn: "Please come back to the waiting room now." }
      : {
          title: `Antrean ${ticketNumber}: ${n} orang lagi sebelum Anda`,
          body: "Silakan kembali ke ruang tunggu.",
          titleEn: `Ticket ${ticketNumber}: ${n} ${n === 1 ? "person" : "people"} ahead of you`,
          bodyEn: "Please head back to the waiting room.",
        };
  }
  const counter = detail.counterName ?? "Loket";
  const again = kind === "recalled" ? " (panggilan ulang)" : "";
  const againEn = kind === "recalled" ? " (called again)" : "";
  return {
    title: `Nomor Anda dipanggil ke ${counter}${again}`,
    body: `Antrean ${ticketNumber}: silakan menuju ${counter} sekarang.`,
    titleEn: `Your number is called to ${counter}${againEn}`,
    bodyEn: `Ticket ${ticketNumber}: please go to ${counter} now.`,
  };
}

/** GET /api/admin/notify/dead-letters: webhook messages that gave up, newest first, and the outbox's counts. */
export interface NotifyDeadLetterPage {
  deadLetters: {
    id: number;
    moment: string;
    createdAt: number;
    deadAt: number | null;
    attempts: number;
    lastError: string | null;
    body: Partial<WebhookMessage>;
  }[];
  counts: { pending: number; dead: number };
}
