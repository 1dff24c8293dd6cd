import { KeyRound, LoaderCircle, WifiOff } from "lucide-react";

/** Full-screen states before the kiosk can show anything: connecting, hub away, not registered. */
export function StateScreen({
  kind,
  title,
  detail,
}: {
  kind: "connecting" | "offline" | "unauthorized";
  title: string;
  detail: string;
}) {
  const Icon = kind === "connecting" ? LoaderCircle : kind === "offline" ? WifiOff : KeyRound;
  return (
    <main className={`state-screen state-${kind}`} data-testid="state" data-state={kind}>
      <span className="state-icon" aria-hidden="true">
        <Icon size={120} strokeWidth={1.5} />
      </span>
      <div role={kind === "connecting" ? "status" : "alert"}>
        <h1>{title}</h1>
        <p>{detail}</p>
      </div>
    </main>
  );
}
