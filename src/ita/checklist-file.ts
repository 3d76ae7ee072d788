/**
 * The checklist exchange format (the files in src/ita/data, `npm run ita:import`/`ita:export`):
 *   { fiscal_year_be, scheme, completeness?, status?, indicators: [ { code, title_th, title_en,
 *     subindicators: [ { code, title_th, title_en, uncertain?, items: [ { code, title_th,
 *     title_en, cadence, elements?, uncertain?, topics? } ] } ] } ] }
 * Validation names the JSON path of every problem; nothing is written unless the whole file is valid.
 */
import { isCadence, CADENCES, type Cadence } from './cadence';
import { parseFiscalYear, MIN_FISCAL_YEAR, MAX_FISCAL_YEAR } from './fiscal-year';
import { isTopic, topicsFromTitle, type Topic } from './topics';

export const SCHEME_PATTERN = /^[a-z][a-z0-9-]{1,49}$/;
export const ITEM_CODE_PATTERN = /^[A-Z]{1,3}[0-9]{1,3}(\.[0-9]{1,2})?$/;
export const CHECKLIST_STATUSES = ['official', 'provisional'] as const;
export type ChecklistStatus = (typeof CHECKLIST_STATUSES)[number];

export type FileItem = {
  code: string;
  title_th: string;
  title_en?: string;
  cadence: Cadence;
  elements?: string[];
  uncertain?: string[];
  topics?: string[];
};
export type FileSubindicator = {
  code: string | null;
  title_th: string;
  title_en?: string;
  uncertain?: string[];
  items: FileItem[];
};
export type FileIndicator = {
  code: string;
  title_th: string;
  title_en?: string;
  subindicators: FileSubindicator[];
};
export type ChecklistFile = {
  fiscal_year_be: number;
  scheme: string;
  completeness?: string;
  status?: ChecklistStatus;
  indicators: FileIndicator[];
};

export type Issue = { path: string; message: string };

/** One item as stored (api::ita-item.ita-item), before it is tied to its checklist. */
export type ItemRecord = {
  code: string;
  titleTh: string;
  titleEn: string | null;
  cadence: Cadence;
  titleUncertain: boolean;
  cadenceUncertain: boolean;
  elements: string[] | null;
  topics: Topic[];
  position: number;
  indicatorCode: string | null;
  indicatorTitleTh: string | null;
  indicatorTitleEn: string | null;
  subindicatorCode: string | null;
  subindicatorTitleTh: string | null;
  subindicatorTitleEn: string | null;
  subindicatorUncertain: string[] | null;
};

const ITEM_UNCERTAIN = ['title', 'cadence'];

/** Limits of an item's evidence elements (what the page must show; ticked at approval). */
export const MAX_ELEMENTS = 100;
export const MAX_ELEMENT_LENGTH = 1000;

/**
 * What is wrong with a list of evidence elements, in Thai and English, or null: each a non-empty
 * text of at most MAX_ELEMENT_LENGTH characters, no two alike (the approval's ticks are matched
 * by text), at most MAX_ELEMENTS. One rule for the import file, the Document Service and the
 * elements editor.
 */
