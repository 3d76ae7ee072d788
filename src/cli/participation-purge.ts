import { purgeExpired } from '../participation/purge';
import { parseArgs, UsageError, type Command } from './args';

/**
 * `participation:purge [--dry-run]`: erases the personal data of submissions whose retention
 * period has passed (docs/participation.md, "Retention"), as the daily job does; `--dry-run`
 * counts what would be erased and changes nothing.
 */
const command: Command = {
  usage: 'participation:purge [--dry-run]',
  summary: 'erase the personal data of closed public submissions past their retention period',
  async run(args, ctx) {
    const { positional, options } = parseArgs(args);
    if (positional.length) throw new UsageError(`Unexpected argument "${positional[0]}".`);
    const unknown = Object.keys(options).filter((k) => k !== 'dry-run');
    if (unknown.length) throw new UsageError(`Unknown option --${unknown[0]}.`);
    if (options['dry-run'] !== undefined && options['dry-run'] !== true)
      throw new UsageError('--dry-run takes no value.');
    const strapi = await ctx.boot();
    const r = await purgeExpired(strapi, { dryRun: options['dry-run'] === true });
    console.log(
      `${r.dryRun ? 'would erase' : 'erased'} personal data of ${r.requests} request(s) closed more than ${r.requestDays} days ago and ${r.complaints} complaint(s) closed more than ${r.complaintDays} days ago; ${r.dryRun ? 'would delete' : 'deleted'} ${r.files} attachment file(s)`,
    );
    return 0;
  },
};

export default command;
