import { z } from "zod";
import type { ConfigIssue } from "./issues";
import type { YamlSource } from "./yaml-source";

/*
 * office.yaml `notify`: telling citizens who wait outside the hall. Both ways
 * reach a third party (the browsers' push services, the office's own SMS or
 * WhatsApp gateway), so both are off until the office writes them down.
 */

/** The moments a citizen can be told about. */
export const NOTIFY_MOMENTS = ["ahead", "called"] as const;
export type NotifyMoment = (typeof NOTIFY_MOMENTS)[number];

/** What a webhook's JSON may carry; never a NIK or a name: the queue holds none. */
export const WEBHOOK_FIELDS = ["number", "service", "counter", "peopleAhead"] as const;
export type WebhookField = (typeof WEBHOOK_FIELDS)[number];

export interface WebhookConfig {
  url: string;
  /** Name of the environment variable holding the HMAC secret (kept out of the YAML, which is backed up and shown). */
  secretEnv?: string;
  /** Or a file holding it (mode 0600, owned by the hub's user). */
  secretFile?: string;
  events: NotifyMoment[];
  /** "ahead" is sent once, when the ticket's people ahead first drops to this many or fewer. */
  aheadAt: number;
  fields: WebhookField[];
}

export interface NotifyConfig {
  webPush: {
    enabled: boolean;
    /** The VAPID "sub": how a push service reaches the office's IT person (mailto: or https:). */
    contact?: string;
  };
  /** The "people ahead" choices the ticket page offers, smallest first. */
  aheadChoices: number[];
  webhook?: WebhookConfig;
}

const vapidContact = z
  .string()
  .regex(/^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/, {
    error: 'expected "mailto:it@kantor.go.id" or an https URL: push services write there when something is wrong',
  });

const webhook: z.ZodType<WebhookConfig, unknown> = z
  .strictObject({
    url: z.url({ protocol: /^https?$/, error: 'expected the gateway\'s http(s) URL, like "https://sms.kantor.local/layan"' }),
    secretEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, { error: 'expected an environment variable name, like "LAYAN_WEBHOOK_SECRET"' }).optional(),
    secretFile: z.string().min(1).optional(),
    events: z.array(z.enum(NOTIFY_MOMENTS)).min(1).default(["ahead", "called"]),
    aheadAt: z.int().min(1).max(50).default(3),
    fields: z.array(z.enum(WEBHOOK_FIELDS)).min(1).default(["number", "service", "counter", "peopleAhead"]),
  })
  .refine((w) => (w.secretEnv === undefined) !== (w.secretFile === undefined), {
    error: "give the signing secret as secretEnv (a variable name) or secretFile (a path), one of them; never the secret itself",
  });

export const notifySchema: z.ZodType<NotifyConfig, unknown> = z
  .strictObject({
    webPush: z
      .strictObject({ enabled: z.boolean().default(false), contact: vapidContact.optional() })
      .prefault({}),
    aheadChoices: z
      .array(z.int().min(1).max(50))
      .min(1)
      .max(5)
      .default([3, 5, 10])
      .transform((choices) => [...new Set(choices)].sort((a, b) => a - b)),
    webhook: webhook.optional(),
  })
  .prefault({});

/**
 * Web Push switched on where it cannot work: a push subscription needs the
 * page in a secure context, reached from mobile data at a public https
 * address. The hub still starts; the ticket page then says notifications are
 * not available instead of offering a button that fails.
 */
export function notifyWarnings(
  office: { notify: NotifyConfig; publicBaseUrl?: string },
  source: YamlSource,
): ConfigIssue[] {
  if (!office.notify.webPush.enabled) return [];
  if (!office.publicBaseUrl) {
    return [source.issue(["notify", "webPush", "enabled"], "Web Push is on but publicBaseUrl is not set: set the office's public https address, or the ticket page says notifications are not available")];
  }
  if (!office.publicBaseUrl.startsWith("https://")) {
    return [source.issue(["publicBaseUrl"], "Web Push needs publicBaseUrl over https (a browser subscribes only in a secure context): the ticket page says notifications are not available until then")];
  }
  return [];
}
