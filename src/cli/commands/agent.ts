import { createSession } from '../../engine';
import { parse, parseScenario, parseSeed, required } from '../args';
import type { Command } from '../command';
import {
  createObservationEncoder,
  decodeInput,
  errorMessage,
  OBSERVE_FORMS,
  observationMessage,
  resultMessage,
  type ErrorMessage,
  type Message,
  type ObserveForm,
} from '../../protocol';
import { CliError, EXIT } from '../errors';
import { write, type Io } from '../io';
import { MAX_LINE_BYTES, readLines } from '../lines';

const HELP = `Usage: sim agent --scenario <id|file> --seed <seed> [--observe full|delta]

Plays one session over JSON Lines, for programs. stdout carries protocol lines only:
an observation line, then one line per action read from stdin, each answered with the
next observation (or an error line and the same observation again); after the last
action, a result line with the report, the replay and the final state hash.

Send {"id":"<listed action id>"} or a full action object, one per line. Blank lines are
ignored; lines over ${MAX_LINE_BYTES / 1024 / 1024} MiB are skipped with an error line.
See docs/cli.md for the message formats and an example session.

Options:
  --scenario <id|file>  scenario id from scenarios/ (see "sim list"), or a scenario file
  --seed <seed>         seed of the run: 1-200 letters, digits, ".", "_" or "-"
  --observe <form>      full (the default): every observation whole; delta: the first
                        whole, then only what changed, as a JSON merge patch (docs/cli.md)
  -h, --help            show this help

Exit codes: 0 result written; 2 bad usage or unknown scenario (nothing on stdout);
3 stdin ended before the scenario was over (nothing more is written).
`;

async function agent(args: string[], io: Io): Promise<number> {
  const { values } = parse('agent', args, { scenario: { type: 'string' }, seed: { type: 'string' }, observe: { type: 'string' } });
  if (values.help) {
    await write(io.stdout, HELP);
    return EXIT.ok;
  }
  const ref = required('agent', 'scenario', values.scenario, '<id|file>');
  const seed = parseSeed('agent', required('agent', 'seed', values.seed, '<seed>'));
  const observe = parseObserve(values.observe);
  const { scenario, hash } = await parseScenario('agent', ref, io);

  const session = createSession(scenario, seed, hash);
  const send = (m: Message) => write(io.stdout, `${JSON.stringify(m)}\n`);
  const encode = createObservationEncoder(observe);
  const sendObservation = () => write(io.stdout, `${encode(observationMessage(session.observe()))}\n`);
  await sendObservation();

  for await (const line of readLines(io.stdin)) {
    let error: ErrorMessage | null = null;
    if (!line.ok) error = errorMessage(line.code, line.message);
    else if (line.text.trim() === '') continue;
    else {
      const decoded = decodeInput(line.text);
      if (!decoded.ok) error = decoded.error;
      else {
        try {
          const result = session.dispatch(decoded.input);
          if (!result.ok) error = errorMessage(result.error.code, result.error.message);
        } catch (e) {
          // An engine bug must not end a session: a failed rule leaves the state as it was.
          const err = e instanceof Error ? e : new Error(String(e));
          error = errorMessage('internal', `the engine failed on this action: ${err.message}`);
          await write(io.stderr, `sim: agent: internal error at step ${session.step + 1}: ${io.env.SIM_DEBUG ? err.stack : err.message}\n`);
        }
      }
    }
    if (error) await send(error);
    else if (session.done) {
      await send(resultMessage(session));
      return EXIT.ok;
    }
    await sendObservation();
  }
  await write(io.stderr, `sim: agent: input ended at step ${session.step} (phase ${session.observe().phase}) before the scenario was over\n`);
  return EXIT.ended;
}

function parseObserve(value: string | undefined): ObserveForm {
  if (value === undefined) return 'full';
  const form = OBSERVE_FORMS.find((f) => f === value);
  if (!form) throw new CliError(`agent: --observe: expected ${OBSERVE_FORMS.map((f) => `"${f}"`).join(' or ')}, found "${value.slice(0, 40)}"`);
  return form;
}

export const agentCommand: Command = {
  name: 'agent',
  summary: 'play one session over JSON Lines on stdin/stdout (for programs and outside agents)',
  help: () => HELP,
  run: agent,
};
