import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parseFiscalYearParam } from '../ita/fiscal-year';

export type CliContext = { boot: () => Promise<Core.Strapi>; cwd: string };
export type Command = {
  usage: string;
  summary: string;
  run: (args: string[], ctx: CliContext) => Promise<number>;
};

/** Wrong arguments: exit code 2 and the command's usage line. */
export class UsageError extends Error {}

/**
 * A fiscal-year argument through the one parser (`parseFiscalYearParam`): its message, prefixed
 * by the argument's name (`--year`), as a usage error.
 */
export const fiscalYearArg = (raw: unknown, name: string): number => {
  try {
    return parseFiscalYearParam(raw === true ? '' : raw);
  } catch (error) {
    if (error instanceof errors.ValidationError) throw new UsageError(`${name}: ${error.message}`);
    throw error;
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

/**
 * The text of the file named by the first positional argument, resolved against the directory
 * the user ran npm in; null (after printing why) when it does not exist.
 */
export const readInputFile = (
  args: string[],
  ctx: CliContext,
  what: string,
): { file: string; text: string } | null => {
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) throw new UsageError(`Missing the ${what}.`);
  const full = path.resolve(ctx.cwd, file);
  if (!fs.existsSync(full)) {
    console.error(`error: ${file}: no such file`);
    return null;
  }
  return { file, text: fs.readFileSync(full, 'utf8') };
};
