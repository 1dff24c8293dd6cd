/**
 * Issue #4 end to end: a real hub process, the built counter and display apps
 * in Debian Chromium, several browser contexts. Numbers follow the sample
 * office (kiosk-config): KTP-el is "A", KIA "D", STNK "H"; Loket 1 serves
 * KTP-el and KIA, Loket 7 STNK; display-disdukcapil shows Loket 1-4,
 * display-samsat the STNK service. Speech is checked through the display's
 * hook (window.__layanSpeech), never by timing.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, startTestHub, type TestHub } from "../support/test-hub";
import { launchChromium, hubContext } from "./browser";
import { buildAnnouncement } from "../../apps/display/src/speech/announcement";
import { MAX_ANNOUNCEMENT_AGE_MS } from "../../apps/display/src/speech/queue";
import { buildCounterAndDisplay, KioskClient, OfficerClient, tearDown } from "./counter-display.support";
import { CounterPage } from "./page-models/counter";
import { DisplayPage } from "./page-models/display";

const SHOTS = join(ROOT, "docs/screenshots");
const SEEN = { timeout: 5_000, interval: 50 };
/** Spoken calls queue behind each other (about 6 s each with clips): allow a few. */
const HEARD = { timeout: 40_000, interval: 200 };

let hub: TestHub;
let browser: Browser;
let kiosk: KioskClient;
const contexts: BrowserContext[] = [];

async function newPage(width: number, height: number) {
  const context = await hubContext(browser, hub, {
    viewport: { width, height },
    locale: "id-ID",
    timezoneId: "Asia/Jakarta",
  });
  contexts.push(context);
  return context.newPage();
}

beforeAll(async () => {
  buildCounterAndDisplay();
  hub = await startTestHub();
  // A display on a dedicated screen runs with this flag (apps/display/README.md).
  browser = await launchChromium(["--autoplay-policy=no-user-gesture-required"]);
  kiosk = await KioskClient.connect(hub.url, hub.kioskToken);
});

afterAll(() => tearDown({ kiosk, contexts, browser, hub }));

