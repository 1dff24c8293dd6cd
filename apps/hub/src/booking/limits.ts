import type { ErrorCode } from "@layan/protocol";

/** office.yaml `booking.limits` (docs/booking.md, decision 7). */
export interface BookingLimitSettings {
  perContactPerDay: number;
  perContactOpen: number;
  perDevicePerDay: number;
  perAddressPerHour: number;
}

interface Holder {
  day: string;
  device: string | null;
  contact: string | null;
}

const HOUR_MS = 60 * 60_000;

/**
 * The calo limits, counted in memory over the open bookings (held or
 * confirmed): who holds what is known here before any command runs, so a
 * refusal costs no write. Rebuilt at start from the contacts of the open
 * bookings (their device hash and phone HMAC, personal_data); holds not yet
 * confirmed are not there, which lets a restart forget at most ten minutes
 * of one device's holds. Such a hold is counted again when it is confirmed
 * (BookingDesk.confirm registers it first), so it cannot slip past the
 * contact's limit.
 *
 * A device has the per-day limit of its own (a family books from one
 * phone) and, in all, the larger of that and the per-contact total.
 */
export class BookingLimits {
  private readonly holders = new Map<string, Holder>();
  private readonly byKey = new Map<string, Set<string>>();
  private window = -1;
  private readonly holdsByAddress = new Map<string, number>();

  constructor(private readonly clock: () => number) {}

  private index(key: string, bookingId: string, add: boolean): void {
    let set = this.byKey.get(key);
    if (add) {
      if (!set) this.byKey.set(key, (set = new Set()));
      set.add(bookingId);
    } else if (set) {
      set.delete(bookingId);
      if (set.size === 0) this.byKey.delete(key);
    }
  }

  private counts(key: string, day: string, except?: string): { open: number; day: number } {
    let open = 0;
    let onDay = 0;
    for (const id of this.byKey.get(key) ?? []) {
      if (id === except) continue;
      open += 1;
      if (this.holders.get(id)?.day === day) onDay += 1;
    }
    return { open, day: onDay };
  }

  /** The refusal for a new hold by this device on `day`, or null. */
  refuseHold(limits: BookingLimitSettings, device: string, day: string): ErrorCode | null {
    const n = this.counts(`d:${device}`, day);
    if (n.day >= limits.perDevicePerDay || n.open >= Math.max(limits.perDevicePerDay, limits.perContactOpen)) {
      return "BOOKING_LIMIT_DEVICE";
    }
    return null;
  }

  /** The refusal for confirming `bookingId` with this phone HMAC, or null. */
  refuseConfirm(limits: BookingLimitSettings, bookingId: string, contact: string | null): ErrorCode | null {
    const holder = this.holders.get(bookingId);
    if (contact === null || !holder) return null;
    const n = this.counts(`c:${contact}`, holder.day, bookingId);
    return n.day >= limits.perContactPerDay || n.open >= limits.perContactOpen ? "BOOKING_LIMIT_CONTACT" : null;
  }

  /**
   * Counts one hold from `address` in this hour; false when it is over the
   * limit. Fixed hourly windows, the map cleared each window so it cannot grow.
   */
  takeAddressHold(limits: BookingLimitSettings, address: string): boolean {
    const window = Math.floor(this.clock() / HOUR_MS);
    if (window !== this.window) {
      this.window = window;
      this.holdsByAddress.clear();
    }
    const n = (this.holdsByAddress.get(address) ?? 0) + 1;
    this.holdsByAddress.set(address, n);
    return n <= limits.perAddressPerHour;
  }

  /** Whether this open booking is counted (a hold from before a restart is not). */
  knows(bookingId: string): boolean {
    return this.holders.has(bookingId);
  }

  held(bookingId: string, day: string, device: string | null): void {
    this.holders.set(bookingId, { day, device, contact: null });
    if (device !== null) this.index(`d:${device}`, bookingId, true);
  }

  /**
   * Counts the booking for this contact; false when it already counts for
   * one (two confirms of one hold in flight: the first one's contact is the
   * one stored, the second confirms nothing).
   */
  confirmed(bookingId: string, contact: string | null): boolean {
    const holder = this.holders.get(bookingId);
    if (!holder || contact === null || holder.contact !== null) return false;
    holder.contact = contact;
    this.index(`c:${contact}`, bookingId, true);
    return true;
  }

  /** A confirm that did not commit: the contact counted for it is taken back. */
  unconfirmed(bookingId: string): void {
    const holder = this.holders.get(bookingId);
    if (!holder || holder.contact === null) return;
    this.index(`c:${holder.contact}`, bookingId, false);
    holder.contact = null;
  }

  /** Released, expired or checked in: it no longer counts. */
  ended(bookingId: string): void {
    const holder = this.holders.get(bookingId);
    if (!holder) return;
    this.holders.delete(bookingId);
    if (holder.device !== null) this.index(`d:${holder.device}`, bookingId, false);
    if (holder.contact !== null) this.index(`c:${holder.contact}`, bookingId, false);
  }

  /** Open bookings counted (for /healthz and tests). */
  get size(): number {
    return this.holders.size;
  }
}
