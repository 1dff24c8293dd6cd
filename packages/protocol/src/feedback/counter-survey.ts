import "../zod-setup";
import { z } from "zod";
import { SurveyResponseSchema } from "./survey";

/**
 * survey:submit on /counter: the counter's screen turned to the citizen. The
 * same answers as the ticket page's POST, plus which counter asks and for which
 * ticket (the hub checks that counter served it). Kept apart from schemas.ts:
 * the survey schemas import `requestId` from there, and commands.ts and
 * namespaces.ts both need this without importing each other.
 */
export const CounterSurveyPayload = SurveyResponseSchema.extend({
  counterId: z.string().min(1).max(64),
  ticketId: z.string().min(1).max(64),
});
export type CounterSurveyInput = z.input<typeof CounterSurveyPayload>;
