import type { Command } from '../command';
import { write, type Io } from '../io';
import { VALIDITY_HELP, validityMain } from '../../validity/main';

/** `sim validity`: does the scoring separate good practice from bad? (src/validity does the work.) */
export const validityCommand: Command = {
  name: 'validity',
  summary: 'check that principled play outscores hippo, yes and random play, per domain',
  help: () => VALIDITY_HELP,
  async run(args: string[], io: Io): Promise<number> {
    let text = '';
    const code = await validityMain(args, (chunk) => {
      text += chunk;
    });
    await write(code === 2 ? io.stderr : io.stdout, text);
    return code;
  },
};
