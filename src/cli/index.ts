import type { Core } from '@strapi/strapi';
import itaExport from './ita-export';
import itaImport from './ita-import';
import itaStartYear from './ita-start-year';

export type CliContext = { boot: () => Promise<Core.Strapi>; cwd: string };
export type Command = {
  usage: string;
  summary: string;
  run: (args: string[], ctx: CliContext) => Promise<number>;
};

export class UsageError extends Error {}

const COMMANDS: Record<string, Command> = {
  'ita:import': itaImport,
  'ita:export': itaExport,
  'ita:start-year': itaStartYear,
};

const help = () =>
  [
    'Usage: npm run cli -- <command> [options]',
    '',
    ...Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(52)} ${c.summary}`),
  ].join('\n');

/** Runs one command; returns the process exit code (0 ok, 1 failed, 2 usage). */
export const run = async (argv: string[], ctx: CliContext): Promise<number> => {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help') {
    console.log(help());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${help()}`);
    return 2;
  }
  try {
    return await command.run(args, ctx);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\nUsage: npm run cli -- ${command.usage}`);
      return 2;
    }
    const e = error as { message?: string; details?: { errors?: Array<{ path: string; message: string }> } };
    console.error(`error: ${e.message ?? String(error)}`);
    return 1;
  }
};

/** `--name value` options and positional arguments. */
export const parseArgs = (args: string[]) => {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i += 1) {
    const a = args[i];
    if (a.startsWith('--')) {
      const [key, inline] = a.slice(2).split('=', 2);
      if (inline !== undefined) options[key] = inline;
      else if (args[i + 1] !== undefined && !args[i + 1].startsWith('--')) options[key] = args[++i];
      else options[key] = true;
    } else positional.push(a);
  }
  return { positional, options };
};
