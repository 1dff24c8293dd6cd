import type { CompletionOutcome } from "@layan/core";
import type { CounterSnapshot } from "@layan/protocol";

/**
 * The officer's actions: one button and one key each. Single letters, not
 * F-keys: laptops at a loket often need Fn for F-keys, and F1/F5/F11 belong to
 * the browser. Letters follow the Indonesian word (P = Panggil).
 */
export type ActionId =
  | "callNext"
  | "recall"
  | "start"
  | "complete:selesai"
  | "complete:berkas_tidak_lengkap"
  | "complete:dirujuk"
  | "noShow"
  | "transfer"
  | "pause"
  | "resume"
  | "close";

export interface ActionDef {
  id: ActionId;
  key: string;
  label: string;
  /** Shorter label for the narrow button row. */
  short: string;
  tone: "primary" | "neutral" | "good" | "warn" | "danger";
}

export const ACTIONS: readonly ActionDef[] = [
  { id: "callNext", key: "P", label: "Panggil berikutnya", short: "Panggil", tone: "primary" },
  { id: "recall", key: "U", label: "Panggil ulang", short: "Ulang", tone: "neutral" },
  { id: "start", key: "M", label: "Mulai layani", short: "Mulai", tone: "neutral" },
  { id: "complete:selesai", key: "S", label: "Selesai", short: "Selesai", tone: "good" },
  { id: "complete:berkas_tidak_lengkap", key: "B", label: "Berkas tidak lengkap", short: "Berkas kurang", tone: "warn" },
  { id: "complete:dirujuk", key: "R", label: "Dirujuk", short: "Dirujuk", tone: "warn" },
  { id: "noShow", key: "H", label: "Tidak hadir", short: "Tidak hadir", tone: "danger" },
  { id: "transfer", key: "A", label: "Alihkan layanan", short: "Alihkan", tone: "neutral" },
  { id: "pause", key: "J", label: "Jeda (istirahat)", short: "Jeda", tone: "neutral" },
  { id: "resume", key: "J", label: "Buka kembali", short: "Buka kembali", tone: "primary" },
  { id: "close", key: "T", label: "Tutup loket", short: "Tutup loket", tone: "danger" },
];

/**
 * Keys for the transfer dialog's targets: digits first, then letters no action
 * uses. "A" opens the dialog, so a second "A" (a double press, a bouncing key)
 * must never pick a target: that once sent an elderly citizen's KTP-el ticket to SPPL.
 */
export const TRANSFER_KEYS: readonly string[] = [..."1234567890", ..."ABCDEFGHIJKLMNOPQRSTUVWXYZ"].filter(
  (k) => !ACTIONS.some((a) => a.key === k),
);

export const OUTCOME_LABELS: Record<CompletionOutcome, string> = {
  selesai: "Selesai",
  berkas_tidak_lengkap: "Berkas tidak lengkap",
  dirujuk: "Dirujuk",
};

export function actionDef(id: ActionId): ActionDef {
  const def = ACTIONS.find((a) => a.id === id);
  if (!def) throw new Error(`unknown action ${id}`);
  return def;
}

export interface Availability {
  enabled: boolean;
  /** Why not, in Indonesian (tooltip and screen readers). */
  reason: string | null;
}

const yes: Availability = { enabled: true, reason: null };
const no = (reason: string): Availability => ({ enabled: false, reason });

/**
 * Which actions make sense now. The hub decides in the end (and answers in
 * Indonesian when it refuses); this only keeps the screen from offering
 * what is certain to fail. Call-next stays enabled on an empty queue: the
 * waiting list on screen may be a moment old, and the hub says "Tidak ada antrean".
 */
export function availability(snapshot: CounterSnapshot): Record<ActionId, Availability> {
  const status = snapshot.counter.status;
  const current = snapshot.current;
  const open = status === "open";
  const idle = current === null;
  const called = current?.status === "called";
  const inHand = current !== null && (current.status === "called" || current.status === "serving");
  const recallsLeft = current ? Math.max(0, snapshot.recallsBeforeNoShow - current.recalls) : 0;
  const needOpen = open ? null : status === "paused" ? "Loket sedang jeda." : "Loket belum dibuka.";
  const handReason = "Belum ada nomor yang dipanggil.";
  const complete = !inHand ? no(handReason) : yes;
  return {
    callNext: needOpen ? no(needOpen) : idle ? yes : no("Selesaikan nomor yang sedang dilayani dulu."),
    recall: needOpen ? no(needOpen) : called ? yes : no(idle ? handReason : "Pelayanan sudah dimulai."),
    start: needOpen ? no(needOpen) : called ? yes : no(idle ? handReason : "Pelayanan sudah dimulai."),
    "complete:selesai": complete,
    "complete:berkas_tidak_lengkap": complete,
    "complete:dirujuk": complete,
    noShow: !called
      ? no(idle ? handReason : "Pelayanan sudah dimulai.")
      : recallsLeft > 0
        ? no(`Panggil ulang ${recallsLeft}× lagi sebelum menandai tidak hadir.`)
        : yes,
    transfer: inHand ? yes : no(handReason),
    pause: !open ? no(needOpen ?? "") : idle ? yes : no("Selesaikan nomor yang sedang dilayani dulu."),
    resume: status === "paused" ? yes : no("Loket tidak sedang jeda."),
    close: idle ? yes : no("Selesaikan nomor yang sedang dilayani dulu."),
  };
}

/**
 * Drops the second half of a double click or a bouncing key: the same action
 * again within `windowMs` of the last accepted one is ignored. (A retry after
 * a timeout reuses the request id in sendCommand; this guards the human side.)
 */
export class RepeatGuard {
  private last: { id: string; at: number } | null = null;

  constructor(private readonly windowMs = 700) {}

  accept(id: string, now: number): boolean {
    if (this.last && this.last.id === id && now - this.last.at < this.windowMs) return false;
    this.last = { id, at: now };
    return true;
  }

  /** After a refused command: pressing again at once is a retry, not a double click, and costs nothing. */
  reset(): void {
    this.last = null;
  }
}
