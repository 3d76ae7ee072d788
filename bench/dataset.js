#!/usr/bin/env node
/**
 * The dataset of the public delivery benchmark: 30 units × 3 fiscal years (2567–2569) and about
 * 50,000 published disclosure entries over the 13 disclosure types, each linked to 1–2 items of
 * its unit's checklist for its year (the latest earlier list when the year has none, as the
 * editor's suggestions do), about a third with 1–2 attached files.
 *
 * Units are created through the Document Service; the entries are written with knex in batches
 * inside one transaction, in Strapi 5's layout: a draft row and a published row per document
 * sharing `document_id`, their own unit / checklist-item link rows, components and file links.
 * Every table and column name comes from `strapi.db.metadata`. Deterministic (seeded), so both
 * databases get the same content.
 *
 *   node bench/dataset.js                      # SQLite, a temporary file, removed afterwards
 *   node bench/dataset.js --db postgres        # PostgreSQL, a new database, dropped afterwards
 *   node bench/dataset.js --sqlite-file .tmp/bench.db --keep   # keep it for bench/delivery.js
 *   options: --entries 50000 --units 30 --rev REV | --dist DIR (see bench/boot.js)
 *            --years 2566,2568,2569 (the three fiscal years; default 2567,2568,2569 — 2566 gives a
 *            year with its own 43-item list, for bench/compliance.js)
 */
const path = require('path');

const YEARS = [2567, 2568, 2569];
const UNIT_UID = 'api::unit.unit';
const CHECKLIST_UID = 'api::ita-checklist.ita-checklist';
const FILE_UID = 'plugin::upload.file';
const CODE_PREFIX = 'BU';

/** Entries per unit and year of the types with a fixed count; the rest share what is left. */
const FIXED = {
  'procurement-summary': 12, // one per month
  'unit-profile': 1,
  executive: 5,
  'policy-declaration': 4,
  'e-service': 4,
  qa: 3,
};
const WEIGHTS = {
  news: 35,
  'procurement-announcement': 33,
  activity: 15,
  report: 8,
  plan: 4,
  law: 2,
  manual: 3,
};
/** Components written with an entry: count per document, by attribute name. */
const COMPONENTS = { rows: 3, period: 1, contact: 1, socialChannels: 2 };
const ATTACHMENT_SHARE = 1 / 3;

const GROUPS = ['faculty', 'office', 'division_centre', 'school', 'provincial_agency'];
const UNIT_NAMES = [
  'คณะวิศวกรรมศาสตร์',
  'คณะวิทยาศาสตร์',
  'คณะแพทยศาสตร์',
  'คณะพยาบาลศาสตร์',
  'คณะเกษตรศาสตร์',
  'คณะมนุษยศาสตร์และสังคมศาสตร์',
  'คณะบริหารธุรกิจ',
  'คณะศึกษาศาสตร์',
  'คณะนิติศาสตร์',
  'คณะสถาปัตยกรรมศาสตร์',
  'สำนักงานอธิการบดี',
  'สำนักหอสมุด',
  'สำนักทะเบียนและประมวลผล',
  'สำนักคอมพิวเตอร์',
  'สำนักบริการวิชาการ',
  'กองคลัง',
  'กองบริหารงานบุคคล',
  'กองแผนงาน',
  'กองพัสดุ',
  'กองกิจการนักศึกษา',
  'ศูนย์เครื่องมือวิทยาศาสตร์',
  'ศูนย์ภาษา',
  'โรงเรียนสาธิต',
  'โรงเรียนมัธยมสาธิต',
  'สำนักงานจังหวัดนครราชสีมา',
  'สำนักงานจังหวัดขอนแก่น',
  'สำนักงานจังหวัดเชียงใหม่',
  'สำนักงานจังหวัดสงขลา',
  'สำนักงานจังหวัดอุดรธานี',
  'สำนักงานจังหวัดภูเก็ต',
];
const TYPE_TH = {
  'unit-profile': 'ข้อมูลพื้นฐาน',
  executive: 'ผู้บริหาร',
  law: 'กฎหมายที่เกี่ยวข้อง',
  news: 'ข่าวประชาสัมพันธ์',
  qa: 'ถาม-ตอบ',
  'e-service': 'บริการออนไลน์',
  plan: 'แผน',
  report: 'รายงาน',
  manual: 'คู่มือ',
  'procurement-announcement': 'ประกาศจัดซื้อจัดจ้าง',
  'procurement-summary': 'สรุปผลการจัดซื้อจัดจ้าง',
  activity: 'กิจกรรม',
  'policy-declaration': 'ประกาศนโยบาย',
};
const MONTHS_TH = [
  'มกราคม',
  'กุมภาพันธ์',
  'มีนาคม',
  'เมษายน',
  'พฤษภาคม',
  'มิถุนายน',
  'กรกฎาคม',
  'สิงหาคม',
  'กันยายน',
  'ตุลาคม',
  'พฤศจิกายน',
  'ธันวาคม',
];

