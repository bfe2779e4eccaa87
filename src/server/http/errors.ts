import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Logger } from '../log';
import { isStorageError, storageRefusal } from '../store/storage-failure';
import { describeIssues } from '../validate';

/** Every error of the API is `{"error":{"code","message"}}` with a fitting status. */
export function sendError(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').send({ error: { code, message } });
}

/** Fastify's own errors (body parsing, limits) as the protocol's codes and messages. */
const FASTIFY_ERRORS: Record<string, [number, string, string]> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'notJson', 'send the body as Content-Type: application/json'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'tooLarge', 'the body is too large: at most 16384 bytes'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'notJson', 'the body is empty'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'notJson', 'the body is not JSON in UTF-8'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'badBody', 'the body could not be read'],
  FST_STATIC_FORBIDDEN_PATH: [400, 'badPath', 'the path is not valid'],
};

export function registerErrors(app: FastifyInstance, log: Logger): void {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) return sendError(reply, 400, 'invalid', describeIssues(error.validation, '(body)'));
    const known = FASTIFY_ERRORS[error.code];
    if (known) return sendError(reply, ...known);
    if (error.statusCode === 429) return sendError(reply, 429, 'rateLimited', 'too many requests from this address: try again later');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return sendError(reply, error.statusCode, 'badRequest', error.message.slice(0, 200));
    if (isStorageError(error)) {
      const r = storageRefusal(error);
      log.log('error', 'storageFailure', { url: req.url.slice(0, 200), error: error.message });
      return sendError(reply, r.status, r.code, r.message);
    }
    log.log('error', 'requestFailed', { url: req.url.slice(0, 200), error: error.stack ?? error.message });
    return sendError(reply, 500, 'internal', 'the server failed on this request');
  });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0]!.slice(0, 200);
    if (path.startsWith('/api/')) return sendError(reply, 404, 'notFound', `no API at ${path}`);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(reply, 405, 'methodNotAllowed', 'only GET and HEAD outside /api');
    return sendError(reply, 404, 'notFound', `nothing at ${path}`);
  });
}
