/**
 * The link check (docs/compliance.md, "Link check"): for a fiscal year, requests the assessor URL
 * of every checklist item on each unit's own website (the URL /api/ita-links gives: `websiteUrl`
 * + `itaPathTemplate`) and every file of the unit's published entries for that year's items, and
 * stores per unit one row with a verdict per item and URL. Polite: bounded concurrency per host
 * and overall, a timeout, a User-Agent naming the product, never a request to another host than
 * the URL's own.
 */
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UNIT_UID } from '../../disclosures/types';
import { buildItaPage, type ItaPage } from '../../delivery/ita-page';
import { fiscalYearOf } from '../../ita/fiscal-year';
import { probe, semaphore, type ProbeResult } from './probe';

export const LINK_CHECK_UID = 'api::link-check.link-check' as UID.ContentType;
export const LINK_CHECK_CRON_RULE = '0 0 6 * * 1';
export const LINK_CHECK_CRON_TZ = 'Asia/Bangkok';

export type LinkVerdict = 'ok' | 'no_widget' | 'broken' | 'timeout' | 'redirected_away' | 'skipped';

/** What was asked and how it answered (see ProbeResult), and the verdict. */
export type LinkRow = Omit<ProbeResult, 'body'> & {
  item: string;
  kind: 'page' | 'file';
  /** For a file: the title of the entry it belongs to. */
  entry: string | null;
  /** Pages: the unit's ITA widget (`data-prongsai-ita` with `data-unit` = the unit code). */
  widget: boolean | null;
  /** Pages: the titles of the item's entries found on the page. */
  titlesFound: string[] | null;
  verdict: LinkVerdict;
};

export type LinkSummary = {
  urls: number;
  ok: number;
  broken: number;
  timeout: number;
  redirectedAway: number;
  noWidget: number;
  skipped: number;
};

export type UnitLinkCheck = {
  unit: string;
  fiscalYear: number;
  checkedAt: string;
  durationMs: number;
  websiteUrl: string | null;
  /** Why nothing was checked (no checklist for the unit's scheme, no website and no files). */
  note: string | null;
  summary: LinkSummary;
  results: LinkRow[];
};

const intEnv = (name: string, fallback: number, min = 1): number => {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n >= min ? Math.floor(n) : fallback;
};

export const linkCheckSettings = () => ({
  timeoutMs: intEnv('LINK_CHECK_TIMEOUT_MS', 10000, 100),
  perHost: intEnv('LINK_CHECK_HOST_CONCURRENCY', 2),
  overall: intEnv('LINK_CHECK_CONCURRENCY', 8),
});

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1));
      return Number.isFinite(code) && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
const normalise = (s: string) => decode(s).replace(/\s+/g, ' ').trim().toLowerCase();

/** Whether the HTML has an element `data-prongsai-ita` whose `data-unit` is the unit's code. */
export const hasWidget = (html: string, unitCode: string): boolean => {
  const code = unitCode.toLowerCase();
  for (const m of html.matchAll(/<[a-z][^>]*\bdata-prongsai-ita\b[^>]*>/gi)) {
    const unit = /\bdata-unit\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(m[0]);
    if (unit && (unit[1] ?? unit[2] ?? unit[3] ?? '').trim().toLowerCase() === code) return true;
  }
  return false;
};

const verdictOf = (p: ProbeResult, page: { widget: boolean; titles: number } | null) => {
  if (p.error === 'timeout') return 'timeout';
  if (p.error === 'bad_url') return 'skipped';
  if (p.redirectedTo) return 'redirected_away';
  if (p.error || p.status === null || p.status < 200 || p.status >= 300) return 'broken';
  if (page && !page.widget && !page.titles) return 'no_widget';
  return 'ok';
};

const emptySummary = (): LinkSummary => ({
  urls: 0,
  ok: 0,
  broken: 0,
  timeout: 0,
  redirectedAway: 0,
  noWidget: 0,
  skipped: 0,
});