/** mulberry32: a small seeded PRNG, so that every run (and both databases) get the same data. */
const prng = (seed) => {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    id: (n = 24) => {
      const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
      let s = alphabet[Math.floor(next() * 26)];
      while (s.length < n) s += alphabet[Math.floor(next() * 36)];
      return s;
    },
  };
};

const pad = (n, w = 2) => String(n).padStart(w, '0');
const isoDate = (d) => d.toISOString().slice(0, 10);
/** 1 Oct (Y−544) … 30 Sep (Y−543): a fiscal year in CE dates (midday UTC, Bangkok same day). */
const fiscalYearStart = (fy) => Date.UTC(fy - 544, 9, 1, 5);
const dayInYear = (rnd, fy) => new Date(fiscalYearStart(fy) + rnd.int(0, 364) * 86400000);
const blocks = (text) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];
const asJson = (value) => JSON.stringify(value);

/**
 * Values for one entry, by attribute name (only attributes the type has are written). `day` is the
 * entry's date; `n` its number within the unit and year.
 */
const entryValues = ({ rnd, type, kind, unit, fy, n, day }) => {
  const label = `${TYPE_TH[type]} ${unit.nameTh}`;
  const v = {
    title: `${label} ฉบับที่ ${n}/${fy}`,
    body: asJson(
      blocks(
        `${label} ปีงบประมาณ ${fy} รายการที่ ${n} ข้อมูลเพื่อการเปิดเผยต่อสาธารณะตามเกณฑ์การประเมิน ITA`,
      ),
    ),
    date: isoDate(day),
    kind,
    isNone: false,
    noneText: null,
  };
  if (rnd.next() < 0.02) {
    v.isNone = true;
    v.noneText = `ไม่มี${TYPE_TH[type]}ในปีงบประมาณ ${fy}`;
  }
  switch (type) {
    case 'executive':
      v.title = `ผู้บริหาร ${unit.nameTh} คนที่ ${n}`;
      v.position = n === 1 ? 'ผู้อำนวยการ' : 'รองผู้อำนวยการ';
      v.phone = `0-4320-${pad(rnd.int(0, 9999), 4)}`;
      v.email = `exec${n}.${unit.code.toLowerCase()}@example.ac.th`;
      v.sortOrder = n;
      v.termStart = isoDate(day);
      break;
    case 'law':
      v.enactedDate = isoDate(day);
      v.sourceUrl = `https://www.ratchakitcha.soc.go.th/documents/${rnd.int(10000, 99999)}.pdf`;
      break;
    case 'e-service':
      v.url = `https://${unit.code.toLowerCase()}.example.ac.th/e-service/${n}`;
      v.howTo = 'กรอกแบบฟอร์มออนไลน์และติดตามสถานะได้ทางอีเมล';
      break;
    case 'qa':
      v.question = `สอบถามเรื่องการให้บริการของ${unit.nameTh} ข้อที่ ${n}`;
      v.answer = 'ติดต่อได้ในวันและเวลาราชการ หรือผ่านช่องทางออนไลน์';
      v.channelUrl = `https://${unit.code.toLowerCase()}.example.ac.th/qa`;
      break;
    case 'procurement-announcement':
      v.projectName = `จัดซื้อครุภัณฑ์ ${unit.nameTh} โครงการที่ ${n}`;
      v.budget = rnd.int(50, 5000) * 1000;
      v.method = rnd.pick(['e_bidding', 'e_market', 'selection', 'specific']);
      break;
    case 'procurement-summary': {
      v.month = n; // 1..12
      const ce = n >= 10 ? fy - 544 : fy - 543;
      v.title = `สรุปผลการจัดซื้อจัดจ้าง ${unit.nameTh} เดือน${MONTHS_TH[n - 1]} ${ce + 543}`;
      break;
    }
    case 'policy-declaration':
      v.signedBy = `ผู้อำนวยการ${unit.nameTh}`;
      break;
    case 'unit-profile':
      v.title = `ข้อมูลพื้นฐาน ${unit.nameTh}`;
      v.vision = `${unit.nameTh} มุ่งสู่ความเป็นเลิศ โปร่งใส และตรวจสอบได้`;
      v.mission = 'ให้บริการอย่างมีคุณภาพ เปิดเผยข้อมูลต่อสาธารณะ';
      break;
    default:
      break;
  }
  return v;
};

