import type { Core } from '@strapi/strapi';
import { loadShippedChecklists } from './checklists';
import { registerChecklistGuard } from './guard';

/** The checklist domain: shipped lists loaded at start, integrity rules on every write. */
export default {
  register(strapi: Core.Strapi) {
    registerChecklistGuard(strapi);
  },
  async bootstrap(strapi: Core.Strapi) {
    const loaded = await loadShippedChecklists(strapi);
    for (const r of loaded) {
      strapi.log.info(
        `[ita] loaded shipped checklist ${r.fiscalYear} (${r.scheme}): ${r.created} items`,
      );
    }
  },
};
