import { CHIME_CLIP, CLIP_IDS, type Announcement } from "./announcement";
import type { AnnouncementPlayer } from "./queue";
import { recordClips } from "./recorder";

/**
 * The two ways a display speaks. Web Speech when the device has an Indonesian
 * voice installed locally (a network voice would fall silent when the office
 * internet does); otherwise the bundled clips, played back to back through one
 * AudioContext. Both play the chime first.
 */

/** 10 ms of silence, 8 kHz mono 8-bit PCM WAV: the smallest thing play() can be asked to play. */
const SILENT_WAV = `data:audio/wav;base64,${btoa(
  String.fromCharCode(
    ...[
      0x52, 0x49, 0x46, 0x46, 0x4c, 0, 0, 0, 0x57, 0x41, 0x56, 0x45, 0x66, 0x6d, 0x74, 0x20, 16, 0, 0, 0, 1,
      0, 1, 0, 0x40, 0x1f, 0, 0, 0x40, 0x1f, 0, 0, 1, 0, 8, 0, 0x64, 0x61, 0x74, 0x61, 80, 0, 0, 0,
    ],
    ...new Array<number>(80).fill(128),
  ),
)}`;

export type SpeechMode = "auto" | "webspeech" | "clips" | "off";

/** Pauses between clips, seconds: after the chime, at the comma, between words. */
const GAP_AFTER_CHIME = 0.35;
const GAP_AT_COMMA = 0.3;
const GAP_BETWEEN_WORDS = 0.04;

export class AudioOutput {
  readonly context: AudioContext;
  private readonly buffers = new Map<string, Promise<AudioBuffer>>();
  /** The office's recorded voice (clip id to URL); null: the bundled clips. */
  private pack: Readonly<Record<string, string>> | null = null;

  constructor(private readonly clipBase: string) {
    this.context = new AudioContext({ latencyHint: "playback" });
  }

  /**
   * Switches to the office's voice pack (or back to the bundled clips). The hub
   * only sends a complete pack, so a call never mixes two voices.
   */
  usePack(clips: Readonly<Record<string, string>> | undefined): void {
    const next = clips ?? null;
    const same =
      next === this.pack ||
      (next !== null &&
        this.pack !== null &&
        Object.keys(next).length === Object.keys(this.pack).length &&
        Object.entries(next).every(([id, url]) => this.pack?.[id] === url));
    if (same) return;
    this.pack = next;
    this.buffers.clear();
    void this.preload();
  }

  get usesPack(): boolean {
    return this.pack !== null;
  }

  hasClip(id: string): boolean {
    return this.pack ? id in this.pack : CLIP_IDS.includes(id);
  }

  clipUrl(id: string): string {
    return this.pack?.[id] ?? `${this.clipBase}${id}.mp3`;
  }

  /** False until the browser lets this page make sound (a tap, or the autoplay flag). */
  get allowed(): boolean {
    return this.context.state === "running";
  }

  /**
   * Whether the browser lets this page play sound without a tap. An unmuted
   * play() of a silent clip answers at once (NotAllowedError when blocked),
   * where AudioContext.resume() would just stay pending.
   */
  async probeAutoplay(timeoutMs = 3000): Promise<boolean | null> {
    const audio = new Audio(SILENT_WAV);
    const answer = audio.play().then(
      () => true,
      (err: unknown) => (err instanceof DOMException && err.name === "NotAllowedError" ? false : null),
    );
    const result = await Promise.race([
      answer,
      new Promise<null>((r) => setTimeout(() => r(null), timeoutMs)),
    ]);
    audio.pause();
    if (result) await this.unlock();
    return result;
  }

  async unlock(): Promise<boolean> {
    try {
      await this.context.resume();
    } catch {
      // Still blocked: the overlay stays.
    }
    return this.allowed;
  }

  clip(id: string): Promise<AudioBuffer> {
    let buffer = this.buffers.get(id);
    if (!buffer) {
      buffer = fetch(this.clipUrl(id))
        .then((res) => {
          if (!res.ok) throw new Error(`clip ${id}: HTTP ${res.status}`);
          return res.arrayBuffer();
        })
        .then((data) => this.context.decodeAudioData(data));
      // A failed fetch (hub restarting) is retried next time rather than cached.
      buffer.catch(() => this.buffers.delete(id));
      this.buffers.set(id, buffer);
    }
    return buffer;
  }

  /** Loads every clip up front, so the first call of the day plays without a gap. */
  async preload(): Promise<void> {
    const ids = this.pack ? Object.keys(this.pack) : CLIP_IDS;
    await Promise.allSettled(ids.map((id) => this.clip(id)));
  }

