/**
 * Issue #4 benchmarks, in Debian Chromium against a real hub process:
 *
 * 1. Officer click → number rendered on a display page: the officer's page
 *    stamps the click (the input event's own timestamp), the display's page
 *    stamps the DOM commit of the new number and the next animation frame
 *    (the frame that paints it). Both stamps are performance.timeOrigin +
 *    performance.now(), the same system clock in two renderer processes.
 *    p50/p99 over 100 calls after 5 warm-up calls.
 * 2. The display's memory over a simulated 8-hour day: calls at a busy
 *    office's pace (300 an hour across six counters), compressed in time;
 *    JS heap after a forced GC, DOM nodes and listeners, measured after the
 *    first and after the eighth "hour". The clock and the running text tick in
 *    real time only, so leaks tied to wall-clock time are not covered.
 *
 * `pnpm bench` calls benchCallToDisplay(); `tsx tests/bench/call-to-display.ts`
 * runs it alone and prints JSON.
 */
import type { CDPSession, Page } from "playwright-core";
import { launchChromium } from "../e2e/browser";
import { buildCounterAndDisplay, KioskClient, OfficerClient } from "../e2e/counter-display.support";
import { CounterPage } from "../e2e/page-models/counter";
import { DisplayPage } from "../e2e/page-models/display";
import { startTestHub } from "../support/test-hub";
import { percentile, round } from "./stats";

const WARMUP = 5;
const CALLS = 100;
const HOURS = 8;
const CALLS_PER_HOUR = 300;
/** Counters that serve services without a daily quota in the sample office, and one such service each. */
const DAY_COUNTERS: [string, string][] = [
  ["loket-4", "akta-kelahiran"],
  ["loket-5", "nib-oss"],
  ["loket-7", "stnk-tahunan"],
  ["loket-8", "stnk-tahunan"],
  ["loket-9", "bpjs-perubahan-data"],
  ["loket-10", "bpjs-pendaftaran"],
];

type Stamp = { number: string; dom: number; frame: number };

/*
 * In-page code is passed as source text: tsx compiles functions with esbuild's
 * keepNames, whose __name helper does not exist inside the page.
 */

/** Records when each new current number reaches the display's DOM, and the next frame after it. */
const WATCH_DISPLAY = `(() => {
  window.__benchStamps = [];
  let last = "";
  const now = () => performance.timeOrigin + performance.now();
  window.__benchObserver = new MutationObserver(() => {
    const number = document.querySelector('[data-testid="current-call"]')?.getAttribute("data-number") ?? "";
    if (!number || number === last) return;
    last = number;
    const stamp = { number, dom: now(), frame: 0 };
    window.__benchStamps.push(stamp);
    requestAnimationFrame(() => { stamp.frame = now(); });
  });
  window.__benchObserver.observe(document, { subtree: true, attributes: true, attributeFilter: ["data-number"], childList: true });
})()`;

/** The stamps would otherwise be the only thing on the page that grows with every call. */
const UNWATCH_DISPLAY = `(() => {
  window.__benchObserver?.disconnect();
  window.__benchObserver = undefined;
  window.__benchStamps = [];
})()`;

/** Stamps every click on the officer's page with the input event's own time, and every answer the page shows. */
const WATCH_CLICKS = `(() => {
  window.__benchAcks = [];
  new MutationObserver(() => window.__benchAcks.push(performance.timeOrigin + performance.now()))
    .observe(document, { subtree: true, attributes: true, attributeFilter: ["data-answered"] });
  window.__benchClicks = [];
  document.addEventListener("click", (e) => window.__benchClicks.push(performance.timeOrigin + e.timeStamp), true);
})()`;

