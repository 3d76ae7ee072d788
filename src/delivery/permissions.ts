import type { Core } from '@strapi/strapi';
import { DISCLOSURE_TYPES, UNIT_UID } from '../disclosures/types';
import { CHECKLIST_UID, ITEM_UID } from '../ita/checklists';

const PERMISSION_UID = 'plugin::users-permissions.permission';
const ROLE_UID = 'plugin::users-permissions.role';

/** Read access the public API needs: find and findOne of every disclosure type, units, checklists. */
export const PUBLIC_READ_ACTIONS: readonly string[] = [
  ...DISCLOSURE_TYPES.map((t) => t.uid),
  UNIT_UID,
  CHECKLIST_UID,
  ITEM_UID,
].flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]);

/**
 * Grants the Public and Authenticated roles read access once per action: an action granted
 * before is remembered, so an administrator who later removes it in Settings keeps it removed.
 * What they can read is published content only (src/delivery/index.ts), whatever they ask.
 */
export const grantPublicRead = async (strapi: Core.Strapi): Promise<string[]> => {
  const store = strapi.store({ type: 'plugin', name: 'prongsai', key: 'public-read-granted' });
  const granted = new Set(((await store.get({})) as string[] | null) ?? []);
  const added: string[] = [];
  for (const type of ['public', 'authenticated']) {
    const role = (await strapi.db.query(ROLE_UID).findOne({ where: { type } })) as {
      id: number;
    } | null;
    if (!role) continue;
    for (const action of PUBLIC_READ_ACTIONS) {
      const mark = `${type}:${action}`;
      if (granted.has(mark)) continue;
      const exists = await strapi.db
        .query(PERMISSION_UID)
        .count({ where: { action, role: { id: role.id } } });
      if (!exists) {
        await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
        added.push(mark);
      }
      granted.add(mark);
    }
  }
  await store.set({ value: [...granted] });
  return added;
};
