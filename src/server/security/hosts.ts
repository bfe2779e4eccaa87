import { isIP } from 'node:net';

/**
 * The Host check that stops DNS rebinding: a page on an attacker's domain whose name is pointed
 * at this server would otherwise talk to it as if from the server's own origin. Allowed: this
 * machine's names (localhost, 127.0.0.1, [::1]), the listen host, the address the request
 * actually reached (a learner typing the LAN address the server printed), and every name given
 * with --allow-host; a name starting with a dot allows its subdomains too.
 */
export interface AllowedHosts {
  names: ReadonlySet<string>;
  suffixes: readonly string[];
}

const LOCAL = ['localhost', '127.0.0.1', '::1'];

export function allowedHosts(listenHost: string, extra: readonly string[] = []): AllowedHosts {
  const all = [...LOCAL, listenHost, ...extra].map((h) => h.toLowerCase().replace(/^\[|\]$/g, ''));
  return { names: new Set(all.filter((h) => !h.startsWith('.'))), suffixes: all.filter((h) => h.startsWith('.')) };
}

/** The host name of a Host header, without port or IPv6 brackets, lower case; null if malformed. */
export function hostName(header: string | undefined): string | null {
  if (!header || header.length > 300) return null;
  const m = /^(?:\[([0-9a-f:.]+)\]|([^:[\]\s]+))(?::\d{1,5})?$/i.exec(header);
  return m ? (m[1] ?? m[2]!).toLowerCase() : null;
}

/** `localAddress`: where the connection arrived (`socket.localAddress`), e.g. the LAN address. */
export function hostAllowed(header: string | undefined, allowed: AllowedHosts, localAddress?: string): boolean {
  const name = hostName(header);
  if (name === null) return false;
  if (allowed.names.has(name) || name.endsWith('.localhost')) return true;
  if (allowed.suffixes.some((s) => name.endsWith(s) || name === s.slice(1))) return true;
  const local = localAddress?.replace(/^::ffff:/, '').toLowerCase();
  return isIP(name) !== 0 && name === local;
}
