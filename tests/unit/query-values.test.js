/**
 * The typed query rules without a server: which values each attribute type takes, and the
 * last-resort mapping of database data exceptions and unreadable bodies to a 400.
 */
const { errors } = require('@strapi/utils');
const { checkFilterValues, checkSort, checkSearch } = require('../../dist/src/common/query-values');
const badInput = require('../../dist/src/middlewares/bad-input').default;

const ROW = {
  modelType: 'component',
  attributes: { budget: { type: 'decimal' }, contractDate: { type: 'date' } },
};
const UNIT = { attributes: { code: { type: 'string' } } };
const NEWS = {
  attributes: {
    fiscalYear: { type: 'integer' },
    date: { type: 'date' },
    isNone: { type: 'boolean' },
    kind: { type: 'enumeration', enum: ['public_relations', 'event'] },
    publishAt: { type: 'datetime' },
    body: { type: 'blocks' },
    title: { type: 'string' },
    unit: { type: 'relation', target: 'unit' },
    rows: { type: 'component', component: 'row' },
  },
};
const resolve = (uid) => ({ unit: UNIT, row: ROW })[uid] ?? null;
const check = (filters) => () => checkFilterValues(filters, NEWS, resolve, 'reject');

test.each([
  [{ fiscalYear: { $eq: '2569' } }],
  [{ fiscalYear: '2569' }],
  [{ fiscalYear: { $in: ['2568', '2569'] } }],
  [{ fiscalYear: { $between: ['2568', '2569'] } }],
  [{ fiscalYear: { $containsi: '25' } }],
  [{ fiscalYear: ' 2569 ' }],
  [{ rows: { budget: { $gte: '1.5e3' } } }],
  [{ fiscalYear: { $eq: null } }],
  [{ date: { $gte: '2026-01-01' } }],
  [{ publishAt: { $lt: '2026-01-01T00:00:00.000Z' } }],
  [{ isNone: { $eq: 'false' } }],
  [{ kind: { $in: ['event'] } }],
  [{ kind: { $lt: 'zzz' } }],
  [{ title: { $contains: 'ข่าว' }, body: { $null: 'true' } }],
  [{ unit: { code: { $eq: 'ENG' } } }],
  [{ unit: { $in: ['1', '2'] } }],
  [{ unit: '3' }],
  [{ rows: { budget: { $lt: '10000' } } }],
  [{ $or: [{ fiscalYear: '2569' }, { $not: { kind: 'event' } }] }],
])('accepted: %j', (filters) => {
  expect(check(filters)).not.toThrow();
});

test.each([
  [{ fiscalYear: { $eq: 'abc' } }, 'filters[fiscalYear][$eq] must be an integer'],
  [{ fiscalYear: { $eq: '1.5' } }, 'must be an integer'],
  [{ fiscalYear: { $eq: '99999999999' } }, 'must be an integer'],
  [{ fiscalYear: { $in: ['2569', 'x'] } }, 'filters[fiscalYear][$in][1]'],
  [{ fiscalYear: { $between: ['2569'] } }, 'must be two values'],
  [{ fiscalYear: { $contains: '25' } }, 'use $containsi'],
  [{ fiscalYear: { $gt: { $eq: '1' } } }, 'must be a single value'],
  [{ date: { $eq: '2026-02-30' } }, 'must be a date'],
  [{ publishAt: { $eq: 'yesterday' } }, 'must be an ISO 8601 date-time'],
  [{ isNone: 'maybe' }, 'must be true or false'],
  [{ title: { $null: 'perhaps' } }, 'must be true or false'],
  [{ kind: 'nope' }, 'must be one of public_relations, event'],
  [{ body: { $eq: 'x' } }, 'can only be filtered with $null'],
  [{ body: 'x' }, 'can only be filtered with $null'],
  [{ unit: { id: { $eq: 'abc' } } }, 'filters[unit][id][$eq] must be an integer'],
  [{ unit: 'abc' }, 'filters[unit] must be an integer'],
  [{ unit: { $eq: '1', code: 'x' } }, 'not mixed with field names'],
  [{ unit: { $not: { code: 'x' } } }, 'put $not around it'],
  [{ rows: { budget: { $lt: 'abc' } } }, 'filters[rows][budget][$lt] must be a number'],
  [{ rows: { documentId: 'x' } }, 'is not a field of this type'],
  [{ nope: '1' }, 'is not a field of this type'],
  [{ $eq: '1' }, 'name a field first'],
  [{ $and: { x: { title: 'a' } } }, 'must be a list of conditions'],
  [{ title: { $foo: 'a' } }, 'unknown operator $foo'],
  [{ unit: { id: { $lte: '0x10' } } }, 'must be an integer'],
  [{ fiscalYear: '1e3' }, 'must be an integer'],
  [{ rows: { budget: '0x10' } }, 'must be a number'],
  [{ title: 'a\u0000b' }, 'must not contain a NUL character'],
  [{ title: { $containsi: '\u0000' } }, 'must not contain a NUL character'],
])('refused: %j', (filters, message) => {
  let error;
  try {
    check(filters)();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(errors.ValidationError);
  expect(error.message).toContain(message);
  expect(error.message).toMatch(/^ค่าของ .+ \/ /); // Thai first, then English
});

test('sort and _q', () => {
  expect(() => checkSort('title:ASC,unit.code:desc', NEWS, resolve)).not.toThrow();
  expect(() => checkSort({ date: 'desc' }, NEWS, resolve)).not.toThrow();
  expect(() => checkSort('nope:asc', NEWS, resolve)).toThrow(/Cannot sort by "nope"/);
  expect(() => checkSort('unit:asc', NEWS, resolve)).toThrow(/Cannot sort/);
  expect(() => checkSort('title:sideways', NEWS, resolve)).toThrow(/Malformed sort/);
  expect(() => checkSearch('ข่าว')).not.toThrow();
  expect(() => checkSearch({ x: '1' })).toThrow(/_q must be one text/);
});

describe('last resort: errors about the input become a 400', () => {
  const strapi = { log: { warn: jest.fn() } };
  const run = (error) =>
    badInput({}, { strapi })({ method: 'GET', path: '/x' }, async () => {
      throw error;
    });
  test.each([
    [
      'a PostgreSQL invalid input syntax',
      Object.assign(new Error('invalid input syntax for type integer: "abc"'), { code: '22P02' }),
    ],
    [
      'a PostgreSQL out-of-range value',
      Object.assign(new Error('value "99999999999" is out of range for type integer'), {
        code: '22003',
      }),
    ],
    ["@strapi/database's number cast", new Error('Expected a valid Number, got abc')],
    [
      'a broken multipart body',
      Object.assign(new Error('MultipartParser.end(): stream ended unexpectedly'), {
        code: 1012,
        httpCode: 400,
      }),
    ],
  ])('%s', async (_label, error) => {
    await expect(run(error)).rejects.toBeInstanceOf(errors.ValidationError);
  });
  test.each([
    ['a programming error', new TypeError('x is not a function')],
    [
      'a lost connection',
      Object.assign(new Error('Connection terminated'), { code: 'ECONNRESET' }),
    ],
    ['a unique violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
  ])('not %s', async (_label, error) => {
    await expect(run(error)).rejects.toBe(error);
  });
});
