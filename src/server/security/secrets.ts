import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * Join codes are read aloud and typed on phones: no I/1/L, O/0, U/V lookalikes. 29 symbols at
 * 7 characters give 29^7 ≈ 1.7e10 codes; with failed joins rate-limited per address, guessing a
 * live class's code is out of reach while the code stays short enough to project on a wall.
 */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTWXYZ23456789';
export const JOIN_CODE_LENGTH = 7;

export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** Upper-cases and drops spaces and dashes, so "abc-d 23" reads as typed on a projector. */
export function normaliseJoinCode(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]/g, '');
}

/**
 * A facilitator's recovery code: written on paper and typed back, so it uses the join code's
 * alphabet, in four groups of five (20 symbols, about 97 bits: guessing it is out of reach even
 * without the rate limit on failed recoveries).
 */
export const RECOVERY_CODE_GROUPS = 4;
export const RECOVERY_CODE_GROUP_LENGTH = 5;

export function newRecoveryCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < RECOVERY_CODE_GROUPS; g++) {
    let group = '';
    for (let i = 0; i < RECOVERY_CODE_GROUP_LENGTH; i++) group += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/** 256 random bits, URL-safe: facilitator keys and learner resume tokens. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Opaque ids for classes and learners: unguessable, but they grant nothing without a secret. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}

/** A fresh seed, kept server-side until the class ends. Hex fits the CLI's seed syntax. */
export function newSeed(): string {
  return randomBytes(12).toString('hex');
}

/** Secrets are stored only as SHA-256: a stolen database file grants no facilitator rights. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Constant-time check of a presented secret against a stored hash. */
export function secretMatches(presented: string | undefined | null, storedHash: string): boolean {
  if (typeof presented !== 'string' || presented.length === 0 || presented.length > 200) return false;
  const a = Buffer.from(hashSecret(presented), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
