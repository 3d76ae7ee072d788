import { validateChecklistFile } from '../ita/checklist-file';
import { carryOver, formatCarrySummary } from '../compliance/carry-over';
import { importChecklist } from '../ita/checklists';
import { readInputFile, type Command } from './args';

const command: Command = {
  usage: 'ita:import <file.json>',
  summary: 'validate a checklist file and add or replace its (fiscal year, scheme)',
  async run(args, ctx) {
    const input = readInputFile(args, ctx, 'checklist file');
    if (!input) return 1;
    const { file } = input;
    let json: unknown;
    try {
      json = JSON.parse(input.text);
    } catch (error) {
      console.error(`error: ${file}: not valid JSON (${(error as Error).message})`);
      return 1;
    }
    // Validate before touching the database: on error nothing is written.
    const check = validateChecklistFile(json);
    if (!check.ok) {
      console.error(`error: ${file} is not a valid checklist (${check.errors.length} problem(s)):`);
      for (const e of check.errors) console.error(`  ${e.path}: ${e.message}`);
      return 1;
    }
    const strapi = await ctx.boot();
    const r = await importChecklist(strapi, check.value, { source: 'import' });
    console.log(
      `${r.replaced ? 'replaced' : 'added'} checklist ${r.fiscalYear} (${r.scheme}): ${r.created} item(s) added, ${r.updated} updated, ${r.removed} removed`,
    );
    const summary = await carryOver(strapi, r.fiscalYear, { schemes: [r.scheme] });
    for (const line of formatCarrySummary(summary)) console.log(line);
    return 0;
  },
};

export default command;
