import type { Socket } from "socket.io-client";
import { describe, expect, it } from "vitest";
import { connectErrorCode, watchConnection, type ConnectionState } from "./connection";

/** Just enough of a socket.io client socket: events, `connected` and `active`. */
class FakeSocket {
  connected = false;
  active = true;
  connects = 0;
  connect() {
    this.connects += 1;
    return this;
  }
  private handlers = new Map<string, ((arg?: unknown) => void)[]>();
  on(event: string, fn: (arg?: unknown) => void) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), fn]);
    return this;
  }
  off(event: string, fn: (arg?: unknown) => void) {
    this.handlers.set(
      event,
      (this.handlers.get(event) ?? []).filter((h) => h !== fn),
    );
    return this;
  }
  emit(event: string, arg?: unknown) {
    for (const h of this.handlers.get(event) ?? []) h(arg);
  }
}

function refused(code: string): Error {
  return Object.assign(new Error(code), { data: { code, message: "…", messageEn: "…" } });
}

describe("connectErrorCode", () => {
  it("reads the hub's code from a refused handshake", () => {
    expect(connectErrorCode(refused("UNAUTHORIZED"))).toBe("UNAUTHORIZED");
    expect(connectErrorCode(new Error("FORBIDDEN"))).toBe("FORBIDDEN");
  });

  it("is null for network errors", () => {
    expect(connectErrorCode(new Error("xhr poll error"))).toBeNull();
    expect(connectErrorCode(null)).toBeNull();
  });
});

describe("watchConnection", () => {
  const watch = () => {
    const socket = new FakeSocket();
    const states: ConnectionState[] = [];
    const stop = watchConnection(
      socket as unknown as Socket,
      (s) => states.push(s),
      () => 1000,
    );
    return { socket, states, stop, last: () => states.at(-1) };
  };

  it("goes connecting → online → reconnecting → online across a hub restart", () => {
    const w = watch();
    expect(w.last()).toEqual({ status: "connecting" });
    w.socket.emit("connect");
    expect(w.last()).toEqual({ status: "online" });
    w.socket.emit("disconnect");
    expect(w.last()).toEqual({ status: "reconnecting", since: 1000 });
    w.socket.emit("connect_error", new Error("websocket error"));
    expect(w.last()).toEqual({ status: "reconnecting", since: 1000 });
    w.socket.emit("connect");
    expect(w.last()).toEqual({ status: "online" });
  });

  it("reports a refused token once socket.io has given up, with the Indonesian message", () => {
    const w = watch();
    w.socket.active = false;
    w.socket.emit("connect_error", refused("UNAUTHORIZED"));
    expect(w.last()).toEqual({
      status: "refused",
      code: "UNAUTHORIZED",
      message: "Perangkat atau sesi tidak dikenali. Silakan masuk kembali.",
    });
  });

  it("after the hub ended the socket (token revoked), connects again to learn why", () => {
    const w = watch();
    w.socket.emit("connect");
    w.socket.emit("disconnect", "transport close");
    expect(w.socket.connects).toBe(0);
    w.socket.emit("connect");
    w.socket.emit("disconnect", "io server disconnect");
    expect(w.socket.connects).toBe(1);
    w.socket.active = false;
    w.socket.emit("connect_error", refused("UNAUTHORIZED"));
    expect(w.last()).toMatchObject({ status: "refused", code: "UNAUTHORIZED" });
  });

  it("stops listening when unsubscribed", () => {
    const w = watch();
    w.stop();
    w.socket.emit("connect");
    expect(w.last()).toEqual({ status: "connecting" });
  });
});
