import { connectHub } from "@layan/ui";
import { useEffect, useState } from "react";

/**
 * Counts the hub's `config:changed` pushes (and reconnects, which may have
 * missed one) so the dashboard refetches its meta (services, counters,
 * names) when the office's configuration changes, without a reload that
 * would lose the manager's view and filters (they live in the URL and in
 * the views' own state, which a new meta prop keeps).
 */
export function useConfigVersion(hubUrl: string, token: string): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const socket = connectHub({ url: hubUrl, namespace: "dashboard", token });
    let connects = 0;
    const bump = () => setVersion((v) => v + 1);
    socket.on("config:changed", bump);
    socket.on("connect", () => {
      connects += 1;
      if (connects > 1) bump();
    });
    return () => {
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [hubUrl, token]);
  return version;
}
