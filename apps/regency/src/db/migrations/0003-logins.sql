-- The regency dashboard's own logins (docs/regency.md "Logins"): its users,
-- their sessions and the failed-login counts. Times are epoch ms (bigint)
-- because the server's clock is injected and compared in JavaScript.

CREATE TABLE regency_users (
  -- Stored lowercase: the login is case-insensitive.
  username       text PRIMARY KEY CHECK (username = lower(username)),
  display_name   text NOT NULL,
  role           text NOT NULL CHECK (role IN ('regency', 'office')),
  -- The office role reads one office; the regency role every office.
  office_id      text REFERENCES offices (id),
  -- "scrypt$N$r$p$salt$key" (@layan/core/secrets): the parameters with the hash.
  password_hash  text NOT NULL,
  disabled_at_ms bigint,
  created_at_ms  bigint NOT NULL,
  updated_at_ms  bigint NOT NULL,
  CHECK ((role = 'office') = (office_id IS NOT NULL))
);

-- Only the token's SHA-256 is kept: a copy of this table opens no session.
CREATE TABLE regency_sessions (
  token_hash    bytea PRIMARY KEY,
  username      text NOT NULL REFERENCES regency_users (username) ON DELETE CASCADE,
  created_at_ms bigint NOT NULL,
  -- Moved forward by use (at most once a minute): the idle limit counts from here.
  last_seen_ms  bigint NOT NULL,
  -- The absolute limit, fixed at login.
  expires_at_ms bigint NOT NULL
);
CREATE INDEX regency_sessions_username ON regency_sessions (username);

-- Failed logins per (address, username), per address and per username, in
-- PostgreSQL so that a restart of the server does not lift a lock-out in
-- the middle of an attack.
CREATE TABLE regency_login_failures (
  key             text PRIMARY KEY,
  -- Set for the keys naming a username: a new password lifts them.
  username        text,
  failures        integer NOT NULL,
  first_at_ms     bigint NOT NULL,
  locked_until_ms bigint
);
CREATE INDEX regency_login_failures_username ON regency_login_failures (username) WHERE username IS NOT NULL;
