/** The parts of Electron's WebContents this module uses. */
export interface RecoverableContents {
  on(
    event: "render-process-gone",
    listener: (event: unknown, details: { reason: string; exitCode: number }) => void,
  ): unknown;
  on(event: "unresponsive", listener: () => void): unknown;
  on(event: "responsive", listener: () => void): unknown;
  reload(): void;
  forcefullyCrashRenderer(): void;
  isDestroyed(): boolean;
}

export interface CrashRecoveryOptions {
  log?: (message: string) => void;
  /** Pause before reloading a crashed renderer, so a crash loop does not spin the CPU. */
  reloadDelayMs?: number;
  /** How long a hung renderer gets to answer again before it is killed and reloaded. */
  hangTimeoutMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/**
 * An unattended kiosk must come back by itself: a renderer that crashes (out
 * of memory, GPU fault) is reloaded; one that hangs is killed after a grace
 * period, which turns the hang into a crash and so into a reload.
 */
export function recoverFromCrashes(contents: RecoverableContents, options: CrashRecoveryOptions = {}): void {
  const log = options.log ?? (() => {});
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  const reloadDelay = options.reloadDelayMs ?? 1_000;
  const hangTimeout = options.hangTimeoutMs ?? 10_000;
  let hang: unknown = null;

  contents.on("render-process-gone", (_event, details) => {
    log(`renderer gone (${details.reason}, exit ${details.exitCode}); reloading`);
    if (hang !== null) clearTimer(hang);
    hang = null;
    setTimer(() => {
      if (!contents.isDestroyed()) contents.reload();
    }, reloadDelay);
  });
  contents.on("unresponsive", () => {
    if (hang !== null) return;
    log("renderer unresponsive");
    hang = setTimer(() => {
      hang = null;
      if (contents.isDestroyed()) return;
      log(`renderer hung for ${hangTimeout} ms; restarting it`);
      contents.forcefullyCrashRenderer();
      contents.reload();
    }, hangTimeout);
  });
  contents.on("responsive", () => {
    if (hang !== null) clearTimer(hang);
    hang = null;
  });
}
