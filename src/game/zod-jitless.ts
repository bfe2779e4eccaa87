import { config } from 'zod';

/**
 * The classroom server sends the game under a CSP without 'unsafe-eval'. Zod probes for eval
 * (`Function('')`) when it builds a schema, and the probe is reported as a CSP violation, so the
 * game turns zod's compiled parsers off before any schema is built: imported first.
 */
config({ jitless: true });
