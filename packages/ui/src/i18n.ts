import { ERROR_MESSAGES, type AckError, type ErrorCode } from "@layan/protocol";
import type { ConnectionState } from "./connection";

/** Strings shared by the web apps: Bahasa Indonesia first, English beside it. */
export const STRINGS = {
  id: {
    online: "Terhubung",
    connecting: "Menghubungkan…",
    reconnecting: "Koneksi terputus — menyambung ulang…",
    refused: "Akses ditolak",
    queueNumber: "Nomor Antrean",
    counter: "Loket",
    waiting: "Menunggu",
    priority: "Prioritas",
  },
  en: {
    online: "Connected",
    connecting: "Connecting…",
    reconnecting: "Connection lost — reconnecting…",
    refused: "Access refused",
    queueNumber: "Queue number",
    counter: "Counter",
    waiting: "Waiting",
    priority: "Priority",
  },
} as const;

export type Lang = keyof typeof STRINGS;

export function connectionText(state: ConnectionState, lang: Lang = "id"): string {
  const s = STRINGS[lang];
  switch (state.status) {
    case "online":
      return s.online;
    case "connecting":
      return s.connecting;
    case "reconnecting":
      return s.reconnecting;
    case "refused":
      return lang === "id" ? state.message : ERROR_MESSAGES[state.code].en;
  }
}

/** The hub's message for an error, in the user's language. */
export function errorText(
  error: Pick<AckError, "code" | "message" | "messageEn">,
  lang: Lang = "id",
): string {
  return lang === "id" ? error.message : error.messageEn;
}

export function errorTextForCode(code: ErrorCode, lang: Lang = "id"): string {
  return ERROR_MESSAGES[code][lang];
}

/** Priority reasons as officers read them. */
export const PRIORITY_LABELS: Record<string, string> = {
  lansia: "Lansia",
  disabilitas: "Disabilitas",
  ibu_hamil_menyusui: "Ibu hamil/menyusui",
};
