import type { Content } from './classroom/content';
import type { Registry } from './classroom/registry';
import type { Logger } from './log';
import type { AllowedHosts } from './security/hosts';
import type { Store } from './store/store';
import type { MessageRate } from './ws/socket-guard';

/** What every HTTP handler and socket needs, built once by startServer. */
export interface ServerContext {
  registry: Registry;
  store: Store;
  content: Content;
  log: Logger;
  clock: () => Date;
  /** Per-socket message rate. */
  messageRate: MessageRate;
  /** Origins allowed to open WebSockets besides the server's own. */
  allowedOrigins: ReadonlySet<string>;
  /** Host names requests and upgrades may name (see security/hosts.ts). */
  allowedHosts: AllowedHosts;
  /** True when this server serves the built game at `/`: learners join there (`/?join=CODE`). */
  gameServed?: boolean;
  /** How long one slice of the class debrief or export may hold the event loop (see sliced.ts). */
  sliceMs: number;
}