export const elementsIssue = (value: unknown): { th: string; en: string } | null => {
  if (!Array.isArray(value) || !value.every((e) => typeof e === 'string'))
    return { th: 'องค์ประกอบต้องเป็นรายการข้อความ', en: 'elements must be an array of strings' };
  if (value.length > MAX_ELEMENTS)
    return {
      th: `องค์ประกอบมีได้ไม่เกิน ${MAX_ELEMENTS} รายการ`,
      en: `at most ${MAX_ELEMENTS} elements`,
    };
  const seen = new Set<string>();
  for (const [i, e] of (value as string[]).entries()) {
    const t = e.trim();
    if (!t) return { th: `องค์ประกอบลำดับที่ ${i + 1} ว่าง`, en: `element ${i + 1} is empty` };
    if (t.length > MAX_ELEMENT_LENGTH)
      return {
        th: `องค์ประกอบลำดับที่ ${i + 1} ยาวเกิน ${MAX_ELEMENT_LENGTH} ตัวอักษร`,
        en: `element ${i + 1} is longer than ${MAX_ELEMENT_LENGTH} characters`,
      };
    if (seen.has(t))
      return {
        th: `องค์ประกอบลำดับที่ ${i + 1} ซ้ำกับรายการก่อนหน้า`,
        en: `element ${i + 1} repeats an earlier one`,
      };
    seen.add(t);
  }
  return null;
};
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const validateChecklistFile = (
  input: unknown,
): { ok: true; value: ChecklistFile } | { ok: false; errors: Issue[] } => {
  const errors: Issue[] = [];
  const err = (path: string, message: string) => errors.push({ path, message });

  const str = (v: unknown, path: string, opts: { required?: boolean; max?: number } = {}) => {
    if (v === undefined || v === null || v === '') {
      if (opts.required) err(path, 'is required (a non-empty string)');
      return;
    }
    if (typeof v !== 'string') err(path, `must be a string, got ${typeof v}`);
    else if (opts.max && v.length > opts.max) err(path, `is longer than ${opts.max} characters`);
  };
  const strList = (v: unknown, path: string, allowed?: readonly string[]) => {
    if (v === undefined || v === null) return;
    if (!Array.isArray(v)) return err(path, 'must be an array of strings');
    v.forEach((x, i) => {
      if (typeof x !== 'string') err(`${path}[${i}]`, 'must be a string');
      else if (allowed && !allowed.includes(x))
        err(`${path}[${i}]`, `unknown value "${x}" (expected one of: ${allowed.join(', ')})`);
    });
  };

  if (!isObject(input)) {
    return { ok: false, errors: [{ path: '$', message: 'must be a JSON object' }] };
  }
  const year = parseFiscalYear(input.fiscal_year_be as unknown);
  if (year === null) {
    err(
      '$.fiscal_year_be',
      `must be a Buddhist-Era fiscal year between ${MIN_FISCAL_YEAR} and ${MAX_FISCAL_YEAR}, got ${JSON.stringify(input.fiscal_year_be)}`,
    );
  }
  if (typeof input.scheme !== 'string' || !SCHEME_PATTERN.test(input.scheme)) {
    err(
      '$.scheme',
      `must be a lower-case scheme name such as "general", got ${JSON.stringify(input.scheme)}`,
    );
  }
  str(input.completeness, '$.completeness', { max: 2000 });
  if (input.status !== undefined && !CHECKLIST_STATUSES.includes(input.status as ChecklistStatus)) {
    err('$.status', `must be "official" or "provisional", got ${JSON.stringify(input.status)}`);
  }
  if (!Array.isArray(input.indicators) || input.indicators.length === 0) {
    err('$.indicators', 'must be a non-empty array');
    return { ok: false, errors };
  }

  const codes = new Map<string, string>();
  let itemCount = 0;
  input.indicators.forEach((ind: unknown, i: number) => {
    const ip = `$.indicators[${i}]`;
    if (!isObject(ind)) return err(ip, 'must be an object');
    str(ind.code, `${ip}.code`, { required: true, max: 20 });
    str(ind.title_th, `${ip}.title_th`, { required: true, max: 500 });
    str(ind.title_en, `${ip}.title_en`, { max: 500 });
    if (!Array.isArray(ind.subindicators) || ind.subindicators.length === 0) {
      return err(`${ip}.subindicators`, 'must be a non-empty array');
    }
    ind.subindicators.forEach((sub: unknown, j: number) => {
      const sp = `${ip}.subindicators[${j}]`;
      if (!isObject(sub)) return err(sp, 'must be an object');
      if (sub.code !== null && sub.code !== undefined) str(sub.code, `${sp}.code`, { max: 20 });
      str(sub.title_th, `${sp}.title_th`, { required: true, max: 500 });
      str(sub.title_en, `${sp}.title_en`, { max: 500 });
      strList(sub.uncertain, `${sp}.uncertain`);
      if (!Array.isArray(sub.items) || sub.items.length === 0) {
        return err(`${sp}.items`, 'must be a non-empty array');
      }
      sub.items.forEach((item: unknown, k: number) => {
        const p = `${sp}.items[${k}]`;
        itemCount += 1;
        if (!isObject(item)) return err(p, 'must be an object');
        if (typeof item.code !== 'string' || !ITEM_CODE_PATTERN.test(item.code)) {
          err(`${p}.code`, `must be an item code such as "O12", got ${JSON.stringify(item.code)}`);
        } else if (codes.has(item.code)) {
          err(`${p}.code`, `duplicate item code "${item.code}" (also at ${codes.get(item.code)})`);
        } else {
          codes.set(item.code, `${p}.code`);
        }
        str(item.title_th, `${p}.title_th`, { required: true, max: 500 });
        str(item.title_en, `${p}.title_en`, { max: 500 });
        if (!isCadence(item.cadence)) {
          err(
            `${p}.cadence`,
            `unknown cadence ${JSON.stringify(item.cadence)} (expected one of: ${CADENCES.join(', ')})`,
          );
        }
        strList(item.elements, `${p}.elements`);
        if (Array.isArray(item.elements) && item.elements.every((e) => typeof e === 'string')) {
          const issue = elementsIssue(item.elements);
          if (issue) err(`${p}.elements`, issue.en);
        }
        strList(item.uncertain, `${p}.uncertain`, ITEM_UNCERTAIN);
        if (item.topics !== undefined) {
          if (!Array.isArray(item.topics)) err(`${p}.topics`, 'must be an array of topic names');
          else
            item.topics.forEach((t: unknown, n: number) => {
              if (!isTopic(t))
                err(
                  `${p}.topics[${n}]`,
                  `unknown topic ${JSON.stringify(t)} (see docs/checklist-mapping.md)`,
                );
            });
        }
      });
    });
  });
  if (errors.length === 0 && itemCount === 0) err('$.indicators', 'contains no items');
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: { ...(input as unknown as ChecklistFile), fiscal_year_be: year as number },
  };
};

