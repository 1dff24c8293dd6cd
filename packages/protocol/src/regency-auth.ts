import "./zod-setup";
import { z } from "zod";
import { officeId } from "./regency";

/**
 * The regency dashboard's own logins (docs/api.md "Regency logins"): the
 * central server (apps/regency/src/auth) and the React app
 * (apps/regency-web) both import these, so the two ends agree on the shapes.
 */

/** The session cookie: HttpOnly, SameSite=Strict, Path=/, Secure over HTTPS. */
export const REGENCY_SESSION_COOKIE = "layan_regency_session";

export const REGENCY_SESSION_PATH = "/api/v1/regency/session";

/**
 * regency: Bagian Organisasi, the Inspektorat, the regent's staff, every
 * office. office: an office's manager, that office only.
 */
export const RegencyRole = z.enum(["regency", "office"]);
export type RegencyRole = z.infer<typeof RegencyRole>;

/** What `pnpm regency user add` accepts: stored lowercase, the login is case-insensitive. */
export const regencyUsername = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, "username: 2-64 lowercase letters, digits, dots, dashes, underscores");

/** A password someone chose (`--password-stdin`): long rather than clever. */
export const REGENCY_PASSWORD_MIN = 12;
export const REGENCY_PASSWORD_MAX = 256;

/**
 * The login body. The username is not held to the account format here: a
 * malformed one is an ordinary failed login (LOGIN_FAILED, counted), so the
 * answer never says which names could exist.
 */
export const RegencyLoginRequest = z
  .object({
    username: z.string().trim().min(1).max(128),
    password: z.string().min(1).max(REGENCY_PASSWORD_MAX),
  })
  .strict();
export type RegencyLoginRequest = z.infer<typeof RegencyLoginRequest>;

export const RegencySessionUser = z.object({
  username: z.string(),
  displayName: z.string(),
  role: RegencyRole,
  /** Set for the office role (that office only); null for the regency role. */
  officeId: officeId.nullable(),
});
export type RegencySessionUser = z.infer<typeof RegencySessionUser>;

/** The `data` of POST and GET /api/v1/regency/session. */
export const RegencySession = z.object({ user: RegencySessionUser });
export type RegencySession = z.infer<typeof RegencySession>;
