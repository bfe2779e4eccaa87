/**
 * Engine version recorded in every replay. Bump the minor when rules change outcomes:
 * replays promise to re-simulate only under the same major.minor (see docs/replays.md).
 */
export const ENGINE_VERSION = '0.7.0';
