import { networkInterfaces } from 'node:os';
import { HELP, parseOptions } from './options';
import { startServer } from './server';

/** `npm run classroom -- [options]`: parses options, starts the server, stops it cleanly on a signal. */
async function main(): Promise<number> {
  const parsed = parseOptions(process.argv.slice(2));
  if (parsed.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if ('error' in parsed) {
    process.stderr.write(`classroom: ${parsed.error}\n`);
    return 2;
  }
  const o = parsed.options;
  const server = await startServer(o);
  const lan =
    o.host === '0.0.0.0'
      ? Object.values(networkInterfaces())
          .flat()
          .filter((i) => i && i.family === 'IPv4' && !i.internal)
          .map((i) => `http://${i!.address}:${server.port}`)
      : [];
  // The first line is read by tests and scripts that start the server on port 0.
  process.stdout.write(`listening ${server.url}\n`);
  process.stdout.write(`Facilitator: ${server.url}/facilitator\nLearners:    ${server.url}/learn\n`);
  for (const u of lan) process.stdout.write(`On the network: ${u}/learn\n`);
  process.stdout.write(`Data: ${o.dataDir}\n`);

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`classroom: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
