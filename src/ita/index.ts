import type { Core } from '@strapi/strapi';
import { ensureCarriedIndexes } from '../compliance/carry-over';
import { ITEM_UID, itemLabel, loadShippedChecklists } from './checklists';
import { registerChecklistGuard } from './guard';

/** The checklist domain: shipped lists loaded at start, integrity rules on every write. */
/** Items saved before they had a label (a database from an earlier version) get one. */
const backfillItemLabels = async (strapi: Core.Strapi) => {
  const rows = (await strapi.db.query(ITEM_UID).findMany({
    where: { label: { $null: true } },
    select: ['id', 'code', 'titleTh'],
    populate: { checklist: { select: ['fiscalYear'] } },
  })) as Array<{ id: number; code: string; titleTh: string; checklist?: { fiscalYear: number } }>;
  for (const row of rows) {
    if (!row.checklist) continue;
    await strapi.db.query(ITEM_UID).update({
      where: { id: row.id },
      data: { label: itemLabel(row.code, row.titleTh, row.checklist.fiscalYear) },
    });
  }
};

export default {
  register(strapi: Core.Strapi) {
    registerChecklistGuard(strapi);
    // Writing checklists needs update permission on the checklist type itself (super admins have
    // it; unit roles only read checklists).
    const manage = {
      policies: [
        'admin::isAuthenticatedAdmin',
        {
          name: 'admin::hasPermissions',
          config: {
            actions: [
              ['plugin::content-manager.explorer.update', 'api::ita-checklist.ita-checklist'],
            ],
          },
        },
      ],
    };
    const read = { policies: ['admin::isAuthenticatedAdmin'] };
    // Evidence elements: whoever may update checklist items (administrators).
    const editItems = {
      policies: [
        'admin::isAuthenticatedAdmin',
        {
          name: 'admin::hasPermissions',
          config: {
            actions: [['plugin::content-manager.explorer.update', 'api::ita-item.ita-item']],
          },
        },
      ],
    };
    strapi.server.routes({
      type: 'admin',
      prefix: '/ita',
      routes: [
        {
          method: 'POST',
          path: '/checklists/import',
          handler: 'api::ita-admin.ita-admin.import',
          config: manage,
        },
        {
          method: 'GET',
          path: '/checklists/export',
          handler: 'api::ita-admin.ita-admin.export',
          config: read,
        },
        {
          method: 'POST',
          path: '/checklists/start-year',
          handler: 'api::ita-admin.ita-admin.startYear',
          config: manage,
        },
        {
          method: 'POST',
          path: '/carry-over',
          handler: 'api::ita-admin.ita-admin.carryOver',
          config: manage,
        },
        {
          method: 'GET',
          path: '/checklists',
          handler: 'api::ita-admin.ita-admin.checklists',
          config: read,
        },
        {
          method: 'GET',
          path: '/checklists/items',
          handler: 'api::ita-admin.ita-admin.items',
          config: read,
        },
        {
          method: 'PUT',
          path: '/items/:documentId/elements',
          handler: 'api::ita-admin.ita-admin.updateElements',
          config: editItems,
        },
      ],
    } as never);
  },
  async bootstrap(strapi: Core.Strapi) {
    // The carried-evidence indexes, before anything publishes (seed, scheduler).
    await ensureCarriedIndexes(strapi);
    const loaded = await loadShippedChecklists(strapi);
    await backfillItemLabels(strapi);
    for (const r of loaded) {
      strapi.log.info(
        `[ita] loaded shipped checklist ${r.fiscalYear} (${r.scheme}): ${r.created} items`,
      );
    }
  },
};
