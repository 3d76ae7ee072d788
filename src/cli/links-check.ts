import { fiscalYearOf } from '../ita/fiscal-year';
import { runLinkCheckOnce, summaryLine, unitsInScope } from '../compliance/links';
import { fiscalYearArg, parseArgs, UsageError, type Command } from './args';

const UNIT_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,19}$/;

/**
 * `links:check [--unit CODE] [--year Y]`: checks the assessor URLs and file URLs now, stores the
 * results (GET /compliance/links shows them) and prints one line per unit. Broken links are a
 * report, not a failure: the exit code is 0 unless the arguments are wrong.
 */
const command: Command = {
  usage: 'links:check [--unit CODE] [--year <fiscal year>]',
  summary: 'check the assessor links on the unit websites and the file links',
  async run(args, ctx) {
    const { positional, options } = parseArgs(args);
    if (positional.length) throw new UsageError(`Unexpected argument "${positional[0]}".`);
    const unknown = Object.keys(options).filter((k) => k !== 'unit' && k !== 'year');
    if (unknown.length) throw new UsageError(`Unknown option --${unknown[0]}.`);
    const year =
      options.year === undefined ? fiscalYearOf(new Date()) : fiscalYearArg(options.year, '--year');
    const unit = options.unit;
    if (unit !== undefined && (typeof unit !== 'string' || !UNIT_CODE.test(unit)))
      throw new UsageError('--unit must be a unit code, e.g. ENG.');
    const strapi = await ctx.boot();
    const base = ((strapi.config.get('server.url') as string | undefined) ?? '').replace(
      /\/+$/,
      '',
    );
    const units = await unitsInScope(strapi, null, unit ? [unit.toUpperCase()] : null);
    const started = Date.now();
    const results = await runLinkCheckOnce(strapi, { fiscalYear: year, units, base });
    console.log(`link check ${year}: ${results.length} unit(s) in ${Date.now() - started} ms`);
    for (const r of results) console.log(summaryLine(r));
    if (!base)
      console.log(
        'note: PUBLIC_URL is not set; files stored on this server (/uploads/...) were skipped',
      );
    return 0;
  },
};

export default command;
