/**
 * Password and PIN hashing shared by the hub (officers' PINs) and the
 * regency's central server (its users' passwords). A subpath of its own
 * (`@layan/core/secrets`), not in the package index: the browser apps import
 * @layan/core, and node:crypto must not reach their bundles.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from "node:crypto";

function scrypt(secret: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(secret, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

// scrypt N=2^12, r=8, p=4: ~30 ms per hash here in 4 MiB blocks. Short PINs
// fall to an offline search whatever the hash, so the real guard is the online
// lock-out; the cost keeps a stolen database from being read at a glance. The
// small block matters: a 16 MiB block per login stays in the allocator's
// per-thread arenas and a long-running server's resident memory grows by tens of MB.
const SCRYPT = { N: 1 << 12, r: 8, p: 4, keylen: 32, maxmem: 32 * 1024 * 1024 };

/**
 * "scrypt$N$r$p$salt$key": the parameters travel with the hash, so raising
 * them later leaves every stored hash verifiable.
 */
export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(secret, salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, maxmem: SCRYPT.maxmem });
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

/** Constant-time comparison of the derived key; false (never a throw) for a hash it cannot read. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, "base64");
  const actual = await scrypt(secret, Buffer.from(salt, "base64"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: SCRYPT.maxmem,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
