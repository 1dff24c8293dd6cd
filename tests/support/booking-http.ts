import type { BookingHeld, BookingReceipt } from "@layan/protocol";

/**
 * A citizen's phone booking over the hub's public HTTP API, for tests that
 * need bookings without driving the booking page: its own cookie jar (the
 * `layan_device` cookie is what the hub's per-device limit counts).
 */
export class BookingPhone {
  private cookie: string | null = null;

  constructor(private readonly base: string) {}

  private async call<T>(path: string, body: unknown): Promise<T> {
    const res = await fetch(`${this.base}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: JSON.stringify(body),
    });
    const set = res.headers.get("set-cookie");
    if (set) this.cookie = set.split(";")[0] ?? null;
    const answer = (await res.json()) as { ok: true; data: T } | { ok: false; error: { code: string } };
    if (!answer.ok) throw new Error(`${path} refused: ${res.status} ${answer.error.code}`);
    return answer.data;
  }

  /** Holds `slotStart` (epoch ms) of the service and confirms it with the citizen's details. */
  async book(serviceId: string, slotStart: number, details: { name?: string; phone?: string }): Promise<BookingReceipt> {
    const held = await this.call<BookingHeld>("/api/bookings/hold", { serviceId, slotStart });
    return this.call<BookingReceipt>(`/api/bookings/${held.bookingId}/confirm`, details);
  }

  /** "Batalkan reservasi" from the receipt. */
  async cancel(bookingId: string): Promise<void> {
    await this.call(`/api/bookings/${bookingId}/cancel`, {});
  }
}
