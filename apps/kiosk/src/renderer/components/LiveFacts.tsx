import type { ServiceStatus } from "@layan/protocol";
import { Hourglass, MonitorCheck, Ticket, Users } from "lucide-react";
import type { Strings } from "../i18n";

/** What a citizen wants to know before taking a number: how many wait, how long, how many counters, places left. */
export function LiveFacts({ status, t }: { status: ServiceStatus | undefined; t: Strings }) {
  const estimate = status?.estimate;
  const wait =
    estimate && estimate.p50Minutes !== null && estimate.p90Minutes !== null
      ? t.waitRange(
          Math.min(estimate.p50Minutes, estimate.p90Minutes),
          Math.max(estimate.p50Minutes, estimate.p90Minutes),
        )
      : t.noEstimate;
  const facts = [
    { key: "waiting", icon: Users, label: t.peopleWaiting, value: status ? String(status.waiting) : "–" },
    {
      key: "estimate",
      icon: Hourglass,
      label: t.estimatedWait,
      value: status ? wait : "–",
      wordy: estimate?.p50Minutes === null,
      // "56 menit – 1 jam 15 menit" is a phrase, not a number: a smaller size keeps it in its box.
      long: (estimate?.p90Minutes ?? 0) >= 60,
    },
    {
      key: "counters",
      icon: MonitorCheck,
      label: t.countersOpen,
      value: status ? String(status.openCounters) : "–",
    },
    {
      key: "quota",
      icon: Ticket,
      label: t.quotaLeft,
      value: status ? (status.quotaLeft === null ? t.noQuota : String(status.quotaLeft)) : "–",
    },
  ] as { key: string; icon: typeof Users; label: string; value: string; wordy?: boolean; long?: boolean }[];
  return (
    <section className="facts" aria-label={t.liveTitle} aria-live="polite">
      {facts.map(({ key, icon: Icon, label, value, wordy, long }) => (
        <div key={key} className="fact" data-fact={key}>
          <Icon size={30} aria-hidden="true" />
          <div>
            <div className={`fact-value${wordy ? " wordy" : ""}${long ? " long" : ""}`}>{value}</div>
            <div className="fact-label">{label}</div>
          </div>
        </div>
      ))}
    </section>
  );
}

export function OpenPill({ status, t }: { status: ServiceStatus | undefined; t: Strings }) {
  if (!status) return null;
  const full = status.quotaLeft === 0;
  // A green "Buka" above "Belum ada loket buka" reads as a contradiction: say the one thing that is true.
  const idle = status.openCounters === 0;
  const [cls, text] = !status.open
    ? ["pill pill-closed", status.closedToday ? t.closedForToday : t.closed]
    : full
      ? ["pill pill-full", t.quotaFull]
      : idle
        ? ["pill pill-idle", t.openNoCounter]
        : ["pill pill-open", t.open];
  return (
    <span className={cls} data-testid="open-pill">
      {text}
    </span>
  );
}
