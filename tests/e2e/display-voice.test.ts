/**
 * A voice pack end to end: a copy of the sample kiosk-config with an office
 * recording in kiosk-config/voice/<pack>/ (generated WAV files, real and
 * decodable), a real hub serving it, the built display in Chromium. What plays
 * is read from the display's own player log (window.__layanSpeech.clips), in
 * the order the player scheduled the clips.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VOICE_CLIP_IDS } from "../../packages/config/src/voice-pack";
import { ROOT, startTestHub, type TestHub } from "../support/test-hub";
import { hubContext, launchChromium } from "./browser";
import { buildCounterAndDisplay, KioskClient, OfficerClient, tearDown } from "./counter-display.support";
import { DisplayPage } from "./page-models/display";

const HEARD = { timeout: 20_000, interval: 100 };
const PACK = "suara-kantor";

/** 30 ms of a quiet 440 Hz tone, 8 kHz mono 8-bit PCM: a clip the browser decodes like any recording. */
function toneWav(): Buffer {
  const samples = 240;
  const header = Buffer.alloc(44);
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + samples, 4);
  header.write("WAVEfmt ", 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(8000, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write("data", 36);
  header.writeUInt32LE(samples, 40);
  const body = Buffer.alloc(samples);
  for (let i = 0; i < samples; i++) body[i] = 128 + Math.round(20 * Math.sin((2 * Math.PI * 440 * i) / 8000));
  return Buffer.concat([header, body]);
}

let configRoot: string;
let hub: TestHub;
let browser: Browser;
let kiosk: KioskClient;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  buildCounterAndDisplay();
  configRoot = mkdtempSync(join(tmpdir(), "layan-voice-"));
  const dir = join(configRoot, "kiosk-config");
  cpSync(join(ROOT, "kiosk-config"), dir, { recursive: true });
  const office = readFileSync(join(dir, "office.yaml"), "utf8");
  writeFileSync(join(dir, "office.yaml"), office.replace("  style: number", `  style: number\n  voicePack: ${PACK}`));
  // Loket 3 serves KTP-el ("A") too in this copy, so the call under test is "A-012, loket 3".
  const counters = readFileSync(join(dir, "counters.yaml"), "utf8");
  writeFileSync(
    join(dir, "counters.yaml"),
    counters.replace("services: [kartu-keluarga, pindah-datang, akta-kelahiran]", "services: [ktp-el, kartu-keluarga]"),
  );
  mkdirSync(join(dir, "voice", PACK), { recursive: true });
  for (const id of VOICE_CLIP_IDS) writeFileSync(join(dir, "voice", PACK, `${id}.wav`), toneWav());
  hub = await startTestHub({ configDir: dir });
  browser = await launchChromium(["--autoplay-policy=no-user-gesture-required"]);
  kiosk = await KioskClient.connect(hub.url, hub.kioskToken);
});

afterAll(async () => {
  await tearDown({ kiosk, contexts, browser, hub });
  rmSync(configRoot, { recursive: true, force: true });
});

describe("voice pack", () => {
  it('a complete pack is played, clip by clip in order, for "A-012, loket 3"', async () => {
    for (let i = 0; i < 12; i++) await kiosk.issue("ktp-el");
    const officer = await OfficerClient.login(hub.url, hub.user("supervisor").username, hub.user("supervisor").secret);
    try {
      await officer.open("loket-1");
      await officer.open("loket-3");
      // Called before the screen opens: history for it, not news, so only the call under test is spoken.
      for (let i = 1; i <= 11; i++) {
        expect(await officer.callNext("loket-1")).toBe(`A-${String(i).padStart(3, "0")}`);
        await officer.complete("loket-1");
      }
      const context = await hubContext(browser, hub, { viewport: { width: 1920, height: 1080 }, locale: "id-ID" });
      contexts.push(context);
      const display = new DisplayPage(await context.newPage(), hub.url);
      await display.open(hub.displayTokens["display-disdukcapil"]!);
      expect(await officer.callNext("loket-3")).toBe("A-012");

      await expect.poll(async () => (await display.spoken()).map((s) => s.ok), HEARD).toEqual([true]);
      const played = await display.playedClips();
      const version = /\?v=([0-9a-f]+)$/.exec(played[0] ?? "")?.[1];
      expect(version).toBeDefined();
      expect(played).toEqual(
        ["chime", "nomor-antrean", "a", "dua", "belas", "silakan-menuju", "loket", "tiga"].map(
          (id) => `/voice/${PACK}/${id}.wav?v=${version}`,
        ),
      );
      expect((await display.spoken())[0]?.via).toBe("clips");

      // Served as audio, cached for good (the URL changes with the recording), under the hub's security headers.
      const res = await fetch(`${hub.url}${played[0]}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("audio/wav");
      expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(Buffer.from(await res.arrayBuffer()).equals(toneWav())).toBe(true);
      // Nothing but the pack's own files: no path from the request reaches the disk.
      expect((await fetch(`${hub.url}/voice/${PACK}/..%2Foffice.yaml`)).status).toBe(404);
      expect((await fetch(`${hub.url}/voice/${PACK}/office.yaml`)).status).toBe(404);
    } finally {
      officer.close();
    }
  });
});