const componentValues = (rnd, componentUid, { fy, unit, k }) => {
  switch (componentUid) {
    case 'shared.period': {
      const start = new Date(fiscalYearStart(fy));
      return { startDate: isoDate(start), endDate: `${fy - 543}-09-30`, label: `ปีงบประมาณ ${fy}` };
    }
    case 'procurement.row': {
      const budget = rnd.int(10, 500) * 1000;
      return {
        sequence: k + 1,
        workItem: `จัดซื้อวัสดุสำนักงาน รายการที่ ${k + 1}`,
        budget,
        referencePrice: budget,
        method: rnd.pick(['specific', 'selection', 'e_bidding', 'e_market']),
        selectedSupplier: `ห้างหุ้นส่วนจำกัด ทดสอบ ${rnd.int(1, 99)}`,
        agreedPrice: Math.round(budget * 0.97),
        selectionReason: 'ราคาต่ำสุดและคุณสมบัติครบถ้วน',
        contractNumber: `${rnd.int(1, 999)}/${fy}`,
        contractDate: isoDate(dayInYear(rnd, fy)),
      };
    }
    case 'shared.contact':
      return {
        address: `${unit.nameTh} ถนนมิตรภาพ`,
        phone: '0-4320-2222',
        email: `contact.${unit.code.toLowerCase()}@example.ac.th`,
        website: unit.websiteUrl,
      };
    case 'shared.social-link':
      return {
        platform: k === 0 ? 'facebook' : 'line',
        url: `https://example.com/${unit.code.toLowerCase()}/${k}`,
        label: k === 0 ? 'Facebook' : 'LINE',
      };
    default:
      return null;
  }
};

/** { attribute: value } → { column: value } for the attributes that map to a column of `meta`. */
const toColumns = (meta, values) => {
  const row = {};
  for (const [name, value] of Object.entries(values)) {
    const attr = meta.attributes[name];
    if (attr && attr.columnName) row[attr.columnName] = value;
  }
  return row;
};

/**
 * Inserts rows in chunks within SQLite's limits (knex writes a multi-row insert as a compound
 * SELECT: at most 500 terms, 32,766 parameters) and PostgreSQL's (65,535 parameters).
 */
