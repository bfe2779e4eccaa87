/**
 * The debrief's "what if" rollouts, off the page's thread: one request in, progress and then the
 * figures (or an error) out. Only reads the replay it is sent; it never sees the save.
 */
import '../zod-jitless';
import { whatIf } from '../../whatif/rollouts';
import type { WhatIfReply, WhatIfRequest } from './messages';

const post = (reply: WhatIfReply) => (self as unknown as { postMessage(m: WhatIfReply): void }).postMessage(reply);

self.onmessage = (event: MessageEvent<WhatIfRequest>) => {
  const { scenario, hash, replay, rollouts } = event.data;
  const start = performance.now();
  try {
    const result = whatIf(scenario, hash, replay, { rollouts, onProgress: (done, total) => post({ type: 'progress', done, total }) });
    post({ type: 'result', result, ms: performance.now() - start });
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
};
