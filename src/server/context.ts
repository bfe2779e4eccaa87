import type { Content } from './classroom/content';
import type { Registry } from './classroom/registry';
import type { Logger } from './log';
import type { RateLimiter } from './security/rate-limit';
import type { Store } from './store/store';
import type { MessageRate } from './ws/socket-guard';

/** What every HTTP handler and socket needs, built once by startServer. */
export interface ServerContext {
  registry: Registry;
  store: Store;
  content: Content;
  log: Logger;
  clock: () => Date;
  limits: {
    /** Failed joins (unknown code) per address: stops join-code guessing. */
    joinFailures: RateLimiter;
    /** All joins per address: stops one machine filling a class with fake learners. */
    joins: RateLimiter;
    /** Classes created per address. */
    creates: RateLimiter;
  };
  /** Per-socket message rate. */
  messageRate: MessageRate;
  /** Origins allowed to open WebSockets besides the server's own. */
  allowedOrigins: ReadonlySet<string>;
}
