import "@fontsource-variable/atkinson-hyperlegible-next/wght.css";
import "./styles.css";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { KioskHub } from "./kiosk-hub";
import { resolveRuntime } from "./runtime";

const root = createRoot(document.getElementById("root") as HTMLElement);

void resolveRuntime(window).then((runtime) => {
  const hub = new KioskHub({ url: runtime.hubUrl, token: runtime.token ?? "" });
  if (runtime.token !== null) hub.start();
  root.render(<App hub={hub} runtime={runtime} />);
});

// A kiosk has no right-click menu and no text selection to get stuck in.
window.addEventListener("contextmenu", (event) => event.preventDefault());
