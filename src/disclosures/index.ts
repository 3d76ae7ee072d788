import type { Core } from '@strapi/strapi';
import { registerDisclosureGuard } from './guard';
import { backfillUnitRef, ensureUnitRefIndexes } from './unit-ref';

export default {
  register(strapi: Core.Strapi) {
    registerDisclosureGuard(strapi);
  },
  async bootstrap(strapi: Core.Strapi) {
    const fixed = await backfillUnitRef(strapi);
    if (fixed > 0) strapi.log.info(`[disclosures] unitRef filled in on ${fixed} row(s)`);
    await ensureUnitRefIndexes(strapi);
  },
};
