import itaExport from './ita-export';
import itaImport from './ita-import';
import itaStartYear from './ita-start-year';
import itaCarryOver from './ita-carry-over';
import itaMappingDoc from './ita-mapping-doc';
import openapi from './openapi';
import auditVerify from './audit-verify';
import linksCheck from './links-check';
import participationPurge from './participation-purge';
import itaScoresImport from './ita-scores-import';
import { importUnits, importUsers, unitCreate, userCreate } from './units-users';
import { UsageError, type CliContext, type Command } from './args';

const COMMANDS: Record<string, Command> = {
  'ita:import': itaImport,
  'ita:export': itaExport,
  'ita:start-year': itaStartYear,
  'ita:carry-over': itaCarryOver,
  'ita:mapping-doc': itaMappingDoc,
  openapi,
  'unit:create': unitCreate,
  'user:create': userCreate,
  'import:units': importUnits,
  'import:users': importUsers,
  'audit:verify': auditVerify,
  'links:check': linksCheck,
  'participation:purge': participationPurge,
  'ita-scores:import': itaScoresImport,
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
    const e = error as {
      message?: string;
      details?: { errors?: Array<{ path: string; message: string }> };
    };
    console.error(`error: ${e.message ?? String(error)}`);
    return 1;
  }
};
