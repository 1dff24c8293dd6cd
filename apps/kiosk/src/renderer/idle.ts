import { useEffect } from "react";

/**
 * Runs `work` (a module-level loader: a stable function) once, when the kiosk is first idle after start (or after
 * `timeoutMs` at the latest): loading that can wait must not slow the first
 * screen, but must be done before a citizen needs it.
 */
export function useWhenIdle(work: () => void, timeoutMs = 5_000): void {
  useEffect(() => {
    let cancelled = false;
    const run = () => {
      if (!cancelled) work();
    };
    if (typeof requestIdleCallback === "function") {
      const handle = requestIdleCallback(run, { timeout: timeoutMs });
      return () => {
        cancelled = true;
        cancelIdleCallback(handle);
      };
    }
    const timer = setTimeout(run, Math.min(1_000, timeoutMs));
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [work, timeoutMs]);
}
