import { closeSync, existsSync, openSync, readdirSync, readSync, statSync } from "node:fs";
import { join } from "node:path";
import { createHash } from "node:crypto";
import type { ConfigIssue } from "./issues";
import type { CounterConfig, VoicePack } from "./types";
import type { YamlSource } from "./yaml-source";
import { NUMBER_WORDS } from "@layan/core/number-words";

/*
 * A voice pack: an office's own recordings of the words a display assembles a
 * call from, in `kiosk-config/voice/<pack>/`, chosen in office.yaml
 * (`announcement.voicePack`). One file per clip id, `<id>.<ext>`.
 *
 * A pack is used only when every clip is there and readable: a call that mixed
 * a human voice with the bundled espeak-ng words for the missing ones would
 * sound broken, so an incomplete pack is reported and the displays keep the
 * bundled voice whole.
 */

export const VOICE_FOLDER = "voice";

/** What browsers play everywhere we deploy (Chromium on the TVs' sticks, Android TV's WebView). */
export const VOICE_EXTENSIONS = ["ogg", "opus", "mp3", "wav"] as const;

/**
 * The display's clip ids (apps/display/src/speech/announcement.ts CLIP_IDS),
 * built here from the same number words (@layan/core) because config cannot import an app;
 * a test keeps the two equal.
 */
export const VOICE_CLIP_IDS: readonly string[] = [
  "chime",
  "nomor-antrean",
  "silakan-menuju",
  "loket",
  ..."abcdefghijklmnopqrstuvwxyz",
  ...NUMBER_WORDS,
];

/**
 * A counter called by another name than "Loket <n>" ("Informasi", "Meja
 * Pengaduan") needs its name recorded: `counter-<id>`, said instead of
 * "loket" and the number.
 */
export function counterClipId(counter: Pick<CounterConfig, "id" | "name">): string | null {
  return /^loket\s*\d+$/i.test(counter.name.trim()) ? null : `counter-${counter.id}`;
}

export function voiceClipIds(counters: readonly Pick<CounterConfig, "id" | "name">[]): string[] {
  const named = counters.map(counterClipId).filter((id): id is string => id !== null);
  return [...VOICE_CLIP_IDS, ...named];
}

const MIN_HEADER = 12;

/** The format a file's first bytes say it is, or null: a renamed text file or a truncated copy must not reach a display. */
export function audioFormatOf(header: Uint8Array): "ogg" | "mp3" | "wav" | null {
  if (header.length < MIN_HEADER) return null;
  const ascii = (from: number, to: number) => String.fromCharCode(...header.subarray(from, to));
  if (ascii(0, 4) === "OggS") return "ogg";
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WAVE") return "wav";
  if (ascii(0, 3) === "ID3") return "mp3";
  // An MPEG audio frame without an ID3 tag starts with an 11-bit frame sync.
  const [b0, b1] = header;
  if (b0 === 0xff && b1 !== undefined && (b1 & 0xe0) === 0xe0) return "mp3";
  return null;
}

const FORMAT_OF_EXTENSION: Record<(typeof VOICE_EXTENSIONS)[number], "ogg" | "mp3" | "wav"> = {
  ogg: "ogg",
  opus: "ogg",
  mp3: "mp3",
  wav: "wav",
};

function readHeader(path: string): Uint8Array {
  const fd = openSync(path, "r");
  try {
    const buffer = new Uint8Array(MIN_HEADER);
    const read = readSync(fd, buffer, 0, MIN_HEADER, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/**
 * The office's pack when it is complete; otherwise none, and a warning per
 * missing, doubled or unreadable clip, named by its file.
 */
export function checkVoicePack(
  dir: string,
  packName: string | undefined,
  counters: readonly Pick<CounterConfig, "id" | "name">[],
  office: YamlSource,
  display: (path: string) => string,
): { pack?: VoicePack; warnings: ConfigIssue[] } {
  if (packName === undefined) return { warnings: [] };
  const folder = join(dir, VOICE_FOLDER, packName);
  const where = ["announcement", "voicePack"];
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    return {
      warnings: [
        office.issue(where, `voice pack folder ${display(folder)} not found; displays use the bundled voice`),
      ],
    };
  }
  const files = readdirSync(folder).filter((f) => statSync(join(folder, f)).isFile());
  const warnings: ConfigIssue[] = [];
  const clips: Record<string, string> = {};
  const versions: string[] = [];
  const clipIds = voiceClipIds(counters);
  const known = new Set(clipIds);
  const issue = (file: string, message: string): ConfigIssue => ({ file: display(join(folder, file)), line: 0, path: "", message });

  for (const id of clipIds) {
    const candidates = files.filter((f) => {
      const dot = f.lastIndexOf(".");
      return f.slice(0, dot) === id && (VOICE_EXTENSIONS as readonly string[]).includes(f.slice(dot + 1).toLowerCase());
    });
    const [file, ...others] = candidates;
    if (!file) {
      warnings.push(issue(`${id}.${VOICE_EXTENSIONS.join("|")}`, `missing clip "${id}"`));
      continue;
    }
    if (others.length > 0) {
      warnings.push(issue(file, `clip "${id}" is there twice (${candidates.join(", ")}); keep one`));
      continue;
    }
    const path = join(folder, file);
    const stat = statSync(path);
    if (stat.size === 0) {
      warnings.push(issue(file, "unreadable clip: the file is empty"));
      continue;
    }
    const extension = file.slice(file.lastIndexOf(".") + 1).toLowerCase() as (typeof VOICE_EXTENSIONS)[number];
    const format = audioFormatOf(readHeader(path));
    if (format !== FORMAT_OF_EXTENSION[extension]) {
      warnings.push(
        issue(file, `unreadable clip: not ${extension === "mp3" ? "an MP3" : `a ${extension.toUpperCase()}`} audio file (${format ? `looks like ${format}` : "unknown format"})`),
      );
      continue;
    }
    clips[id] = file;
    versions.push(`${file}:${stat.size}:${Math.floor(stat.mtimeMs)}`);
  }
  for (const file of files) {
    const base = file.slice(0, file.lastIndexOf("."));
    if (!known.has(base) && !file.startsWith(".") && file.toLowerCase() !== "readme.md") {
      warnings.push(issue(file, "not a clip of the naming scheme (see kiosk-config/voice/README.md); ignored"));
    }
  }
  if (Object.keys(clips).length < clipIds.length) {
    warnings.push(
      office.issue(where, `voice pack "${packName}" is incomplete; displays use the bundled voice until every clip is there`),
    );
    return { warnings };
  }
  return { pack: { name: packName, dir: folder, clips, version: versionOf(versions.join("\n")) }, warnings };
}

/** New recordings get new URLs, so no cache replays the old ones. */
function versionOf(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 12);
}
