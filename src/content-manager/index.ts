import type { Core } from '@strapi/strapi';
import {
  COMMON_LABELS,
  DEFAULT_LIST_COLUMNS,
  HIDDEN_FIELDS,
  LIST_COLUMNS,
  MAIN_FIELD,
  REPLACED_DESCRIPTIONS,
  TYPE_LABELS,
} from './labels';

type Metadata = { edit?: Record<string, unknown>; list?: Record<string, unknown> };
type Configuration = {
  settings?: Record<string, unknown>;
  metadatas?: Record<string, Metadata>;
  layouts?: { list?: string[]; edit?: unknown };
};
type ConfigurableModel = {
  uid: string;
  attributes: Record<string, { type: string; target?: string }>;
};

const LAYOUT_VERSION = 6;

/** What a relation to these types shows in pickers and chips. */
const RELATION_LABEL: Record<string, string> = {
  'api::unit.unit': 'nameTh',
  'api::ita-item.ita-item': 'label',
  'api::work-group.work-group': 'name',
};

/**
 * Thai labels in the Content Manager. A label is set only while it is still Strapi's default
 * (the attribute name), so an administrator's own wording is never overwritten; list columns
 * and main fields are applied once per LAYOUT_VERSION.
 */
const configure = async (
  strapi: Core.Strapi,
  model: ConfigurableModel,
  kind: 'content-types' | 'components',
  applyLayout: boolean,
) => {
  const service = strapi.plugin('content-manager').service(kind) as {
    findConfiguration: (m: unknown) => Promise<Configuration>;
    updateConfiguration: (m: unknown, c: Configuration) => Promise<unknown>;
  };
  const config = await service.findConfiguration(model);
  const metadatas = config.metadatas ?? {};
  let changed = false;
  // Internal mirror of the unit relation (src/disclosures/guard.ts), and fields the system
  // writes (HIDDEN_FIELDS, e.g. a step's key): never shown or edited.
  const hidden = ['unitRef', ...(HIDDEN_FIELDS[model.uid] ?? [])];
  for (const name of hidden) {
    const internal = metadatas[name];
    if (internal?.edit && (internal.edit.visible !== false || internal.edit.editable !== false)) {
      internal.edit.visible = false;
      internal.edit.editable = false;
      changed = true;
    }
  }
  if (config.layouts && Array.isArray(config.layouts.edit)) {
    const rows = config.layouts.edit as Array<Array<{ name: string }>>;
    const pruned = rows
      .map((row) => row.filter((f) => !hidden.includes(f.name)))
      .filter((row) => row.length > 0);
    if (pruned.length !== rows.length || pruned.some((r, i) => r.length !== rows[i].length)) {
      config.layouts.edit = pruned;
      changed = true;
    }
  }
  // The workflow state and the publication time change only through transitions
  // (src/workflow); a membership's user id follows its e-mail: shown, not editable.
  // An item's label is written from its code, title and year (src/ita/checklists.ts).
  const derived = model.uid === 'api::ita-item.ita-item' ? ['label'] : [];
  for (const name of ['workflowState', 'publishAt', 'userId', 'tokenId', ...derived]) {
    const meta = metadatas[name];
    if (meta?.edit && meta.edit.editable !== false) {
      meta.edit.editable = false;
      changed = true;
    }
  }
  // Relation pickers and chips name what they point to (the unit's Thai name, not its code).
  for (const [field, attribute] of Object.entries(model.attributes)) {
    const shown =
      attribute.type === 'relation' && attribute.target && RELATION_LABEL[attribute.target];
    const edit = metadatas[field]?.edit as { mainField?: string } | undefined;
    if (shown && edit && edit.mainField !== shown && applyLayout) {
      edit.mainField = shown;
      changed = true;
    }
  }
  for (const field of Object.keys(model.attributes)) {
    if (field === 'unitRef') continue;
    const label = TYPE_LABELS[model.uid]?.[field] ?? COMMON_LABELS[field];
    const meta = metadatas[field];
    if (!label || !meta) continue;
    for (const view of ['edit', 'list'] as const) {
      const m = meta[view];
      if (m && (m.label === field || m.label === undefined)) {
        m.label = label.label;
        changed = true;
      }
    }
    if (meta.edit && label.description && !meta.edit.description) {
      meta.edit.description = label.description;
      changed = true;
    }
  }
  // Corrected help texts replace the shipped ones they supersede (an administrator's own stays).
  for (const [field, meta] of Object.entries(metadatas)) {
    const current = meta.edit?.description;
    if (!meta.edit || typeof current !== 'string' || !REPLACED_DESCRIPTIONS.includes(current))
      continue;
    const next = TYPE_LABELS[model.uid]?.[field]?.description ?? COMMON_LABELS[field]?.description;
    if (next !== current) {
      meta.edit.description = next ?? '';
      changed = true;
    }
  }
  if (applyLayout && kind === 'content-types') {
    const columns = (LIST_COLUMNS[model.uid] ?? DEFAULT_LIST_COLUMNS).filter(
      (c) => c in model.attributes,
    );
    config.layouts = { ...(config.layouts ?? {}), list: columns };
    const mainField = MAIN_FIELD[model.uid] ?? ('title' in model.attributes ? 'title' : undefined);
    if (mainField)
      config.settings = {
        ...(config.settings ?? {}),
        mainField,
        defaultSortBy: mainField === 'title' ? 'updatedAt' : mainField,
        defaultSortOrder: mainField === 'title' ? 'DESC' : 'ASC',
      };
    changed = true;
  }
  if (changed) {
    const { settings, metadatas: m, layouts } = { ...config, metadatas };
    await service.updateConfiguration(model, { settings, metadatas: m, layouts });
  }
};

export default {
  async bootstrap(strapi: Core.Strapi) {
    const store = strapi.store({ type: 'plugin', name: 'prongsai', key: 'cm-layout-version' });
    const applied = Number(await store.get({})) || 0;
    const applyLayout = applied < LAYOUT_VERSION;
    for (const [uid, ct] of Object.entries(strapi.contentTypes)) {
      if (!uid.startsWith('api::')) continue;
      await configure(strapi, ct as unknown as ConfigurableModel, 'content-types', applyLayout);
    }
    for (const [uid, comp] of Object.entries(strapi.components)) {
      if (!/^(shared|procurement|integrity)\./.test(uid)) continue;
      await configure(strapi, comp as unknown as ConfigurableModel, 'components', false);
    }
    if (applyLayout) await store.set({ value: LAYOUT_VERSION });
  },
};
