import "./zod-setup";
import type { z } from "zod";
import type { AckFn } from "./ack";
import type { ClientToServer, NamespaceName } from "./namespaces";
import {
  CallTicketPayload,
  CompletePayload,
  CounterPayload,
  CounterSyncPayload,
  DisplaySoundPayload,
  EmptyPayload,
  IssueTicketPayload,
  KioskCancelPayload,
  OfficerCancelPayload,
  ServiceStatusPayload,
  SyncRequestPayload,
  TickStepPayload,
  TicketPayload,
  TransferPayload,
  TransferUndoPayload,
  WatchPayload,
} from "./schemas";
import { BookingCheckInSchema, KioskBookingCheckInSchema } from "./booking";
import { CounterSurveyPayload } from "./feedback/counter-survey";
import { KioskComplaintPayload, KioskSurveyPayload, SurveyFindPayload } from "./feedback/kiosk";

/** An event map's command names (every client-to-server event is a command with an ack). */
export type CommandName<M> = keyof M & string;
/** What a client sends with command E of map M. */
export type CommandPayload<M, E extends keyof M> = M[E] extends (...args: infer A) => void ? A[0] : never;
/** What the ack of command E of map M carries when it succeeds. */
export type CommandAnswer<M, E extends keyof M> = M[E] extends (...args: infer A) => void
  ? A[1] extends AckFn<infer T>
    ? T
    : never
  : never;

/**
 * A schema that accepts what the event map says a client sends: checked when
 * COMMAND_SCHEMAS is declared, so a schema and its event cannot drift apart.
 */
type SchemasOf<M> = { [E in CommandName<M>]: z.ZodType<unknown, CommandPayload<M, E>> };

/**
 * The zod schema of every command, per namespace. The hub's command handler
 * looks the schema up here by event name, so a command is declared once (its
 * payload schema here, its answer in the event map) and a namespace cannot
 * handle an event its map does not have.
 */
export const COMMAND_SCHEMAS = {
  kiosk: {
    "catalog:get": EmptyPayload,
    "service:status": ServiceStatusPayload,
    "printer:status": EmptyPayload,
    "ticket:issue": IssueTicketPayload,
    "ticket:cancel": KioskCancelPayload,
    "sync:request": SyncRequestPayload,
    "complaint:file": KioskComplaintPayload,
    "survey:find": SurveyFindPayload,
    "survey:submit": KioskSurveyPayload,
    "booking:checkIn": KioskBookingCheckInSchema,
  },
  counter: {
    "counter:open": CounterPayload,
    "counter:pause": CounterPayload,
    "counter:close": CounterPayload,
    "counter:watch": WatchPayload,
    "ticket:call_next": CounterPayload,
    "ticket:call": CallTicketPayload,
    "ticket:recall": CounterPayload,
    "ticket:start": CounterPayload,
    "ticket:step": TickStepPayload,
    "ticket:untick_step": TickStepPayload,
    "ticket:complete": CompletePayload,
    "ticket:no_show": CounterPayload,
    "ticket:transfer": TransferPayload,
    "ticket:transfer_undo": TransferUndoPayload,
    "ticket:reinstate": TicketPayload,
    "ticket:cancel": OfficerCancelPayload,
    "catalog:get": EmptyPayload,
    "sync:request": CounterSyncPayload,
    "survey:submit": CounterSurveyPayload,
    "booking:checkIn": BookingCheckInSchema,
  },
  display: {
    "sync:request": SyncRequestPayload,
    "display:config": EmptyPayload,
    "display:sound": DisplaySoundPayload,
  },
  dashboard: {
    "sync:request": SyncRequestPayload,
    "catalog:get": EmptyPayload,
  },
} as const satisfies { [N in NamespaceName]: SchemasOf<ClientToServer<N>> };

/** The payload of command E on namespace N as the hub sees it after parsing (defaults filled in). */
export type ParsedCommand<
  N extends NamespaceName,
  E extends keyof (typeof COMMAND_SCHEMAS)[N],
> = z.output<(typeof COMMAND_SCHEMAS)[N][E]>;

// The satisfies clause above proves each schema accepts what its event map
// declares; this proves the converse (a schema may not require more than the
// map says a client sends), so the two are the same type.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Schemas = typeof COMMAND_SCHEMAS;
type Drifted<N extends NamespaceName> = {
  [E in keyof Schemas[N] & CommandName<ClientToServer<N>>]: Same<
    z.input<Schemas[N][E] & z.ZodType>,
    CommandPayload<ClientToServer<N>, E>
  > extends true
    ? never
    : E;
}[keyof Schemas[N] & CommandName<ClientToServer<N>>];
/** Names a drifted command in the compile error; `never` everywhere when all agree. */
export const SCHEMAS_MATCH_EVENT_MAPS: { [N in NamespaceName]: Drifted<N> } extends { [N in NamespaceName]: never }
  ? true
  : { [N in NamespaceName]: Drifted<N> } = true;
