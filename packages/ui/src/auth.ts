import { ERROR_MESSAGES, type Ack, type ErrorCode } from "@layan/protocol";

/** An officer's or manager's session, as `POST /api/auth/login` returns it. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: "officer" | "supervisor" | "manager" | "admin";
}

export interface Session {
  token: string;
  /** Epoch ms (hub clock). */
  expiresAt: number;
  user: SessionUser;
}

export type LoginResult = Ack<Session>;

// Nothing retries a login by itself, so the message asks the officer to (not "Sedang mencoba lagi").
const networkError = (): LoginResult => ({
  ok: false,
  error: {
    code: "HUB_UNREACHABLE",
    message: "Server antrean tidak dapat dihubungi. Periksa jaringan, lalu coba lagi.",
    messageEn: "Cannot reach the queue server. Check the network and try again.",
  },
});

/** Logs in over HTTP; never throws (network failures become an Indonesian message). */
export async function login(
  baseUrl: string,
  username: string,
  secret: string,
  fetchImpl: typeof fetch = fetch,
): Promise<LoginResult> {
  let res: Response;
  try {
    res = await fetchImpl(`${baseUrl}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: username.trim(), secret }),
    });
  } catch {
    return networkError();
  }
  try {
    const body = (await res.json()) as LoginResult;
    if (typeof body === "object" && body !== null && "ok" in body) return body;
  } catch {
    // Not JSON: a proxy error page, an old hub.
  }
  const code: ErrorCode =
    res.status === 401 ? "LOGIN_FAILED" : res.status === 429 ? "LOGIN_LOCKED" : "INTERNAL";
  return { ok: false, error: { code, message: ERROR_MESSAGES[code].id, messageEn: ERROR_MESSAGES[code].en } };
}

/** Ends the session on the hub; best effort (the token expires anyway). */
export async function logout(baseUrl: string, token: string, fetchImpl: typeof fetch = fetch): Promise<void> {
  try {
    await fetchImpl(`${baseUrl}/api/auth/logout`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
    });
  } catch {
    // Offline: the local session is cleared all the same.
  }
}
