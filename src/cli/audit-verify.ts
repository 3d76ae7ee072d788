import { verifyChain } from '../workflow/audit';
import type { Command } from './args';

const command: Command = {
  usage: 'audit:verify',
  summary: 'walk the workflow audit chain; report the first edited, missing or reordered event',
  async run(_args, ctx) {
    const strapi = await ctx.boot();
    const result = await verifyChain(strapi);
    if (result.ok) {
      console.log(`audit chain intact: ${result.events} event(s)`);
      return 0;
    }
    console.error(
      `audit chain broken at event ${result.firstBad} of ${result.events}: ${result.problem}`,
    );
    return 1;
  },
};

export default command;