async function stampFor(page: Page, number: string, timeoutMs = 10_000): Promise<Stamp> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const stamp = await page.evaluate<Stamp | null>(
      `window.__benchStamps.find((s) => s.number === ${JSON.stringify(number)} && s.frame > 0) ?? null`,
    );
    if (stamp) return stamp;
    if (Date.now() > deadline) throw new Error(`display never rendered ${number}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function displayMemory(cdp: CDPSession): Promise<{ heapMb: number; nodes: number; listeners: number }> {
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  return {
    heapMb: round(usedSize / 1024 / 1024, 2),
    nodes: metric("Nodes"),
    listeners: metric("JSEventListeners"),
  };
}

export async function benchCallToDisplay(
  log: (line: string) => void = () => undefined,
): Promise<Record<string, number>> {
  buildCounterAndDisplay();
  const hub = await startTestHub();
  const browser = await launchChromium(["--autoplay-policy=no-user-gesture-required"]);
  try {
    const kiosk = await KioskClient.connect(hub.url, hub.kioskToken);
    const counterPage = await (
      await browser.newContext({ viewport: { width: 1366, height: 768 } })
    ).newPage();
    const displayPage = await (
      await browser.newContext({ viewport: { width: 1920, height: 1080 } })
    ).newPage();
    const display = new DisplayPage(displayPage, hub.url);
    await display.open(hub.displayTokens["display-utama"]!);
    const counter = new CounterPage(counterPage, hub.url);
    await counter.signInAt("loket-3", hub.user("officer").username, hub.user("officer").secret);

    // 1. Click → render, one call at a time (a ticket in hand must be completed before the next call).
    log(`display: officer click → number on screen, ${CALLS} calls`);
    for (let i = 0; i < WARMUP + CALLS; i++) await kiosk.issue("kartu-keluarga");
    await displayPage.evaluate(WATCH_DISPLAY);
    await counterPage.evaluate(WATCH_CLICKS);
    const dom: number[] = [];
    const frame: number[] = [];
    const ack: number[] = [];
    for (let i = 0; i < WARMUP + CALLS; i++) {
      const number = await counter.callNext();
      const stamp = await stampFor(displayPage, number);
      const clickedAt = await counterPage.evaluate<number>("window.__benchClicks.at(-1) ?? NaN");
      const answeredAt = await counterPage.evaluate<number>(
        `window.__benchAcks.find((t) => t >= ${clickedAt}) ?? NaN`,
      );
      if (i >= WARMUP) {
        ack.push(answeredAt - clickedAt);
        dom.push(stamp.dom - clickedAt);
        frame.push(stamp.frame - clickedAt);
      }
      await counter.complete();
    }

    // 2. A simulated day at six counters, driven over socket.io (the officer's page is not the subject here).
    log(`display: memory over ${HOURS} simulated hours (${CALLS_PER_HOUR} calls an hour)`);
    await displayPage.evaluate(UNWATCH_DISPLAY);
    const supervisor = await OfficerClient.login(
      hub.url,
      hub.user("supervisor").username,
      hub.user("supervisor").secret,
    );
    for (const [counterId] of DAY_COUNTERS) await supervisor.open(counterId);
    const cdp = await displayPage.context().newCDPSession(displayPage);
    await cdp.send("Performance.enable");
    const hourly: { heapMb: number; nodes: number; listeners: number }[] = [];
    let last = "";
    for (let hour = 1; hour <= HOURS; hour++) {
      for (let i = 0; i < CALLS_PER_HOUR; i++) await kiosk.issue(DAY_COUNTERS[i % DAY_COUNTERS.length]![1]);
      for (let i = 0; i < CALLS_PER_HOUR; i++) {
        const [counterId] = DAY_COUNTERS[i % DAY_COUNTERS.length]!;
        last = await supervisor.callNext(counterId);
        await supervisor.complete(counterId);
      }
      // The display has caught up when it shows the hour's last call.
      const deadline = Date.now() + 20_000;
      while ((await display.currentNumber()) !== last && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      hourly.push(await displayMemory(cdp));
      log(`  hour ${hour}: ${JSON.stringify(hourly.at(-1))}`);
    }
    supervisor.close();
    kiosk.close();

    const first = hourly[0]!;
    const end = hourly.at(-1)!;
    const peakAfterFirst = Math.max(...hourly.slice(1).map((h) => h.heapMb));
    return {
      call_to_display_render_p50_ms: round(percentile(frame, 50)),
      call_to_display_render_p99_ms: round(percentile(frame, 99)),
      call_to_display_dom_p50_ms: round(percentile(dom, 50)),
      call_to_display_dom_p99_ms: round(percentile(dom, 99)),
      // The officer's own answer (click → ack rendered on the counter page): the hub's durable commit is in both.
      call_to_counter_ack_p50_ms: round(percentile(ack, 50)),
      call_to_counter_ack_p99_ms: round(percentile(ack, 99)),
      display_heap_after_1h_mb: first.heapMb,
      display_heap_after_8h_mb: end.heapMb,
      display_heap_growth_after_1h_pct: round(((peakAfterFirst - first.heapMb) / first.heapMb) * 100, 1),
      display_dom_nodes_after_1h: first.nodes,
      display_dom_nodes_after_8h: end.nodes,
      display_listeners_after_1h: first.listeners,
      display_listeners_after_8h: end.listeners,
      display_simulated_calls: HOURS * CALLS_PER_HOUR,
    };
  } finally {
    await browser.close();
    await hub.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await benchCallToDisplay((line) => process.stderr.write(`${line}\n`));
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}
