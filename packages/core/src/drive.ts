import type { QueueCommand } from "./commands";
import { decide, type Decision } from "./decide";
import type { QueueEvent } from "./events";
import { apply, type QueueState } from "./state";

/**
 * What a caller wants to see while a command goes through. The hub counts
 * served tickets as they happen, the simulator buffers events for the store,
 * the tests remember issued ticket ids.
 */
export interface DriveHooks {
  /**
   * The rules accepted the command; called once, before the first event is
   * applied. From here on the state is being changed, so a failure is no longer
   * "the command could not be decided" but "the state could not take it".
   */
  accepted?: (events: readonly QueueEvent[]) => void;
  /** One event is now part of the state; called in order, right after it was applied. */
  applied?: (event: QueueEvent) => void;
}

/**
 * One command at hub time `now`: decide, then apply every accepted event to
 * `state` in order. A refusal leaves the state as it was. The hub, the
 * simulator and the test drivers all go through here, so they cannot disagree
 * about how a decision becomes state. Pure apart from mutating `state`: no
 * clock, no I/O. Exceptions are not caught; callers decide what a crash in
 * the rules means to them.
 */
export function drive(state: QueueState, command: QueueCommand, now: number, hooks: DriveHooks = {}): Decision {
  const decision = decide(state, command, now);
  if (!decision.ok) return decision;
  hooks.accepted?.(decision.events);
  for (const event of decision.events) {
    apply(state, event);
    hooks.applied?.(event);
  }
  return decision;
}
