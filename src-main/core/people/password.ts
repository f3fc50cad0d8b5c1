/**
 * Password hashing with scrypt from Node's crypto (no native dependency): slow and salted, so a copied database does
 * not give up passwords cheaply. The stored form carries its parameters, so the cost can rise later without breaking
 * existing hashes. Verification compares in constant time.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export type PasswordCost = { N: number; r: number; p: number };
/** About 50-100 ms and 32 MiB per hash on a laptop core (OWASP's scrypt minimum is N=2^17 r=8 p=1 at 128 MiB; this is
 * a desktop app that must stay responsive, and sign-in is also rate-limited). */
export const DEFAULT_COST: PasswordCost = { N: 2 ** 15, r: 8, p: 1 };
/** For tests only: fast, still the same code path. */
export const TEST_COST: PasswordCost = { N: 2 ** 10, r: 8, p: 1 };

const KEYLEN = 32;

function scrypt(password: string, salt: Buffer, cost: PasswordCost): Promise<Buffer> {
  const opts: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFKC'), salt, KEYLEN, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string, cost: PasswordCost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every(Number.isSafeInteger) || N > 2 ** 20 || r > 32 || p > 16) return false;
  const salt = Buffer.from(parts[4]!, 'base64');
  const expected = Buffer.from(parts[5]!, 'base64');
  const actual = await scrypt(password, salt, { N, r, p });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
