import { ConnectionBadge, useConnection, useNow } from "@layan/ui";
import { AlertTriangle } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import type { Api } from "../api";
import type { DisplayHealth, LiveView as LiveData, ReportMeta, SummaryResponse } from "@layan/protocol";
import { clockDuration, count, minutes, pct, PRIORITY_LABELS, timeOfDay, tone } from "../format";
import { connectBoard, EMPTY_BOARD, type BoardConnection, type BoardState } from "../live-board";
import { DisplayHealthPanel } from "./DisplayHealthPanel";
import { Kpi, num, Panel, TableHead } from "./ui";

const EVENT_LABELS: Record<string, string> = {
  "ticket.issued": "ambil nomor",
  "ticket.called": "dipanggil",
  "ticket.recalled": "dipanggil ulang",
  "ticket.serving": "mulai dilayani",
  "ticket.step_done": "langkah SOP",
  "ticket.step_undone": "centang SOP dibatalkan",
  "ticket.completed": "selesai",
  "ticket.no_show": "tidak hadir",
  "ticket.reinstated": "diaktifkan kembali",
  "ticket.transferred": "dialihkan",
  "ticket.transfer_undone": "pengalihan dibatalkan",
  "ticket.cancelled": "dibatalkan",
  "counter.opened": "loket dibuka",
  "counter.paused": "loket istirahat",
  "counter.closed": "loket ditutup",
  "service.suspended": "layanan ditutup hari ini",
  "service.resumed": "layanan dibuka kembali",
  "quota.set": "kuota hari ini diubah",
  "counter.suspended": "loket ditutup hari ini",
  "counter.resumed": "loket dibuka kembali",
  "notice.set": "teks berjalan/pengumuman",
};

/**
 * What is happening now: who waits, for how long against the service's wait
 * target, which counters are open, idle or serving, and today's figures.
 * Counters and queue sizes come live over socket.io; the per-ticket list and
 * today's compliance are refreshed from the report API.
 */