const summarise = (rows: LinkRow[]): LinkSummary => {
  const s = emptySummary();
  s.urls = new Set(rows.map((r) => r.url.replace(/#.*$/, ''))).size;
  for (const r of rows) {
    if (r.verdict === 'ok') s.ok += 1;
    else if (r.verdict === 'broken') s.broken += 1;
    else if (r.verdict === 'timeout') s.timeout += 1;
    else if (r.verdict === 'redirected_away') s.redirectedAway += 1;
    else if (r.verdict === 'no_widget') s.noWidget += 1;
    else s.skipped += 1;
  }
  return s;
};

type Prober = (url: string, readBody: boolean) => Promise<ProbeResult>;

/** Probes shared by one run: each URL (without its #fragment) is requested once. */
const makeProber = (): Prober => {
  const settings = linkCheckSettings();
  const overall = semaphore(settings.overall);
  const hosts = new Map<string, ReturnType<typeof semaphore>>();
  const seen = new Map<string, Promise<ProbeResult>>();
  return (url, readBody) => {
    const key = `${readBody ? 'page' : 'file'} ${url.replace(/#.*$/, '')}`;
    let pending = seen.get(key);
    if (!pending) {
      let host = '';
      try {
        host = new URL(url).host;
      } catch {
        // probe() reports the bad URL.
      }
      let perHost = hosts.get(host);
      if (!perHost) hosts.set(host, (perHost = semaphore(settings.perHost)));
      pending = perHost(() =>
        overall(() => probe(url, { timeoutMs: settings.timeoutMs, readBody })),
      );
      seen.set(key, pending);
    }
    return pending;
  };
};

const checkPage = async (page: ItaPage, prober: Prober): Promise<LinkRow[]> => {
  const code = page.unit.code;
  const tasks: Array<Promise<LinkRow>> = [];
  for (const item of page.items) {
    if (item.url) {
      const url = item.url;
      const titles = [...new Set(item.entries.map((e) => e.title).filter(Boolean))];
      tasks.push(
        prober(url, true).then((p) => {
          const text = p.body === null ? null : normalise(p.body);
          const widget = p.body === null ? false : hasWidget(p.body, code);
          const titlesFound =
            text === null ? [] : titles.filter((t) => text.includes(normalise(t)));
          return {
            item: item.code,
            kind: 'page',
            entry: null,
            url,
            status: p.status,
            finalUrl: p.finalUrl,
            redirectedTo: p.redirectedTo,
            ms: p.ms,
            error: p.error,
            widget: p.body === null ? null : widget,
            titlesFound: p.body === null ? null : titlesFound,
            verdict: verdictOf(p, { widget, titles: titlesFound.length }),
          };
        }),
      );
    }
    for (const entry of item.entries)
      for (const file of entry.files) {
        const absolute = /^https?:\/\//i.test(file.url);
        tasks.push(
          (absolute
            ? prober(file.url, false)
            : Promise.resolve<ProbeResult>({
                url: file.url,
                status: null,
                finalUrl: file.url,
                redirectedTo: null,
                ms: 0,
                error: 'no_public_url',
                body: null,
              })
          ).then((p) => ({
            item: item.code,
            kind: 'file',
            entry: entry.title,
            url: file.url,
            status: p.status,
            finalUrl: p.finalUrl,
            redirectedTo: p.redirectedTo,
            ms: p.ms,
            error: p.error,
            widget: null,
            titlesFound: null,
            verdict: absolute ? verdictOf(p, null) : 'skipped',
          })),
        );
      }
  }
  return Promise.all(tasks);
};

type UnitRow = { id: number; code: string; websiteUrl: string | null };

/** Active units, optionally only `unitIds` (null = all) and `unitCodes`, by code. */
export const unitsInScope = async (
  strapi: Core.Strapi,
  unitIds: number[] | null,
  unitCodes: string[] | null,
): Promise<UnitRow[]> => {
  const where: Record<string, unknown> = { active: { $ne: false } };
  if (unitCodes) {
    const found = (await strapi.db.query(UNIT_UID).findMany({
      where: { code: { $in: unitCodes } },
      select: ['id', 'code'],
    })) as UnitRow[];
    const missing = unitCodes.filter((c) => !found.some((u) => u.code === c));
    if (missing.length)
      throw new errors.NotFoundError(
        `ไม่พบหน่วยงาน ${missing.join(', ')} / Unknown unit ${missing.join(', ')}`,
      );
    if (unitIds && found.some((u) => !unitIds.includes(u.id)))
      throw new errors.ForbiddenError(
        'ท่านไม่มีสิทธิ์ในหน่วยงานนี้ / You have no rights on this unit',
      );
    where.code = { $in: unitCodes };
  }
  if (unitIds) where.id = { $in: unitIds };
  return (await strapi.db.query(UNIT_UID).findMany({
    where,
    select: ['id', 'code', 'websiteUrl'],
    orderBy: [{ code: 'asc' }],
  })) as UnitRow[];
};

const store = async (strapi: Core.Strapi, r: UnitLinkCheck) => {
  const data = {
    unitCode: r.unit,
    fiscalYear: r.fiscalYear,
    checkedAt: new Date(r.checkedAt),
    durationMs: r.durationMs,
    summary: { ...r.summary, websiteUrl: r.websiteUrl, note: r.note },
    results: r.results,
  };
  const q = strapi.db.query(LINK_CHECK_UID);
  const existing = (await q.findOne({
    where: { unitCode: r.unit, fiscalYear: r.fiscalYear },
    select: ['id'],
  })) as { id: number } | null;
  if (existing) await q.update({ where: { id: existing.id }, data });
  else await q.create({ data });
};

/**
 * Checks the links of the given units for a fiscal year and stores the results (one row per unit
 * and year, replaced each run). `base`: the CMS's public URL for relative file URLs (none: such
 * files are "skipped").
 */
export const runLinkCheck = async (
  strapi: Core.Strapi,
  input: { fiscalYear: number; units: UnitRow[]; base: string },
): Promise<UnitLinkCheck[]> => {
  const prober = makeProber();
  const noChecklist = new Set<string>();
  const out = await Promise.all(
    input.units.map(async (unit): Promise<UnitLinkCheck> => {
      const started = Date.now();
      let page: ItaPage | null = null;
      let note: string | null = null;
      try {
        page = await buildItaPage(strapi, {
          unitCode: unit.code,
          fiscalYear: input.fiscalYear,
          base: input.base,
        });
      } catch (error) {
        if (!(error instanceof errors.NotFoundError)) throw error;
        note = (error as Error).message;
        noChecklist.add(unit.code);
      }
      const results = page ? await checkPage(page, prober) : [];
      if (page && !unit.websiteUrl)
        note = 'หน่วยงานยังไม่ได้ระบุเว็บไซต์ / The unit has no website URL';
      return {
        unit: unit.code,
        fiscalYear: input.fiscalYear,
        checkedAt: new Date(started).toISOString(),
        durationMs: Date.now() - started,
        websiteUrl: unit.websiteUrl ?? null,
        note,
        summary: summarise(results),
        results,
      };
    }),
  );
  if (out.length && noChecklist.size === out.length)
    throw new errors.NotFoundError(
      `ยังไม่มีรายการตรวจ ITA ปีงบประมาณ ${input.fiscalYear} / No ITA checklist for fiscal year ${input.fiscalYear}`,
    );
  for (const r of out) await store(strapi, r);
  return out;
};

const inFlight = new Map<string, Promise<UnitLinkCheck[]>>();

/** runLinkCheck, joined by an identical request while one is running (one run per scope). */
export const runLinkCheckOnce = (
  strapi: Core.Strapi,
  input: { fiscalYear: number; units: UnitRow[]; base: string },
): Promise<UnitLinkCheck[]> => {
  const key = `${input.fiscalYear}:${input.units.map((u) => u.id).join(',')}`;
  let running = inFlight.get(key);
  if (!running) {
    running = runLinkCheck(strapi, input).finally(() => inFlight.delete(key));
    inFlight.set(key, running);
  }
  return running;
};

type StoredRow = {
  unitCode: string;
  fiscalYear: number;
  checkedAt: string | Date;
  durationMs: number | null;
  summary: (LinkSummary & { websiteUrl?: string | null; note?: string | null }) | null;
  results: LinkRow[] | null;
};

/** The latest stored results of the units for a year (units never checked are left out). */
export const storedLinkChecks = async (
  strapi: Core.Strapi,
  fiscalYear: number,
  unitCodes: string[],
): Promise<UnitLinkCheck[]> => {
  if (!unitCodes.length) return [];
  const rows = (await strapi.db.query(LINK_CHECK_UID).findMany({
    where: { fiscalYear, unitCode: { $in: unitCodes } },
    select: ['unitCode', 'fiscalYear', 'checkedAt', 'durationMs', 'summary', 'results'],
    orderBy: [{ unitCode: 'asc' }],
  })) as StoredRow[];
  return rows.map((r) => {
    const {
      websiteUrl = null,
      note = null,
      ...summary
    } = r.summary ?? (emptySummary() as NonNullable<StoredRow['summary']>);
    return {
      unit: r.unitCode,
      fiscalYear: r.fiscalYear,
      checkedAt: new Date(r.checkedAt).toISOString(),
      durationMs: Number(r.durationMs ?? 0),
      websiteUrl,
      note,
      summary: { ...emptySummary(), ...summary },
      results: r.results ?? [],
    };
  });
};

/** One line per unit for the CLI and the log. */
export const summaryLine = (r: UnitLinkCheck): string => {
  const s = r.summary;
  return `${r.unit.padEnd(10)} ok ${s.ok}, broken ${s.broken + s.timeout}${s.timeout ? ` (${s.timeout} timeout)` : ''}, redirected away ${s.redirectedAway}, no widget ${s.noWidget}${s.skipped ? `, skipped ${s.skipped}` : ''}${r.note ? ` — ${r.note}` : ''}`;
};

/** Monday 06:00 Bangkok: the current fiscal year, every active unit. COMPLIANCE_SCHEDULER=false turns it off. */
export const registerLinkCheckScheduler = (strapi: Core.Strapi) => {
  if (process.env.COMPLIANCE_SCHEDULER === 'false') return;
  strapi.cron.add({
    complianceLinkCheck: {
      task: async () => {
        try {
          const base = (strapi.config.get('server.url') as string | undefined) ?? '';
          const results = await runLinkCheckOnce(strapi, {
            fiscalYear: fiscalYearOf(new Date()),
            units: await unitsInScope(strapi, null, null),
            base: base.replace(/\/+$/, ''),
          });
          const bad = results.reduce(
            (n, r) => n + r.summary.broken + r.summary.timeout + r.summary.redirectedAway,
            0,
          );
          strapi.log.info(
            `[compliance] link check: ${results.length} unit(s), ${bad} broken link(s)`,
          );
        } catch (error) {
          strapi.log.error(`[compliance] link check failed: ${(error as Error).message}`);
        }
      },
      options: { rule: LINK_CHECK_CRON_RULE, tz: LINK_CHECK_CRON_TZ },
    },
  });
};
