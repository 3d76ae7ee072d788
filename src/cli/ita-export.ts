import fs from 'fs';
import path from 'path';
import { exportChecklist } from '../ita/checklists';
import { SCHEME_PATTERN } from '../ita/checklist-file';
import { fiscalYearArg, parseArgs, UsageError, type Command } from './args';

const command: Command = {
  usage: 'ita:export <fiscal year> <scheme> [--out file.json]',
  summary: 'write a checklist in the import format (default ./oit-<year>-<scheme>.json)',
  async run(args, ctx) {
    const { positional, options } = parseArgs(args);
    const year = fiscalYearArg(positional[0], '<fiscal year>');
    const scheme = positional[1];
    if (!scheme || !SCHEME_PATTERN.test(scheme))
      throw new UsageError('Missing or invalid scheme (e.g. general).');
    const strapi = await ctx.boot();
    const file = await exportChecklist(strapi, year, scheme);
    const out = path.resolve(
      ctx.cwd,
      typeof options.out === 'string' ? options.out : `oit-${year}-${scheme}.json`,
    );
    fs.writeFileSync(out, `${JSON.stringify(file, null, 1)}\n`);
    const count = file.indicators.flatMap((i) => i.subindicators).flatMap((s) => s.items).length;
    console.log(`wrote ${out} (${count} items)`);
    return 0;
  },
};

export default command;
