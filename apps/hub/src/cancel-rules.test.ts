/**
 * Who may take a number out of the queue, and who may hand one out, over real
 * sockets: an officer cancels only tickets of the services their open counter
 * serves (supervisors and admins any); an information kiosk (devices.yaml
 * `printer: none`) issues none.
 */
import type { IssuedTicket } from "@layan/protocol";
import { describe, expect, it } from "vitest";
import { addDevice } from "./admin";
import { connect, login, must, rid, send, startHub } from "./testing/harness";
import { closeAfterEach } from "./testing/close-after-each";

const track = closeAfterEach();

describe("ticket:cancel on /counter", () => {
  it("an officer cancels tickets of their open counter's services only; a supervisor any", async () => {
    const h = track(await startHub());
    const rina = track(await connect(h.url, "/counter", await login(h.url, h.users.officer)));
    const agus = track(await connect(h.url, "/counter", await login(h.url, h.users.officer2)));
    const hendra = track(await connect(h.url, "/counter", await login(h.url, h.users.supervisor)));
    const kiosk = track(await connect(h.url, "/kiosk", h.tokens.kiosk));
    const ktp = await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" });
    const stnk = await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "stnk-tahunan" });
    const kia = await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "kia" });

    // Agus has no counter open: no service of his to cancel in.
    const cancel = (socket: typeof rina, t: IssuedTicket) =>
      send<{ number: string }>(socket, "ticket:cancel", { requestId: rid(), ticketId: t.ticket.id });
    const refused = {
      ok: false,
      error: {
        code: "NOT_YOUR_SERVICE",
        message: "Nomor ini bukan antrean layanan di loket yang Anda buka. Minta supervisor untuk membatalkannya.",
      },
    };
    expect(await cancel(agus, ktp)).toMatchObject(refused);

    // Loket 1 serves KTP-el and KIA, not STNK.
    await must(rina, "counter:open", { requestId: rid(), counterId: "loket-1" });
    expect(await cancel(rina, stnk)).toMatchObject(refused);
    expect((await must(kiosk, "service:status", { serviceId: "stnk-tahunan" })).waiting).toBe(1);
    expect(await cancel(rina, ktp)).toEqual({ ok: true, data: { number: ktp.ticket.number } });

    // Paused is not open: the officer is away from the desk.
    await must(rina, "counter:pause", { requestId: rid(), counterId: "loket-1" });
    expect(await cancel(rina, kia)).toMatchObject(refused);

    // A supervisor, with no counter at all, may cancel any.
    expect(await cancel(hendra, stnk)).toEqual({ ok: true, data: { number: stnk.ticket.number } });
    expect((await must(kiosk, "service:status", { serviceId: "stnk-tahunan" })).waiting).toBe(0);
    // Unknown tickets still get the core's answer.
    expect(await send(rina, "ticket:cancel", { requestId: rid(), ticketId: "no-such-ticket" })).toMatchObject({
      ok: false,
      error: { code: "TICKET_UNKNOWN" },
    });
  });
});

describe("an information kiosk (printer: none)", () => {
  it("shows its services but issues no number, with a clear code and Indonesian message", async () => {
    const h = track(await startHub());
    const token = addDevice(h.store, "kiosk", "kiosk-informasi", "Kiosk Informasi Perizinan", h.clock.now);
    const info = track(await connect(h.url, "/kiosk", token));
    const catalog = await must(info, "catalog:get", {});
    expect(catalog.kiosk?.canPrint).toBe(false);
    expect(catalog.services.map((s) => s.id)).toContain("nib-oss");
    const seq = h.store.lastSeq();
    for (const printVia of ["kiosk", "hub"] as const) {
      expect(await send(info, "ticket:issue", { requestId: rid(), serviceId: "nib-oss", printVia })).toMatchObject({
        ok: false,
        error: {
          code: "KIOSK_INFO_ONLY",
          message:
            "Kios ini hanya untuk informasi dan tidak menerbitkan nomor antrean. Silakan ambil nomor di kios lain.",
        },
      });
    }
    expect(h.store.lastSeq()).toBe(seq);
    expect((await must(info, "service:status", { serviceId: "nib-oss" })).waiting).toBe(0);
  });
});
