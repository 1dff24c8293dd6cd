import { describe, expect, it } from "vitest";
import { CLIP_IDS } from "../../apps/display/src/speech/announcement";
import { VOICE_CLIP_IDS } from "../../packages/config/src/voice-pack";

// The config check cannot import the display app, so it keeps its own copy of the clip list.
describe("voice pack clip list", () => {
  it("is exactly the set of clips the display assembles calls from", () => {
    expect([...VOICE_CLIP_IDS].sort()).toEqual([...CLIP_IDS].sort());
  });
});
