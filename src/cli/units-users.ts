import { SingleBar, Presets } from 'cli-progress';
import {
  upsertUnit,
  upsertUserMembership,
  validateUnitInput,
  validateUserInput,
  type UnitInput,
  type UserInput,
} from '../units/provisioning';
import { parseArgs, readInputFile, UsageError, type CliContext, type Command } from './args';
import { CsvSyntaxError, csvRecords } from './csv';

const str = (v: string | true | undefined) => (typeof v === 'string' ? v : undefined);

export const unitCreate: Command = {
  usage:
    'unit:create --code SCI --name-th "…" [--name-en "…"] --group faculty [--parent CODE] [--website URL] [--scheme general]',
  summary: 'create (or update) one unit',
  async run(args, ctx) {
    const { options } = parseArgs(args);
    const input = {
      code: str(options.code) ?? '',
      nameTh: str(options['name-th']) ?? '',
      nameEn: str(options['name-en']),
      group: str(options.group) ?? '',
      parent: str(options.parent),
      websiteUrl: str(options.website),
      scheme: str(options.scheme),
    };
    const problems = validateUnitInput(input);
    if (problems.length) throw new UsageError(problems.join('\n'));
    const strapi = await ctx.boot();
    const result = await upsertUnit(strapi, input);
    console.log(`unit ${input.code}: ${result}`);
    return 0;
  },
};

export const userCreate: Command = {
  usage:
    "user:create --email a@example.org --password '…' --firstname A [--lastname B] [--unit SCI] --role editor|approver|publisher|monitor|admin",
  summary: 'create an admin user (if missing) with a role in a unit',
  async run(args, ctx) {
    const { options } = parseArgs(args);
    const input = {
      email: str(options.email) ?? '',
      password: str(options.password) ?? '',
      firstname: str(options.firstname) ?? '',
      lastname: str(options.lastname),
      unit: str(options.unit),
      role: str(options.role) ?? '',
    };
    const problems = validateUserInput(input);
    if (problems.length) throw new UsageError(problems.join('\n'));
    const strapi = await ctx.boot();
    const r = await upsertUserMembership(strapi, input);
    console.log(
      `user ${input.email}: ${r.user}; ${input.role}${input.unit ? ` of ${input.unit}` : ''}: ${r.membership}`,
    );
    return 0;
  },
};

/** Reads a CSV, checks every row before writing anything, then writes row by row in one transaction. */
const importCsv = async <T>(
  args: string[],
  ctx: CliContext,
  columns: {
    required: string[];
    toInput: (r: Record<string, string>) => T;
    validate: (i: T) => string[];
  },
  write: (strapi: Awaited<ReturnType<CliContext['boot']>>, input: T) => Promise<string>,
) => {
  const input = readInputFile(args, ctx, 'CSV file');
  if (!input) return 1;
  const { file } = input;
  let parsed: ReturnType<typeof csvRecords>;
  try {
    parsed = csvRecords(input.text);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    // A malformed file is refused whole: nothing is guessed, nothing is written.
    console.error(`error: ${file}: ${error.message}\nnothing was imported`);
    return 1;
  }
  const { header, records } = parsed;
  const missing = columns.required.filter((c) => !header.includes(c));
  if (missing.length) {
    console.error(
      `error: ${file}: missing column(s) ${missing.join(', ')} (header: ${header.join(', ')})`,
    );
    return 1;
  }
  const inputs = records.map(columns.toInput);
  const problems = inputs.flatMap((input, i) =>
    columns.validate(input).map((p) => `  row ${i + 2}: ${p}`),
  );
  if (problems.length) {
    console.error(
      `error: ${file}: ${problems.length} problem(s), nothing was imported:\n${problems.join('\n')}`,
    );
    return 1;
  }
  const strapi = await ctx.boot();
  const bar = new SingleBar(
    { format: '{bar} {value}/{total} {row}', hideCursor: true, noTTYOutput: !process.stdout.isTTY },
    Presets.shades_classic,
  );
  const tally: Record<string, number> = {};
  bar.start(inputs.length, 0, { row: '' });
  try {
    await strapi.db.transaction(async () => {
      for (const [i, input] of inputs.entries()) {
        try {
          const outcome = await write(strapi, input);
          tally[outcome] = (tally[outcome] ?? 0) + 1;
        } catch (error) {
          throw new Error(`row ${i + 2}: ${(error as Error).message} (nothing was imported)`);
        }
        bar.update(i + 1, { row: `row ${i + 2}` });
      }
    });
  } finally {
    bar.stop();
  }
  console.log(
    `${inputs.length} row(s): ${Object.entries(tally)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}`,
  );
  return 0;
};

export const importUnits: Command = {
  usage: 'import:units units.csv   (columns: code,name_th,name_en,group,parent,website,scheme)',
  summary: 'create or update many units from a CSV file',
  run: (args, ctx) =>
    importCsv<UnitInput>(
      args,
      ctx,
      {
        required: ['code', 'name_th', 'group'],
        toInput: (r) => ({
          code: r.code,
          nameTh: r.name_th,
          nameEn: r.name_en || undefined,
          group: r.group,
          parent: r.parent || undefined,
          websiteUrl: r.website || undefined,
          scheme: r.scheme || undefined,
        }),
        validate: validateUnitInput,
      },
      (strapi, input) => upsertUnit(strapi, input),
    ),
};

export const importUsers: Command = {
  usage: 'import:users users.csv   (columns: email,password,firstname,lastname,unit,role)',
  summary: 'create many users with their unit roles from a CSV file',
  run: (args, ctx) =>
    importCsv<UserInput>(
      args,
      ctx,
      {
        required: ['email', 'password', 'firstname', 'role'],
        toInput: (r) => ({
          email: r.email,
          password: r.password,
          firstname: r.firstname,
          lastname: r.lastname || undefined,
          unit: r.unit || undefined,
          role: r.role,
        }),
        validate: validateUserInput,
      },
      async (strapi, input) => {
        const r = await upsertUserMembership(strapi, input);
        return r.membership === 'created' ? 'membership(s) added' : 'unchanged';
      },
    ),
};