const insertRows = async (trx, table, rows, returning) => {
  if (!rows.length) return [];
  const columns = Object.keys(rows[0]).length || 1;
  const size = Math.max(1, Math.min(400, Math.floor(16000 / columns)));
  const out = [];
  for (let i = 0; i < rows.length; i += size) {
    const q = trx(table).insert(rows.slice(i, i + size));
    if (returning) out.push(...(await q.returning(returning)));
    else await q;
  }
  return out;
};

/** Items of each fiscal year's checklist for a scheme, with the types (and kinds) they accept. */
const loadItems = async (strapi, scheme, satisfiersOf, years = YEARS) => {
  const lists = await strapi.db.query(CHECKLIST_UID).findMany({
    where: { scheme },
    select: ['id', 'fiscalYear', 'status'],
    populate: { items: { select: ['id', 'code', 'topics'] } },
  });
  const byYear = new Map();
  for (const year of years) {
    // The year's own list, else the latest earlier one (what suggestChecklistItems does).
    const list = lists
      .filter((l) => l.fiscalYear <= year)
      .sort((a, b) => b.fiscalYear - a.fiscalYear || (a.status === 'official' ? -1 : 1))[0];
    if (!list || !list.items.length)
      throw new Error(`no ${scheme} checklist for ${year} or earlier: the dataset needs one`);
    const items = list.items.map((it) => {
      const topics = typeof it.topics === 'string' ? JSON.parse(it.topics) : it.topics || [];
      return { id: it.id, code: it.code, satisfiers: satisfiersOf(topics) };
    });
    byYear.set(year, { fiscalYear: list.fiscalYear, items });
  }
  return byYear;
};

/**
 * Kind and 1–2 checklist items for an entry of `type`: an item that this type answers decides the
 * kind (its satisfier's, or any of the type's when the item accepts every kind), a second item
 * that accepts the same type and kind is added half of the time. Types no item asks for in that
 * year get a random kind and 1–2 random items.
 */
const pickLinks = (rnd, type, kinds, items) => {
  const candidates = [];
  for (const it of items)
    for (const s of it.satisfiers) if (s.type === type) candidates.push({ it, kind: s.kind });
  if (!candidates.length) {
    const a = rnd.pick(items);
    const b = rnd.pick(items);
    return { kind: kinds ? rnd.pick(kinds) : null, itemIds: [...new Set([a.id, b.id])] };
  }
  const first = rnd.pick(candidates);
  const kind = first.kind || (kinds ? rnd.pick(kinds) : null);
  const itemIds = [first.it.id];
  if (rnd.next() < 0.5) {
    const others = candidates.filter(
      (c) => c.it.id !== first.it.id && (c.kind === null || c.kind === kind),
    );
    if (others.length) itemIds.push(rnd.pick(others).it.id);
  }
  return { kind, itemIds };
};

/** Entries per type for one unit and year, `total` in all (fixed counts first, then weights). */
const perBucket = (total) => {
  const counts = { ...FIXED };
  const rest = Math.max(0, total - Object.values(FIXED).reduce((a, b) => a + b, 0));
  const weightSum = Object.values(WEIGHTS).reduce((a, b) => a + b, 0);
  let given = 0;
  const names = Object.keys(WEIGHTS);
  names.forEach((name, i) => {
    const n =
      i === names.length - 1 ? rest - given : Math.floor((rest * WEIGHTS[name]) / weightSum);
    counts[name] = n;
    given += n;
  });
  return counts;
};

const createUnits = async (strapi, count) => {
  const units = [];
  for (let i = 0; i < count; i += 1) {
    const code = `${CODE_PREFIX}${pad(i + 1)}`;
    const existing = await strapi.db.query(UNIT_UID).findOne({ where: { code } });
    const unit =
      existing ||
      (await strapi.documents(UNIT_UID).create({
        data: {
          code,
          nameTh: UNIT_NAMES[i % UNIT_NAMES.length] + (i >= UNIT_NAMES.length ? ` ${i + 1}` : ''),
          nameEn: `Benchmark unit ${i + 1}`,
          group: GROUPS[i % GROUPS.length],
          scheme: 'general',
          websiteUrl: `https://${code.toLowerCase()}.example.ac.th`,
        },
      }));
    units.push(unit);
  }
  return units;
};

