import { KeyCap } from "@layan/ui";
import {
  ArrowRightLeft,
  BellRing,
  CircleCheck,
  CirclePause,
  CirclePlay,
  FileWarning,
  Megaphone,
  Play,
  Power,
  Share2,
  UserX,
} from "lucide-react";
import type { ComponentType } from "react";
import { ACTIONS, type ActionId, type Availability } from "../actions";
import type { CounterState } from "../counter-client";

const ICONS: Record<ActionId, ComponentType<{ "aria-hidden"?: boolean }>> = {
  callNext: Megaphone,
  recall: BellRing,
  start: Play,
  "complete:selesai": CircleCheck,
  "complete:berkas_tidak_lengkap": FileWarning,
  "complete:dirujuk": Share2,
  noShow: UserX,
  transfer: ArrowRightLeft,
  pause: CirclePause,
  resume: CirclePlay,
  close: Power,
};

const GROUPS: ActionId[][] = [
  ["callNext", "recall", "start"],
  ["complete:selesai", "complete:berkas_tidak_lengkap", "complete:dirujuk"],
  ["noShow", "transfer"],
  ["pause", "resume", "close"],
];

export function ActionBar(props: {
  availability: Record<ActionId, Availability>;
  busy: CounterState["busy"];
  paused: boolean;
  disabled: boolean;
  onAction: (id: ActionId) => void;
}) {
  return (
    <nav className="actions" aria-label="Tindakan loket">
      {GROUPS.map((group, i) => (
        <div className="actions__group" key={i}>
          {group
            .filter((id) => (id === "pause" ? !props.paused : id === "resume" ? props.paused : true))
            .map((id) => {
              const def = ACTIONS.find((a) => a.id === id);
              if (!def) return null;
              const a = props.availability[id];
              const Icon = ICONS[id];
              return (
                <button
                  key={id}
                  type="button"
                  className={`action action--${def.tone}${props.busy === id ? " action--busy" : ""}`}
                  data-action={id}
                  disabled={!a.enabled || props.disabled || props.busy !== null}
                  title={a.reason ?? `${def.label} (tombol ${def.key})`}
                  aria-keyshortcuts={def.key}
                  // The second click of a double click (detail 2) never acts again.
                  onClick={(e) => {
                    if (e.detail > 1) return;
                    props.onAction(id);
                  }}
                >
                  <Icon aria-hidden />
                  <span className="action__label">{def.label}</span>
                  <KeyCap>{def.key}</KeyCap>
                </button>
              );
            })}
        </div>
      ))}
    </nav>
  );
}
