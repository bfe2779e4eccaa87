import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { addressGroup } from '../security/address-group';

/** Per-address limits on joining and creating, counted by @fastify/rate-limit's in-memory store. */
export interface Limit {
  /** Milliseconds until the request's address may try again, or 0 when under the limit. Does not count. */
  wait(req: FastifyRequest): Promise<number>;
  /** Counts one attempt for the request's address. */
  hit(req: FastifyRequest): Promise<void>;
}

export interface Limits {
  /** Failed joins (unknown code) per address: stops join-code guessing. */
  joinFailures: Limit;
  /** All joins per address: stops one machine filling a class with fake learners. */
  joins: Limit;
  /** Classes created per address. */
  creates: Limit;
  /** Failed recoveries (wrong join code or recovery code) per address. */
  recoveryFailures: Limit;
}

export const DEFAULT_LIMITS = { joinFailuresPerMinute: 20, joinsPerMinute: 240, classesPerHour: 30, recoveryFailuresPerHour: 10 };

/**
 * A limit that only some outcomes count (a failed join, a class created): the handler reads
 * before it acts and counts afterwards. In memory on purpose: a restart forgives everyone.
 */
function limit(app: FastifyInstance, max: number, timeWindow: number): Limit {
  // Counted per address group: an IPv6 /64 is one machine's (see security/address-group.ts).
  const check = app.createRateLimit({ max, timeWindow, keyGenerator: (req) => addressGroup(req.ip) });
  return {
    async wait(req) {
      const r = await check(req, { increment: false });
      return !r.isAllowed && r.remaining <= 0 ? Math.max(1, r.ttl) : 0;
    },
    async hit(req) {
      await check(req);
    },
  };
}

export async function registerLimits(app: FastifyInstance, o: Partial<typeof DEFAULT_LIMITS>): Promise<Limits> {
  await app.register(rateLimit, { global: false });
  return {
    joinFailures: limit(app, o.joinFailuresPerMinute ?? DEFAULT_LIMITS.joinFailuresPerMinute, 60_000),
    joins: limit(app, o.joinsPerMinute ?? DEFAULT_LIMITS.joinsPerMinute, 60_000),
    creates: limit(app, o.classesPerHour ?? DEFAULT_LIMITS.classesPerHour, 3_600_000),
    recoveryFailures: limit(app, o.recoveryFailuresPerHour ?? DEFAULT_LIMITS.recoveryFailuresPerHour, 3_600_000),
  };
}