/**
 * Builds the dataset in `strapi` (loaded, not necessarily listening). When the bench units and
 * entries are there already (a kept database), counts them and returns `{ reused: true }`;
 * when other disclosure entries are there, refuses.
 */
const buildDataset = async (strapi, options = {}) => {
  const unitCount = Number(options.units || 30);
  const total = Number(options.entries || 50000);
  const rnd = prng(Number(options.seed || 20261124));
  const log = options.log || ((m) => console.error(`[dataset] ${m}`));
  const years = parseYears(options.years);
  const { DISCLOSURE_TYPES } = require(path.join(strapi.dirs.dist.src, 'disclosures', 'types'));
  const { satisfiersOf } = require(path.join(strapi.dirs.dist.src, 'ita', 'topics'));
  const knex = strapi.db.connection;
  const started = Date.now();

  const existingEntries = await countPublished(strapi, DISCLOSURE_TYPES);
  const benchUnits = await strapi.db
    .query(UNIT_UID)
    .count({ where: { code: { $startsWith: CODE_PREFIX } } });
  if (existingEntries > 0) {
    if (benchUnits >= unitCount) {
      const units = await strapi.db.query(UNIT_UID).findMany({
        where: { code: { $startsWith: CODE_PREFIX } },
        orderBy: { code: 'asc' },
      });
      return {
        reused: true,
        years: await storedYears(strapi, DISCLOSURE_TYPES),
        unitList: units,
        units: units.length,
        documents: existingEntries,
        ms: Date.now() - started,
      };
    }
    throw new Error(`the database holds ${existingEntries} entries already: use an empty one`);
  }

  const units = await createUnits(strapi, unitCount);
  const unitsMs = Date.now() - started;
  const itemsByYear = await loadItems(strapi, 'general', satisfiersOf, years);
  const buckets = unitCount * years.length;
  const stats = {
    units: units.length,
    documents: 0,
    rows: 0,
    unitLinks: 0,
    itemLinks: 0,
    files: 0,
    fileLinks: 0,
    components: 0,
    byType: {},
  };
  await knex.transaction(async (trx) => {
    for (const type of DISCLOSURE_TYPES) {
      const ct = strapi.contentType(type.uid);
      const meta = strapi.db.metadata.get(type.uid);
      const kinds = ct.attributes.kind ? ct.attributes.kind.enum : null;
      const docs = [];
      for (let b = 0; b < buckets; b += 1) {
        const unit = units[b % unitCount];
        const fy = years[Math.floor(b / unitCount)];
        // Spread the remainder so that the total is exact.
        const bucketTotal = Math.floor(total / buckets) + (b < total % buckets ? 1 : 0);
        const count = perBucket(bucketTotal)[type.name] || 0;
        const { items } = itemsByYear.get(fy);
        for (let n = 1; n <= count; n += 1) {
          const { kind, itemIds } = pickLinks(rnd, type.name, kinds, items);
          const day = dayInYear(rnd, fy);
          const values = entryValues({ rnd, type: type.name, kind, unit, fy, n, day });
          const documentId = rnd.id();
          values.slug = `${type.name}-${unit.code.toLowerCase()}-${fy}-${n}`;
          values.unitRef = unit.id;
          values.fiscalYear = fy;
          values.workflowState = 'published';
          values.locale = null;
          values.createdAt = day;
          values.updatedAt = day;
          const files = [];
          if (rnd.next() < ATTACHMENT_SHARE && !values.isNone) {
            const nFiles = rnd.int(1, 2);
            for (let f = 0; f < nFiles; f += 1) files.push(fileRow(rnd, values.title, f, day));
          }
          docs.push({ documentId, values, unit, fy, itemIds, files, published: new Date(day) });
        }
      }

      // Entries: a draft row and a published row per document.
      const rows = [];
      for (const d of docs) {
        const base = { ...d.values, documentId: d.documentId };
        rows.push(toColumns(meta, { ...base, publishedAt: null }));
        rows.push(toColumns(meta, { ...base, publishedAt: d.published }));
      }
      const idCol = meta.attributes.id.columnName || 'id';
      const docCol = meta.attributes.documentId.columnName;
      const pubCol = meta.attributes.publishedAt.columnName;
      const inserted = await insertRows(trx, meta.tableName, rows, [idCol, docCol, pubCol]);
      const ids = new Map(docs.map((d) => [d.documentId, {}]));
      for (const r of inserted) ids.get(r[docCol])[r[pubCol] === null ? 'draft' : 'pub'] = r[idCol];
      const rowIdsOf = (d) => [ids.get(d.documentId).draft, ids.get(d.documentId).pub];

      // Unit and checklist-item links, one set per row.
      const unitJoin = meta.attributes.unit.joinTable;
      const unitLinks = [];
      const itemJoin = meta.attributes.checklistItems.joinTable;
      const itemLinks = [];
      for (const d of docs) {
        for (const rowId of rowIdsOf(d)) {
          const u = {
            [unitJoin.joinColumn.name]: rowId,
            [unitJoin.inverseJoinColumn.name]: d.unit.id,
          };
          if (unitJoin.orderColumnName) u[unitJoin.orderColumnName] = 1;
          unitLinks.push(u);
          d.itemIds.forEach((itemId, k) => {
            const l = {
              [itemJoin.joinColumn.name]: rowId,
              [itemJoin.inverseJoinColumn.name]: itemId,
            };
            if (itemJoin.orderColumnName) l[itemJoin.orderColumnName] = k + 1;
            itemLinks.push(l);
          });
        }
      }
      await insertRows(trx, unitJoin.name, unitLinks);
      await insertRows(trx, itemJoin.name, itemLinks);

      // Files and their morph links (field "attachments") to both rows.
      const fileMeta = strapi.db.metadata.get(FILE_UID);
      const morph = fileMeta.attributes.related.joinTable;
      const fileDocs = docs.filter((d) => d.files.length);
      const fileRows = fileDocs.flatMap((d) => d.files.map((f) => toColumns(fileMeta, f)));
      const fileIdCol = fileMeta.attributes.id.columnName || 'id';
      const fileDocCol = fileMeta.attributes.documentId.columnName;
      const fileIds = new Map(
        (await insertRows(trx, fileMeta.tableName, fileRows, [fileIdCol, fileDocCol])).map((r) => [
          r[fileDocCol],
          r[fileIdCol],
        ]),
      );
      const fileLinks = [];
      for (const d of fileDocs) {
        for (const rowId of rowIdsOf(d)) {
          d.files.forEach((f, k) => {
            fileLinks.push({
              [morph.joinColumn.name]: fileIds.get(f.documentId),
              [morph.morphColumn.idColumn.name]: rowId,
              [morph.morphColumn.typeColumn.name]: type.uid,
              field: 'attachments',
              order: k + 1,
            });
          });
        }
      }
      await insertRows(trx, morph.name, fileLinks);

      // Components (procurement rows, report/plan period, profile contact and social links).
      let components = 0;
      for (const [attrName, perDoc] of Object.entries(COMPONENTS)) {
        const attr = ct.attributes[attrName];
        if (!attr || attr.type !== 'component') continue;
        const cmpMeta = strapi.db.metadata.get(attr.component);
        const join = meta.attributes[attrName].joinTable;
        const n = attr.repeatable ? perDoc : 1;
        const owners = [];
        const cmpRows = [];
        for (const d of docs) {
          for (const rowId of rowIdsOf(d)) {
            for (let k = 0; k < n; k += 1) {
              const values = componentValues(rnd, attr.component, { fy: d.fy, unit: d.unit, k });
              if (!values) continue;
              cmpRows.push(toColumns(cmpMeta, values));
              owners.push({ rowId, k });
            }
          }
        }
        const cmpIdCol = cmpMeta.attributes.id.columnName || 'id';
        // One row at a time would be slow; ids of a multi-row insert come back in order on both
        // databases for a plain INSERT … RETURNING without conflicts.
        const cmpIds = (await insertRows(trx, cmpMeta.tableName, cmpRows, [cmpIdCol])).map(
          (r) => r[cmpIdCol],
        );
        if (cmpIds.length !== owners.length) throw new Error(`${attr.component}: ids lost`);
        const links = owners.map((o, i) => ({
          [join.joinColumn.name]: o.rowId,
          [join.inverseJoinColumn.name]: cmpIds[i],
          component_type: attr.component,
          field: attrName,
          [join.orderColumnName || 'order']: o.k + 1,
        }));
        await insertRows(trx, join.name, links);
        components += cmpIds.length;
      }

      stats.byType[type.name] = docs.length;
      stats.documents += docs.length;
      stats.rows += rows.length;
      stats.unitLinks += unitLinks.length;
      stats.itemLinks += itemLinks.length;
      stats.files += fileRows.length;
      stats.fileLinks += fileLinks.length;
      stats.components += components;
      log(`${type.name}: ${docs.length} documents`);
    }
  });
  const insertMs = Date.now() - started - unitsMs;

  // PostgreSQL: vacuumed and with statistics, as autovacuum leaves the tables a minute later
  // (and so that autovacuum does not start on 100,000 fresh rows in the middle of a run).
  let analyzeMs = 0;
  if (strapi.db.dialect.client === 'postgres') {
    const t = Date.now();
    await knex.raw('VACUUM ANALYZE');
    analyzeMs = Date.now() - t;
  }
  return {
    reused: false,
    ...stats,
    years,
    checklistYears: Object.fromEntries([...itemsByYear].map(([y, v]) => [y, v.fiscalYear])),
    unitList: units,
    ms: Date.now() - started,
    unitsMs,
    insertMs,
    analyzeMs,
  };
};

