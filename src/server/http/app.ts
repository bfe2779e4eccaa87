import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { ServerContext } from '../context';
import { hostAllowed } from '../security/hosts';
import { registerAccessApi } from './access';
import { registerApi } from './api';
import { registerErrors, sendError } from './errors';
import { registerHeaders } from './headers';
import { registerLobbyApi } from './lobby';
import { registerLimits, type DEFAULT_LIMITS } from './limits';
import { registerPages } from './pages';
import { registerResumeApi } from './resume';

export const MAX_BODY_BYTES = 16 * 1024;

/** The HTTP side of the server: Host check, security headers, the API, pages and the game. */
export async function buildApp(ctx: ServerContext, distDir: string | null, limits: Partial<typeof DEFAULT_LIMITS>): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    bodyLimit: MAX_BODY_BYTES,
    serverFactory: (handler) => createServer({ maxHeaderSize: 16 * 1024, requestTimeout: 30_000 }, handler),
    return503OnClosing: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Bodies are JSON only: a form post from another site cannot send application/json without a
  // CORS preflight, which this server never grants.
  app.removeContentTypeParser('text/plain');
  registerErrors(app, ctx.log);
  app.addHook('onRequest', async (req, reply) => {
    if (hostAllowed(req.headers.host, ctx.allowedHosts, req.socket.localAddress)) return;
    ctx.log.log('warn', 'hostRefused', { address: req.ip, host: String(req.headers.host).slice(0, 200) });
    return sendError(reply, 403, 'hostNotAllowed', 'this server does not answer to this host name (see --allow-host)');
  });
  await registerHeaders(app);
  const limiters = await registerLimits(app, limits);
  await app.register(async (api) => registerApi(api, ctx, limiters));
  await app.register(async (api) => registerAccessApi(api, ctx, limiters));
  await app.register(async (api) => registerResumeApi(api, ctx, limiters));
  await app.register(async (api) => registerLobbyApi(api, ctx, { game: distDir !== null && existsSync(join(distDir, 'index.html')) }));
  await registerPages(app, distDir);
  return app;
}
