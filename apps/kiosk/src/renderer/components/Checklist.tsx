import type { ServiceInfo } from "@layan/protocol";
import { CircleCheckBig } from "lucide-react";

/** A service's requirements as a ticked list, each with its condition (and, where asked, its note). */
export function Checklist({
  items,
  iconSize,
  withNotes = false,
}: {
  items: ServiceInfo["persyaratan"];
  iconSize: number;
  withNotes?: boolean;
}) {
  return (
    <ul className="checklist">
      {items.map((r) => (
        <li key={r.text}>
          <CircleCheckBig size={iconSize} aria-hidden="true" />
          <span>
            {r.text}
            {r.condition ? <small className="req-condition">{r.condition}</small> : null}
            {withNotes && r.note ? <small>{r.note}</small> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
