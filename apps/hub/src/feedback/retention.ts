import type { HubContext } from "../context";

const DAY_MS = 24 * 60 * 60_000;

/**
 * UU 27/2022: personal data is kept no longer than its purpose needs. The
 * hub deletes, by itself, survey profiles older than the office's retention
 * period and the contacts of complaints closed longer ago than theirs. The
 * answers and complaints stay (they name nobody). Run at start and at each
 * new service day.
 */
export function purgePersonalData(ctx: HubContext): { surveyProfiles: number; complaintContacts: number } {
  const now = ctx.engine.now();
  const { profileRetentionDays, contactRetentionDays } = ctx.setup.feedback;
  const purged = ctx.store.feedback.purgePersonalData({
    surveyProfilesStoredBefore: now - profileRetentionDays * DAY_MS,
    complaintContactsClosedBefore: now - contactRetentionDays * DAY_MS,
  });
  if (purged.surveyProfiles + purged.complaintContacts > 0) {
    ctx.logger.info({ ...purged, profileRetentionDays, contactRetentionDays }, "personal data past its retention period deleted");
  }
  return purged;
}
