import { carryOver, formatCarrySummary } from '../compliance/carry-over';
import { startFiscalYear } from '../ita/checklists';
import { SCHEME_PATTERN } from '../ita/checklist-file';
import { fiscalYearArg, parseArgs, UsageError, type Command } from './args';

const command: Command = {
  usage: 'ita:start-year <fiscal year> <scheme> [--from <year>]',
  summary: 'start a year by copying the previous list, marked provisional',
  async run(args, ctx) {
    const { positional, options } = parseArgs(args);
    const year = fiscalYearArg(positional[0], '<fiscal year>');
    const scheme = positional[1];
    if (!scheme || !SCHEME_PATTERN.test(scheme))
      throw new UsageError('Missing or invalid scheme (e.g. general).');
    const from = options.from === undefined ? year - 1 : fiscalYearArg(options.from, '--from');
    const strapi = await ctx.boot();
    const r = await startFiscalYear(strapi, year, scheme, from);
    console.log(`started ${year} (${scheme}) from ${from}: ${r.created} item(s), provisional`);
    // The new year takes the previous year's evidence with it (standing: to confirm current).
    const summary = await carryOver(strapi, year, { schemes: [scheme], fromYear: from });
    for (const line of formatCarrySummary(summary)) console.log(line);
    return 0;
  },
};

export default command;