const fileRow = (rnd, title, k, day) => {
  const hash = `${rnd.id(10)}_${randomHex(rnd)}`;
  const isImage = rnd.next() < 0.2;
  const ext = isImage ? '.jpg' : '.pdf';
  return {
    documentId: rnd.id(),
    name: `${title.slice(0, 60)}${k ? ` (${k + 1})` : ''}${ext}`,
    alternativeText: null,
    caption: null,
    width: isImage ? 1600 : null,
    height: isImage ? 1200 : null,
    formats: null,
    hash,
    ext,
    mime: isImage ? 'image/jpeg' : 'application/pdf',
    size: Math.round(rnd.int(20, 5000) * 100 + rnd.next() * 100) / 100, // kB, as Strapi stores it
    url: `/uploads/${hash}${ext}`,
    previewUrl: null,
    provider: 'local',
    provider_metadata: null,
    folderPath: '/',
    createdAt: day,
    updatedAt: day,
    publishedAt: day,
    locale: null,
  };
};
const randomHex = (rnd) =>
  Array.from({ length: 10 }, () => '0123456789abcdef'[rnd.int(0, 15)]).join('');

/** `--years 2566,2568,2569` (a string or an array) → [2566, 2568, 2569]; default YEARS. */
const parseYears = (value) => {
  if (value === undefined || value === null || value === true || value === '') return YEARS;
  const list = (Array.isArray(value) ? value : String(value).split(','))
    .map((y) => Number(String(y).trim()))
    .filter((y) => Number.isInteger(y));
  if (!list.length || list.some((y) => y < 2500 || y > 2700))
    throw new Error(`--years must list Buddhist-era fiscal years, e.g. 2567,2568,2569: ${value}`);
  return [...new Set(list)].sort((a, b) => a - b);
};