export function LiveView({
  api,
  meta,
  hubUrl,
  token,
  onRefused,
}: {
  api: Api;
  meta: ReportMeta;
  hubUrl: string;
  token: string;
  onRefused: (message: string) => void;
}) {
  const [board, setBoard] = useState<BoardState>(EMPTY_BOARD);
  const [displays, setDisplays] = useState<DisplayHealth[]>([]);
  const [conn, setConn] = useState<BoardConnection | null>(null);
  const [live, setLive] = useState<LiveData | null>(null);
  const [today, setToday] = useState<SummaryResponse | null>(null);
  const [clockSkew, setClockSkew] = useState(0);
  const connection = useConnection(conn?.socket ?? null);
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    const c = connectBoard(hubUrl, token, (update) => setBoard(update), onRefused, setDisplays);
    setConn(c);
    return () => c.stop();
  }, [hubUrl, token, onRefused]);

  useEffect(() => {
    let stopped = false;
    const load = () => {
      api
        .get("live")
        .then((d) => {
          if (stopped) return;
          setLive(d);
          setClockSkew(d.serverTime - Date.now());
        })
        .catch(() => undefined);
      api
        .get("summary", { by: "all", from: meta.today, to: meta.today })
        .then((d) => !stopped && setToday(d))
        .catch(() => undefined);
    };
    load();
    const timer = setInterval(load, 10_000);
    // A queue change refreshes the per-ticket list soon (at most every 2 s).
    const onChange = () => {
      if (refreshTimer.current) return;
      refreshTimer.current = setTimeout(() => {
        refreshTimer.current = null;
        load();
      }, 2_000);
    };
    conn?.socket.on("queue:changed", onChange);
    return () => {
      stopped = true;
      clearInterval(timer);
      conn?.socket.off("queue:changed", onChange);
      if (refreshTimer.current) clearTimeout(refreshTimer.current);
      refreshTimer.current = null;
    };
  }, [api, conn, meta.today]);

  const now = useNow(1000, clockSkew);
  const serviceName = (id: string | null) => meta.services.find((s) => s.id === id)?.name ?? id ?? "";
  const counterName = (id: string | null) => meta.counters.find((c) => c.id === id)?.name ?? id ?? "";
  const waitingTotal = board.waiting.reduce((n, w) => n + w.waiting, 0);
  const longest = board.waiting.reduce<number | null>(
    (m, w) => (w.longestWaitMs !== null && (m === null || w.longestWaitMs > m) ? w.longestWaitMs : m),
    null,
  );
  const tickets = (live?.waiting ?? []).map((w) => ({ ...w, waitedMs: Math.max(0, now - w.enqueuedAt) }));
  const over = tickets.filter((t) => t.waitedMs > t.targetMs);
  const open = board.counters.filter((c) => c.status === "open");
  const serving = open.filter((c) => c.current !== null);
  const todayAll = today?.rows[0];

  return (
    <div className="view">
      <div className="view__head view__head--row">
        <div>
          <h1 className="view__title">Pantauan langsung</h1>
          <p className="view__subtitle">
            {meta.office.name} · {timeOfDay(now, meta.office.timezone)}{" "}
            {meta.office.timezone === "Asia/Jakarta" ? "WIB" : ""}
          </p>
        </div>
        <ConnectionBadge state={connection} showOnline />
      </div>

      <section className="kpis" aria-label="Saat ini" data-testid="live-kpis">
        <Kpi label="Menunggu" value={count(waitingTotal)} testId="live-waiting" />
        <Kpi label="Tunggu terlama" value={longest === null ? "–" : minutes(longest)} testId="live-longest" />
        <Kpi
          label="Melewati target tunggu"
          value={count(over.length)}
          tone={over.length > 0 ? "bad" : "good"}
          testId="live-over"
        />
        <Kpi
          label="Loket"
          value={`${count(open.length)} buka`}
          hint={`${count(serving.length)} melayani · ${count(open.length - serving.length)} kosong · ${count(board.counters.filter((c) => c.status === "paused").length)} istirahat`}
          testId="live-counters"
        />
        <Kpi label="Dilayani hari ini" value={count(board.servedToday)} testId="live-served" />
        <Kpi
          label="Tunggu ≤ target hari ini"
          value={pct(todayAll?.waitMet.pct)}
          tone={tone(todayAll?.waitMet.pct)}
          hint={`Layanan ≤ target: ${pct(todayAll?.serviceMet.pct)}`}
        />
      </section>

      <div className="grid-2 grid-2--wide-left">
        <Panel
          title="Antrean menunggu"
          subtitle="Terlama di atas; merah bila melewati target tunggu layanannya"
          testId="live-tickets"
        >
          {tickets.length === 0 ? (
            <p className="muted">Tidak ada yang menunggu.</p>
          ) : (
            <div className="table-wrap table-wrap--tall">
              <table className="table">
                <TableHead cols={["Nomor", "Layanan", num("Menunggu"), num("Target")]} />
                <tbody>
                  {tickets.slice(0, 60).map((t) => (
                    <tr
                      key={`${t.number}:${t.serviceId}`}
                      className={t.waitedMs > t.targetMs ? "row--miss" : undefined}
                      data-over={t.waitedMs > t.targetMs}
                    >
                      <td className="nowrap">
                        <strong>{t.number}</strong>
                        {t.priority && (
                          <span className="badge badge--info">
                            {PRIORITY_LABELS[t.priority] ?? t.priority}
                          </span>
                        )}
                      </td>
                      <td>{serviceName(t.serviceId)}</td>
                      <td className="num">
                        {t.waitedMs > t.targetMs && (
                          <AlertTriangle
                            aria-label="Melewati target"
                            className="icon-inline icon-inline--bad"
                          />
                        )}
                        {clockDuration(t.waitedMs)}
                      </td>
                      <td className="num">{minutes(t.targetMs)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Panel>

        <Panel title="Per layanan" testId="live-services">
          <table className="table">
            <TableHead cols={["Layanan", num("Menunggu"), num("Terlama"), num("Loket buka")]} />
            <tbody>
              {meta.services.map((s) => {
                const w = board.waiting.find((x) => x.serviceId === s.id);
                const l = live?.services.find((x) => x.serviceId === s.id);
                const target = s.targets.waitMinutes * 60_000;
                const longestMs = w?.longestWaitMs ?? null;
                const share = longestMs === null ? 0 : Math.min(1, longestMs / (target * 2));
                return (
                  <tr key={s.id}>
                    <td>{s.name}</td>
                    <td className="num">{count(w?.waiting ?? 0)}</td>
                    <td className="num">
                      <span className="meter" title={`Target ${s.targets.waitMinutes} menit`}>
                        <span
                          className={`meter__fill${longestMs !== null && longestMs > target ? " meter__fill--over" : ""}`}
                          style={{ width: `${share * 100}%` }}
                        />
                        <span className="meter__target" />
                      </span>
                      {longestMs === null ? "–" : minutes(longestMs)}
                    </td>
                    <td className="num">{l ? count(l.openCounters) : "–"}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </Panel>
      </div>

      <div className="grid-2 grid-2--wide-left">
        <Panel title="Loket" testId="live-counter-grid">
          <div className="counters">
            {board.counters.map((c) => {
              const state = c.status !== "open" ? c.status : c.current ? "serving" : "idle";
              const label = {
                serving: "Melayani",
                idle: "Kosong",
                paused: "Istirahat",
                closed: "Tutup",
                open: "Buka",
              }[state];
              return (
                <div
                  key={c.id}
                  className={`counter counter--${state}`}
                  data-counter={c.id}
                  data-state={state}
                >
                  <div className="counter__name">{c.name}</div>
                  <div className="counter__state">
                    {label}
                    {c.current && <strong> {c.current.number}</strong>}
                  </div>
                  <div className="counter__officer">{c.officerName ?? "—"}</div>
                </div>
              );
            })}
          </div>
        </Panel>
        <Panel title="Kejadian terakhir" testId="live-log">
          <ol className="events">
            {board.recent.slice(0, 14).map((e) => (
              <li key={e.seq}>
                <span className="events__time">{timeOfDay(e.at, meta.office.timezone)}</span>
                <strong>{e.number ?? counterName(e.counterId)}</strong> {EVENT_LABELS[e.type] ?? e.type}
                {e.counterId && e.number && <span className="muted"> · {counterName(e.counterId)}</span>}
              </li>
            ))}
            {board.recent.length === 0 && <li className="muted">Belum ada kejadian.</li>}
          </ol>
        </Panel>
      </div>

      <DisplayHealthPanel displays={displays} now={now} timezone={meta.office.timezone} />
    </div>
  );
}
