import "@fontsource-variable/atkinson-hyperlegible-next/wght.css";
import "./styles.css";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { STRINGS } from "./i18n";
import { KioskHub } from "./kiosk-hub";
import { previewIdOf, startPreview } from "./preview";
import { resolveRuntime } from "./runtime";
import { StateScreen } from "./screens/StateScreen";

const root = createRoot(document.getElementById("root") as HTMLElement);

const preview = previewIdOf(window);
if (preview !== null) void startPreview(root, window, preview);
else resolveRuntime(window).then(
  (runtime) => {
    const hub = new KioskHub({ url: runtime.hubUrl, token: runtime.token ?? "" });
    if (runtime.token !== null) hub.start();
    root.render(<App hub={hub} runtime={runtime} />);
  },
  (error: unknown) => {
    // Electron with a missing or broken settings file: say so on screen for the technician.
    const detail =
      error instanceof Error
        ? error.message.replace(/^Error invoking remote method '[^']+': (Error: )?/, "")
        : String(error);
    root.render(<StateScreen kind="unauthorized" title={STRINGS.id.noToken} detail={detail} />);
  },
);

// A kiosk has no right-click menu and no text selection to get stuck in.
window.addEventListener("contextmenu", (event) => event.preventDefault());
