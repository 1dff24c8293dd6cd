/**
 * Regenerates the offline announcement clips in public/audio/ with free tools:
 * espeak-ng (Indonesian voice) for the words, ffmpeg for the chime, trimming
 * and MP3 encoding. Run after changing the word list in src/speech:
 *
 *   apt-get install -y espeak-ng ffmpeg
 *   pnpm --filter @layan/display exec tsx scripts/make-clips.ts
 *
 * Clips are committed (about 2 KB each), so builds need neither tool. Replace
 * any file with a human recording of the same word (MP3, mono) for a warmer voice.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHIME_CLIP, CLIP_IDS, LETTER_NAMES, PHRASES } from "../src/speech/announcement";

const OUT = join(import.meta.dirname, "../public/audio");
const VOICE = process.env.LAYAN_ESPEAK_VOICE ?? "id";
const SPEED = process.env.LAYAN_ESPEAK_SPEED ?? "145";

/** What espeak-ng should say for a clip id. */
function spokenText(id: string): string {
  if (id in PHRASES) return PHRASES[id as keyof typeof PHRASES];
  const letter = LETTER_NAMES[id.toUpperCase()];
  if (id.length === 1 && letter) return letter;
  return id;
}

const encode = ["-ac", "1", "-ar", "22050", "-codec:a", "libmp3lame", "-b:a", "32k", "-y"];
// Clips are played back to back: cut the silence espeak leaves around each word.
const trim =
  "silenceremove=start_periods=1:start_threshold=-45dB,areverse,silenceremove=start_periods=1:start_threshold=-45dB,areverse";

mkdirSync(OUT, { recursive: true });
const work = mkdtempSync(join(tmpdir(), "layan-clips-"));
try {
  let total = 0;
  for (const id of CLIP_IDS) {
    const target = join(OUT, `${id}.mp3`);
    if (id === CHIME_CLIP) {
      // Two-note "ding-dong" (E5 then C5) with a soft decay: audible over a noisy hall, not shrill.
      const tone = (f: number, start: number) =>
        `gte(t,${start})*sin(2*PI*${f}*(t-${start}))*exp(-3.2*(t-${start}))`;
      const expr = `0.45*(${tone(659.25, 0)}+0.5*${tone(1318.5, 0)})*lt(t,0.55)+0.45*(${tone(523.25, 0.55)}+0.5*${tone(1046.5, 0.55)})`;
      execFileSync("ffmpeg", [
        "-hide_banner",
        "-loglevel",
        "error",
        "-f",
        "lavfi",
        "-i",
        `aevalsrc=exprs='${expr}':s=22050:d=1.6`,
        ...encode,
        target,
      ]);
    } else {
      const wav = join(work, `${id}.wav`);
      execFileSync("espeak-ng", ["-v", VOICE, "-s", SPEED, "-w", wav, spokenText(id)]);
      execFileSync("ffmpeg", [
        "-hide_banner",
        "-loglevel",
        "error",
        "-i",
        wav,
        "-af",
        trim,
        ...encode,
        target,
      ]);
    }
    total += statSync(target).size;
  }
  process.stdout.write(`${CLIP_IDS.length} clips, ${(total / 1024).toFixed(0)} KB in ${OUT}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
