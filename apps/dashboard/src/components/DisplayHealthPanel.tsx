import type { DisplayHealth } from "@layan/protocol";
import { timeOfDay } from "../format";
import { displaySound } from "../display-health";
import { Panel, TableHead } from "./ui";

const BADGE = { good: "ok", bad: "bad", warn: "bad", muted: "info" } as const;

/** Each waiting-room display: can the room hear it, and when did it last speak. */
export function DisplayHealthPanel({
  displays,
  now,
  timezone,
}: {
  displays: DisplayHealth[];
  now: number;
  timezone: string;
}) {
  return (
    <Panel
      title="Layar ruang tunggu"
      subtitle="Suara tiap layar, dilaporkan layar setiap 30 detik"
      testId="live-displays"
    >
      {displays.length === 0 ? (
        <p className="muted">Belum ada layar ruang tunggu.</p>
      ) : (
        <table className="table">
          <TableHead cols={["Layar", "Suara", "Panggilan terakhir"]} />
          <tbody>
            {displays.map((d) => {
              const verdict = displaySound(d, now);
              return (
                <tr
                  key={d.displayId}
                  data-testid={`display-health-${d.displayId}`}
                  data-status={verdict.status}
                  className={verdict.tone === "bad" ? "row--miss" : undefined}
                >
                  <td>{d.name}</td>
                  <td>
                    <span className={`badge badge--${BADGE[verdict.tone]}`}>
                      {verdict.label}
                    </span>
                  </td>
                  <td className="nowrap">
                    {d.lastAnnouncementAt === null ? "–" : timeOfDay(d.lastAnnouncementAt, timezone)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
