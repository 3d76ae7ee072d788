import type { Core } from '@strapi/strapi';

export type CliContext = { boot: () => Promise<Core.Strapi>; cwd: string };
export type Command = {
  usage: string;
  summary: string;
  run: (args: string[], ctx: CliContext) => Promise<number>;
};

/** Wrong arguments: exit code 2 and the command's usage line. */
export class UsageError extends Error {}

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
