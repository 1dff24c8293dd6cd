import { useCallback, useEffect, useRef, useState } from "react";

/** The last seconds before a reset ask "still there?", so a slow reader is not thrown out mid-SOP. */
const WARNING_SECONDS = 10;
const ACTIVITY_EVENTS = ["pointerdown", "keydown", "wheel", "touchstart", "scroll"] as const;

/**
 * Back to the attract screen after `seconds` without a touch, from every
 * screen where it is enabled: the next citizen must never find someone
 * else's half-finished choice.
 */
export function useInactivity(
  enabled: boolean,
  seconds: number,
  onIdle: () => void,
  /** True while "Dengarkan" reads: a listener is not idle, and the count starts again when it ends. */
  holding = false,
): { warning: number | null; poke: () => void } {
  const last = useRef(Date.now());
  const [warning, setWarning] = useState<number | null>(null);
  const idle = useRef(onIdle);
  idle.current = onIdle;
  const hold = useRef(holding);
  hold.current = holding;

  const poke = useCallback(() => {
    last.current = Date.now();
    setWarning(null);
  }, []);

  useEffect(() => {
    if (!enabled) {
      setWarning(null);
      return;
    }
    last.current = Date.now();
    const onActivity = () => {
      last.current = Date.now();
    };
    for (const name of ACTIVITY_EVENTS)
      window.addEventListener(name, onActivity, { capture: true, passive: true });
    const warnFrom = seconds >= 2 * WARNING_SECONDS ? WARNING_SECONDS : 0;
    const timer = setInterval(() => {
      const left = idleSecondsLeft(seconds, last.current, Date.now(), hold.current);
      if (hold.current) last.current = Date.now();
      if (left <= 0) {
        setWarning(null);
        idle.current();
      } else {
        setWarning(left <= warnFrom ? left : null);
      }
    }, 250);
    return () => {
      clearInterval(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [enabled, seconds]);

  return { warning: enabled ? warning : null, poke };
}

/**
 * Whole seconds before the reset, the last touch at `lastAt`. While `holding`
 * (the kiosk is reading aloud) the full time is left, whatever `lastAt` says:
 * the caller moves `lastAt` to the end of the reading, so the count starts there.
 */
export function idleSecondsLeft(seconds: number, lastAt: number, now: number, holding: boolean): number {
  if (holding) return seconds;
  return Math.ceil((seconds * 1000 - (now - lastAt)) / 1000);
}

/**
 * Seconds left of a fixed countdown that runs while `enabled`, then calls `onEnd` once.
 * While `holding` (the ticket is being read aloud) it waits, then counts from the end of the reading.
 */
export function useCountdown(enabled: boolean, seconds: number, onEnd: () => void, holding = false): number {
  const [left, setLeft] = useState(seconds);
  const end = useRef(onEnd);
  end.current = onEnd;
  const hold = useRef(holding);
  hold.current = holding;
  useEffect(() => {
    if (!enabled) return;
    let started = Date.now();
    setLeft(seconds);
    const timer = setInterval(() => {
      const remaining = idleSecondsLeft(seconds, started, Date.now(), hold.current);
      if (hold.current) started = Date.now();
      if (remaining <= 0) {
        clearInterval(timer);
        end.current();
      } else setLeft(remaining);
    }, 250);
    return () => clearInterval(timer);
  }, [enabled, seconds]);
  return left;
}
