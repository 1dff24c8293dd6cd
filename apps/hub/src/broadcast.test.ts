import type { CounterSnapshot, CounterView, QueueChanged } from "@layan/protocol";
import type { Socket } from "socket.io-client";
import { describe, expect, it } from "vitest";
import { closeAfterEach } from "./testing/close-after-each";
import { connect, login, must, nextPush, rid, startHub } from "./testing/harness";

const track = closeAfterEach();

describe("pushes after a kiosk issue", () => {
  it("refresh the waiting list of the open counters serving the service, without a counter:updated for them", async () => {
    const h = track(await startHub());
    const counter = track(await connect(h.url, "/counter", await login(h.url, h.users.officer)));
    const dashboard = track(await connect(h.url, "/dashboard", await login(h.url, h.users.manager)));
    const kiosk = track(await connect(h.url, "/kiosk", h.tokens.kiosk));
    const opened = nextPush(dashboard, "counter:updated");
    await must(counter, "counter:open", { requestId: rid(), counterId: "loket-1" });
    await opened;

    const updates: unknown[] = [];
    (dashboard as unknown as Socket).on("counter:updated", (v: unknown) => updates.push(v));
    const snapshot = nextPush<CounterSnapshot>(counter, "counter:snapshot", 3_000, (s) => s.queues.some((q) => q.waiting > 0));
    const queue = nextPush(dashboard, "queue:changed");
    const issued = await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" });
    const pushed = await snapshot;
    await queue;

    // Loket 1 serves KTP-el: its list shows the new ticket.
    expect(pushed.queues.find((q) => q.serviceId === "ktp-el")?.next.map((t) => t.number)).toEqual([issued.ticket.number]);
    // Its status and ticket in hand did not change: the displays and dashboards have nothing to redraw.
    expect(updates).toEqual([]);
  });
});

describe("pushes after a call", () => {
  it("reach a display as the call first, then the waiting counts, then the counter's tile, one frame each", async () => {
    const h = track(await startHub());
    const counter = track(await connect(h.url, "/counter", await login(h.url, h.users.officer)));
    const kiosk = track(await connect(h.url, "/kiosk", h.tokens.kiosk));
    const display = track(await connect(h.url, "/display", h.tokens.display));
    const opened = nextPush<CounterView>(display, "counter:updated", 3_000, (v) => v.id === "loket-1" && v.status === "open");
    await must(counter, "counter:open", { requestId: rid(), counterId: "loket-1" });
    await opened;
    const issued = await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" });
    // Right after a queue push, the next one is an interval away: the call lands inside it.
    await nextPush<QueueChanged>(display, "queue:changed", 3_000, (q) => q.waiting.some((w) => w.serviceId === "ktp-el" && w.waiting === 1));

    const heard: string[] = [];
    (display as unknown as Socket).onAny((event: string) => heard.push(event));
    const tile = nextPush<CounterView>(display, "counter:updated", 3_000, (v) => v.id === "loket-1" && v.current?.number === issued.ticket.number);
    await must(counter, "ticket:call_next", { requestId: rid(), counterId: "loket-1" });
    await tile;

    // The tile's frame used to go out in the call's own turn, ahead of 200 displays' reading of the call.
    expect(heard).toEqual(["ticket:called", "queue:changed", "counter:updated"]);
  });
});
