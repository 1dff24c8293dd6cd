import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { inspectConfig } from "./load";
import { runConfigCheck } from "./report";
import { freshCopyEachTest, type ConfigCopy } from "./test-support";
import { audioFormatOf, VOICE_CLIP_IDS } from "./voice-pack";

/** A real, decodable clip: 20 ms of 8 kHz mono 8-bit PCM silence. */
function wav(): Buffer {
  const samples = 160;
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
  return Buffer.concat([header, Buffer.alloc(samples, 128)]);
}

let copy!: ConfigCopy;
freshCopyEachTest((c) => (copy = c));

function writePack(name: string): string {
  const folder = join(copy.dir, "voice", name);
  mkdirSync(folder, { recursive: true });
  for (const id of VOICE_CLIP_IDS) writeFileSync(join(folder, `${id}.wav`), wav());
  copy.replace("office.yaml", "  style: number", `  style: number\n  voicePack: ${name}`);
  return folder;
}

function check(): { status: number; stdout: string; stderr: string } {
  let stdout = "";
  let stderr = "";
  const status = runConfigCheck(
    [copy.dir],
    { stdout: (t) => (stdout += `${t}\n`), stderr: (t) => (stderr += `${t}\n`) },
    { displayRoot: copy.root, now: Date.parse("2026-11-28T14:00:00+07:00") },
  );
  return { status, stdout, stderr };
}

describe("voice packs", () => {
  it("a complete pack is used, every clip by its file", () => {
    writePack("suara-kantor");
    const { config, warnings } = inspectConfig(copy.dir, { displayRoot: copy.root });
    expect(warnings).toEqual([]);
    expect(config?.voicePack?.name).toBe("suara-kantor");
    expect(config?.voicePack?.clips["nomor-antrean"]).toBe("nomor-antrean.wav");
    expect(Object.keys(config?.voicePack?.clips ?? {}).sort()).toEqual([...VOICE_CLIP_IDS].sort());
  });

  it("config:check names a missing clip by its file, and the pack is not used", () => {
    const folder = writePack("suara-kantor");
    rmSync(join(folder, "sebelas.wav"));
    const { stderr } = check();
    expect(stderr).toContain('kiosk-config/voice/suara-kantor/sebelas.ogg|opus|mp3|wav: missing clip "sebelas"');
    expect(stderr).toMatch(/office\.yaml:\d+ announcement\.voicePack: voice pack "suara-kantor" is incomplete/);
    expect(inspectConfig(copy.dir, { displayRoot: copy.root }).config?.voicePack).toBeUndefined();
  });

  it("config:check names empty and undecodable clips, and files outside the scheme", () => {
    const folder = writePack("suara-kantor");
    writeFileSync(join(folder, "b.wav"), "");
    rmSync(join(folder, "loket.wav"));
    writeFileSync(join(folder, "loket.mp3"), "this is a text file renamed to mp3\n");
    writeFileSync(join(folder, "Nomor Antrean.mp3"), wav());
    const { stderr } = check();
    expect(stderr).toContain("kiosk-config/voice/suara-kantor/b.wav: unreadable clip: the file is empty");
    expect(stderr).toContain("kiosk-config/voice/suara-kantor/loket.mp3: unreadable clip: not an MP3 audio file");
    expect(stderr).toContain("kiosk-config/voice/suara-kantor/Nomor Antrean.mp3: not a clip of the naming scheme");
  });

  it("a counter not named Loket <n> needs its name recorded", () => {
    writePack("suara-kantor");
    copy.replace("counters.yaml", "name: Loket 1\n", "name: Informasi\n");
    const { stderr } = check();
    expect(stderr).toContain('kiosk-config/voice/suara-kantor/counter-loket-1.ogg|opus|mp3|wav: missing clip "counter-loket-1"');
  });

  it("tells audio formats by their first bytes", () => {
    expect(audioFormatOf(wav())).toBe("wav");
    expect(audioFormatOf(Buffer.from("OggS\0\x02\0\0\0\0\0\0"))).toBe("ogg");
    expect(audioFormatOf(Buffer.from("ID3\x04\0\0\0\0\0\0\0\0"))).toBe("mp3");
    expect(audioFormatOf(Buffer.from([0xff, 0xfb, 0x90, 0x64, 0, 0, 0, 0, 0, 0, 0, 0]))).toBe("mp3");
    expect(audioFormatOf(Buffer.from("<html><body>nope</body></html>"))).toBeNull();
  });
});
