import { fail } from "@layan/protocol";
import type { Booking } from "@layan/core";
import { createGroupCommitter, type BookingRow, type GroupCommitter, type Store } from "@layan/store";
import type { HubStore } from "./context";

/** A read-model row as the core's booking (loadBookings): a check-in ends it as the core counts it. */
export function bookingFromRow(row: BookingRow): Booking {
  return {
    id: row.booking_id,
    code: row.code,
    serviceId: row.service_id,
    serviceDay: row.service_day,
    slotStart: row.slot_start,
    slotEnd: row.slot_end,
    status: row.status,
    heldAt: row.held_at,
    holdExpiresAt: row.hold_expires_at,
    confirmedAt: row.confirmed_at,
    endedAt: row.ended_at ?? row.checked_in_at,
    ticketId: row.ticket_id,
    releaseReason: row.release_reason,
  };
}

/**
 * The hub's storage contract over the real SQLite store: commits go through
 * the group committer (one transaction per event-loop turn), reads straight
 * to the database.
 */
export function hubStore(store: Store, committer: GroupCommitter = createGroupCommitter(store)): HubStore & { committer: GroupCommitter } {
  return {
    committer,
    commit: (entry) => committer.commit(entry),
    commitStats: () => ({ ...committer.stats }),
    findRequest: (id) => {
      const found = store.findRequestRecord(id);
      // The engine answers a retry with the stored answer; a null hash makes it
      // the answer to any payload, so a late retry is refused whatever it carries.
      return found === "expired" ? { response: fail("REQUEST_EXPIRED"), payloadHash: null } : found;
    },
    pruneRequests: (before, limit) => store.pruneRequests(before, limit),
    lastSeq: () => store.lastSeq(),
    iterateEvents: (fromSeq) => store.iterateEvents(fromSeq),
    replayStartSeq: (todayStart) => store.replayStartSeq(todayStart),
    openBookings: (today) => store.openBookings(today).map(bookingFromRow),
    bookings: store,
    eventsAfter: (seq, limit) => store.eventsAfter(seq, limit),
    ticketNumber: (id) => store.ticketById(id)?.number ?? null,
    storedTicket: (id) => {
      const t = store.ticketById(id);
      return (
        t && {
          number: t.number,
          serviceId: t.serviceId,
          status: t.status,
          serviceDay: t.serviceDay,
          issuedAt: t.issuedAt,
          counterId: t.counterId,
          calledAt: t.lastCalledAt,
          outcome: t.outcome,
        }
      );
    },
    issuedCountsSince: (serviceDay) => store.issuedCountsSince(serviceDay),
    ticketIdByNumber: (serviceDay, number) => store.ticketIdByNumber(serviceDay, number),
    listUsers: () => store.listUsers(),
    feedback: store,
    findDeviceByTokenHash: (hash) => store.findDeviceByTokenHash(hash),
    findUserByUsername: (username) => store.findUserByUsername(username),
    findUserById: (id) => store.findUserById(id),
    createSession: (hash, userId, createdAt, expiresAt) => store.createSession(hash, userId, createdAt, expiresAt),
    findSession: (hash) => store.findSession(hash),
    deleteSession: (hash) => store.deleteSession(hash),
    authVersion: () => store.authVersion(),
    audit: store,
  };
}
