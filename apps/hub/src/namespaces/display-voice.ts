import { createReadStream, statSync } from "node:fs";
import { extname, join } from "node:path";
import type { VoicePack } from "@layan/config";
import type { DisplayConfig } from "@layan/protocol";
import type { HubContext } from "../context";
import type { Route } from "../http";

/*
 * The office's recorded voice (kiosk-config/voice/<pack>/), served to the
 * displays. Only the files the config check accepted are served, looked up by
 * name in that list: nothing in a request path ever reaches the file system.
 */

const VOICE_PREFIX = "/voice/";

const AUDIO_TYPES: Readonly<Record<string, string>> = {
  ".ogg": "audio/ogg",
  // Opus recordings come in an Ogg container; browsers pick the codec from the file.
  ".opus": "audio/ogg",
  ".mp3": "audio/mpeg",
  ".wav": "audio/wav",
};

/** What a display is told about the pack: each clip's URL, versioned so a re-recorded clip is fetched anew. */
export function voiceForDisplay(pack: VoicePack | null): DisplayConfig["voice"] {
  if (!pack) return undefined;
  const clips: Record<string, string> = {};
  for (const [id, file] of Object.entries(pack.clips)) {
    clips[id] = `${VOICE_PREFIX}${pack.name}/${encodeURIComponent(file)}?v=${pack.version}`;
  }
  return { pack: pack.name, clips };
}

export function voicePackRoutes(ctx: Pick<HubContext, "setup">): Route {
  return (req, res, url) => {
    if (!url.pathname.startsWith(VOICE_PREFIX) || (req.method !== "GET" && req.method !== "HEAD")) return false;
    const pack = ctx.setup.voicePack;
    const [name, file, ...rest] = url.pathname.slice(VOICE_PREFIX.length).split("/");
    const known = pack && name === pack.name && rest.length === 0 && file !== undefined;
    const fileName = known ? safeDecode(file) : null;
    if (!pack || fileName === null || !Object.values(pack.clips).includes(fileName)) return false;
    const path = join(pack.dir, fileName);
    let size: number;
    try {
      size = statSync(path).size;
    } catch {
      // Removed since the hub started: the display falls back to the bundled clip for this call.
      return false;
    }
    res.writeHead(200, {
      "content-type": AUDIO_TYPES[extname(fileName).toLowerCase()] ?? "application/octet-stream",
      "content-length": size,
      // URLs carry the pack's version: a new recording is a new URL.
      "cache-control": "public, max-age=31536000, immutable",
    });
    if (req.method === "HEAD") res.end();
    else createReadStream(path).pipe(res);
    return true;
  };
}

function safeDecode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}