/** The items of a valid file as records, in file order, topics filled from titles where absent. */
export const itemRecordsOf = (file: ChecklistFile): ItemRecord[] => {
  const records: ItemRecord[] = [];
  for (const ind of file.indicators) {
    for (const sub of ind.subindicators) {
      for (const item of sub.items) {
        const uncertain = item.uncertain ?? [];
        records.push({
          code: item.code,
          titleTh: item.title_th,
          titleEn: item.title_en ?? null,
          cadence: item.cadence,
          titleUncertain: uncertain.includes('title'),
          cadenceUncertain: uncertain.includes('cadence'),
          elements: item.elements && item.elements.length > 0 ? item.elements : null,
          topics: (item.topics as Topic[] | undefined) ?? topicsFromTitle(item.title_th),
          position: records.length + 1,
          indicatorCode: ind.code,
          indicatorTitleTh: ind.title_th,
          indicatorTitleEn: ind.title_en ?? null,
          subindicatorCode: sub.code ?? null,
          subindicatorTitleTh: sub.title_th,
          subindicatorTitleEn: sub.title_en ?? null,
          subindicatorUncertain: sub.uncertain && sub.uncertain.length > 0 ? sub.uncertain : null,
        });
      }
    }
  }
  return records;
};

type StoredItem = Omit<ItemRecord, 'topics' | 'elements' | 'subindicatorUncertain'> & {
  topics: unknown;
  elements: unknown;
  subindicatorUncertain: unknown;
};

const asStrings = (v: unknown): string[] | undefined =>
  Array.isArray(v) && v.length > 0
    ? v.filter((x): x is string => typeof x === 'string')
    : undefined;

/** The exchange format of a stored checklist; items are grouped back in position order. */
export const checklistFileOf = (
  checklist: {
    fiscalYear: number;
    scheme: string;
    completeness?: string | null;
    status: ChecklistStatus;
  },
  items: StoredItem[],
): ChecklistFile => {
  const indicators: FileIndicator[] = [];
  const sorted = [...items].sort((a, b) => a.position - b.position || a.code.localeCompare(b.code));
  for (const it of sorted) {
    let ind = indicators[indicators.length - 1];
    if (!ind || ind.code !== (it.indicatorCode ?? '')) {
      ind = {
        code: it.indicatorCode ?? '',
        title_th: it.indicatorTitleTh ?? '',
        title_en: it.indicatorTitleEn ?? undefined,
        subindicators: [],
      };
      indicators.push(ind);
    }
    let sub = ind.subindicators[ind.subindicators.length - 1];
    if (
      !sub ||
      sub.code !== it.subindicatorCode ||
      sub.title_th !== (it.subindicatorTitleTh ?? '')
    ) {
      sub = {
        code: it.subindicatorCode,
        title_th: it.subindicatorTitleTh ?? '',
        title_en: it.subindicatorTitleEn ?? undefined,
        uncertain: asStrings(it.subindicatorUncertain),
        items: [],
      };
      ind.subindicators.push(sub);
    }
    const uncertain = [
      ...(it.titleUncertain ? ['title'] : []),
      ...(it.cadenceUncertain ? ['cadence'] : []),
    ];
    sub.items.push({
      code: it.code,
      title_th: it.titleTh,
      title_en: it.titleEn ?? undefined,
      cadence: it.cadence,
      elements: asStrings(it.elements),
      uncertain: uncertain.length > 0 ? uncertain : undefined,
      topics: asStrings(it.topics),
    });
  }
  return {
    fiscal_year_be: checklist.fiscalYear,
    scheme: checklist.scheme,
    completeness: checklist.completeness ?? undefined,
    status: checklist.status,
    indicators,
  };
};
