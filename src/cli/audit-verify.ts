import path from 'path';
import { AuditKeyError, auditKeys } from '../workflow/audit-keys';
import { verifyChain, type WitnessedHead } from '../workflow/audit';
import { UsageError, type Command } from './args';

const HEAD = /^#?(\d{1,12}):([0-9a-fA-F]{16,64})$/;

/** `--witness f` (repeatable), `--head N:hash` (repeatable), `--no-reports`, `--no-default-witness`. */
const parse = (args: string[], cwd: string) => {
  const witnessFiles: string[] = [];
  const heads: WitnessedHead[] = [];
  let reports = true;
  let configuredWitness = true;
  for (let i = 0; i < args.length; i += 1) {
    const [flag, inline] = args[i].split(/=(.*)/s, 2);
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value.`);
      return v;
    };
    if (flag === '--witness') witnessFiles.push(path.resolve(cwd, value()));
    else if (flag === '--head') {
      const v = value();
      const m = HEAD.exec(v.trim());
      if (!m || Number(m[1]) < 1)
        throw new UsageError(
          `--head ${v}: expected <position>:<hash> (at least 16 hex digits of the hash), e.g. 42:9f3c…`,
        );
      heads.push({
        seq: Number(m[1]),
        id: null,
        hash: m[2].toLowerCase(),
        source: `the head given with --head ${m[1]}:${m[2].slice(0, 16)}`,
      });
    } else if (flag === '--no-reports') reports = false;
    else if (flag === '--no-default-witness') configuredWitness = false;
    else throw new UsageError(`Unknown argument ${args[i]}.`);
  }
  return { witnessFiles, heads, reports, configuredWitness };
};

const command: Command = {
  usage: 'audit:verify [--witness file]… [--head N:hash]… [--no-reports] [--no-default-witness]',
  summary:
    'verify the audit chain (HMACs, order) against the witness file(s) and the monthly reports',
  async run(args, ctx) {
    const options = parse(args, ctx.cwd);
    try {
      auditKeys();
    } catch (error) {
      if (error instanceof AuditKeyError) {
        console.error(`error: ${error.message}`);
        return 1;
      }
      throw error;
    }
    const strapi = await ctx.boot();
    const result = await verifyChain(strapi, options);
    const counts = `${result.events} event(s)${result.legacy ? ` (${result.legacy} legacy, unkeyed)` : ''}, checked against ${result.witnessed} witnessed head(s)`;
    for (const note of result.notes) console.log(`note: ${note}`);
    if (result.ok) {
      const head = result.head ? `; head #${result.head.seq} ${result.head.hash}` : '';
      console.log(`audit chain intact: ${counts}${head}`);
      return 0;
    }
    console.error(
      result.firstBadSeq
        ? `audit chain broken at event ${result.firstBad} (#${result.firstBadSeq} in the chain of ${result.events}): ${result.problem}`
        : `audit chain not verified: ${result.problem}`,
    );
    console.error(`(${counts})`);
    return 1;
  },
};

export default command;
