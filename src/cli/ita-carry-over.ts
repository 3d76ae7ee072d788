import { carryOver, formatCarrySummary } from '../compliance/carry-over';
import { SCHEME_PATTERN } from '../ita/checklist-file';
import { fiscalYearArg, parseArgs, UsageError, type Command } from './args';

/**
 * `ita:carry-over <year> [--scheme S]`: (re)runs the year rollover — every published entry that
 * satisfied an item of year−1 is linked to the matching items of <year> (by topic and cadence).
 * Idempotent; prints what was carried per unit.
 */
const command: Command = {
  usage: 'ita:carry-over <fiscal year> [--scheme <scheme>]',
  summary: "carry the previous year's evidence into a year's checklist (idempotent)",
  async run(args, ctx) {
    const { positional, options } = parseArgs(args);
    const year = fiscalYearArg(positional[0], '<fiscal year>');
    const scheme = options.scheme;
    if (scheme !== undefined && (typeof scheme !== 'string' || !SCHEME_PATTERN.test(scheme)))
      throw new UsageError('--scheme must be a scheme, e.g. general.');
    const strapi = await ctx.boot();
    const summary = await carryOver(strapi, year, {
      schemes: typeof scheme === 'string' ? [scheme] : null,
    });
    for (const line of formatCarrySummary(summary)) console.log(line);
    return summary.schemes.length ? 0 : 1;
  },
};

export default command;