describe("counter and display", () => {
  it("an officer logs in, calls, recalls, serves, completes and transfers; the display shows and speaks each call", async () => {
    for (const s of ["ktp-el", "ktp-el", "ktp-el", "kia"]) await kiosk.issue(s);
    const display = new DisplayPage(await newPage(1920, 1080), hub.url);
    await display.open(hub.displayTokens["display-utama"]!);
    expect(await display.soundBlocked()).toBe(false);
    expect(await display.currentCall()).toBeNull();

    const counter = new CounterPage(await newPage(1366, 768), hub.url);
    await counter.goto();
    // Wrong PIN: refused, in Indonesian.
    await counter.login(hub.user("officer").username, "000000");
    await counter.loginError.waitFor();
    expect(await counter.loginError.textContent()).toBe("Nama pengguna atau PIN salah.");
    await counter.login(hub.user("officer").username, hub.user("officer").secret);
    await counter.page.getByTestId("choose-loket-1").click();
    await counter.page.locator(`[data-testid="workspace"][data-counter-status="open"]`).waitFor();
    expect(await counter.counterName.textContent()).toBe("Loket 1");

    // Call: the display shows it large and announces it (number style, from office.yaml).
    expect(await counter.callNext()).toBe("A-001");
    await expect
      .poll(() => display.currentCall(), SEEN)
      .toEqual({ number: "A-001", counterId: "loket-1", counterName: "Loket 1" });
    expect(await display.counterNumber("loket-1")).toBe("A-001");

    // Recall: announced again. (Waited for here: a recall still waiting its turn when
    // the counter calls its next number is superseded, and would rightly never be said.)
    await counter.recall();
    expect(await counter.infoMessage.textContent()).toBe("A-001 dipanggil ulang.");
    await expect.poll(async () => (await display.spoken()).length, HEARD).toBe(2);

    // Start and tick an SOP step: the timer runs green against the 25-minute target.
    await counter.start();
    expect(await counter.currentStatus()).toBe("serving");
    expect(await counter.sopTimer.getAttribute("data-colour")).toBe("green");
    await counter.tickStep("verifikasi");
    expect(await counter.stepDone("verifikasi")).toBe(true);

    await counter.complete("selesai");
    expect(await counter.currentNumber()).toBe("");
    await expect.poll(() => display.counterNumber("loket-1"), SEEN).toBe("");

    // Keyboard: P calls the next one.
    await counter.press("p");
    expect(await counter.currentNumber()).toBe("A-002");
    await expect.poll(() => display.currentNumber(), SEEN).toBe("A-002");
    expect(await display.lastCalls()).toEqual(["A-001"]);
    await expect.poll(async () => (await display.spoken()).length, HEARD).toBe(3);

    // A opens the transfer dialog; a second A (a double press) must not pick a
    // target (it once sent a KTP-el citizen to SPPL), and nothing moves before a confirmation.
    const answeredBefore = await counter.answered();
    await counter.page.keyboard.press("a");
    expect(await counter.transferStep()).toBe("choose");
    await counter.page.keyboard.press("a");
    expect(await counter.transferStep()).toBe("choose");
    await counter.page.locator(`[role="dialog"] [data-service="kia"]`).click();
    expect(await counter.transferStep()).toBe("confirm");
    expect(await counter.page.getByTestId("transfer-confirm-target").textContent()).toContain(
      "Kartu Identitas Anak",
    );
    await counter.page.keyboard.press("Escape");
    expect(await counter.transferStep()).toBe("choose");
    await counter.page.keyboard.press("Escape");
    expect(await counter.transferStep()).toBeNull();
    expect(await counter.answered()).toBe(answeredBefore);
    expect(await counter.currentNumber()).toBe("A-002");

    // Transfer to KIA: same number, back of the KIA queue; the counter is free again,
    // and the confirmation names where the citizen went.
    const kiaBefore = await display.waiting("kia");
    await counter.transferTo("kia");
    expect(await counter.infoMessage.textContent()).toMatch(/^A-002 dialihkan ke Kartu Identitas Anak.*\(Disdukcapil\)\.$/);
    expect(await counter.currentNumber()).toBe("");
    await expect.poll(() => display.waiting("kia"), SEEN).toBe((kiaBefore ?? 0) + 1);

    // Completing with an outcome: "berkas tidak lengkap".
    expect(await counter.callNext()).toBe("A-003");
    await expect.poll(() => display.currentNumber(), SEEN).toBe("A-003");
    await counter.complete("berkas_tidak_lengkap");
    expect(await counter.infoMessage.textContent()).toBe("A-003 dicatat: berkas tidak lengkap.");

    await expect
      .poll(() => display.spokenTexts(), HEARD)
      .toEqual([
        "Nomor antrean A satu, silakan menuju loket satu",
        "Nomor antrean A satu, silakan menuju loket satu",
        "Nomor antrean A dua, silakan menuju loket satu",
        "Nomor antrean A tiga, silakan menuju loket satu",
      ]);
    const spoken = await display.spoken();
    expect(spoken.map((s) => s.recall)).toEqual([false, true, false, false]);
    // Played through the bundled clips (no Indonesian voice in this Chromium), and they did play.
    await expect
      .poll(async () => (await display.spoken()).map((s) => s.ok), HEARD)
      .toEqual([true, true, true, true]);
    expect(spoken.every((s) => s.via === "clips")).toBe(true);

    // The session survives a reload, straight back to the counter.
    await counter.page.reload();
    await counter.page.locator(`[data-testid="workspace"][data-counter-status="open"]`).waitFor();
    expect(await counter.counterName.textContent()).toBe("Loket 1");
  });

  it("a double click calls once, and the hub's refusals are shown in Indonesian", async () => {
    const counter = new CounterPage(await newPage(1366, 768), hub.url);
    await counter.signInAt("loket-12", hub.user("officer", 1).username, hub.user("officer", 1).secret);

    // Nobody waits for SKCK: the hub refuses and the officer reads why.
    await counter.act("callNext");
    expect(await counter.errorMessage.textContent()).toBe("Tidak ada antrean yang menunggu.");

    const first = await kiosk.issue("skck");
    const second = await kiosk.issue("skck");
    await expect.poll(() => counter.waitingFor("skck"), SEEN).toBe(2);
    const before = await counter.answered();
    await counter.button("callNext").dblclick();
    await counter.waitAnswered(before + 1);
    expect(await counter.currentNumber()).toBe(first);
    // Give a second command every chance to arrive, then check it never did.
    await counter.page.waitForTimeout(500);
    expect(await counter.answered()).toBe(before + 1);
    await expect.poll(() => counter.waitingFor("skck"), SEEN).toBe(1);

    // No-show before the recalls the office requires: explained, not sent.
    await counter.page.keyboard.press("h");
    await counter.hintMessage.waitFor();
    expect(await counter.hintMessage.textContent()).toBe(
      "Panggil ulang 2× lagi sebelum menandai tidak hadir.",
    );
    // Two recalls further apart than a double click (the app drops a repeat within 0.7 s).
    await counter.recall();
    await counter.page.waitForTimeout(800);
    await counter.recall();
    await counter.noShow();
    expect(await counter.infoMessage.textContent()).toBe(`${first} dicatat tidak hadir.`);
    expect(await counter.callNext()).toBe(second);
  });

  it("two displays with different groups show different calls", async () => {
    const disdukcapil = new DisplayPage(await newPage(1920, 1080), hub.url);
    const samsat = new DisplayPage(await newPage(1920, 1080), hub.url);
    await disdukcapil.open(hub.displayTokens["display-disdukcapil"]!);
    await samsat.open(hub.displayTokens["display-samsat"]!);
    const heardBefore = (await disdukcapil.spokenTexts()).length;

    const stnk = await kiosk.issue("stnk-tahunan");
    const kk = await kiosk.issue("kartu-keluarga");
    expect([stnk, kk]).toEqual(["H-001", "B-001"]);
    const officer = await OfficerClient.login(
      hub.url,
      hub.user("supervisor").username,
      hub.user("supervisor").secret,
    );
    try {
      await officer.open("loket-7");
      await officer.open("loket-3");
      expect(await officer.callNext("loket-7")).toBe(stnk);
      expect(await officer.callNext("loket-3")).toBe(kk);

      await expect.poll(() => samsat.currentNumber(), SEEN).toBe(stnk);
      await expect.poll(() => disdukcapil.currentNumber(), SEEN).toBe(kk);
      // Neither shows the other's call, its counters or its services.
      expect(await samsat.lastCalls()).not.toContain(kk);
      expect(await disdukcapil.lastCalls()).not.toContain(stnk);
      expect(await samsat.counterNumber("loket-3")).toBeNull();
      expect(await disdukcapil.counterNumber("loket-7")).toBeNull();
      expect(await samsat.waiting("ktp-el")).toBeNull();
      expect(await disdukcapil.waiting("stnk-tahunan")).toBeNull();

      await expect
        .poll(() => samsat.spokenTexts(), HEARD)
        .toEqual(["Nomor antrean H satu, silakan menuju loket tujuh"]);
      await expect
        .poll(async () => (await disdukcapil.spokenTexts()).slice(heardBefore), HEARD)
        .toEqual(["Nomor antrean B satu, silakan menuju loket tiga"]);
    } finally {
      officer.close();
    }
  });

  it("asks for a tap before speaking on a browser that blocks autoplay, then speaks", async () => {
    const strict = await launchChromium();
    try {
      const context = await hubContext(strict, hub, { viewport: { width: 1920, height: 1080 } });
      const display = new DisplayPage(await context.newPage(), hub.url);
      await display.open(hub.displayTokens["display-utama"]!);
      expect(await display.soundBlocked()).toBe(true);
      await display.enableSound();
      expect(await display.soundBlocked()).toBe(false);

      const number = await kiosk.issue("nib-oss");
      const officerLogin = hub.user("officer", 2);
      const officer = await OfficerClient.login(hub.url, officerLogin.username, officerLogin.secret);
      try {
        await officer.open("loket-5");
        expect(await officer.callNext("loket-5")).toBe(number);
      } finally {
        officer.close();
      }
      await expect
        .poll(() => display.spokenTexts(), HEARD)
        .toEqual(["Nomor antrean F satu, silakan menuju loket lima"]);
      await expect.poll(async () => (await display.spoken()).map((e) => e.ok), HEARD).toEqual([true]);
    } finally {
      await strict.close();
    }
  });

  it("a burst of calls and recalls: the voice stays within its bound of the screen, superseded calls are not said, recalls are", async () => {
    const pbg = await kiosk.issue("pbg");
    const [bpjs1, bpjs2] = [await kiosk.issue("bpjs-pendaftaran"), await kiosk.issue("bpjs-pendaftaran")];
    const ktp = await kiosk.issue("ktp-el");
    const akta = await kiosk.issue("akta-kelahiran");
    const display = new DisplayPage(await newPage(1920, 1080), hub.url);
    await display.open(hub.displayTokens["display-utama"]!);
    expect(await display.soundBlocked()).toBe(false);
    const say = (number: string, counter: number) =>
      buildAnnouncement(
        { number, counterName: `Loket ${counter}`, counterNumber: counter, counterId: `loket-${counter}`, recalls: 0 },
        "number",
      ).text;

    const officer = await OfficerClient.login(hub.url, hub.user("supervisor").username, hub.user("supervisor").secret);
    const ok = async (p: Promise<{ ok: boolean }>) => expect((await p).ok).toBe(true);
    try {
      for (const c of ["loket-6", "loket-10", "loket-2", "loket-4"]) await officer.open(c);
      // Five calls and three recalls, all before the first announcement (about 6 s) is over.
      expect(await officer.callNext("loket-6")).toBe(pbg);
      expect(await officer.callNext("loket-2")).toBe(ktp);
      await ok(officer.command("ticket:recall", { counterId: "loket-2" }));
      expect(await officer.callNext("loket-10")).toBe(bpjs1);
      await ok(officer.command("ticket:recall", { counterId: "loket-6" }));
      await ok(officer.command("ticket:start", { counterId: "loket-10" }));
      await officer.complete("loket-10");
      expect(await officer.callNext("loket-10")).toBe(bpjs2);
      expect(await officer.callNext("loket-4")).toBe(akta);
      await ok(officer.command("ticket:recall", { counterId: "loket-4" }));

      // The screen shows the newest call at once, and the five earlier ones under it.
      await expect.poll(() => display.currentNumber(), SEEN).toBe(akta);
      await expect.poll(() => display.lastCalls(), SEEN).toEqual(expect.arrayContaining([pbg, ktp, bpjs2]));

      // Eight announcements, each said or skipped once: three merged away at their counter
      // (loket 2's and loket 4's calls into their recalls, loket 10's first call into its next),
      // then at most one waiting per counter behind the one playing.
      await expect
        .poll(async () => (await display.spoken()).length + (await display.skipped()).length, HEARD)
        .toBe(8);
      expect((await display.skipped()).filter((e) => e.reason === "superseded")).toHaveLength(3);
      await expect.poll(async () => (await display.spoken()).every((e) => e.ok !== null), HEARD).toBe(true);
      const spoken = await display.spoken();
      const skipped = await display.skipped();
      // The first call plays at once; the recall pressed before loket 2's call was said merged into it.
      expect(spoken.slice(0, 2).map((e) => [e.text, e.recall])).toEqual([
        [say(pbg, 6), false],
        [say(ktp, 2), true],
      ]);
      expect(spoken.filter((e) => e.text === say(ktp, 2))).toHaveLength(1);
      // Loket 10 moved on before its first call was said: only the newer one may be heard.
      expect(skipped).toContainEqual({ text: say(bpjs1, 10), recall: false, reason: "superseded" });
      expect(spoken.map((e) => e.text)).not.toContain(say(bpjs1, 10));
      // The recall at loket 6 came while its call was playing: queued again, said or dropped as stale, never merged away.
      const pbgAgain = [...spoken.slice(1), ...skipped].filter((e) => e.text === say(pbg, 6));
      expect(pbgAgain.map((e) => e.recall)).toEqual([true]);
      // Nothing started later than the bound after its call reached the screen.
      for (const e of spoken) expect(e.waitedMs, e.text).toBeLessThanOrEqual(MAX_ANNOUNCEMENT_AGE_MS);

      // Six calls stay readable under "Panggilan terakhir" at 1080p.
      expect(await display.lastCallsFullyVisible()).toBe(6);
    } finally {
      for (const c of ["loket-6", "loket-10", "loket-2", "loket-4"]) {
        await officer.command("ticket:complete", { counterId: c, outcome: "selesai" });
        await officer.command("counter:close", { counterId: c });
      }
      officer.close();
    }
  });

  it("a busy hall, for docs/screenshots", async () => {
    const plan: [string, "lansia" | "disabilitas" | "ibu_hamil_menyusui" | null][] = [
      ["ktp-el", null],
      ["ktp-el", "lansia"],
      ["ktp-el", null],
      ["kartu-keluarga", null],
      ["ktp-el", null],
      ["akta-kelahiran", null],
      ["kartu-keluarga", "ibu_hamil_menyusui"],
      ["stnk-tahunan", null],
      ["ktp-el", null],
      ["bpjs-pendaftaran", null],
      ["kia", null],
      ["stnk-tahunan", null],
      ["pindah-datang", null],
      ["ktp-el", "disabilitas"],
      ["kartu-keluarga", null],
      ["stnk-tahunan", null],
      ["bpjs-perubahan-data", null],
      ["ktp-el", null],
      ["pbg", null],
      ["kartu-keluarga", null],
      ["ktp-el", null],
      ["sppl", null],
    ];
    for (const [service, priority] of plan) await kiosk.issue(service, priority);

    const display = new DisplayPage(await newPage(1920, 1080), hub.url);
    await display.open(hub.displayTokens["display-utama"]!, { sound: false });
    const supervisor = await OfficerClient.login(
      hub.url,
      hub.user("supervisor").username,
      hub.user("supervisor").secret,
    );
    try {
      for (const c of ["loket-3", "loket-4", "loket-7", "loket-8", "loket-9", "loket-11"]) {
        await supervisor.open(c);
        await supervisor.command("ticket:complete", { counterId: c, outcome: "selesai" });
        await supervisor.callNext(c);
      }
      await supervisor.command("ticket:start", { counterId: "loket-3" });
      await supervisor.command("ticket:start", { counterId: "loket-9" });
      await supervisor.command("counter:open", { counterId: "loket-1" }).catch(() => undefined);
    } finally {
      supervisor.close();
    }

    const counter = new CounterPage(await newPage(1366, 768), hub.url);
    await counter.signInAt("loket-2", hub.user("officer", 2).username, hub.user("officer", 2).secret);
    const called = await counter.callNext();
    await expect.poll(() => display.currentNumber(), SEEN).toBe(called);
    await counter.start();
    await counter.tickStep("verifikasi");
    mkdirSync(SHOTS, { recursive: true });
    await counter.page.screenshot({ path: join(SHOTS, "counter.png") });
    await display.page.screenshot({ path: join(SHOTS, "display.png") });

    // Read across a waiting room, on a 16:9 TV of either resolution: no text under
    // 2.2 % of the screen height, the waiting list at 32 px on 1080p (and in proportion),
    // six last calls and every service's waiting count drawn whole.
    for (const [width, height] of [
      [1920, 1080],
      [1280, 720],
    ] as const) {
      await display.page.setViewportSize({ width, height });
      const sizes = await display.textSizes();
      expect(sizes.length).toBeGreaterThan(40);
      const tooSmall = sizes.filter((t) => t.px < 0.022 * height);
      expect(tooSmall, `${width}x${height}`).toEqual([]);
      const waiting = await display.textSizes('[data-testid="waiting-list"]');
      expect(waiting.length).toBeGreaterThanOrEqual(13);
      for (const t of waiting) expect(t.px, `${t.text} at ${width}x${height}`).toBeGreaterThanOrEqual((32 * height) / 1080 - 0.01);
      expect(await display.lastCallsFullyVisible()).toBe(6);
      expect(await display.waitingFullyVisible()).toBe(13);
    }
  });
});
