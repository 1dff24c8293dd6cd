import { expect } from "vitest";

/**
 * The admin routes' HTTP client for integration tests: one bearer-token call
 * and a login, shared by the admin-*.test.ts files instead of a copy in each.
 * `baseUrl` is read per call because the hub starts in beforeAll.
 */
export interface Answer<T> {
  status: number;
  body: { ok: boolean; data: T; error?: { code: string; message: string; lines?: string[] } };
}

export type Call = <T>(method: "GET" | "POST", path: string, token: string | null, body?: object) => Promise<Answer<T>>;

export function adminClient(baseUrl: () => string, userAgent?: string): { call: Call; login: (username: string, secret: string) => Promise<string> } {
  const call: Call = async <T>(method: "GET" | "POST", path: string, token: string | null, body?: object) => {
    const res = await fetch(`${baseUrl()}${path}`, {
      method,
      headers: {
        ...(userAgent ? { "user-agent": userAgent } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body ? { "content-type": "application/json" } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as Answer<T>["body"] };
  };
  const login = async (username: string, secret: string): Promise<string> => {
    const answer = await call<{ token: string }>("POST", "/api/auth/login", null, { username, secret });
    expect(answer.status, `login ${username}`).toBe(200);
    return answer.body.data.token;
  };
  return { call, login };
}
