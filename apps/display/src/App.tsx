import { useEffect, useState, useSyncExternalStore } from "react";
import { DisplayClient } from "./display-client";
import { DEVICE_REFUSED_REASON, forgetDeviceToken, takeDeviceToken } from "./device-token";
import { DisplayScreen } from "./components/DisplayScreen";
import { NotRegistered } from "./components/NotRegistered";
import type { SpeechMode } from "./speech/players";

const params = new URLSearchParams(location.search);
/** "" when served by the hub; `?hub=http://…` points a dev build at another hub. */
const HUB_URL = params.get("hub") ?? "";
/** `?sound=off` for a second screen in the same room; `?speech=clips|webspeech` to force a voice. */
const SPEECH_MODE: SpeechMode =
  params.get("sound") === "off"
    ? "off"
    : ((["clips", "webspeech", "auto"] as const).find((m) => m === params.get("speech")) ?? "auto");
const CLIP_BASE = `${import.meta.env.BASE_URL}audio/`;

export function App() {
  const [token] = useState(() => takeDeviceToken());
  if (!token) return <NotRegistered reason={null} hubUrl={HUB_URL} />;
  return <Connected token={token} />;
}

function Connected({ token }: { token: string }) {
  const [client] = useState(() => new DisplayClient(HUB_URL, token, SPEECH_MODE, CLIP_BASE));
  const view = useSyncExternalStore(client.subscribe, client.getView);
  useEffect(() => {
    client.start();
    return () => client.stop();
  }, [client]);

  if (view.connection.status === "refused") {
    const unknown = view.connection.code === "UNAUTHORIZED";
    if (unknown) forgetDeviceToken();
    return <NotRegistered reason={unknown ? DEVICE_REFUSED_REASON : view.connection.message} hubUrl={HUB_URL} />;
  }
  return <DisplayScreen view={view} onEnableSound={() => void client.enableSound()} />;
}
