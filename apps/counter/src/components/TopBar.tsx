import { ConnectionBadge, formatClock, useNow, type ConnectionState } from "@layan/ui";
import { LogOut } from "lucide-react";
import type { ReactNode } from "react";

export function TopBar(props: {
  title: ReactNode;
  officer: string;
  connection: ConnectionState;
  timeZone: string;
  clockOffsetMs: number;
  onSignOut: () => void;
}) {
  const now = useNow(1000, props.clockOffsetMs);
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand__mark" aria-hidden="true">
          L
        </span>
        <span className="topbar__title">{props.title}</span>
      </div>
      <div className="topbar__right">
        <ConnectionBadge state={props.connection} />
        <span className="topbar__officer" data-testid="officer-name">
          {props.officer}
        </span>
        <span className="topbar__clock" aria-label="Jam">
          {formatClock(now, props.timeZone)}
        </span>
        <button type="button" className="btn btn--ghost" onClick={props.onSignOut}>
          <LogOut aria-hidden="true" /> Keluar
        </button>
      </div>
    </header>
  );
}
