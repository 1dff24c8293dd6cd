import type { DisplayHealth, DisplaySoundReport } from "@layan/protocol";

/*
 * Whether each waiting-room display can be heard. After a power cut a wall
 * display often comes back with its audio locked (the browser waits for a tap)
 * and shows calls in silence; nobody in the room notices. Displays report
 * their sound state on change and every ~30 s; the dashboard's live view shows
 * what this board holds. Kept in memory only: it describes the screens now,
 * and a restarted hub hears from every display within one heartbeat.
 */

interface Entry {
  name: string;
  connections: number;
  report: DisplaySoundReport | null;
  reportedAt: number | null;
  lastAnnouncementAt: number | null;
}

export class DisplayHealthBoard {
  private readonly entries = new Map<string, Entry>();

  constructor(
    displays: Iterable<{ id: string; name: string }>,
    private readonly now: () => number,
    private readonly changed: (list: DisplayHealth[]) => void,
  ) {
    for (const d of displays) this.entries.set(d.id, blank(d.name));
  }

  connected(displayId: string, name: string): void {
    const entry = this.entry(displayId, name);
    entry.connections += 1;
    this.changed(this.list());
  }

  disconnected(displayId: string): void {
    const entry = this.entries.get(displayId);
    if (!entry) return;
    entry.connections = Math.max(0, entry.connections - 1);
    this.changed(this.list());
  }

  report(displayId: string, name: string, report: DisplaySoundReport): void {
    const entry = this.entry(displayId, name);
    const now = this.now();
    entry.report = report;
    entry.reportedAt = now;
    entry.lastAnnouncementAt = report.lastAnnouncementAgoMs === null ? null : now - report.lastAnnouncementAgoMs;
    // Heartbeats are pushed too: the live view tells a display that stopped reporting by their age.
    this.changed(this.list());
  }

  list(): DisplayHealth[] {
    return [...this.entries].map(([displayId, e]) => ({
      displayId,
      name: e.name,
      connections: e.connections,
      audio: e.report?.audio ?? null,
      reportedAt: e.reportedAt,
      lastAnnouncementAt: e.lastAnnouncementAt,
      lastAnnouncementOk: e.report?.lastAnnouncementOk ?? null,
    }));
  }

  private entry(displayId: string, name: string): Entry {
    let entry = this.entries.get(displayId);
    if (!entry) {
      // A display token not in devices.yaml (the hub shows all counters to it): still worth watching.
      entry = blank(name);
      this.entries.set(displayId, entry);
    }
    return entry;
  }
}

function blank(name: string): Entry {
  return { name, connections: 0, report: null, reportedAt: null, lastAnnouncementAt: null };
}
