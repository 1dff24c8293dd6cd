import type { DisplayHealth } from "@layan/protocol";

/*
 * What the live view says about each waiting-room display's sound. Pure, so
 * the thresholds are unit-tested without a browser.
 */

/** Displays report every 30 s (apps/display SOUND_HEARTBEAT_MS); two missed heartbeats and a bit is "stopped reporting". */
export const REPORT_STALE_MS = 75_000;

export type DisplaySoundStatus = "ok" | "locked" | "failed" | "off" | "stale" | "waiting" | "offline";

export interface DisplaySoundVerdict {
  status: DisplaySoundStatus;
  /** Shown in the live view in Indonesian, like the rest of the dashboard (it has no English). */
  label: string;
  tone: "good" | "bad" | "warn" | "muted";
}

export function displaySound(d: DisplayHealth, now: number): DisplaySoundVerdict {
  if (d.connections === 0) {
    return d.reportedAt === null
      ? { status: "offline", label: "Belum tersambung ke hub — periksa daya dan jaringan layar", tone: "muted" }
      : { status: "offline", label: "Terputus dari hub — periksa daya dan jaringan layar", tone: "bad" };
  }
  if (d.audio === null || d.reportedAt === null) {
    return { status: "waiting", label: "Menunggu laporan suara dari layar…", tone: "muted" };
  }
  if (now - d.reportedAt > REPORT_STALE_MS) {
    return { status: "stale", label: "Layar tidak melapor — muat ulang halaman di layar itu", tone: "bad" };
  }
  if (d.audio === "locked") {
    return { status: "locked", label: "Suara mati — ketuk layar atau periksa pengaturan autoplay", tone: "bad" };
  }
  if (d.audio === "off") return { status: "off", label: "Suara sengaja dimatikan (layar kedua di ruangan yang sama)", tone: "muted" };
  if (d.lastAnnouncementOk === false) {
    return { status: "failed", label: "Panggilan terakhir tidak terdengar — periksa speaker", tone: "warn" };
  }
  return { status: "ok", label: "Suara aktif", tone: "good" };
}
