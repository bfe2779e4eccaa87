import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_LIMITS, type ServerOptions } from './server';
import { DEFAULT_MESSAGE_RATE } from './ws/socket-guard';

export const DEFAULT_DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

export const HELP = `Usage: npm run classroom -- [options]

Runs the Sprintwise classroom server: facilitators create classes at /facilitator, learners
join at /learn with the class's code; the built game (dist/, from "npm run build") is served
at / when present. See docs/facilitator.md and docs/classroom-protocol.md.

Options:
  --port <n>              TCP port (default 8080; 0 picks a free one)
  --host <address>        address to listen on (default 0.0.0.0: every interface, so learners'
                          machines can reach it; 127.0.0.1 keeps it to this machine)
  --data <dir>            data directory; its classroom.sqlite is created on first start
                          (default ./classroom-data)
  --dist <dir>            built game to serve at / (default: the repository's dist/)
  --scenarios <dir>       scenario directory (default: $SPRINTWISE_SCENARIOS or scenarios/)
  --allow-origin <url>    also accept WebSockets from this origin (repeatable), e.g. when the
                          game is served from another host
  --allow-host <name>     also answer requests naming this host (repeatable), e.g. the
                          server's DNS name; ".example.org" allows its subdomains too.
                          localhost, 127.0.0.1, [::1], the --host address and the address a
                          request reached (such as the LAN address printed below) always work
  --join-failure-limit <n>
                          failed joins (wrong code) allowed per address per minute (default ${DEFAULT_LIMITS.joinFailuresPerMinute})
  --message-rate <n>      messages each socket may send per second, in bursts of twice that
                          (default 20: far above a person's pace; raise it for bots)
  -h, --help              show this help

Stop with Ctrl+C: every acknowledged action is already on disk, and live classes resume on
the next start.
`;

export type ParsedOptions = { help: true } | { help: false; options: ServerOptions } | { help: false; error: string };

function int(name: string, raw: string | undefined, fallback: number, min: number, max: number): number | string {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) return `--${name}: expected a whole number from ${min} to ${max}, found "${raw.slice(0, 40)}"`;
  return Number(raw);
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): ParsedOptions {
  let values;
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        dist: { type: 'string' },
        scenarios: { type: 'string' },
        'allow-origin': { type: 'string', multiple: true },
        'allow-host': { type: 'string', multiple: true },
        'join-failure-limit': { type: 'string' },
        'message-rate': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (e) {
    return { help: false, error: `${(e as Error).message} (see --help)` };
  }
  if (values.help) return { help: true };
  const port = int('port', values.port, 8080, 0, 65535);
  if (typeof port === 'string') return { help: false, error: port };
  const failures = int('join-failure-limit', values['join-failure-limit'], DEFAULT_LIMITS.joinFailuresPerMinute, 1, 10_000);
  if (typeof failures === 'string') return { help: false, error: failures };
  const rate = int('message-rate', values['message-rate'], DEFAULT_MESSAGE_RATE.perSecond, 1, 100_000);
  if (typeof rate === 'string') return { help: false, error: rate };
  for (const o of values['allow-origin'] ?? []) {
    try {
      if (new URL(o).origin !== o) throw new Error();
    } catch {
      return { help: false, error: `--allow-origin: expected an origin such as https://game.example.org, found "${o.slice(0, 80)}"` };
    }
  }
  for (const h of values['allow-host'] ?? []) {
    if (!/^\.?[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$/i.test(h) && !/^\[?[0-9a-f:.]+\]?$/i.test(h)) {
      return { help: false, error: `--allow-host: expected a host name such as classroom.example.org, found "${h.slice(0, 80)}"` };
    }
  }
  const scenarios = values.scenarios ?? env.SPRINTWISE_SCENARIOS;
  return {
    help: false,
    options: {
      port,
      host: values.host ?? '0.0.0.0',
      dataDir: resolve(values.data ?? 'classroom-data'),
      distDir: resolve(values.dist ?? DEFAULT_DIST),
      ...(scenarios ? { scenarioDir: resolve(scenarios) } : {}),
      allowedOrigins: values['allow-origin'] ?? [],
      allowedHosts: values['allow-host'] ?? [],
      joinFailuresPerMinute: failures,
      messageRate: { perSecond: rate, burst: 2 * rate },
    },
  };
}