  /** Plays clips back to back; resolves when the last one ends. */
  async playSequence(ids: string[], gapAfter: (index: number, id: string) => number): Promise<void> {
    if (!this.allowed && !(await this.unlock()))
      throw new Error("audio is blocked until someone taps the screen");
    const buffers = await Promise.all(ids.map((id) => this.clip(id)));
    recordClips(ids.map((id) => this.clipUrl(id)));
    const ctx = this.context;
    let t = ctx.currentTime + 0.05;
    let last: AudioBufferSourceNode | null = null;
    for (const [i, buffer] of buffers.entries()) {
      const source = ctx.createBufferSource();
      source.buffer = buffer;
      source.connect(ctx.destination);
      source.start(t);
      t += buffer.duration + gapAfter(i, ids[i] ?? "");
      last = source;
    }
    const totalMs = (t - ctx.currentTime) * 1000;
    const ending = last;
    await new Promise<void>((resolve) => {
      // onended is the signal; the timer covers an output device that stalls.
      const timer = setTimeout(resolve, totalMs + 1500);
      if (!ending) return resolve();
      ending.onended = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  async chime(): Promise<void> {
    await this.playSequence([CHIME_CLIP], () => 0);
  }
}

export class ClipPlayer implements AnnouncementPlayer {
  readonly name = "clips";
  constructor(private readonly output: AudioOutput) {}

  play(a: Announcement): Promise<void> {
    const ids = [CHIME_CLIP, ...this.withCounterName(a)];
    return this.output.playSequence(ids, (i, id) => {
      if (i === 0) return GAP_AFTER_CHIME;
      // The comma of "…, silakan menuju loket …" sits before the phrase clip.
      if (ids[i + 1] === "silakan-menuju") return GAP_AT_COMMA;
      return id === "nomor-antrean" ? 0.12 : GAP_BETWEEN_WORDS;
    });
  }

  /** A pack that recorded this counter's own name ("Informasi") says it instead of "loket" and a number. */
  private withCounterName(a: Announcement): string[] {
    const named = `counter-${a.counterId}`;
    const at = a.clips.lastIndexOf("silakan-menuju");
    if (!this.output.usesPack || !this.output.hasClip(named) || at < 0) return a.clips;
    return [...a.clips.slice(0, at + 1), named];
  }
}

/** A locally installed Indonesian voice, or null. */
export function indonesianVoice(synth: SpeechSynthesis | undefined): SpeechSynthesisVoice | null {
  if (!synth) return null;
  const voices = synth.getVoices().filter((v) => /^(id|in)([-_]|$)/i.test(v.lang) && v.localService);
  return voices.find((v) => v.default) ?? voices[0] ?? null;
}

export class WebSpeechPlayer implements AnnouncementPlayer {
  readonly name = "webspeech";
  constructor(
    private readonly output: AudioOutput,
    private readonly synth: SpeechSynthesis,
  ) {}

  async play(a: Announcement): Promise<void> {
    await this.output.chime();
    const voice = indonesianVoice(this.synth);
    await new Promise<void>((resolve, reject) => {
      const u = new SpeechSynthesisUtterance(a.text);
      u.lang = voice?.lang ?? "id-ID";
      if (voice) u.voice = voice;
      u.rate = 0.9;
      const timer = setTimeout(resolve, 3000 + a.text.length * 120);
      u.onend = () => {
        clearTimeout(timer);
        resolve();
      };
      u.onerror = (e) => {
        clearTimeout(timer);
        reject(new Error(`speech synthesis: ${e.error}`));
      };
      this.synth.speak(u);
    });
  }
}

/** Picks Web Speech or clips per announcement (voices can appear after start-up), or stays silent. */
export class AutoPlayer implements AnnouncementPlayer {
  private readonly clips: ClipPlayer;
  private readonly speech: WebSpeechPlayer | null;
  lastVia: "webspeech" | "clips" | "off" = "clips";

  constructor(
    private readonly output: AudioOutput,
    private readonly mode: SpeechMode,
    private readonly synth: SpeechSynthesis | undefined = typeof speechSynthesis === "undefined"
      ? undefined
      : speechSynthesis,
  ) {
    this.clips = new ClipPlayer(output);
    this.speech = this.synth ? new WebSpeechPlayer(output, this.synth) : null;
  }

  via(): "webspeech" | "clips" | "off" {
    if (this.mode === "off") return "off";
    if (this.mode === "clips" || !this.speech) return "clips";
    if (this.mode === "webspeech") return "webspeech";
    // The office recorded a human voice: that is what it wants heard, over any synthesizer.
    if (this.output.usesPack) return "clips";
    return indonesianVoice(this.synth) ? "webspeech" : "clips";
  }

  async play(a: Announcement): Promise<void> {
    const via = this.via();
    this.lastVia = via;
    if (via === "off") return;
    if (via === "webspeech" && this.speech) await this.speech.play(a);
    else await this.clips.play(a);
  }
}
