export {
  openStore,
  createStore,
  REQUEST_ANSWER_KEEP_MS,
  type Store,
  type StoreOptions,
  type CommitEntry,
  type AppendResult,
  type RequestRow,
} from "./store";
export { createGroupCommitter, type GroupCommitter, type GroupCommitStats } from "./group-commit";
export { rebuildReadModels, dumpReadModels, type ReadModelDump, type RebuildResult } from "./rebuild";
export { loadMigrations, migrate, MIGRATIONS_DIR, type Migration, type MigrationRow } from "./migrate";
export { eventToRow, eventFromRow, type EventRow, type StoredEvent } from "./event-log";
export {
  type TicketRow,
  type TicketRecord,
  type CounterRow,
  type CounterRecord,
  type ServiceLogRow,
  type StepLogRow,
} from "./read-models";
export {
  type AdminQueries,
  type Device,
  type DeviceKind,
  type DeviceRow,
  type User,
  type UserRole,
  type UserRow,
  type NewUser,
  type Session,
  type SessionRow,
} from "./admin";
export {
  type AuditActor,
  type AuditFilter,
  type AuditQueries,
  type AuditRow,
  type NewAuditEntry,
} from "./audit";
export * from "./reports";
export {
  type FeedbackQueries,
  type PersonalDataEntry,
  type PersonalDataKind,
  type SurveyResponseRow,
  type ComplaintRow,
  type ComplaintResponseRow,
  type ComplaintListQuery,
  type PurgeRule,
} from "./feedback";
export {
  createNotifyQueries,
  type NotifyQueries,
  type NewPushSubscription,
  type OutboxRow,
  type PushSubscriptionRecord,
  type PushSubscriptionRow,
} from "./notify";
export {
  type BookingContact,
  type BookingListQuery,
  type BookingListRow,
  type BookingQueries,
  type BookingStatusName,
} from "./bookings";
export { bookingContactRef, type BookingRow } from "./read-models/bookings";
