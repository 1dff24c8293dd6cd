/**
 * A ceiling on public writes (survey answers, complaints) per source address:
 * generous for an office's Wi-Fi, where many phones share one address, but a
 * script filling the complaint table is stopped. Fixed windows; the map is
 * cleared each window so it cannot grow without bound.
 */
export class PublicWriteLimit {
  private window = -1;
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly clock: () => number,
    private readonly perWindow = 60,
    private readonly windowMs = 10 * 60_000,
  ) {}

  /** Counts one request from `source`; false when it is over the ceiling. */
  take(source: string): boolean {
    const window = Math.floor(this.clock() / this.windowMs);
    if (window !== this.window) {
      this.window = window;
      this.counts.clear();
    }
    const n = (this.counts.get(source) ?? 0) + 1;
    this.counts.set(source, n);
    return n <= this.perWindow;
  }
}