/** Fiscal years of the published entries of a kept dataset (from the news items). */
const storedYears = async (strapi, types) => {
  const type = types.find((t) => t.name === 'news') || types[0];
  const meta = strapi.db.metadata.get(type.uid);
  const fyCol = meta.attributes.fiscalYear && meta.attributes.fiscalYear.columnName;
  if (!fyCol) return YEARS;
  const rows = await strapi.db
    .connection(meta.tableName)
    .distinct(fyCol)
    .whereNotNull(meta.attributes.publishedAt.columnName)
    .orderBy(fyCol);
  return rows.map((r) => Number(r[fyCol]));
};

const countPublished = async (strapi, types) => {
  let n = 0;
  for (const t of types)
    n += await strapi.db.query(t.uid).count({ where: { publishedAt: { $notNull: true } } });
  return n;
};

const printStats = (s, client) => {
  if (s.reused) {
    console.log(
      `Dataset reused (${client}): ${s.documents} published entries, ${s.units} units${s.years ? `, fiscal years ${s.years.join(', ')}` : ''}.`,
    );
    return;
  }
  console.log(`\nDataset (${client}): ${s.units} units × fiscal years ${s.years.join(', ')}`);
  console.log(
    `  ${s.documents} published documents (${s.rows} rows with their drafts), ${s.unitLinks} unit links, ${s.itemLinks} checklist-item links, ${s.files} files (${s.fileLinks} file links), ${s.components} component rows`,
  );
  console.log(
    `  checklists used: ${Object.entries(s.checklistYears)
      .map(([y, l]) => (Number(y) === l ? `${y}` : `${y} → ${l}'s list`))
      .join(', ')}`,
  );
  console.log(
    `  per type: ${Object.entries(s.byType)
      .map(([t, n]) => `${t} ${n}`)
      .join(', ')}`,
  );
  console.log(
    `  built in ${(s.ms / 1000).toFixed(1)} s (units via the Document Service ${(s.unitsMs / 1000).toFixed(1)} s, bulk insert ${(s.insertMs / 1000).toFixed(1)} s${s.analyzeMs ? `, VACUUM ANALYZE ${(s.analyzeMs / 1000).toFixed(1)} s` : ''})`,
  );
};

/** A database error quotes the whole statement: keep its start and the reason at its end. */
const shortError = (error) => {
  const message = String((error && error.message) || error);
  const text = message.length > 900 ? `${message.slice(0, 300)} … ${message.slice(-400)}` : message;
  const frames = String((error && error.stack) || '')
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .slice(0, 6)
    .join('\n');
  return `${text}\n${frames}`;
};

module.exports = { buildDataset, printStats, shortError, YEARS, CODE_PREFIX };

if (require.main === module) {
  const { parseArgs, resolveDist, prepareDatabase, bootStrapi } = require('./boot');
  (async () => {
    const args = parseArgs();
    const { appDir, distDir } = resolveDist({ dist: args.dist, rev: args.rev });
    const database = await prepareDatabase({
      db: args.db || 'sqlite',
      keep: Boolean(args.keep),
      sqliteFile: args['sqlite-file'],
      pgDatabase: args['pg-database'],
    });
    let stop = null;
    try {
      const booted = await bootStrapi({ appDir, distDir, database });
      stop = booted.stop;
      const stats = await buildDataset(booted.strapi, {
        entries: args.entries,
        units: args.units,
        years: args.years,
      });
      printStats(stats, `${booted.strapi.db.dialect.client}, ${database.label}`);
    } finally {
      if (stop) await stop();
      await database.drop();
    }
    process.exit(0);
  })().catch((error) => {
    console.error(shortError(error));
    process.exit(1);
  });
}
